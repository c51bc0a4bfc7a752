"""Read paths for meeting pages, the year wheel and other apps' reports."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from jamkoll.accounts.models import User
from jamkoll.meetings import permissions, posting, recurrence
from jamkoll.meetings.models import (
    AgendaItem,
    Attendance,
    CalendarFeed,
    Commitment,
    Decision,
    DevelopmentNeed,
    DialogueQuestion,
    Meeting,
    Minutes,
    MinutesApproval,
)
from jamkoll.meetings.yearwheel import WheelEvent, events_for_year
from jamkoll.members.models import Membership, Person
from jamkoll.organisations.models import Organisation, Unit


@dataclass(frozen=True)
class BodyYear:
    """How many meetings a body held (or has planned) in a year, against its target."""

    body: Unit
    year: int
    held: int
    planned: int
    target: int

    @property
    def total(self) -> int:
        return self.held + self.planned

    @property
    def on_track(self) -> bool:
        return self.total >= self.target


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int

    @property
    def needed(self) -> int:
        return self.members // 2 + 1

    @property
    def is_quorate(self) -> bool:
        """More than half of the members are present (serving substitutes count)."""
        return self.members > 0 and self.present * 2 > self.members


def meeting_list(
    *, visible: QuerySet[Meeting], organisation: Organisation, year: int
) -> QuerySet[Meeting]:
    return (
        visible.filter(organisation=organisation, held_on__year=year)
        .select_related("body", "counterpart", "minutes")
        .annotate(item_count=Count("agenda_items"))
        .order_by("held_on", "starts_at")
    )


def body_years(
    *, organisation: Organisation, year: int, today: dt.date
) -> list[BodyYear]:
    """Meetings per equality body in `year` (dialogue meetings not counted), two queries."""
    bodies = list(Unit.objects.of(organisation).equality_bodies())
    counts = (
        Meeting.objects.filter(organisation=organisation, held_on__year=year)
        .exclude(kind=Meeting.Kind.DIALOGUE)
        .values("body_id")
        .annotate(
            held=Count("pk", filter=Q(held_on__lt=today)),
            planned=Count("pk", filter=Q(held_on__gte=today)),
        )
    )
    by_body: dict[int, dict[str, int]] = {row["body_id"]: row for row in counts}
    return [
        BodyYear(
            body=body,
            year=year,
            held=by_body.get(body.pk, {}).get("held", 0),
            planned=by_body.get(body.pk, {}).get("planned", 0),
            target=body.yearly_meeting_target or 10,
        )
        for body in bodies
    ]


def meeting_detail(*, visible: QuerySet[Meeting], pk: int) -> Meeting:
    """One meeting with everything its page shows, in a fixed number of queries."""
    return (
        visible.select_related(
            "body__minutes_settings",
            "counterpart",
            "organisation",
            "minutes__chair",
            "minutes__sent_by",
        )
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.order_by("position", "pk").prefetch_related(
                    Prefetch(
                        "decisions", queryset=Decision.objects.select_related("owner")
                    ),
                    "demands__addressed_to",
                ),
            ),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("person", "person__party"),
            ),
            Prefetch(
                "questions",
                queryset=DialogueQuestion.objects.select_related("answered_by"),
            ),
            "commitments",
            Prefetch(
                "development_needs",
                queryset=DevelopmentNeed.objects.select_related("unit"),
            ),
            Prefetch(
                "minutes__approvers",
                queryset=Person.objects.select_related("user"),
            ),
            "minutes__approvals__person",
            "minutes__corrections__made_by",
            "minutes__corrections__agenda_item",
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class Signature:
    """An approver and their signature in the current round, if given."""

    person: Person
    approval: MinutesApproval | None


def signatures(*, minutes: Minutes) -> list[Signature]:
    """The designated approvers with their valid signature in the current round
    (from the prefetched approvals when `meeting_detail` loaded the minutes)."""
    current = {
        a.person_id: a
        for a in minutes.approvals.all()
        if a.round == minutes.round and a.voided_at is None
    }
    return [
        Signature(person=person, approval=current.get(person.pk))
        for person in minutes.approvers.all()
    ]


@dataclass(frozen=True)
class PostingStatus:
    """Where the announcement of the approval on the notice board stands."""

    applies: bool
    approved_on: dt.date | None
    posted_on: dt.date | None
    taken_down_on: dt.date | None
    announce_by: dt.date | None
    late: bool
    earliest_take_down: dt.date | None


def posting_status(*, minutes: Minutes, today: dt.date | None = None) -> PostingStatus:
    today = today or timezone.localdate()
    body = minutes.meeting.body
    found = getattr(body, "minutes_settings", None) if body else None
    applies = bool(found and found.posts_minutes)
    approved = minutes.approved_on
    return PostingStatus(
        applies=applies,
        approved_on=approved,
        posted_on=minutes.posted_on,
        taken_down_on=minutes.taken_down_on,
        announce_by=posting.announce_by(approved) if approved else None,
        late=bool(
            applies
            and approved
            and posting.posted_late(approved, minutes.posted_on, today)
        ),
        earliest_take_down=posting.earliest_take_down(minutes.posted_on)
        if minutes.posted_on
        else None,
    )


def minutes_to_approve(*, user: User, organisation: Organisation) -> list[Minutes]:
    """Minutes sent for approval where the user is a designated approver who has not
    signed in the current round."""
    candidates = (
        Minutes.objects.filter(
            meeting__organisation=organisation,
            locked_at__isnull=False,
            approved_on__isnull=True,
            approvers__user=user,
        )
        .select_related("meeting__body")
        .prefetch_related("approvals", "approvers")
        .order_by("meeting__held_on")
        .distinct()
    )
    waiting = []
    for minutes in candidates:
        mine = {p.pk for p in minutes.approvers.all() if p.user_id == user.pk}
        signed = {
            a.person_id
            for a in minutes.approvals.all()
            if a.round == minutes.round and a.voided_at is None
        }
        if mine - signed:
            waiting.append(minutes)
    return waiting


def minutes_to_post(
    *, organisation: Organisation, today: dt.date
) -> list[tuple[Minutes, PostingStatus]]:
    """Approved minutes of bodies that post them, not yet announced or not yet taken
    down, with their posting status (late or not)."""
    minutes = (
        Minutes.objects.filter(
            meeting__organisation=organisation,
            approved_on__isnull=False,
            meeting__body__minutes_settings__posts_minutes=True,
            taken_down_on__isnull=True,
        )
        .select_related("meeting__body__minutes_settings")
        .order_by("approved_on")
    )
    return [(m, posting_status(minutes=m, today=today)) for m in minutes[:20]]


def quorum(*, meeting: Meeting) -> Quorum:
    """Quorum from the prefetched attendance and the body's members on the date."""
    members = (
        Membership.objects.filter(
            unit_id=meeting.body_id, starts_on__lte=meeting.held_on
        )
        .exclude(ends_on__lt=meeting.held_on)
        .exclude(term__ends_on__lt=meeting.held_on)
        .exclude(role=Membership.Role.SUBSTITUTE)
        .count()
    )
    present = sum(1 for a in meeting.attendances.all() if a.counts_for_quorum)
    return Quorum(members=members, present=present)


