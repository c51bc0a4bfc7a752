"""The dashboard gathers what each domain app says needs the user's attention."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    CONTENT_ROLES,
    board_ids,
    board_scope_ids,
    managed_unit_ids,
    roles_in,
)
from jamkoll.meetings import permissions as meeting_permissions
from jamkoll.meetings import selectors as meeting_selectors
from jamkoll.meetings.models import Decision, Meeting
from jamkoll.meetings.selectors import UserAssignments
from jamkoll.members import selectors as members
from jamkoll.organisations.models import Organisation, Unit

# Items per panel; each panel links to the full list.
PANEL_SIZE = 5
# Questions of a dialogue meeting held up to this many days ago may still be answered.
DIALOGUE_ANSWER_DAYS = 14


@dataclass
class Item:
    text: str
    url: str
    note: str = ""


@dataclass
class Panel:
    """One box on the dashboard; `empty` explains what to do when there are no items."""

    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = ""
    action_url: str = ""
    action_label: str = ""


def attention(*, user: User, organisation: Organisation) -> list[Panel]:
    """The panels of the user's dashboard, the person's own work first: what they
    are to sign (justera) or answer, then what the body must act on (for the chair,
    the secretary and administrators), then what is coming and what to set up."""
    roles = roles_in(user, organisation.pk)
    today = timezone.localdate()
    chair = is_chair(user=user, organisation=organisation, today=today)
    assignments = _assignments(user, organisation, roles, today)
    panels: list[Panel] = []
    # The person's own work.
    panels.extend(_minutes_panels(user=user, organisation=organisation, roles=roles))
    panels.extend(
        _own_assignment_panels(user=user, assignments=assignments, roles=roles)
    )
    panels.extend(
        _manager_panels(user=user, organisation=organisation, roles=roles, today=today)
    )
    panels.extend(
        _board_panels(user=user, organisation=organisation, roles=roles, today=today)
    )
    # What the body must act on: the chair for the body, strategists and
    # administrators for the organisation.
    panels.extend(
        _case_panels(
            user=user, organisation=organisation, roles=roles, chair=chair, today=today
        )
    )
    panels.extend(
        _overdue_assignment_panels(
            user=user, assignments=assignments, roles=roles, chair=chair
        )
    )
    panels.extend(
        _result_request_panels(
            user=user, organisation=organisation, roles=roles - {Role.MANAGER}
        )
    )
    panels.extend(_development_follow_up_panels(organisation=organisation, roles=roles))
    panels.extend(_review_panels(organisation=organisation, roles=roles))
    panels.extend(_survey_panels(organisation=organisation, roles=roles))
    # What is coming, and what is missing in the set-up.
    panels.extend(_meeting_panels(user=user, organisation=organisation, roles=roles))
    panels.extend(_structure_panels(organisation=organisation, roles=roles))
    return panels


def is_chair(*, user: User, organisation: Organisation, today: dt.date) -> bool:
    """Whether the user chairs (is ordförande of) a gender-equality body of the
    organisation today: a politician linked to a person with a current chair mandate."""
    if Role.POLITICIAN not in roles_in(user, organisation.pk):
        return False
    return members.chairs_equality_body(user, organisation.pk, today)


def _assignments(
    user: User, organisation: Organisation, roles: frozenset[str], today: dt.date
) -> UserAssignments | None:
    """Assignments (uppdrag) the user owns, and the organisation's overdue ones."""
    if not roles:
        return None
    return meeting_selectors.assignments_for_user(user, organisation, today)


