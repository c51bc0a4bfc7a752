"""What cases contributes to the agenda suggestions and the year wheel of meetings.

cases may not import meetings (same layer); these return plain objects with the
attributes the meetings registries document (duck typing).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.accounts.models import User
from jamkoll.cases.permissions import cases_visible_to
from jamkoll.core import formatting


@dataclass(frozen=True)
class CaseSuggestion:
    kind: str
    title: str
    url: str
    source_ref: str


@dataclass(frozen=True)
class CouncilMeetingEvent:
    title: str
    date: dt.date
    category: str
    url: str
    uid: str


def cases_to_prepare(
    organisation: object, today: dt.date, *, user: User
) -> Iterable[CaseSuggestion]:
    """Council cases not yet handled whose meeting is today or later, that the user
    may open."""
    cases = (
        cases_visible_to(user)
        .filter(organisation=organisation, meeting_on__gte=today)
        .to_prepare()
    )
    return [
        CaseSuggestion(
            kind=_("Council case to prepare"),
            title=_("%(number)s %(title)s (decided %(date)s)")
            % {
                "number": case.case_number,
                "title": case.title,
                "date": formatting.date(case.meeting_on),
            },
            url=case.get_absolute_url(),
            source_ref=f"cases.case:{case.pk}",
        )
        for case in cases.order_by("meeting_on", "case_number")
    ]


def council_meetings(
    organisation: object, year: int, *, user: User
) -> Iterable[CouncilMeetingEvent]:
    """Each meeting date with cases the user may open, named after the deciding
    body."""
    rows = (
        cases_visible_to(user)
        .filter(organisation=organisation, meeting_on__year=year)
        .values("meeting_on", "deciding_body__name")
        .annotate(n=Count("pk"))
        .order_by("meeting_on")
    )
    return [
        CouncilMeetingEvent(
            title=ngettext(
                "%(body)s meets (%(count)s case)",
                "%(body)s meets (%(count)s cases)",
                row["n"],
            )
            % {"body": row["deciding_body__name"], "count": row["n"]},
            date=row["meeting_on"],
            category="council",
            url=reverse("cases:list") + f"?year={year}",
            uid=f"cases.meeting.{organisation.pk}.{row['meeting_on']:%Y%m%d}.{row['deciding_body__name']}",  # type: ignore[attr-defined]
        )
        for row in rows
    ]
