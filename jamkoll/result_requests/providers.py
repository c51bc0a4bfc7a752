"""What demands contribute to the body's agenda suggestions and to the year wheel.

Registered with the meetings app in `AppConfig.ready()` (meetings may not import us).
"""

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext as _

from jamkoll.meetings.suggestions import Suggestion
from jamkoll.meetings.yearwheel import WheelEvent
from jamkoll.result_requests.models import ResultRequest, Status


def demands_to_discuss(organisation: object, today: dt.date) -> Iterable[Suggestion]:
    """Answers waiting for the body's assessment, and overdue demands (one query)."""
    rows = (
        ResultRequest.objects.filter(organisation=organisation)
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


def due_dates(organisation: object, year: int) -> Iterable[WheelEvent]:
    """The due dates of the year's demands that are still open (one query)."""
    rows = (
        ResultRequest.objects.filter(
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