def _assignment_item(user: User, decision: Decision) -> Item:
    """An assignment links to its follow-up page for those who may write it (the
    owner, the secretary), otherwise to its paragraph on the meeting's page."""
    meeting = decision.agenda_item.meeting
    if meeting_permissions.can_follow_up(user, decision):
        url = reverse("meetings:decision_follow_up", args=[decision.pk])
    else:
        url = f"{meeting.get_absolute_url()}#item-{decision.agenda_item_id}"
    due = (
        _("report back by %(date)s") % {"date": date_format(decision.due_on)}
        if decision.due_on
        else ""
    )
    return Item(
        str(decision),
        url,
        _("%(body)s, %(date)s § %(number)s%(due)s")
        % {
            "body": meeting.body,
            "date": date_format(meeting.held_on),
            "number": decision.agenda_item.number,
            "due": f"; {due}" if due else "",
        },
    )


def _own_assignment_panels(
    *, user: User, assignments: UserAssignments | None, roles: frozenset[str]
) -> list[Panel]:
    """Assignments the body gave the person linked to the user (its own members and
    officials): shown when there are any, and always to politicians."""
    if assignments is None or not (assignments.mine or Role.POLITICIAN in roles):
        return []
    return [
        Panel(
            title=_("My assignments"),
            items=[_assignment_item(user, d) for d in assignments.mine[:PANEL_SIZE]],
            empty=_(
                "Assignments (uppdrag) the body gives you at its meetings will appear "
                "here."
            ),
            action_url=reverse("meetings:decision_list"),
            action_label=_("All assignments"),
        )
    ]


def _overdue_assignment_panels(
    *,
    user: User,
    assignments: UserAssignments | None,
    roles: frozenset[str],
    chair: bool,
) -> list[Panel]:
    """The organisation's assignments past their report-back date, for those who
    follow them up: the chair, strategists and administrators."""
    if assignments is None or not (chair or roles & CONTENT_ROLES):
        return []
    return [
        Panel(
            title=_("Overdue assignments"),
            items=[_assignment_item(user, d) for d in assignments.overdue[:PANEL_SIZE]],
            empty=_(
                "Assignments (uppdrag) not reported back by their date will appear "
                "here."
            ),
            action_url=reverse("meetings:decision_list"),
            action_label=_("All assignments"),
        )
    ]


def _manager_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str], today: dt.date
) -> list[Panel]:
    """What a manager (chef) is to answer: demands to their units, assignments the
    body gave their units at its meetings, and the questions sent before dialogue
    meetings with their units."""
    if Role.MANAGER not in roles:
        return []
    from jamkoll.result_requests.selectors import to_answer

    # A demand raised at a meeting is an assignment (ADR 0003): shown apart.
    answer = to_answer(user=user, organisation=organisation)
    demands = answer.filter(agenda_item__isnull=True).select_related("addressed_to")
    from_meetings = answer.filter(agenda_item__isnull=False).select_related(
        "addressed_to", "agenda_item__meeting"
    )
    panels = [
        Panel(
            title=_("Demands to answer"),
            items=[
                Item(
                    r.title,
                    r.get_absolute_url(),
                    _("%(unit)s, answer by %(date)s")
                    % {"unit": r.addressed_to.name, "date": date_format(r.due_on)},
                )
                for r in demands[:PANEL_SIZE]
            ],
            empty=_("There is nothing to answer right now."),
            action_url=reverse("result_requests:to_answer"),
            action_label=_("All demands to answer"),
        )
    ]
    panels.append(
        Panel(
            title=_("Assignments to answer"),
            items=[
                Item(
                    r.title,
                    r.get_absolute_url(),
                    _("%(unit)s; decided %(date)s, answer by %(due)s")
                    % {
                        "unit": r.addressed_to.name,
                        "date": date_format(r.agenda_item.meeting.held_on),
                        "due": date_format(r.due_on),
                    },
                )
                for r in from_meetings[:PANEL_SIZE]
            ],
            empty=_(
                "Assignments (uppdrag) the gender-equality body gives your units at its "
                "meetings will appear here."
            ),
        )
    )
    units = managed_unit_ids(user, organisation.pk)
    meetings = (
        meeting_permissions.meetings_visible_to(user)
        .filter(
            organisation=organisation,
            kind=Meeting.Kind.DIALOGUE,
            counterpart_id__in=units,
            questions_sent_on__isnull=False,
            held_on__gte=today - dt.timedelta(days=DIALOGUE_ANSWER_DAYS),
        )
        .annotate(unanswered=Count("questions", filter=Q(questions__answer="")))
        .filter(unanswered__gt=0)
        .select_related("counterpart")
        .order_by("held_on", "pk")[:PANEL_SIZE]
    )
    panels.append(
        Panel(
            title=_("Dialogue questions to answer"),
            items=[
                Item(
                    _("Dialogue meeting with %(unit)s, %(date)s")
                    % {"unit": m.counterpart, "date": date_format(m.held_on)},
                    reverse("meetings:dialogue_answers", args=[m.pk]),
                    ngettext(
                        "%(count)d question not answered",
                        "%(count)d questions not answered",
                        m.unanswered,
                    )
                    % {"count": m.unanswered},
                )
                for m in meetings
            ],
            empty=_(
                "Questions the gender-equality body sends before a dialogue meeting "
                "with your units will appear here."
            ),
        )
    )
    return panels


