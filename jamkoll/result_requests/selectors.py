"""Read paths for the demands pages: scoped querysets with what each page shows."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BOARD_KINDS,
    BODY_ROLES,
    board_ids,
    has_any_role,
    managed_unit_ids,
)
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests import figures
from jamkoll.result_requests.models import (
    OPEN_STATUSES,
    Assessment,
    Attachment,
    DueDateChange,
    Occasion,
    Reply,
    ResultRequest,
    Status,
    Transition,
)
from jamkoll.result_requests.permissions import result_requests_visible_to

LIST_RELATED = ("addressed_to", "raised_by", "raised_for")


def _base(user: User, organisation: Organisation) -> QuerySet[ResultRequest]:
    return (
        result_requests_visible_to(user)
        .filter(organisation=organisation)
        .select_related(*LIST_RELATED)
        .annotate(
            pending_due_changes=Count(
                "due_date_changes",
                filter=Q(due_date_changes__decision=DueDateChange.Decision.PENDING),
            )
        )
    )


def result_request_list(
    *, user: User, organisation: Organisation, filters: dict[str, Any]
) -> QuerySet[ResultRequest]:
    """Demands the user may see, filtered by text, status, unit, asker (`raised_for`),
    occasion and year."""
    qs = _base(user, organisation)
    today = timezone.localdate()
    if query := filters.get("q"):
        qs = qs.filter(
            Q(title__icontains=query)
            | Q(question__icontains=query)
            | Q(case_number__icontains=query)
        )
    if status := filters.get("status"):
        if status == Status.OVERDUE:
            qs = qs.overdue(today=today)
        elif status == Status.SENT:
            qs = qs.filter(status=Status.SENT, due_on__gte=today)
        else:
            qs = qs.filter(status=status)
    if unit := filters.get("unit"):
        qs = qs.filter(addressed_to=unit)
    if asker := filters.get("raised_for"):
        qs = qs.filter(raised_for=asker)
    if occasion := filters.get("occasion"):
        qs = qs.filter(occasion=occasion)
    if year := filters.get("year"):
        qs = qs.filter(due_on__year=year)
    return qs.order_by("due_on", "pk")


def for_export(demands: QuerySet[ResultRequest]) -> list[ResultRequest]:
    """The demands with what an export row shows: unit, submitted answers, assessments.

    `demands` must already be scoped (`result_requests_visible_to`).
    """
    return list(
        demands.select_related("addressed_to").prefetch_related(
            Prefetch(
                "replies",
                queryset=Reply.objects.filter(submitted_at__isnull=False).order_by(
                    "number"
                ),
            ),
            Prefetch("assessments", queryset=Assessment.objects.order_by("created_at")),
        )
    )


def to_answer(*, user: User, organisation: Organisation) -> QuerySet[ResultRequest]:
    """Att besvara: open demands the user answers for (managers: their units)."""
    qs = _base(user, organisation).filter(status__in=OPEN_STATUSES)
    if not has_any_role(user, organisation.pk, {Role.STRATEGIST}):
        qs = qs.filter(addressed_to_id__in=managed_unit_ids(user, organisation.pk))
    return qs.order_by("due_on", "pk")


def to_assess(*, user: User, organisation: Organisation) -> QuerySet[ResultRequest]:
    """Att bedöma: answered demands waiting for the user's assessment (the body's
    side: all; a board politician: their own boards')."""
    qs = _base(user, organisation).filter(status=Status.ANSWERED)
    if not has_any_role(user, organisation.pk, BODY_ROLES):
        qs = qs.filter(raised_for_id__in=board_ids(user, organisation.pk))
    return qs.order_by("first_answered_at", "pk")


def pending_due_changes(
    *, user: User, organisation: Organisation
) -> QuerySet[DueDateChange]:
    """Requests for a new due date the user decides on (as for `to_assess`)."""
    demands = result_requests_visible_to(user).filter(organisation=organisation)
    if not has_any_role(user, organisation.pk, BODY_ROLES):
        demands = demands.filter(raised_for_id__in=board_ids(user, organisation.pk))
    return (
        DueDateChange.objects.filter(
            decision=DueDateChange.Decision.PENDING,
            result_request__in=demands,
        )
        .select_related("result_request__addressed_to", "requested_by")
        .order_by("created_at")
    )


