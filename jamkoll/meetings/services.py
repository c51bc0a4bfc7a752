"""State changes for meetings, agendas, minutes, dialogue meetings and the year wheel.

Every function is keyword-only, atomic, takes the acting user (`by`), checks the
permission itself and leaves the audit trail to django-simple-history.
"""

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.meetings import permissions
from jamkoll.meetings.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Commitment,
    Correction,
    Decision,
    DevelopmentNeed,
    DialogueQuestion,
    Meeting,
    Minutes,
    MinutesApproval,
    YearWheelRule,
)
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.members.models import Membership, Person
from jamkoll.organisations.models import Organisation

MINUTES_LOCKED = _(
    "The minutes have been signed and are locked. Changes can only be made as a recorded "
    "correction."
)
MINUTES_NOT_LOCKED = _("The minutes are not locked; edit them directly instead.")
NOT_AN_APPROVER = _(
    "Only the designated approvers (justerare) can approve the minutes."
)
APPROVER_NOT_MEMBER = _("%(name)s does not hold a mandate in %(body)s.")
NO_APPROVERS = _("Designate at least one approver before the minutes can be approved.")
CORRECTION_REASON_REQUIRED = _("Say why the minutes are corrected.")
CORRECTION_NO_CHANGE = _("The correction does not change anything.")
UNKNOWN_FIELD = _("That part of the minutes cannot be corrected.")
NOT_DIALOGUE = _(
    "Questions, commitments and development needs belong to dialogue meetings."
)

CORRECTABLE_ITEM_FIELDS = ("discussion", "decision", "responsible")


def _save(obj: Model, by: User, *, reason: str = "") -> None:
    obj._history_user = by  # type: ignore[attr-defined]
    if reason:
        obj._change_reason = reason  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()


def _require_edit(by: User, obj: object) -> None:
    if not permissions.can_edit(by, obj):
        raise PermissionDenied


def _require_unlocked(meeting: Meeting) -> None:
    if Minutes.objects.filter(meeting=meeting, locked_at__isnull=False).exists():
        raise ValidationError(MINUTES_LOCKED)


# --- Meetings and attendance ------------------------------------------------------


@transaction.atomic
def save_meeting(
    *,
    organisation: Organisation,
    by: User,
    meeting: Meeting | None = None,
    **fields: Any,
) -> Meeting:
    """Plan or change a meeting of the body; its (empty) minutes are created with it."""
    _require_edit(by, organisation)
    meeting = meeting or Meeting(organisation=organisation)
    if meeting.organisation_id != organisation.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(meeting, name, value)
    _save(meeting, by)
    if not Minutes.objects.filter(meeting=meeting).exists():
        _save(Minutes(meeting=meeting), by)
    return meeting


def body_mandates(meeting: Meeting) -> list[Membership]:
    """Mandates in the body on the meeting date (members first, then substitutes)."""
    return list(
        Membership.objects.filter(unit=meeting.body, starts_on__lte=meeting.held_on)
        .exclude(ends_on__lt=meeting.held_on)
        .exclude(term__ends_on__lt=meeting.held_on)
        .select_related("person", "person__party")
        .order_by("role", "person__last_name", "person__first_name")
    )


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    by: User,
    capacities: Mapping[int, str],
    officials: Iterable[str] = (),
) -> list[Attendance]:
    """Replace the meeting's attendance: `capacities` maps person ids (who must hold a
    mandate in the body) to a capacity; `officials` are names of officials present."""
    _require_edit(by, meeting)
    allowed = {m.person_id for m in body_mandates(meeting)}
    unknown = set(capacities) - allowed
    if unknown:
        raise ValidationError(
            _("Only people with a mandate in the body can be marked present.")
        )
    meeting.attendances.all().delete()
    rows = []
    for person_id, capacity in capacities.items():
        if (
            capacity not in Attendance.Capacity.values
            or capacity == Attendance.Capacity.OFFICIAL
        ):
            raise ValidationError(_("Choose a valid capacity."))
        rows.append(Attendance(meeting=meeting, person_id=person_id, capacity=capacity))
    for name in officials:
        if name.strip():
            rows.append(
                Attendance(
                    meeting=meeting,
                    name=name.strip()[:160],
                    capacity=Attendance.Capacity.OFFICIAL,
                )
            )
    for row in rows:
        _save(row, by)
    return rows


# --- Agenda -----------------------------------------------------------------------


def _next_position(meeting: Meeting) -> int:
    current = meeting.agenda_items.aggregate(top=Max("position"))["top"]
    return (current or 0) + 1


@transaction.atomic
def save_agenda_item(
    *, meeting: Meeting, by: User, item: AgendaItem | None = None, **fields: Any
) -> AgendaItem:
    """Add an item at the end of the agenda, or change one; not once minutes are locked."""
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    if item is None:
        item = AgendaItem(meeting=meeting, position=_next_position(meeting))
    elif item.meeting_id != meeting.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(item, name, value)
    _save(item, by)
    return item