def _board_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str], today: dt.date
) -> list[Panel]:
    """What a board politician (nämndpolitiker) follows up for their boards: the
    demands raised for them whose answers wait for assessment or that are overdue,
    and the decision documents (tjänsteskrivelser) still being reviewed. A fixed
    number of queries, however many boards and items."""
    if Role.BOARD_POLITICIAN not in roles:
        return []
    from jamkoll.result_requests import workflow
    from jamkoll.result_requests.permissions import result_requests_visible_to
    from jamkoll.reviews.models import DocumentType, Review
    from jamkoll.reviews.permissions import reviews_visible_to

    boards = board_ids(user, organisation.pk)
    if not boards:
        return [
            Panel(
                title=_("Your board"),
                empty=_(
                    "You act for no board yet. Ask an administrator to link your "
                    "account to your person with a mandate in the board, or to name "
                    "the board on your role."
                ),
            )
        ]
    demands = (
        result_requests_visible_to(user)
        .filter(organisation=organisation, raised_for_id__in=boards)
        .select_related("addressed_to", "raised_for")
    )
    awaiting = list(
        demands.filter(status__in=workflow.AWAITING_ASSESSMENT).order_by(
            "first_answered_at", "pk"
        )[:PANEL_SIZE]
    )
    # Overdue: still waiting for the answer (an answer waiting for assessment is
    # listed above, not twice).
    overdue = list(
        demands.overdue(today=today)
        .exclude(status__in=workflow.AWAITING_ASSESSMENT)
        .order_by("due_on", "pk")[:PANEL_SIZE]
    )
    several = len(boards) > 1

    def demand_note(text: str, demand) -> str:  # type: ignore[no-untyped-def]
        note = text % {
            "unit": demand.addressed_to.name,
            "date": date_format(demand.due_on),
        }
        return f"{demand.raised_for.name}: {note}" if several else note

    items = [
        Item(d.title, d.get_absolute_url(), demand_note(_("%(unit)s has answered"), d))
        for d in awaiting
    ] + [
        Item(
            d.title,
            d.get_absolute_url(),
            demand_note(_("%(unit)s, overdue since %(date)s"), d),
        )
        for d in overdue
    ]
    documents = (
        reviews_visible_to(user)
        .filter(
            organisation=organisation,
            document_type=DocumentType.DECISION_DOCUMENT,
            unit_id__in=board_scope_ids(user, organisation.pk),
            status=Review.Status.IN_PROGRESS,
        )
        .select_related("unit")
        .order_by(F("meeting_on").asc(nulls_last=True), "title", "pk")[:PANEL_SIZE]
    )
    return [
        Panel(
            title=_("Your board's demands to follow up"),
            items=items,
            empty=_(
                "No answer to your board's demands waits for assessment and none is "
                "overdue."
            ),
            action_url=reverse("boards:mine"),
            action_label=ngettext(
                "Your board's page", "Your boards' pages", len(boards)
            ),
        ),
        Panel(
            title=_("Decision documents under review"),
            items=[
                Item(
                    r.title,
                    r.get_absolute_url(),
                    _("%(unit)s, to be decided %(date)s")
                    % {"unit": r.unit.name, "date": date_format(r.meeting_on)}
                    if r.meeting_on
                    else r.unit.name,
                )
                for r in documents
            ],
            empty=_(
                "No decision document (tjänsteskrivelse) before your board is being "
                "reviewed."
            ),
            action_url=reverse("reviews:decision_documents"),
            action_label=_("All decision documents"),
        ),
    ]


