"""Events in the year wheel (årshjul): rules, meetings, and what other apps provide.

Contract for providers
----------------------
A provider is a callable ``provider(organisation, year) -> Iterable[WheelEvent]`` that
returns the dated events of other apps for that organisation and calendar year, e.g.
the due dates of demands (result_requests) or council meeting dates. It must run a fixed
number of queries and must not write. Apps above meetings import ``WheelEvent`` and
call ``register(provider)`` from their ``AppConfig.ready()``; ``cases`` (same layer)
registers through ``apps.get_app_config("meetings").register_yearwheel_provider`` and
may return its own objects with the same attributes (``title``, ``date``, ``category``,
``url``, ``uid``; ``starts_at`` optional).

``uid`` must be stable and unique (e.g. ``"result_requests.resultrequest.12.due"``):
calendar programs use it to update an event instead of duplicating it.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jamkoll.meetings import recurrence


@dataclass(frozen=True)
class WheelEvent:
    title: str
    date: dt.date
    category: str
    url: str = ""
    uid: str = ""
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None


Provider = Callable[[Any, int], Iterable[Any]]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider (usable as a decorator); registering twice has no effect."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def unregister(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def events_for_year(*, organisation: Any, year: int) -> list[WheelEvent]:
    """Rule events, the body's meetings and every provider's events, sorted by date."""
    from jamkoll.meetings.models import Meeting, YearWheelRule

    events: list[WheelEvent] = []
    for rule in YearWheelRule.objects.filter(organisation=organisation):
        for date in recurrence.dates_in_year(
            year=year,
            pattern=rule.pattern,
            months=rule.month_numbers(),
            day=rule.day,
            weekday=rule.weekday,
            nth=rule.nth,
        ):
            events.append(
                WheelEvent(
                    title=rule.title,
                    date=date,
                    category=rule.category,
                    uid=f"meetings.rule.{rule.pk}.{date:%Y%m%d}",
                    starts_at=rule.starts_at,
                )
            )
    meetings = Meeting.objects.filter(organisation=organisation, held_on__year=year)
    for meeting in meetings.select_related("body"):
        events.append(
            WheelEvent(
                title=str(
                    meeting.title or f"{meeting.get_kind_display()}, {meeting.body}"
                ),
                date=meeting.held_on,
                category="meeting",
                url=meeting.get_absolute_url(),
                uid=f"meetings.meeting.{meeting.pk}",
                starts_at=meeting.starts_at,
                ends_at=meeting.ends_at,
            )
        )
    for provider in _providers:
        for item in provider(organisation, year):
            events.append(
                WheelEvent(
                    title=str(item.title),
                    date=item.date,
                    category=str(item.category),
                    url=str(getattr(item, "url", "")),
                    uid=str(getattr(item, "uid", "")),
                    starts_at=getattr(item, "starts_at", None),
                    ends_at=getattr(item, "ends_at", None),
                )
            )
    return sorted(events, key=lambda e: (e.date, e.starts_at or dt.time.min, e.title))
