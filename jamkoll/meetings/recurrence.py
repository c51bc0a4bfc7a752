"""Dates of recurring year-wheel events. Pure functions, no Django imports."""

import calendar
import datetime as dt
from collections.abc import Iterable


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The `nth` (1–5, or -1 for the last) `weekday` (0 = Monday) of a month, or None
    when the month has no such day (a fifth Tuesday)."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    if nth == -1:
        return days[-1]
    if 1 <= nth <= len(days):
        return days[nth - 1]
    return None


def fixed_date(year: int, month: int, day: int) -> dt.date:
    """The day in the month, falling back to the month's last day (29 February)."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last))


def dates_in_year(
    *,
    year: int,
    pattern: str,
    months: Iterable[int],
    day: int | None = None,
    weekday: int | None = None,
    nth: int | None = None,
) -> list[dt.date]:
    """Every date a rule gives in `year`; `pattern` is "fixed_date" or "nth_weekday"."""
    result: list[dt.date] = []
    for month in months:
        if pattern == "fixed_date" and day:
            result.append(fixed_date(year, month, day))
        elif pattern == "nth_weekday" and weekday is not None and nth is not None:
            date = nth_weekday(year, month, weekday, nth)
            if date is not None:
                result.append(date)
    return sorted(result)


def month_grid(year: int, month: int) -> list[list[dt.date | None]]:
    """Weeks (Monday first) of a month; days outside the month are None."""
    return [
        [day if day.month == month else None for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
