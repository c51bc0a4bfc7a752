"""Writing the minutes, sending them for approval (justering), signatures,
corrections, reminders to approvers and posting the approval (anslag)."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.core.mail import absolute_url, send_after_commit
from jamkoll.meetings import permissions, posting
from jamkoll.meetings.models import (
    AgendaItem,
    Correction,
    Decision,
    Meeting,
    Minutes,
    MinutesApproval,
    MinutesNotice,
    MinutesSettings,
    StandardItem,
)
from jamkoll.meetings.services._common import (
    CORRECTION_NO_CHANGE,
    Change,
    display,
    lock_for_change,
    lock_minutes,
    require_edit,
    save,
)
from jamkoll.members.models import Membership, Person
from jamkoll.organisations.models import Organisation, Unit

NOT_AN_APPROVER = _(
    "Only the designated approvers (justerare) can approve the minutes."
)
APPROVER_NOT_MEMBER = _("%(name)s does not hold a mandate in %(body)s.")
APPROVER_WITHOUT_ACCOUNT = _(
    "%(name)s has no user account linked and cannot approve. Link the person to an "
    "account on the person's page (Personer)."
)
APPROVER_ABSENT = _("%(name)s is not recorded as present at the meeting.")
APPROVERS_FIXED = _(
    "The approvers cannot be changed once the minutes are sent for approval. Withdraw "
    "the minutes from approval first."
)
NO_APPROVERS = _("Designate at least one approver before sending the minutes.")
EMPTY_AGENDA = _("The minutes have no items.")
ALREADY_SENT = _("The minutes have already been sent for approval.")
NOT_SENT = _("The minutes have not been sent for approval.")
CANNOT_WITHDRAW = _(
    "The minutes cannot be withdrawn: an approver has signed. Make a correction instead."
)
ALREADY_SIGNED = _("You have already approved these minutes.")
ALREADY_APPROVED = _("The minutes are already approved.")
ROUND_VOIDED = _(
    "The minutes were corrected after you opened them and the earlier signatures were "
    "voided. Read the corrected minutes and approve again."
)
CHANGED_SINCE_READ = _(
    "The minutes were corrected after you opened them. Read them again before you "
    "approve."
)
NOT_POSTED_BODY = _("The body's minutes are not posted on the notice board.")
POSTING_BEFORE_APPROVAL = _(
    "The approval cannot be announced before the minutes were approved (%(date)s)."
)
POSTING_NOT_APPROVED = _(
    "The minutes must be approved before the approval is announced."
)
TAKE_DOWN_TOO_EARLY = _(
    "The notice must stay on the board until the time for appeal has passed: take it "
    "down on %(date)s at the earliest."
)
TAKE_DOWN_WITHOUT_POSTING = _("Give the date the approval was announced first.")
DECISION_TEXT_REQUIRED = _("Describe the assignment.")


def settings_for(body: Unit) -> MinutesSettings:
    """The body's minutes settings (defaults until someone saves them)."""
    found = MinutesSettings.objects.filter(body=body).first()
    return found or MinutesSettings(body=body)


def contact_address(person: Person) -> str:
    """Where to e-mail a person: their own address, else their active account's."""
    if person.email:
        return person.email
    if person.user_id and person.user.email and person.user.is_active:
        return person.user.email
    return ""


# --- Corrections --------------------------------------------------------------------


