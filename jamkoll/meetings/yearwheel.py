"""Events in the year wheel (årshjul): rules, meetings, and what other apps provide.

Contract for providers
----------------------
A provider is a callable ``provider(organisation, year, *, user) -> Iterable[WheelEvent]``
that returns the dated events of other apps for that organisation and calendar year,
e.g. the due dates of demands (result_requests) or council meeting dates, limited to
what ``user`` may open (the provider filters with its own app's ``*_visible_to``). It must run a fixed
number of queries and must not write. Apps above meetings import ``WheelEvent`` and
call ``register(provider)`` from their ``AppConfig.ready()``; ``cases`` (same layer)
registers through ``apps.get_app_config("meetings").register_yearwheel_provider`` and
may return its own objects with the same attributes (``title``, ``date``, ``category``,
``url``, ``uid``; ``starts_at``, ``ends_at`` and ``place`` optional).

``uid`` must be stable and unique (e.g. ``"result_requests.resultrequest.12.due"``):
calendar programs use it to update an event instead of duplicating it.

Rule occurrences
----------------
A rule gives dates (``recurrence.dates_in_year``); a ``RuleOccurrence`` is an exception
for one of them. A moved occurrence is shown on its new date (and time) with the UID
of its planned date, so a subscribed calendar moves the event instead of adding one;
a cancelled one is left out; one replaced by a meeting (``RuleOccurrence.meeting``) is
left out because the meeting is shown. A meeting-category occurrence is also left out
when the organisation has a meeting of the body (not a dialogue meeting) on that date,
since meetings planned without the link are the same event.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q
from django.utils.dates import MONTHS
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.core import formatting
from jamkoll.core.registry import Registry
from jamkoll.meetings import recurrence

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from jamkoll.meetings.models import RuleOccurrence, YearWheelRule


@dataclass(frozen=True)
class WheelEvent:
    title: str
    date: dt.date
    category: str
    url: str = ""
    uid: str = ""
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    place: str = ""
    # Set for events that come from a rule: which rule and which of its dates.
    rule_id: int | None = None
    original_date: dt.date | None = None

    @property
    def is_moved(self) -> bool:
        return self.original_date is not None and self.original_date != self.date

    @property
    def category_label(self) -> str:
        return str(dict(category_choices()).get(self.category, self.category))


Provider = Callable[..., Iterable[Any]]

_providers: Registry[Provider] = Registry()
register = _providers.register
unregister = _providers.unregister

POSTING = "posting"

# Categories other apps' providers use (see their providers.py), for the filter.
PROVIDED_CATEGORIES = [
    (POSTING, _("Posting of minutes")),
    ("council", _("Council and board meetings")),
    ("demand", _("Demands: answers due")),
    ("action", _("Action plan: due dates")),
]


def category_choices() -> list[tuple[str, Any]]:
    """Every category the year wheel shows, with its label, for the filter."""
    from jamkoll.meetings.models import YearWheelRule

    return [*YearWheelRule.Category.choices, *PROVIDED_CATEGORIES]


def rule_dates(rule: "YearWheelRule", year: int) -> list[dt.date]:
    """The dates the rule gives in `year`, before any exception."""
    return recurrence.dates_in_year(
        year=year,
        pattern=rule.pattern,
        months=rule.month_numbers(),
        day=rule.day,
        weekday=rule.weekday,
        nth=rule.nth,
    )


def rule_gives(rule: "YearWheelRule", date: dt.date) -> bool:
    """Whether `date` is one of the rule's planned dates."""
    return date in rule_dates(rule, date.year)


def end_time(starts_at: dt.time | None, duration_minutes: int | None) -> dt.time | None:
    """The end of an event of that length, or None when it has no start or length or
    would run past midnight (the calendar then uses its default length)."""
    if starts_at is None or not duration_minutes:
        return None
    start = dt.datetime.combine(dt.date.min, starts_at)
    end = start + dt.timedelta(minutes=duration_minutes)
    return end.time() if end.date() == start.date() else None


def rule_uid(rule_id: int, original_date: dt.date) -> str:
    return f"meetings.rule.{rule_id}.{original_date:%Y%m%d}"


