"""Follow-up figures per unit and year, computed from plain facts (no Django).

A demand counts in the year it was sent. "Answered on time" means the first answer
came on or before the due date; "accepted at first answer" means the first
assessment was an acceptance; "open overdue" counts demands still unanswered after
their due date; the median is over days from sending to the first answer.
"""

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemandFact:
    unit_id: int
    unit_name: str
    sent_on: dt.date
    due_on: dt.date
    first_answered_on: dt.date | None
    first_outcome: str
    is_open: bool


@dataclass
class FigureRow:
    unit_id: int
    unit_name: str
    year: int
    raised: int = 0
    answered: int = 0
    answered_on_time: int = 0
    accepted_first: int = 0
    open_overdue: int = 0
    median_days: float | None = None

    @property
    def share_on_time(self) -> int | None:
        """Per cent of raised demands answered on time (None with nothing raised)."""
        return round(100 * self.answered_on_time / self.raised) if self.raised else None


ACCEPTED = "accepted"


def figure_rows(facts: Iterable[DemandFact], *, today: dt.date) -> list[FigureRow]:
    """One row per unit and year, sorted by year (newest first) and unit name."""
    rows: dict[tuple[int, int], FigureRow] = {}
    days: dict[tuple[int, int], list[int]] = {}
    for fact in facts:
        key = (fact.unit_id, fact.sent_on.year)
        row = rows.setdefault(
            key, FigureRow(fact.unit_id, fact.unit_name, fact.sent_on.year)
        )
        row.raised += 1
        if fact.first_answered_on is not None:
            row.answered += 1
            days.setdefault(key, []).append(
                (fact.first_answered_on - fact.sent_on).days
            )
            if fact.first_answered_on <= fact.due_on:
                row.answered_on_time += 1
        elif fact.is_open and fact.due_on < today:
            row.open_overdue += 1
        if fact.first_outcome == ACCEPTED:
            row.accepted_first += 1
    for key, values in days.items():
        rows[key].median_days = float(statistics.median(values))
    return sorted(rows.values(), key=lambda r: (-r.year, r.unit_name, r.unit_id))


def totals(rows: Iterable[FigureRow], *, year: int) -> FigureRow:
    """The organisation's sum for one year (the median is not summed, so it is None)."""
    total = FigureRow(0, "", year)
    for row in rows:
        if row.year != year:
            continue
        total.raised += row.raised
        total.answered += row.answered
        total.answered_on_time += row.answered_on_time
        total.accepted_first += row.accepted_first
        total.open_overdue += row.open_overdue
    return total
