"""The year wheel as an iCalendar feed and meeting invitations (RFC 5545/5546),
times in Europe/Stockholm."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from jamkoll.meetings.yearwheel import WheelEvent

TIME_ZONE = "Europe/Stockholm"
DEFAULT_DURATION = dt.timedelta(hours=2)


def _add_times(
    item: icalendar.Event,
    date: dt.date,
    starts_at: dt.time | None,
    ends_at: dt.time | None,
) -> None:
    """Timed events get TZID=Europe/Stockholm; the rest are all-day."""
    if starts_at is None:
        item.add("dtstart", date)
        item.add("dtend", date + dt.timedelta(days=1))
        return
    zone = ZoneInfo(TIME_ZONE)
    start = dt.datetime.combine(date, starts_at, tzinfo=zone)
    end = (
        dt.datetime.combine(date, ends_at, tzinfo=zone)
        if ends_at and ends_at > starts_at
        else start + DEFAULT_DURATION
    )
    item.add("dtstart", start)
    item.add("dtend", end)


def build_calendar(
    *, name: str, events: Iterable[WheelEvent], base_url: str, stamp: dt.datetime
) -> bytes:
    """The feed: one VEVENT per event, with a VTIMEZONE for the timed ones."""
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
        _add_times(item, event.date, event.starts_at, event.ends_at)
        if event.place:
            item.add("location", event.place)
        if event.url:
            item.add("url", base_url + event.url)
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()


@dataclass(frozen=True)
class Invitation:
    """What a meeting invitation (kallelse) says; `uid` without "@jamkoll"."""

    uid: str
    sequence: int
    summary: str
    description: str
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time | None
    place: str
    url: str
    organizer_name: str
    organizer_email: str


def build_invitation(
    *,
    invitation: Invitation,
    attendee_name: str,
    attendee_email: str,
    stamp: dt.datetime,
) -> bytes:
    """A METHOD:REQUEST calendar with the meeting as one VEVENT. The UID is the
    feed's, and SEQUENCE grows with each sending, so a calendar program updates the
    event it already has instead of adding a second one."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Jämkoll//Kallelse//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")
    item = icalendar.Event()
    item.add("uid", f"{invitation.uid}@jamkoll")
    item.add("sequence", invitation.sequence)
    item.add("dtstamp", stamp)
    item.add("summary", invitation.summary)
    item.add("description", invitation.description)
    _add_times(item, invitation.date, invitation.starts_at, invitation.ends_at)
    if invitation.place:
        item.add("location", invitation.place)
    item.add("url", invitation.url)
    item.add("status", "CONFIRMED")
    organizer = icalendar.vCalAddress(f"mailto:{invitation.organizer_email}")
    organizer.params["cn"] = icalendar.vText(invitation.organizer_name)
    item.add("organizer", organizer)
    attendee = icalendar.vCalAddress(f"mailto:{attendee_email}")
    attendee.params["cn"] = icalendar.vText(attendee_name)
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = icalendar.vText("NEEDS-ACTION")
    attendee.params["rsvp"] = icalendar.vText("FALSE")
    item.add("attendee", attendee, encode=False)
    calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()