@dataclass(frozen=True)
class Occurrence:
    """One planned date of a rule with its exception, if any."""

    rule: "YearWheelRule"
    original_date: dt.date
    exception: "RuleOccurrence | None" = None

    @property
    def date(self) -> dt.date:
        return (self.exception and self.exception.moved_to) or self.original_date

    @property
    def starts_at(self) -> dt.time | None:
        return (self.exception and self.exception.starts_at) or self.rule.starts_at

    @property
    def ends_at(self) -> dt.time | None:
        return end_time(self.starts_at, self.rule.duration_minutes)

    @property
    def cancelled(self) -> bool:
        return bool(self.exception and self.exception.cancelled)

    @property
    def meeting_id(self) -> int | None:
        return self.exception.meeting_id if self.exception else None

    def meeting_initial(self) -> dict[str, Any]:
        """What a meeting planned for this occurrence starts from."""
        return {
            "title": self.rule.title,
            "held_on": self.date,
            "starts_at": self.starts_at,
            "ends_at": self.ends_at,
            "place": self.rule.place,
        }


@dataclass(frozen=True)
class RuleRow:
    """A rule as the year wheel lists it, with its changed occurrences of the year."""

    rule: "YearWheelRule"
    description: str
    ends_at: dt.time | None
    changed: list["RuleOccurrence"]


def rules_with_occurrences(
    rules: "QuerySet[YearWheelRule]", *, year: int
) -> list[RuleRow]:
    """The rules with their moved or cancelled occurrences planned for or moved into
    `year`, not those replaced by a meeting (two queries)."""
    from jamkoll.meetings.models import RuleOccurrence

    changed = (
        RuleOccurrence.objects.filter(
            Q(original_date__year=year) | Q(moved_to__year=year),
            meeting__isnull=True,
        )
        .filter(
            Q(cancelled=True) | Q(moved_to__isnull=False) | Q(starts_at__isnull=False)
        )
        .order_by("original_date")
    )
    return [
        RuleRow(
            rule=rule,
            description=describe_rule(rule),
            ends_at=end_time(rule.starts_at, rule.duration_minutes),
            # Set by the Prefetch below (to_attr).
            changed=list(rule.year_occurrences),  # type: ignore[attr-defined]
        )
        for rule in rules.prefetch_related(
            Prefetch("occurrences", queryset=changed, to_attr="year_occurrences")
        )
    ]


WEEKDAY_PHRASES = {
    0: _("the %(nth)s Monday"),
    1: _("the %(nth)s Tuesday"),
    2: _("the %(nth)s Wednesday"),
    3: _("the %(nth)s Thursday"),
    4: _("the %(nth)s Friday"),
}


def describe_rule(rule: "YearWheelRule") -> str:
    """When the rule recurs, in words: "the second Tuesday in March and September",
    "the 30th of April"."""
    from jamkoll.meetings.models import YearWheelRule

    try:
        numbers = rule.month_numbers()
    except ValueError:
        numbers = []
    every = len(numbers) == 12
    months = get_text_list([str(MONTHS[n]) for n in numbers], gettext("and"))
    if rule.pattern == YearWheelRule.Pattern.FIXED_DATE:
        if every:
            return gettext("the %(day)s of every month") % {"day": rule.day}
        return gettext("the %(day)s of %(months)s") % {
            "day": rule.day,
            "months": months,
        }
    if rule.weekday is None or rule.nth is None:
        return ""
    when = str(WEEKDAY_PHRASES.get(rule.weekday, "")) % {
        "nth": YearWheelRule.Nth(rule.nth).label
    }
    if every:
        return gettext("%(when)s of every month") % {"when": when}
    return gettext("%(when)s in %(months)s") % {"when": when, "months": months}


def find_occurrence(rule: "YearWheelRule", original_date: dt.date) -> Occurrence | None:
    """The rule's occurrence planned for `original_date`, or None when the rule does
    not give that date."""
    if not rule_gives(rule, original_date):
        return None
    exception = rule.occurrences.filter(original_date=original_date).first()
    return Occurrence(rule, original_date, exception)