def unit_requests(*, user: User, unit: Unit) -> QuerySet[ResultRequest]:
    return (
        _base(user, unit.organisation)
        .filter(addressed_to=unit)
        .order_by("-due_on", "-pk")
    )


def occasion_requests(
    *, user: User, organisation: Organisation, occasion: str, on: dt.date | None
) -> QuerySet[ResultRequest]:
    """Everything raised for one occasion (e.g. the budget dialogue on a date)."""
    qs = _base(user, organisation).filter(occasion=occasion)
    if on is not None:
        qs = qs.filter(occasion_on=on)
    return qs.order_by("addressed_to__name", "due_on", "pk").prefetch_related(
        Prefetch(
            "replies",
            queryset=Reply.objects.filter(submitted_at__isnull=False).order_by(
                "-number"
            ),
            to_attr="submitted_replies",
        )
    )


def occasion_dates(
    *, user: User, organisation: Organisation
) -> list[tuple[str, str, dt.date | None]]:
    """Each occasion (kind and date) that has demands, the latest first."""
    pairs = (
        result_requests_visible_to(user)
        .filter(organisation=organisation)
        .values_list("occasion", "occasion_on")
        .distinct()
        .order_by("-occasion_on", "occasion")
    )
    return [(kind, str(Occasion(kind).label), on) for kind, on in pairs]


def result_request_detail(*, user: User, pk: int) -> ResultRequest:
    """One demand with its answers, files, assessments, log and due-date requests.

    Raises ResultRequest.DoesNotExist when it is missing or hidden from the user.
    """
    return (
        result_requests_visible_to(user)
        .select_related(*LIST_RELATED, "organisation", "follows_up")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=Reply.objects.select_related("written_by").prefetch_related(
                    Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
                ),
            ),
            Prefetch(
                "assessments",
                queryset=Assessment.objects.select_related("assessed_by", "reply"),
            ),
            Prefetch("transitions", queryset=Transition.objects.select_related("by")),
            Prefetch(
                "due_date_changes",
                queryset=DueDateChange.objects.select_related(
                    "requested_by", "decided_by"
                ),
            ),
            Prefetch(
                "follow_ups",
                queryset=result_requests_visible_to(user).select_related(
                    "addressed_to"
                ),
            ),
        )
        .get(pk=pk)
    )


def thread(*, user: User, result_request: ResultRequest) -> list[ResultRequest]:
    """The chain of follow-ups the demand belongs to, from the first question on.

    Walks up to the first demand, then down level by level (chains are short); only
    demands the user may see are included.
    """
    visible = result_requests_visible_to(user).select_related(*LIST_RELATED)
    root = result_request
    seen = {root.pk}
    while root.follows_up_id is not None and root.follows_up_id not in seen:
        parent = visible.filter(pk=root.follows_up_id).first()
        if parent is None:
            break
        seen.add(parent.pk)
        root = parent
    chain = [root]
    level = [root.pk]
    done = {root.pk}
    while level:
        children = list(
            visible.filter(follows_up_id__in=level).exclude(pk__in=done).order_by("pk")
        )
        chain.extend(children)
        level = [c.pk for c in children]
        done.update(level)
    pks = [c.pk for c in chain]
    with_replies = {
        r.pk: r
        for r in visible.filter(pk__in=pks).prefetch_related(
            Prefetch(
                "replies", queryset=Reply.objects.filter(submitted_at__isnull=False)
            ),
            Prefetch(
                "assessments", queryset=Assessment.objects.select_related("assessed_by")
            ),
        )
    }
    return [with_replies[pk] for pk in pks]


