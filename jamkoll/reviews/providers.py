"""Agenda suggestions from reviews, registered with meetings in `AppConfig.ready()`."""

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.reviews import selectors
from jamkoll.reviews.permissions import reviews_visible_to


def reviews_in_progress(
    organisation: object, today: dt.date, *, user: User
) -> Iterable[Suggestion]:
    """Reviews still in progress that the user may open, for the body to discuss
    (one query)."""
    return [
        Suggestion(
            kind=_("Document review to discuss"),
            title=_("Review of %(title)s (%(unit)s, %(year)s)")
            % {"title": review.title, "unit": review.unit.name, "year": review.year},
            url=review.get_absolute_url(),
            source_ref=f"reviews.review:{review.pk}",
        )
        for review in selectors.reviews_in_progress(organisation=organisation).filter(  # type: ignore[arg-type]
            pk__in=reviews_visible_to(user)
        )
    ]
