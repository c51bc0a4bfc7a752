"""What demands contribute to the body's agenda suggestions and to the year wheel.

Registered with the meetings app in `AppConfig.ready()` (meetings may not import us).
"""

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.meetings.yearwheel import WheelEvent
from jamkoll.organisations.models import Unit
from jamkoll.organisations.unit_links import UnitLink
from jamkoll.result_requests.models import Status
from jamkoll.result_requests.permissions import (
    can_view_unit_demands,
    result_requests_visible_to,
)


def demands_to_discuss(
    organisation: object, today: dt.date, *, user: User
) -> Iterable[Suggestion]:
    """Answers waiting for the body's assessment, and overdue demands the user may
    open (one query)."""
    rows = (
        result_requests_visible_to(user)
        .filter(organisation=organisation)
        .filter(status__in=[Status.ANSWERED, Status.OVERDUE])
        .select_related("addressed_to")
        .order_by("due_on", "pk")
    )
    suggestions = []
    for demand in rows:
        overdue = demand.status == Status.OVERDUE
        suggestions.append(
            Suggestion(
                kind=_("Overdue demand") if overdue else _("Answer to assess"),
                title=_("%(title)s (%(unit)s)")
                % {"title": demand.title, "unit": demand.addressed_to.name},
                url=demand.get_absolute_url(),
                source_ref=f"result_requests.resultrequest:{demand.pk}",
            )
        )
    return suggestions


def due_dates(organisation: object, year: int, *, user: User) -> Iterable[WheelEvent]:
    """The due dates of the year's open demands the user may open (one query)."""
    rows = (
        result_requests_visible_to(user)
        .filter(
            organisation=organisation,
            due_on__year=year,
            status__in=[Status.SENT, Status.OVERDUE],
        )
        .select_related("addressed_to")
        .order_by("due_on", "pk")
    )
    return [
        WheelEvent(
            title=_("Answer due: %(title)s (%(unit)s)")
            % {"title": demand.title, "unit": demand.addressed_to.name},
            date=demand.due_on,
            category="demand",
            url=demand.get_absolute_url(),
            uid=f"result_requests.resultrequest.{demand.pk}.due",
        )
        for demand in rows
    ]


def unit_demands_link(unit: Unit, user: User) -> Iterable[UnitLink]:
    """On a board's, administration's or company's page: its demands, for those who
    may read them (the council and the equality body receive no demands)."""
    if unit.kind in (Unit.Kind.COUNCIL, Unit.Kind.EQUALITY_BODY):
        return []
    if not can_view_unit_demands(user, unit):
        return []
    return [
        UnitLink(
            _("Demands to this unit"), reverse("result_requests:unit", args=[unit.pk])
        )
    ]
