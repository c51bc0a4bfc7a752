"""Action-plan due dates in the year wheel, registered with meetings in `ready()`."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from jamkoll.indicators.models import Action
from jamkoll.meetings.yearwheel import WheelEvent


def action_due_dates(organisation: object, year: int) -> Iterable[WheelEvent]:
    """Due dates of the year's actions that are not done or cancelled (one query)."""
    rows = (
        Action.objects.filter(organisation=organisation, due_on__year=year)
        .exclude(status__in=[Action.Status.DONE, Action.Status.CANCELLED])
        .select_related("owner")
        .order_by("due_on", "pk")
    )
    return [
        WheelEvent(
            title=_("Action due: %(title)s (%(unit)s)")
            % {"title": action.title, "unit": action.owner.name},
            date=action.due_on,
            category="action",
            url=action.get_absolute_url(),
            uid=f"indicators.action.{action.pk}.due",
        )
        for action in rows
    ]
