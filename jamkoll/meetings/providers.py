"""The meetings app's own agenda-suggestion providers (see suggestions.py)."""

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.permissions import decisions_visible_to, meetings_visible_to
from jamkoll.meetings.suggestions import Suggestion

DIALOGUE_HORIZON_DAYS = 60
FOLLOW_UP_HORIZON_DAYS = 30


def dialogue_meetings_to_prepare(
    organisation: object, today: dt.date, *, user: User
) -> Iterable[Suggestion]:
    """Dialogue meetings within two months whose questions have not been sent."""
    upcoming = (
        meetings_visible_to(user)
        .filter(
            organisation=organisation,
            kind=Meeting.Kind.DIALOGUE,
            held_on__gte=today,
            held_on__lte=today + dt.timedelta(days=DIALOGUE_HORIZON_DAYS),
            questions_sent_on__isnull=True,
        )
        .select_related("counterpart")
    )
    return [
        Suggestion(
            kind=_("Dialogue meeting to prepare"),
            title=_("Prepare the dialogue meeting with %(unit)s on %(date)s")
            % {"unit": meeting.counterpart, "date": formatting.date(meeting.held_on)},
            url=meeting.get_absolute_url(),
            source_ref=f"meetings.meeting:{meeting.pk}",
        )
        for meeting in upcoming
    ]


def assignments_to_follow_up(
    organisation: object, today: dt.date, *, user: User
) -> Iterable[Suggestion]:
    """Open assignments (uppdrag) due within a month or overdue."""
    due = (
        decisions_visible_to(user)
        .filter(organisation=organisation)
        .due(today=today + dt.timedelta(days=FOLLOW_UP_HORIZON_DAYS))
        .select_related("owner")
    )
    return [
        Suggestion(
            kind=_("Assignment to follow up"),
            title=_("Follow up: %(text)s (%(responsible)s)")
            % {"text": decision.text[:120], "responsible": decision.responsible},
            url=reverse("meetings:decision_list"),
            source_ref=f"meetings.decision:{decision.pk}",
        )
        for decision in due
    ]