@transaction.atomic
def add_suggested_items(
    *, meeting: Meeting, by: User, suggestions: Iterable[Suggestion]
) -> list[AgendaItem]:
    """Put picked suggestions on the agenda, each source at most once."""
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    present = set(
        meeting.agenda_items.exclude(source_ref="").values_list("source_ref", flat=True)
    )
    position = _next_position(meeting)
    items = []
    for suggestion in suggestions:
        if suggestion.source_ref in present:
            continue
        present.add(suggestion.source_ref)
        item = AgendaItem(
            meeting=meeting,
            position=position,
            title=suggestion.title[:300],
            source_kind=suggestion.kind[:40],
            source_ref=suggestion.source_ref,
            source_url=suggestion.url[:300],
            documents=suggestion.url,
        )
        _save(item, by)
        items.append(item)
        position += 1
    return items


def _renumber(meeting: Meeting, ordered: list[AgendaItem], by: User) -> None:
    for number, item in enumerate(ordered, start=1):
        if item.position != number:
            item.position = number
            item._history_user = by  # type: ignore[attr-defined]
            item.save(update_fields=["position", "updated_at"])


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, by: User, direction: str) -> AgendaItem:
    """Move an item one step "up" or "down"; the agenda is renumbered 1…n."""
    meeting = item.meeting
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    ordered = list(meeting.agenda_items.order_by("position", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered) and direction in {"up", "down"}:
        ordered[index], ordered[target] = ordered[target], ordered[index]
    _renumber(meeting, ordered, by)
    item.refresh_from_db()
    return item


@transaction.atomic
def delete_agenda_item(*, item: AgendaItem, by: User) -> None:
    meeting = item.meeting
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    item._history_user = by  # type: ignore[attr-defined]
    item.delete()
    _renumber(meeting, list(meeting.agenda_items.order_by("position", "pk")), by)


# --- Minutes ----------------------------------------------------------------------


@transaction.atomic
def save_item_minutes(
    *, item: AgendaItem, by: User, discussion: str, decision: str, responsible: str
) -> AgendaItem:
    """Write an item's discussion, decision (beslut) and responsible person."""
    _require_edit(by, item.meeting)
    _require_unlocked(item.meeting)
    item.discussion, item.decision, item.responsible = discussion, decision, responsible
    _save(item, by)
    return item


@transaction.atomic
def save_minutes(
    *, minutes: Minutes, by: User, remarks: str, approvers: Iterable[Person]
) -> Minutes:
    """Set the protocol remarks and designate the approvers (justerare), who must hold a
    mandate in the body."""
    meeting = minutes.meeting
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    approvers = list(approvers)
    allowed = {m.person_id for m in body_mandates(meeting)}
    errors = [
        APPROVER_NOT_MEMBER % {"name": person, "body": meeting.body}
        for person in approvers
        if person.pk not in allowed
    ]
    if errors:
        raise ValidationError({"approvers": errors})
    minutes.remarks = remarks
    _save(minutes, by)
    minutes.approvers.set(approvers)
    return minutes


@transaction.atomic
def approve_minutes(*, minutes: Minutes, by: User, today: dt.date) -> MinutesApproval:
    """Sign the minutes as a designated approver (justering).

    The minutes lock at the first signature and count as approved when every designated
    approver has signed. Administrators cannot sign for someone else. Raises
    PermissionDenied for anyone else.
    """
    minutes = (
        Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    )
    if not minutes.approvers.exists():
        raise ValidationError(NO_APPROVERS)
    if not permissions.can_approve(by, minutes):
        raise PermissionDenied(NOT_AN_APPROVER)
    person = permissions.approver_person(by, minutes)
    assert person is not None  # noqa: S101 - can_approve checked it
    approval = MinutesApproval(
        minutes=minutes, person=person, signed_by=by, approved_on=today
    )
    _save(approval, by, reason=gettext("Approved by %(name)s") % {"name": person})
    if minutes.locked_at is None:
        minutes.locked_at = timezone.now()
    signed = set(minutes.approvals.values_list("person_id", flat=True))
    if signed >= set(minutes.approvers.values_list("pk", flat=True)):
        minutes.approved_on = today
    _save(
        minutes,
        by,
        reason=gettext("Signed (justerat) by %(name)s") % {"name": person},
    )
    return approval


@transaction.atomic
def correct_minutes(
    *,
    minutes: Minutes,
    by: User,
    field: str,
    new_value: str,
    reason: str,
    item: AgendaItem | None = None,
) -> Correction:
    """Change locked minutes through a recorded correction: who, when, why and what.

    `field` is "remarks" (with no item) or one of discussion/decision/responsible of an
    item of the same meeting.
    """
    meeting = minutes.meeting
    _require_edit(by, meeting)
    minutes.refresh_from_db(fields=["locked_at", "approved_on"])
    if not minutes.is_locked:
        raise ValidationError(MINUTES_NOT_LOCKED)
    if not reason.strip():
        raise ValidationError({"reason": CORRECTION_REASON_REQUIRED})
    if item is None:
        if field != "remarks":
            raise ValidationError({"field": UNKNOWN_FIELD})
        target: Model = minutes
    else:
        if item.meeting_id != meeting.pk or field not in CORRECTABLE_ITEM_FIELDS:
            raise ValidationError({"field": UNKNOWN_FIELD})
        target = item
    old_value = getattr(target, field)
    if old_value == new_value:
        raise ValidationError({"new_value": CORRECTION_NO_CHANGE})
    correction = Correction(
        minutes=minutes,
        agenda_item=item,
        field=field,
        old_value=old_value,
        new_value=new_value,
        reason=reason.strip(),
        made_by=by,
    )
    _save(correction, by)
    setattr(target, field, new_value)
    _save(
        target,
        by,
        reason=gettext("Correction: %(reason)s") % {"reason": reason.strip()},
    )
    return correction


# --- Decisions that create work (uppdrag) ------------------------------------------


@transaction.atomic
def add_decision(
    *, item: AgendaItem, by: User, text: str, responsible: str, due_on: dt.date | None
) -> Decision:
    """Record an assignment (uppdrag) decided under an agenda item."""
    meeting = item.meeting
    _require_edit(by, meeting)
    _require_unlocked(meeting)
    decision = Decision(
        organisation_id=meeting.organisation_id,
        agenda_item=item,
        text=text,
        responsible=responsible,
        due_on=due_on,
    )
    _save(decision, by)
    return decision


@transaction.atomic
def follow_up_decision(
    *, decision: Decision, by: User, follow_up: str, completed_on: dt.date | None
) -> Decision:
    """Note how an assignment is going, and close it with the date it was done."""
    _require_edit(by, decision)
    decision.follow_up = follow_up
    decision.completed_on = completed_on
    _save(decision, by)
    return decision


# --- Dialogue meetings ------------------------------------------------------------


def _require_dialogue(meeting: Meeting, by: User) -> None:
    _require_edit(by, meeting)
    if not meeting.is_dialogue:
        raise ValidationError(NOT_DIALOGUE)


@transaction.atomic
def add_question(
    *, meeting: Meeting, by: User, text: str, source_ref: str = "", source_url: str = ""
) -> DialogueQuestion:
    """Add a question to send to the counterpart before a dialogue meeting."""
    _require_dialogue(meeting, by)
    question = DialogueQuestion(
        meeting=meeting, text=text, source_ref=source_ref, source_url=source_url
    )
    _save(question, by)
    return question


@transaction.atomic
def mark_questions_sent(*, meeting: Meeting, by: User, sent_on: dt.date) -> Meeting:
    _require_dialogue(meeting, by)
    meeting.questions_sent_on = sent_on
    _save(meeting, by)
    return meeting


@transaction.atomic
def add_commitment(
    *, meeting: Meeting, by: User, text: str, owner: str, due_on: dt.date
) -> Commitment:
    """Record what the counterpart committed to, with owner and due date."""
    _require_dialogue(meeting, by)
    commitment = Commitment(meeting=meeting, text=text, owner=owner, due_on=due_on)
    _save(commitment, by)
    return commitment


@transaction.atomic
def complete_commitment(
    *, commitment: Commitment, by: User, completed_on: dt.date | None
) -> Commitment:
    _require_edit(by, commitment.meeting)
    commitment.completed_on = completed_on
    _save(commitment, by)
    return commitment


@transaction.atomic
def add_development_need(
    *, meeting: Meeting, by: User, text: str, unit: Any = None
) -> DevelopmentNeed:
    """Keep a development need (utvecklingsbehov) found at a dialogue meeting."""
    _require_dialogue(meeting, by)
    need = DevelopmentNeed(
        organisation_id=meeting.organisation_id,
        meeting=meeting,
        unit=unit or meeting.counterpart,
        text=text,
    )
    _save(need, by)
    return need


# --- Year wheel and calendar feed ------------------------------------------------


@transaction.atomic
def save_rule(
    *,
    organisation: Organisation,
    by: User,
    rule: YearWheelRule | None = None,
    **fields: Any,
) -> YearWheelRule:
    """Create or change a recurring year-wheel event."""
    _require_edit(by, organisation)
    rule = rule or YearWheelRule(organisation=organisation)
    if rule.organisation_id != organisation.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(rule, name, value)
    _save(rule, by)
    return rule


@transaction.atomic
def delete_rule(*, rule: YearWheelRule, by: User) -> None:
    _require_edit(by, rule)
    rule._history_user = by  # type: ignore[attr-defined]
    rule.delete()


@transaction.atomic
def create_feed(*, organisation: Organisation, by: User) -> CalendarFeed:
    """Give the user a new secret iCalendar address for the organisation's year wheel."""
    if not permissions.can_view(by, organisation):
        raise PermissionDenied
    feed = CalendarFeed(
        organisation=organisation, user=by, token=secrets.token_urlsafe(32)
    )
    _save(feed, by)
    return feed


@transaction.atomic
def revoke_feed(*, feed: CalendarFeed, by: User) -> CalendarFeed:
    """Revoke a calendar address; it answers 404 from now on."""
    if feed.user_id != by.pk:
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        _save(feed, by)
    return feed
