"""Dates for posting the approval of minutes on the notice board (anslag).

Pure functions, no Django. The Local Government Act gives two days from the approval
(justering) to announce it on the official notice board, and the announcement stays
until the three weeks for appeal have passed. A period that ends on a Saturday,
Sunday, public holiday, Midsummer Eve, Christmas Eve or New Year's Eve ends on the
next working day (the Act on calculating statutory time, 1930:173).
"""

import datetime as dt
from functools import cache

import holidays

ANNOUNCE_WITHIN_DAYS = 2
APPEAL_DAYS = 21


@cache
def _closed_days(year: int) -> frozenset[dt.date]:
    days = set(holidays.country_holidays("SE", years=year))
    days |= {dt.date(year, 12, 24), dt.date(year, 12, 31)}
    # Midsummer Eve: the Friday between 19 and 25 June.
    days |= {
        dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4
    }
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _closed_days(day.year)


def period_end(start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` days from `start`, moved to a working day."""
    end = start + dt.timedelta(days=days)
    while not is_working_day(end):
        end += dt.timedelta(days=1)
    return end


def announce_by(approved_on: dt.date) -> dt.date:
    """The last day to announce the approval on the notice board."""
    return period_end(approved_on, ANNOUNCE_WITHIN_DAYS)


def earliest_take_down(posted_on: dt.date) -> dt.date:
    """The first day the notice may come down: the day after the appeal period."""
    return period_end(posted_on, APPEAL_DAYS) + dt.timedelta(days=1)


def posted_late(
    approved_on: dt.date, posted_on: dt.date | None, today: dt.date
) -> bool:
    """True when the approval was (or, not yet posted, now is) announced too late."""
    deadline = announce_by(approved_on)
    return (posted_on or today) > deadline