def board_demand_rows(
    organisation: Organisation, year: int
) -> list[tuple[int, dt.date, dt.datetime | None, str]]:
    """`(raised_for_id, due_on, first_answered_at, status)` of every sent (not draft)
    demand raised for a board or company board (`accounts.roles.BOARD_KINDS`) and
    due in `year`, for the body's view of all boards (one query, not scoped to a
    user: the caller decides who sees the figures)."""
    rows = (
        ResultRequest.objects.filter(
            organisation=organisation,
            raised_for__kind__in=BOARD_KINDS,
            due_on__year=year,
        )
        .exclude(status=Status.DRAFT)
        .order_by("raised_for_id", "due_on", "pk")
        .values_list("raised_for_id", "due_on", "first_answered_at", "status")
    )
    return [
        (int(pk), due_on, answered, status) for pk, due_on, answered, status in rows
    ]


@dataclass
class FollowUp:
    rows: list[figures.FigureRow]
    years: list[int]
    year: int | None


def follow_up_figures(
    *,
    user: User,
    organisation: Organisation,
    unit: Unit | None = None,
    year: int | None = None,
) -> FollowUp:
    """Figures per unit and year from one query over the demands the user may see."""
    qs = result_requests_visible_to(user).filter(
        organisation=organisation, sent_at__isnull=False
    )
    if unit is not None:
        qs = qs.filter(addressed_to=unit)
    values = qs.values_list(
        "addressed_to_id",
        "addressed_to__name",
        "sent_at",
        "due_on",
        "first_answered_at",
        "first_outcome",
        "status",
    )
    facts = [
        figures.DemandFact(
            unit_id=unit_id,
            unit_name=name,
            sent_on=timezone.localtime(sent_at).date(),
            due_on=due_on,
            first_answered_on=timezone.localtime(answered).date() if answered else None,
            first_outcome=outcome,
            is_open=status in OPEN_STATUSES,
        )
        for unit_id, name, sent_at, due_on, answered, outcome, status in values
    ]
    rows = figures.figure_rows(facts, today=timezone.localdate())
    years = sorted({r.year for r in rows}, reverse=True)
    if year is not None:
        rows = [r for r in rows if r.year == year]
    return FollowUp(rows=rows, years=years, year=year)


def _due_note(result_request: ResultRequest) -> str:
    return _("%(unit)s, due %(date)s") % {
        "unit": result_request.addressed_to.name,
        "date": date_format(result_request.due_on),
    }


def dashboard_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[dict[str, Any]]:
    """The dashboard's demand panels: awaiting assessment and overdue for the body,
    what to answer and by when for managers. Plain dicts: the dashboard renders them."""
    panels: list[dict[str, Any]] = []
    today = timezone.localdate()
    visible = result_requests_visible_to(user).filter(organisation=organisation)
    if roles & BODY_ROLES:
        awaiting = visible.filter(status=Status.ANSWERED).select_related("addressed_to")
        overdue = visible.overdue(today=today).select_related("addressed_to")
        panels.append(
            {
                "title": _("Answers to assess"),
                "items": [
                    (r.title, r.get_absolute_url(), r.addressed_to.name)
                    for r in awaiting.order_by("first_answered_at")[:5]
                ],
                "empty": _("No answers are waiting for assessment."),
                "action_url": reverse("result_requests:to_assess"),
                "action_label": _("All answers to assess"),
            }
        )
        panels.append(
            {
                "title": _("Overdue demands"),
                "items": [
                    (r.title, r.get_absolute_url(), _due_note(r)) for r in overdue[:5]
                ],
                "empty": _("No demand is overdue."),
                "action_url": reverse("result_requests:create"),
                "action_label": _("Raise a demand"),
            }
        )
    if Role.MANAGER in roles:
        panels.append(
            {
                "title": _("Demands to answer"),
                "items": [
                    (r.title, r.get_absolute_url(), _due_note(r))
                    for r in to_answer(user=user, organisation=organisation)[:5]
                ],
                "empty": _("There is nothing to answer right now."),
                "action_url": reverse("result_requests:to_answer"),
                "action_label": _("All demands to answer"),
            }
        )
    return panels