def _development_follow_up_panels(
    *, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """Development areas KS or KF approved whose follow-up is still in progress, for
    the body's side (administrators, strategists, politicians)."""
    if not roles & {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN}:
        return []
    from django.utils import timezone

    from jamkoll.reports.selectors import development_follow_ups

    follow_ups = development_follow_ups(organisation, timezone.localdate())
    return [
        Panel(
            title=_("Decided development areas to follow up"),
            items=[
                Item(
                    f.title,
                    f.url,
                    (
                        _("%(unit)s, overdue since %(date)s")
                        if f.is_overdue
                        else pgettext("follow-up", "%(unit)s, due %(date)s")
                    )
                    % {"unit": f.unit_name, "date": date_format(f.due_on)},
                )
                for f in follow_ups
            ],
            empty=_(
                "No development area decided by the executive board or the council "
                "is waiting for follow-up."
            ),
            action_url=reverse("reports:index"),
            action_label=_("Yearly reports"),
        )
    ]


def _survey_panels(*, organisation: Organisation, roles: frozenset[str]) -> list[Panel]:
    """Open and unsent rounds of the politician survey, for those who run it."""
    from jamkoll.surveys.selectors import dashboard_panels

    return [
        Panel(
            title=p["title"],
            items=[Item(text, url, note) for text, url, note in p["items"]],
            empty=p["empty"],
            action_url=p["action_url"],
            action_label=p["action_label"],
        )
        for p in dashboard_panels(organisation=organisation, roles=roles)
    ]


def _structure_panels(
    *, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    missing = []
    kinds = set(Unit.objects.of(organisation).values_list("kind", flat=True))
    if Unit.Kind.EQUALITY_BODY not in kinds:
        missing.append(
            Item(
                _("Register the gender-equality body"),
                reverse("organisations:unit_create"),
            )
        )
    if Unit.Kind.BOARD not in kinds:
        missing.append(
            Item(_("Register the boards"), reverse("organisations:unit_create"))
        )
    return [
        Panel(
            title=_("The organisation"),
            items=missing,
            empty=_("The organisation's structure is in place."),
        )
    ]


def _result_request_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """Demands: awaiting assessment and overdue (the body), to answer (managers)."""
    from jamkoll.result_requests.selectors import dashboard_panels

    return [
        Panel(
            title=p["title"],
            items=[Item(text, url, note) for text, url, note in p["items"]],
            empty=p["empty"],
            action_url=p["action_url"],
            action_label=p["action_label"],
        )
        for p in dashboard_panels(user=user, organisation=organisation, roles=roles)
    ]


def _review_panels(*, organisation: Organisation, roles: frozenset[str]) -> list[Panel]:
    """Document reviews still in progress, for those who carry them out."""
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    from jamkoll.reviews import selectors as reviews

    in_progress = list(reviews.reviews_in_progress(organisation=organisation)[:10])
    return [
        Panel(
            title=str(reviews.IN_PROGRESS_TITLE),
            items=[
                Item(r.title, r.get_absolute_url(), f"{r.unit.name}, {r.year}")
                for r in in_progress
            ],
            empty=str(reviews.IN_PROGRESS_EMPTY),
            action_url=reverse("reviews:create"),
            action_label=str(reviews.IN_PROGRESS_ACTION),
        )
    ]


def _meeting_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """The body's next meetings, for everyone on the body's side."""
    if not roles & {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN}:
        return []
    from django.utils import timezone

    upcoming = (
        meeting_permissions.meetings_visible_to(user)
        .filter(organisation=organisation, held_on__gte=timezone.localdate())
        .select_related("body", "counterpart")
        .order_by("held_on", "starts_at")[:3]
    )
    return [
        Panel(
            title=_("Coming meetings"),
            items=[
                Item(
                    str(m.title or m.get_kind_display()),
                    m.get_absolute_url(),
                    date_format(m.held_on),
                )
                for m in upcoming
            ],
            empty=_(
                "No meetings are planned. Plan the year's meetings under Meetings."
            ),
            action_url=reverse("meetings:list"),
            action_label=_("All meetings"),
        )
    ]


def _minutes_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """Minutes the user is to approve (justera); for the body's secretary, approvals
    to announce on the notice board, with a warning when two days have passed."""
    from django.utils import timezone

    from jamkoll.meetings import selectors as meetings

    panels = []
    waiting = meetings.minutes_to_approve(user=user, organisation=organisation)
    if waiting or Role.POLITICIAN in roles:
        panels.append(
            Panel(
                title=_("Minutes to approve"),
                items=[
                    Item(
                        _("%(body)s, %(date)s")
                        % {
                            "body": m.meeting.body,
                            "date": date_format(m.meeting.held_on),
                        },
                        reverse("meetings:minutes_approve", args=[m.meeting_id]),
                        _("sent %(date)s") % {"date": date_format(m.locked_at.date())}
                        if m.locked_at
                        else "",
                    )
                    for m in waiting
                ],
                empty=_(
                    "Minutes you are chosen to approve (justera) will appear here when "
                    "the secretary sends them."
                ),
            )
        )
    if roles & {Role.ADMIN, Role.STRATEGIST}:
        today = timezone.localdate()
        to_post = [
            (m, status)
            for m, status in meetings.minutes_to_post(
                organisation=organisation, today=today
            )
            if status.posted_on is None
        ]
        if to_post:
            panels.append(
                Panel(
                    title=_("Approvals to announce on the notice board"),
                    items=[
                        Item(
                            _("%(body)s, %(date)s")
                            % {
                                "body": m.meeting.body,
                                "date": date_format(m.meeting.held_on),
                            },
                            reverse("meetings:minutes_posting", args=[m.meeting_id]),
                            (
                                _("late: should have been announced by %(date)s")
                                if status.late
                                else _("announce by %(date)s")
                            )
                            % {"date": date_format(status.announce_by)},
                        )
                        for m, status in to_post
                    ],
                )
            )
    return panels


def _case_panels(
    *,
    user: User,
    organisation: Organisation,
    roles: frozenset[str],
    chair: bool,
    today: dt.date,
) -> list[Panel]:
    """Council cases the body has yet to prepare, for the chair and for those who
    prepare them (strategists, administrators)."""
    if not (chair or roles & CONTENT_ROLES):
        return []
    from jamkoll.cases.permissions import cases_visible_to

    cases = (
        cases_visible_to(user)
        .filter(organisation=organisation, meeting_on__gte=today)
        .to_prepare()
        .select_related("deciding_body")
        .order_by("meeting_on", "case_number")[:PANEL_SIZE]
    )
    return [
        Panel(
            title=_("Council cases to prepare"),
            items=[
                Item(
                    f"{c.case_number} {c.title}",
                    c.get_absolute_url(),
                    _("%(body)s decides %(date)s")
                    % {"body": c.deciding_body, "date": date_format(c.meeting_on)},
                )
                for c in cases
            ],
            empty=_("No council cases are waiting for the body's preparation."),
            action_url=reverse("cases:list"),
            action_label=_("All council cases"),
        )
    ]