def record_corrections(
    minutes: Minutes, *, by: User, reason: str, changes: Iterable[Change]
) -> list[Correction]:
    """Record changes to sent minutes (the caller holds the row lock).

    Each change becomes a Correction: who, when, why, before and after. If anyone has
    signed in the current round, their signatures are voided, a new round starts and
    every approver is asked to approve again.
    """
    changes = list(changes)
    if not minutes.is_locked:
        return []
    if not changes:
        raise ValidationError(CORRECTION_NO_CHANGE)
    signed = minutes.approvals.filter(round=minutes.round).valid()
    voids = signed.exists()
    corrections = []
    for change in changes:
        correction = Correction(
            minutes=minutes,
            agenda_item=change.item,
            field=change.field,
            label=change.label[:200],
            old_value=change.old,
            new_value=change.new,
            reason=reason.strip(),
            made_by=by,
            voided_signatures=voids,
        )
        save(correction, by)
        corrections.append(correction)
    minutes.version += 1
    if voids:
        now = timezone.now()
        for approval in signed:
            approval.voided_at = now
            save(approval, by, reason=gettext("Voided by a correction"))
        minutes.round += 1
        minutes.approved_on = None
        minutes.posted_on = None
        minutes.taken_down_on = None
        _queue_notices(minutes, kind=MinutesNotice.Kind.REQUEST, today=now.date())
    save(minutes, by, reason=gettext("Correction: %(reason)s") % {"reason": reason})
    return corrections


# --- Writing ------------------------------------------------------------------------


@transaction.atomic
def save_item_minutes(
    *,
    item: AgendaItem,
    by: User,
    discussion: str,
    decision: str,
    responsible: str,
    reason: str = "",
) -> AgendaItem:
    """Write an item's discussion, decision (beslut) and responsible person."""
    require_edit(by, item.meeting)
    minutes = lock_for_change(item.meeting, reason=reason)
    item.refresh_from_db()
    new = {"discussion": discussion, "decision": decision, "responsible": responsible}
    changes = [
        Change(
            name,
            f"§ {item.number} {AgendaItem._meta.get_field(name).verbose_name}",
            getattr(item, name),
            value,
            item,
        )
        for name, value in new.items()
        if getattr(item, name) != value
    ]
    if minutes.is_locked and changes:
        record_corrections(minutes, by=by, reason=reason, changes=changes)
    for name, value in new.items():
        setattr(item, name, value)
    if changes:
        save(item, by)
    return item


@transaction.atomic
def save_minutes(
    *,
    minutes: Minutes,
    by: User,
    remarks: str,
    approvers: Iterable[Person],
    chair: Person | None = None,
    secretary: str = "",
    reason: str = "",
) -> Minutes:
    """Set the protocol remarks, the chair and secretary, and designate the approvers
    (justerare), who must hold a mandate in the body."""
    meeting = minutes.meeting
    require_edit(by, meeting)
    minutes = lock_for_change(meeting, reason=reason)
    approvers = list(approvers)
    allowed = {m.person_id for m in _mandates(meeting)}
    errors = [
        APPROVER_NOT_MEMBER % {"name": person, "body": meeting.body}
        for person in approvers
        if person.pk not in allowed
    ]
    if errors:
        raise ValidationError({"approvers": errors})
    if chair is not None and chair.pk not in allowed:
        raise ValidationError(
            {"chair": APPROVER_NOT_MEMBER % {"name": chair, "body": meeting.body}}
        )
    if minutes.is_locked:
        if {p.pk for p in approvers} != set(
            minutes.approvers.values_list("pk", flat=True)
        ):
            raise ValidationError({"approvers": APPROVERS_FIXED})
        fields = {"remarks": remarks, "chair": chair, "secretary": secretary}
        changes = [
            Change(
                name,
                str(Minutes._meta.get_field(name).verbose_name).capitalize(),
                display(getattr(minutes, name)),
                display(value),
            )
            for name, value in fields.items()
            if getattr(minutes, name) != value
        ]
        if changes:
            record_corrections(minutes, by=by, reason=reason, changes=changes)
    minutes.remarks, minutes.chair, minutes.secretary = remarks, chair, secretary
    save(minutes, by)
    if not minutes.is_locked:
        minutes.approvers.set(approvers)
    return minutes


def _mandates(meeting: Meeting) -> list[Membership]:
    from jamkoll.meetings.services.meetings import body_mandates

    return body_mandates(meeting)