def open_decisions(
    *, visible: QuerySet[Decision], organisation: Organisation
) -> QuerySet[Decision]:
    return (
        visible.filter(organisation=organisation)
        .select_related("agenda_item__meeting", "owner")
        .order_by("completed_on", "due_on", "pk")
    )


@dataclass(frozen=True)
class UserAssignments:
    """What the dashboard shows of assignments (uppdrag): `mine` are the open ones
    owned by the person linked to the user, due first; `overdue` are all open
    assignments of the organisation past their report-back date (for those who follow
    up: the chair and the strategist). Demands to boards are not here: they are
    followed in the demands app."""

    mine: list[Decision]
    overdue: list[Decision]


def assignments_for_user(
    user: User, organisation: Organisation, today: dt.date
) -> UserAssignments:
    """Open assignments `user` owns in `organisation` and the organisation's overdue
    ones; two queries, empty for a user without a role there."""
    visible = (
        permissions.decisions_visible_to(user)
        .filter(organisation=organisation)
        .open()
        .select_related("agenda_item__meeting__body", "owner")
    )
    mine = list(
        visible.filter(owner__user=user).order_by(
            F("due_on").asc(nulls_last=True), "pk"
        )
    )
    overdue = list(visible.filter(due_on__lt=today).order_by("due_on", "pk"))
    return UserAssignments(mine=mine, overdue=overdue)


def open_commitments(*, organisation: Organisation) -> QuerySet[Commitment]:
    return (
        Commitment.objects.filter(meeting__organisation=organisation)
        .open()
        .select_related("meeting__counterpart")
        .order_by("due_on")
    )


def development_needs(
    *,
    organisation: Organisation,
    year: int | None = None,
    all_sources: bool = False,
) -> QuerySet[DevelopmentNeed]:
    """Development needs (utvecklingsbehov) found at dialogue meetings, or with
    `all_sources` also those recorded from other apps' material (document reviews,
    see `source_ref`); the yearly report gathers them per year. Unscoped: callers
    that show needs of other sources scope them with the owning app's rule."""
    needs = DevelopmentNeed.objects.filter(organisation=organisation).select_related(
        "unit", "meeting"
    )
    if not all_sources:
        needs = needs.filter(meeting__isnull=False)
    if year is not None:
        needs = needs.filter(year=year)
    return needs.order_by("year", "meeting__held_on", "created_at", "pk")


@dataclass(frozen=True)
class DayCell:
    date: dt.date
    events: list[WheelEvent]


@dataclass(frozen=True)
class MonthView:
    month: int
    first_day: dt.date
    weeks: list[list[DayCell | None]]
    event_list: list[WheelEvent]


def year_wheel(
    *, organisation: Organisation, year: int, user: User, category: str | None = None
) -> list[MonthView]:
    """Twelve month grids with the year's events that `user` may open (only
    `category` if given)."""
    events = events_for_year(
        organisation=organisation, year=year, user=user, category=category
    )
    months = []
    for month in range(1, 13):
        in_month = [e for e in events if e.date.month == month and e.date.year == year]
        by_day: dict[dt.date, list[WheelEvent]] = {}
        for event in in_month:
            by_day.setdefault(event.date, []).append(event)
        months.append(
            MonthView(
                month=month,
                first_day=dt.date(year, month, 1),
                weeks=[
                    [DayCell(day, by_day.get(day, [])) if day else None for day in week]
                    for week in recurrence.month_grid(year, month)
                ],
                event_list=in_month,
            )
        )
    return months


def dialogue_questions(*, meeting: Meeting) -> list[DialogueQuestion]:
    """The questions of a dialogue meeting in the order they were asked, with who
    answered them."""
    return list(meeting.questions.select_related("answered_by").order_by("pk"))


def active_feed(token: str) -> CalendarFeed | None:
    """The unrevoked feed of an active user whose secret is `token`, else None.

    Looked up by the token's hash; the token itself is stored nowhere."""
    return (
        CalendarFeed.objects.select_related("organisation", "user")
        .filter(
            token_hash=CalendarFeed.hash_token(token),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )
