"""Planning a meeting, its attendance and its agenda."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core.changes import KEEP, given
from jamkoll.meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
    Minutes,
    StandardItem,
)
from jamkoll.meetings.services._common import (
    Change,
    display,
    lock_for_change,
    lock_minutes,
    require_edit,
    save,
)
from jamkoll.meetings.services.minutes import record_corrections
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.members.models import Membership
from jamkoll.organisations.models import Organisation, Unit

AGENDA_FIXED = _(
    "The minutes have been sent for approval: items can no longer be added, moved or "
    "removed. Correct an item's text instead, or withdraw the minutes from approval."
)
NOT_PRESENT_WITHOUT_MANDATE = _(
    "Only people with a mandate in the body can be marked present."
)
BAD_CAPACITY = _("Choose a valid capacity.")

# The meeting's fields the minutes show; a change to one of them once the minutes
# are sent for approval is a correction.
MEETING_FIELDS = (
    "title",
    "kind",
    "held_on",
    "starts_at",
    "ends_at",
    "place",
    "link",
    "counterpart",
    "participants",
)
ITEM_FIELDS = ("title", "description", "presenter", "documents", "planned_minutes")


def _label(model: type, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name).capitalize()


@transaction.atomic
def save_meeting(
    *,
    organisation: Organisation,
    by: User,
    meeting: Meeting | None = None,
    reason: str = "",
    standard_items: bool = False,
    body: Unit = KEEP,
    kind: str = KEEP,
    title: str = KEEP,
    held_on: dt.date = KEEP,
    starts_at: dt.time = KEEP,
    ends_at: dt.time | None = KEEP,
    place: str = KEEP,
    link: str = KEEP,
    counterpart: Unit | None = KEEP,
    participants: str = KEEP,
) -> Meeting:
    """Plan or change a meeting of the body; its (empty) minutes are created with it.

    `standard_items` puts the opening items (opening, election of approvers, approval
    of the agenda) on a new meeting's agenda. Once the minutes are sent for approval,
    a change needs a `reason` and is recorded as a correction. Fields not given keep
    their value; the invitation and the minutes have their own services.
    """
    fields = given(
        body=body,
        kind=kind,
        title=title,
        held_on=held_on,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        link=link,
        counterpart=counterpart,
        participants=participants,
    )
    require_edit(by, organisation)
    if meeting is not None and meeting.organisation_id != organisation.pk:
        raise PermissionDenied
    minutes = lock_for_change(meeting, reason=reason) if meeting is not None else None
    # Compare with the stored row: a model form has already changed the instance.
    stored = Meeting.objects.get(pk=meeting.pk) if meeting is not None else None
    meeting = meeting or Meeting(organisation=organisation)
    changes = []
    for name, value in fields.items():
        old = getattr(stored, name) if stored is not None else None
        if name in MEETING_FIELDS and old != value:
            changes.append(
                Change(name, _label(Meeting, name), display(old), display(value))
            )
        setattr(meeting, name, value)
    if minutes is not None and minutes.is_locked:
        record_corrections(minutes, by=by, reason=reason, changes=changes)
    save(meeting, by)
    if minutes is None:
        save(Minutes(meeting=meeting), by)
        if standard_items:
            add_standard_items(meeting=meeting, by=by)
    return meeting


def body_mandates(meeting: Meeting) -> list[Membership]:
    """Mandates in the body on the meeting date (members first, then substitutes)."""
    return list(
        Membership.objects.filter(unit=meeting.body, starts_on__lte=meeting.held_on)
        .exclude(ends_on__lt=meeting.held_on)
        .exclude(term__ends_on__lt=meeting.held_on)
        .select_related("person", "person__party", "person__user")
        .order_by("role", "person__last_name", "person__first_name")
    )


def _attendance_text(rows: Iterable[Attendance]) -> str:
    return "\n".join(f"{row} – {row.get_capacity_display()}" for row in rows)


@transaction.atomic
def record_attendance(
    *,
    meeting: Meeting,
    by: User,
    capacities: Mapping[int, str],
    officials: Iterable[str] = (),
    reason: str = "",
) -> list[Attendance]:
    """Replace the meeting's attendance: `capacities` maps person ids (who must hold a
    mandate in the body) to a capacity; `officials` are names of officials present."""
    require_edit(by, meeting)
    minutes = lock_for_change(meeting, reason=reason)
    people = {m.person_id: m.person for m in body_mandates(meeting)}
    if set(capacities) - set(people):
        raise ValidationError(NOT_PRESENT_WITHOUT_MANDATE)
    rows = []
    for person_id, capacity in capacities.items():
        if (
            capacity not in Attendance.Capacity.values
            or capacity == Attendance.Capacity.OFFICIAL
        ):
            raise ValidationError(BAD_CAPACITY)
        rows.append(
            Attendance(meeting=meeting, person=people[person_id], capacity=capacity)
        )
    for name in officials:
        if name.strip():
            rows.append(
                Attendance(
                    meeting=meeting,
                    name=name.strip()[:160],
                    capacity=Attendance.Capacity.OFFICIAL,
                )
            )
    before = list(meeting.attendances.select_related("person"))
    if minutes.is_locked:
        old = _attendance_text(sorted(before, key=_attendance_key))
        new = _attendance_text(sorted(rows, key=_attendance_key))
        changes = [Change("attendance", gettext("Attendance"), old, new)]
        record_corrections(
            minutes, by=by, reason=reason, changes=changes if old != new else []
        )
    for row in before:
        row._history_user = by  # type: ignore[attr-defined]
        row.delete()
    for row in rows:
        save(row, by)
    return rows


def _attendance_key(row: Attendance) -> tuple[str, str]:
    return (row.capacity, str(row))


# --- Agenda -----------------------------------------------------------------------


def _next_position(meeting: Meeting) -> int:
    current = meeting.agenda_items.aggregate(top=Max("position"))["top"]
    return (current or 0) + 1


def _require_open_agenda(meeting: Meeting) -> None:
    if lock_minutes(meeting).is_locked:
        raise ValidationError(AGENDA_FIXED)


@transaction.atomic
def add_standard_items(*, meeting: Meeting, by: User) -> list[AgendaItem]:
    """Put the standard opening items first on the agenda (those not there yet)."""
    require_edit(by, meeting)
    _require_open_agenda(meeting)
    present = set(meeting.agenda_items.values_list("standard", flat=True))
    missing = [s for s in StandardItem if s not in present]
    existing = list(meeting.agenda_items.order_by("position", "pk"))
    added = []
    for position, standard in enumerate(missing, start=1):
        item = AgendaItem(
            meeting=meeting,
            position=position,
            title=str(standard.label),
            standard=standard,
        )
        save(item, by)
        added.append(item)
    _renumber(meeting, [*added, *existing], by)
    return added


@transaction.atomic
def save_agenda_item(
    *,
    meeting: Meeting,
    by: User,
    item: AgendaItem | None = None,
    reason: str = "",
    title: str = KEEP,
    description: str = KEEP,
    presenter: str = KEEP,
    documents: str = KEEP,
    planned_minutes: int | None = KEEP,
) -> AgendaItem:
    """Add an item at the end of the agenda, or change one. Once the minutes are sent
    for approval no item can be added, and a change needs a reason (a correction).
    Fields not given keep their value; the minutes of an item have their own service
    (`save_item_minutes`), its number and source are set here only."""
    fields = given(
        title=title,
        description=description,
        presenter=presenter,
        documents=documents,
        planned_minutes=planned_minutes,
    )
    require_edit(by, meeting)
    if item is None:
        _require_open_agenda(meeting)
        item = AgendaItem(meeting=meeting, position=_next_position(meeting))
    elif item.meeting_id != meeting.pk:
        raise PermissionDenied
    minutes = lock_for_change(meeting, reason=reason)
    stored = AgendaItem.objects.get(pk=item.pk) if item.pk else None
    changes = []
    for name, value in fields.items():
        old = getattr(stored, name) if stored is not None else None
        if name in ITEM_FIELDS and stored is not None and old != value:
            label = f"§ {item.number} {_label(AgendaItem, name).lower()}"
            changes.append(Change(name, label, display(old), display(value), item))
        setattr(item, name, value)
    if minutes.is_locked:
        record_corrections(minutes, by=by, reason=reason, changes=changes)
    save(item, by)
    return item


@transaction.atomic
def add_suggested_items(
    *, meeting: Meeting, by: User, suggestions: Iterable[Suggestion]
) -> list[AgendaItem]:
    """Put picked suggestions on the agenda, each source at most once. The source is
    linked by its title; its address is kept apart, never shown as text."""
    require_edit(by, meeting)
    _require_open_agenda(meeting)
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
        )
        save(item, by)
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
    require_edit(by, meeting)
    _require_open_agenda(meeting)
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
    require_edit(by, meeting)
    _require_open_agenda(meeting)
    item._history_user = by  # type: ignore[attr-defined]
    item.delete()
    _renumber(meeting, list(meeting.agenda_items.order_by("position", "pk")), by)
