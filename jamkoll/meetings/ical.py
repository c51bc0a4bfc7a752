"""The year wheel as an iCalendar feed (RFC 5545), times in Europe/Stockholm."""

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar

from jamkoll.meetings.yearwheel import WheelEvent

TIME_ZONE = "Europe/Stockholm"
DEFAULT_DURATION = dt.timedelta(hours=2)


def build_calendar(
    *, name: str, events: Iterable[WheelEvent], base_url: str, stamp: dt.datetime
) -> bytes:
    """Timed events get TZID=Europe/Stockholm with a VTIMEZONE; the rest are all-day."""
    zone = ZoneInfo(TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Jämkoll//Årshjul//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    for event in events:
        item = icalendar.Event()
        item.add("uid", f"{event.uid or hash(event)}@jamkoll")
        item.add("dtstamp", stamp)
        item.add("summary", event.title)
        item.add("categories", [event.category])
        if event.starts_at is not None:
            start = dt.datetime.combine(event.date, event.starts_at, tzinfo=zone)
            end = (
                dt.datetime.combine(event.date, event.ends_at, tzinfo=zone)
                if event.ends_at and event.ends_at > event.starts_at
                else start + DEFAULT_DURATION
            )
            item.add("dtstart", start)
            item.add("dtend", end)
        else:
            item.add("dtstart", event.date)
            item.add("dtend", event.date + dt.timedelta(days=1))
        if event.url:
            item.add("url", base_url + event.url)
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()