def approver_warnings(minutes: Minutes) -> list[str]:
    """What stands in the way of a smooth approval: approvers absent from the
    meeting, or without a linked account (they could never sign)."""
    present = {a.person_id for a in minutes.meeting.attendances.all() if a.person_id}
    warnings = []
    for person in minutes.approvers.all():
        if person.user_id is None:
            warnings.append(str(APPROVER_WITHOUT_ACCOUNT % {"name": person}))
        if present and person.pk not in present:
            warnings.append(str(APPROVER_ABSENT % {"name": person}))
    return warnings


# --- Sending for approval -----------------------------------------------------------


def _number_paragraphs(minutes: Minutes) -> None:
    """Give the items their paragraph numbers, running through the body's year
    (dialogue meetings are numbered on their own). The body row is locked, so two
    minutes sent at once never share a number."""
    meeting = minutes.meeting
    items = list(meeting.agenda_items.order_by("position", "pk"))
    start = 1
    if meeting.kind != Meeting.Kind.DIALOGUE:
        Unit.objects.select_for_update().filter(pk=meeting.body_id).first()
        last = (
            AgendaItem.objects.filter(
                meeting__body_id=meeting.body_id,
                meeting__held_on__year=meeting.held_on.year,
                paragraph__isnull=False,
            )
            .exclude(meeting__kind=Meeting.Kind.DIALOGUE)
            .exclude(meeting=meeting)
            .aggregate(top=Max("paragraph"))["top"]
        )
        start = (last or 0) + 1
    for offset, item in enumerate(items):
        item.paragraph = start + offset
        item.save(update_fields=["paragraph", "updated_at"])


def _chair_present(meeting: Meeting) -> Person | None:
    present = {a.person_id for a in meeting.attendances.all() if a.person_id}
    for role in (Membership.Role.CHAIR, Membership.Role.VICE_CHAIR):
        for mandate in _mandates(meeting):
            if mandate.role == role and mandate.person_id in present:
                return mandate.person
    return None


def _fill_approvers_item(minutes: Minutes, approvers: list[Person]) -> None:
    item = minutes.meeting.agenda_items.filter(
        standard=StandardItem.APPROVERS, decision=""
    ).first()
    if item is None:
        return
    names = [str(p) for p in approvers]
    joined = (
        names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    )
    item.decision = gettext("%(names)s are elected to approve the minutes.") % {
        "names": joined
    }
    item.save(update_fields=["decision", "updated_at"])


@transaction.atomic
def send_for_approval(*, minutes: Minutes, by: User) -> Minutes:
    """Lock the minutes, fix the paragraph numbers and e-mail each approver a link.

    From now on every change is a recorded correction. Refused when an approver has
    no linked account, since they could never sign.
    """
    meeting = minutes.meeting
    require_edit(by, meeting)
    minutes = lock_minutes(meeting)
    if minutes.is_locked:
        raise ValidationError(ALREADY_SENT)
    approvers = list(minutes.approvers.select_related("user"))
    if not approvers:
        raise ValidationError(NO_APPROVERS)
    without = [p for p in approvers if p.user_id is None or not p.user.is_active]
    if without:
        raise ValidationError(
            [APPROVER_WITHOUT_ACCOUNT % {"name": person} for person in without]
        )
    if not meeting.agenda_items.exists():
        raise ValidationError(EMPTY_AGENDA)
    _number_paragraphs(minutes)
    _fill_approvers_item(minutes, approvers)
    now = timezone.now()
    minutes.locked_at = now
    minutes.sent_by = by
    if not minutes.secretary:
        minutes.secretary = str(by)
    if minutes.chair_id is None:
        minutes.chair = _chair_present(meeting)
    save(minutes, by, reason=gettext("Sent for approval"))
    _queue_notices(minutes, kind=MinutesNotice.Kind.REQUEST, today=timezone.localdate())
    return minutes


