"""Action-plan due dates in the year wheel, registered with meetings in `ready()`."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.indicators.models import Action
from jamkoll.indicators.permissions import actions_visible_to
from jamkoll.meetings.yearwheel import WheelEvent


def action_due_dates(
    organisation: object, year: int, *, user: User
) -> Iterable[WheelEvent]:
    """Due dates of the year's open actions the user may open (one query)."""
    rows = (
        actions_visible_to(user)
        .filter(organisation=organisation, due_on__year=year)
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