def events_for_year(
    *, organisation: Any, year: int, user: Any, category: str | None = None
) -> list[WheelEvent]:
    """Rule events (with their exceptions), the organisation's meetings, the posting
    of minutes and every provider's events that `user` may open, sorted by date; only
    `category` if given.
    """
    from jamkoll.meetings.models import Meeting, RuleOccurrence, YearWheelRule

    meetings = list(
        Meeting.objects.filter(organisation=organisation, held_on__year=year)
        .select_related("body")
        .order_by("held_on", "starts_at")
    )
    meeting_dates = {m.held_on for m in meetings if not m.is_dialogue}
    rules = list(YearWheelRule.objects.filter(organisation=organisation))
    exceptions: dict[tuple[int, dt.date], RuleOccurrence] = {
        (o.rule_id, o.original_date): o
        for o in RuleOccurrence.objects.filter(rule__organisation=organisation).filter(
            Q(original_date__year=year) | Q(moved_to__year=year)
        )
    }

    events: list[WheelEvent] = []
    for rule in rules:
        planned = set(rule_dates(rule, year))
        # Dates of other years moved into this one.
        planned |= {
            original
            for (rule_id, original), occurrence in exceptions.items()
            if rule_id == rule.pk
            and original.year != year
            and rule_gives(rule, original)
        }
        for original in sorted(planned):
            occurrence = exceptions.get((rule.pk, original))
            event = _rule_event(rule, original, occurrence)
            if event is None or event.date.year != year:
                continue
            if (
                rule.category == YearWheelRule.Category.MEETING
                and event.date in meeting_dates
            ):
                continue
            events.append(event)

    for meeting in meetings:
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
                place=meeting.place,
            )
        )
    events.extend(_posting_events(organisation, year))
    for provider in _providers:
        for item in provider(organisation, year, user=user):
            events.append(
                WheelEvent(
                    title=str(item.title),
                    date=item.date,
                    category=str(item.category),
                    url=str(getattr(item, "url", "")),
                    uid=str(getattr(item, "uid", "")),
                    starts_at=getattr(item, "starts_at", None),
                    ends_at=getattr(item, "ends_at", None),
                    place=str(getattr(item, "place", "") or ""),
                )
            )
    if category:
        events = [e for e in events if e.category == category]
    return sorted(events, key=lambda e: (e.date, e.starts_at or dt.time.min, e.title))


def _rule_event(
    rule: "YearWheelRule", original: dt.date, occurrence: Any
) -> WheelEvent | None:
    """The event for one of the rule's dates, or None when it is cancelled or
    replaced by a meeting."""
    date, starts_at = original, rule.starts_at
    if occurrence is not None:
        if occurrence.cancelled or occurrence.meeting_id is not None:
            return None
        date = occurrence.moved_to or original
        starts_at = occurrence.starts_at or starts_at
    return WheelEvent(
        title=rule.title,
        date=date,
        category=rule.category,
        uid=rule_uid(rule.pk, original),
        starts_at=starts_at,
        ends_at=end_time(starts_at, rule.duration_minutes),
        place=rule.place,
        rule_id=rule.pk,
        original_date=original,
    )


def _posting_events(organisation: Any, year: int) -> list[WheelEvent]:
    """The days the approval of minutes is announced on the notice board (anslag)
    and taken down, one query."""
    from jamkoll.meetings.models import Minutes

    rows = (
        Minutes.objects.filter(meeting__organisation=organisation)
        .filter(Q(posted_on__year=year) | Q(taken_down_on__year=year))
        .select_related("meeting__body")
    )
    events = []
    for minutes in rows:
        names = {
            "body": minutes.meeting.body,
            "date": formatting.date(minutes.meeting.held_on),
        }
        url = minutes.get_absolute_url()
        if minutes.posted_on and minutes.posted_on.year == year:
            events.append(
                WheelEvent(
                    title=gettext("Notice posted: minutes %(body)s %(date)s") % names,
                    date=minutes.posted_on,
                    category=POSTING,
                    url=url,
                    uid=f"meetings.minutes.{minutes.pk}.posted",
                )
            )
        if minutes.taken_down_on and minutes.taken_down_on.year == year:
            events.append(
                WheelEvent(
                    title=gettext("Notice taken down: minutes %(body)s %(date)s")
                    % names,
                    date=minutes.taken_down_on,
                    category=POSTING,
                    url=url,
                    uid=f"meetings.minutes.{minutes.pk}.taken_down",
                )
            )
    return events