@transaction.atomic
def withdraw_from_approval(*, minutes: Minutes, by: User) -> Minutes:
    """Take the minutes back to draft, as long as nobody has signed."""
    require_edit(by, minutes.meeting)
    minutes = lock_minutes(minutes.meeting)
    if not minutes.is_locked:
        raise ValidationError(NOT_SENT)
    if minutes.approvals.filter(round=minutes.round).valid().exists():
        raise ValidationError(CANNOT_WITHDRAW)
    minutes.meeting.agenda_items.update(paragraph=None)
    minutes.locked_at = None
    minutes.sent_by = None
    minutes.round += 1
    save(minutes, by, reason=gettext("Withdrawn from approval"))
    return minutes


# --- Signing -----------------------------------------------------------------------


@transaction.atomic
def approve_minutes(
    *,
    minutes: Minutes,
    by: User,
    round: int,
    version: int,
    now: dt.datetime | None = None,
) -> MinutesApproval:
    """Sign the minutes as a designated approver (justering), with date and time.

    `round` and `version` are what the approver read; a correction since then makes
    the signature fail. The minutes count as approved when every designated approver
    has signed in the current round. Nobody can sign for someone else.
    """
    now = now or timezone.now()
    minutes = lock_minutes(minutes.meeting)
    if not minutes.is_locked:
        raise ValidationError(NOT_SENT)
    person = permissions.approver_person(by, minutes)
    if person is None:
        raise PermissionDenied(NOT_AN_APPROVER)
    if minutes.approvals.filter(round=minutes.round, person=person).valid().exists():
        raise ValidationError(ALREADY_SIGNED)
    if minutes.is_approved:
        raise ValidationError(ALREADY_APPROVED)
    if round != minutes.round:
        raise ValidationError(ROUND_VOIDED)
    if version != minutes.version:
        raise ValidationError(CHANGED_SINCE_READ)
    approval = MinutesApproval(
        minutes=minutes,
        person=person,
        signed_by=by,
        round=minutes.round,
        approved_at=now,
        approved_on=timezone.localdate(now),
    )
    try:
        with transaction.atomic():
            save(
                approval, by, reason=gettext("Approved by %(name)s") % {"name": person}
            )
    except IntegrityError:
        raise ValidationError(ALREADY_SIGNED) from None
    signed = set(
        minutes.approvals.filter(round=minutes.round)
        .valid()
        .values_list("person_id", flat=True)
    )
    if signed >= set(minutes.approvers.values_list("pk", flat=True)):
        minutes.approved_on = approval.approved_on
        save(minutes, by, reason=gettext("Approved (justerat)"))
    return approval


# --- Posting (anslag) --------------------------------------------------------------


@transaction.atomic
def record_posting(
    *,
    minutes: Minutes,
    by: User,
    posted_on: dt.date | None,
    taken_down_on: dt.date | None,
) -> Minutes:
    """Record when the approval was announced on the notice board and when the
    notice came (or comes) down."""
    require_edit(by, minutes.meeting)
    minutes = lock_minutes(minutes.meeting)
    if not settings_for(minutes.meeting.body).posts_minutes:
        raise ValidationError(NOT_POSTED_BODY)
    if minutes.approved_on is None:
        raise ValidationError(POSTING_NOT_APPROVED)
    errors: dict[str, list] = {}
    if posted_on is not None and posted_on < minutes.approved_on:
        errors["posted_on"] = [
            POSTING_BEFORE_APPROVAL % {"date": formatting.date(minutes.approved_on)}
        ]
    if taken_down_on is not None:
        if posted_on is None:
            errors["taken_down_on"] = [TAKE_DOWN_WITHOUT_POSTING]
        elif taken_down_on < posting.earliest_take_down(posted_on):
            errors["taken_down_on"] = [
                TAKE_DOWN_TOO_EARLY
                % {"date": formatting.date(posting.earliest_take_down(posted_on))}
            ]
    if errors:
        raise ValidationError(errors)
    minutes.posted_on, minutes.taken_down_on = posted_on, taken_down_on
    save(minutes, by, reason=gettext("Posting recorded"))
    return minutes


@transaction.atomic
def save_minutes_settings(
    *, body: Unit, by: User, posts_minutes: bool, reminder_after_days: int
) -> MinutesSettings:
    require_edit(by, body)
    found = MinutesSettings.objects.select_for_update().filter(body=body).first()
    found = found or MinutesSettings(body=body)
    found.posts_minutes = posts_minutes
    found.reminder_after_days = reminder_after_days
    save(found, by)
    return found


# --- Assignments (uppdrag) -----------------------------------------------------------


@transaction.atomic
def add_decision(
    *,
    item: AgendaItem,
    by: User,
    text: str,
    owner: Person,
    due_on: dt.date | None,
    reason: str = "",
) -> Decision:
    """Record an assignment (uppdrag) for one of the body's own people, decided under
    an agenda item; on sent minutes only as a correction. Work for a board,
    administration or company is a demand raised at the item instead (ADR 0003)."""
    meeting = item.meeting
    require_edit(by, meeting)
    minutes = lock_for_change(meeting, reason=reason)
    decision = Decision(
        organisation_id=meeting.organisation_id,
        agenda_item=item,
        text=text,
        owner=owner,
        due_on=due_on,
    )
    decision.full_clean()
    if minutes.is_locked:
        summary = f"{text} – {owner}"
        if due_on:
            summary += f", {formatting.date(due_on)}"
        label = gettext("§ %(number)s assignment") % {"number": item.number}
        record_corrections(
            minutes,
            by=by,
            reason=reason,
            changes=[Change("decision", label, "", summary, item)],
        )
    save(decision, by)
    return decision


@transaction.atomic
def follow_up_decision(
    *, decision: Decision, by: User, follow_up: str, completed_on: dt.date | None
) -> Decision:
    """Note how an assignment is going, and close it with the date it was done; by
    the body's secretary or the assignment's owner."""
    if not permissions.can_follow_up(by, decision):
        raise PermissionDenied
    decision.follow_up = follow_up
    decision.completed_on = completed_on
    save(decision, by)
    return decision


ASSIGNMENT_REMINDER_EVERY_DAYS = 7


def send_assignment_reminders(
    *, today: dt.date, organisation: Organisation | None = None
) -> int:
    """The daily job: remind the owner of each overdue assignment (uppdrag), at most
    once a week, by the person's e-mail or else their account's. Safe to run twice:
    `reminded_on` is claimed with a conditional update before the mail is queued.
    Only `organisation`'s assignments when given (the command runs one
    transaction per organisation)."""
    since = today - dt.timedelta(days=ASSIGNMENT_REMINDER_EVERY_DAYS)
    due = (
        Decision.objects.open()
        .filter(due_on__lt=today, owner__isnull=False)
        .exclude(reminded_on__gt=since)
        .select_related("owner__user", "agenda_item__meeting__body")
    )
    if organisation is not None:
        due = due.filter(agenda_item__meeting__organisation=organisation)
    sent = 0
    for decision in due:
        recipient = decision.owner.email or (
            decision.owner.user.email if decision.owner.user_id else ""
        )
        if not recipient:
            continue
        with transaction.atomic():
            claimed = (
                Decision.objects.filter(pk=decision.pk)
                .exclude(reminded_on__gt=since)
                .update(reminded_on=today)
            )
            if claimed:
                send_after_commit([_assignment_reminder(decision, recipient)])
                sent += 1
    return sent


def _assignment_reminder(decision: Decision, recipient: str) -> EmailMessage:
    from django.conf import settings

    meeting = decision.agenda_item.meeting
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "decision": decision,
            "meeting": meeting,
            "paragraph": decision.agenda_item.number,
            "date": formatting.date(meeting.held_on),
            "due": formatting.date(decision.due_on) if decision.due_on else "",
            "url": absolute_url(
                reverse("meetings:decision_follow_up", args=[decision.pk])
            ),
        }
        subject = gettext("Reminder: your assignment from %(body)s is overdue") % {
            "body": meeting.body
        }
        body = render_to_string("meetings/email/assignment_reminder.txt", context)
    return EmailMessage(subject=subject, body=body, to=[recipient])


# --- Notices to approvers ----------------------------------------------------------


def _queue_notices(minutes: Minutes, *, kind: str, today: dt.date) -> int:
    """Log and queue one e-mail per approver who has not signed in this round;
    never twice for the same approver, round and kind."""
    signed = set(
        minutes.approvals.filter(round=minutes.round)
        .valid()
        .values_list("person_id", flat=True)
    )
    messages = []
    for person in minutes.approvers.select_related("user"):
        if person.pk in signed:
            continue
        recipient = contact_address(person)
        try:
            with transaction.atomic():
                MinutesNotice.objects.create(
                    minutes=minutes,
                    person=person,
                    round=minutes.round,
                    kind=kind,
                    sent_on=today,
                    recipient=recipient,
                )
        except IntegrityError:
            continue  # already sent in this round
        if recipient:
            messages.append(_notice_message(minutes, person, kind, recipient))
    send_after_commit(messages)
    return len(messages)


def _notice_message(
    minutes: Minutes, person: Person, kind: str, recipient: str
) -> EmailMessage:
    from django.conf import settings

    meeting = minutes.meeting
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "person": person,
            "meeting": meeting,
            "date": formatting.date(meeting.held_on),
            "kind": kind,
            "corrected": minutes.round > 1 and minutes.version > 0,
            "url": absolute_url(meeting.get_absolute_url() + "#minutes"),
        }
        if kind == MinutesNotice.Kind.REMINDER:
            subject = gettext("Reminder: approve the minutes of %(body)s, %(date)s")
        else:
            subject = gettext("Please approve the minutes of %(body)s, %(date)s")
        subject = subject % {"body": meeting.body, "date": context["date"]}
        body = render_to_string("meetings/email/approval.txt", context)
    return EmailMessage(subject=subject, body=body, to=[recipient])


def send_approval_reminders(
    *, today: dt.date, organisation: Organisation | None = None
) -> int:
    """The daily job: remind approvers who have not signed `reminder_after_days` after
    the minutes were sent (or last corrected). Safe to run twice; each minutes in its
    own transaction. Only `organisation`'s minutes when given."""
    sent = 0
    waiting = Minutes.objects.filter(
        locked_at__isnull=False, approved_on__isnull=True
    ).select_related("meeting__body")
    if organisation is not None:
        waiting = waiting.filter(meeting__organisation=organisation)
    for minutes in waiting:
        days = settings_for(minutes.meeting.body).reminder_after_days
        with transaction.atomic():
            locked = lock_minutes(minutes.meeting)
            if locked.approved_on is not None or locked.locked_at is None:
                continue
            started = (
                locked.notices.filter(
                    round=locked.round, kind=MinutesNotice.Kind.REQUEST
                )
                .order_by("sent_on")
                .values_list("sent_on", flat=True)
                .first()
            ) or timezone.localdate(locked.locked_at)
            if today < started + dt.timedelta(days=days):
                continue
            sent += _queue_notices(
                locked, kind=MinutesNotice.Kind.REMINDER, today=today
            )
    return sent


@transaction.atomic
def write_minutes(
    *,
    minutes: Minutes,
    by: User,
    items: dict[AgendaItem, dict[str, str]],
    remarks: str,
    approvers: Iterable[Person],
    chair: Person | None = None,
    secretary: str = "",
    reason: str = "",
) -> Minutes:
    """Save the whole minutes form at once: each item's text and the minutes' own
    fields. On sent minutes with a reason, every change is one correction; a form
    that changes nothing is refused."""
    version = Minutes.objects.get(pk=minutes.pk).version
    for item, fields in items.items():
        save_item_minutes(item=item, by=by, reason=reason, **fields)
    minutes = save_minutes(
        minutes=minutes,
        by=by,
        remarks=remarks,
        approvers=approvers,
        chair=chair,
        secretary=secretary,
        reason=reason,
    )
    if minutes.is_locked and minutes.version == version:
        raise ValidationError(CORRECTION_NO_CHANGE)
    return minutes
