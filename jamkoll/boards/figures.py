"""The board comparison: one row of figures per board and year (pure; no Django).

Per board (nämnd or company board) and year:

- demands raised by the board (`raised_for` = the board, sent, due in the year) and
  how many were answered on time (first answer on or before the due date);
- decision documents (reviews of the type decision document with the checklist
  "beslutsunderlag", unit in the board's domain, of the year) and how many have
  sex-disaggregated statistics (criterion B1 answered "yes") and a description of the
  consequences for women and men (B3 answered "yes");
- the self-assessment level: the mean score (1–4) of the board's latest completed
  board self-assessment of the year, "not relevant" and unanswered points left out;
- the development needs recorded in the year for a unit in the board's domain
  (a need has no closing state, so each one stays open).

Each figure is compared with the previous year: up, down, same, or no comparison
when either year has no value. Shares are None when there is nothing to divide.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from jamkoll.reviews.trend import mean_score

YES = "yes"
STATISTICS_CODE = "B1"
ANALYSIS_CODE = "B3"

UP, DOWN, SAME, NONE = "up", "down", "same", "none"

# The sortable figures, in the order of the table's columns.
COLUMNS = (
    "demands",
    "on_time",
    "decisions",
    "statistics",
    "analysis",
    "self_assessment",
    "needs",
)


@dataclass(frozen=True)
class DemandFact:
    board_id: int
    due_on: dt.date
    first_answered_on: dt.date | None


@dataclass(frozen=True)
class DecisionFact:
    """One decision document with its B1 and B3 answers ("" when unanswered)."""

    board_id: int
    year: int
    statistics: str = ""
    analysis: str = ""


@dataclass(frozen=True)
class SelfAssessmentFact:
    """One completed board self-assessment with its answers; `order` ranks the
    reviews of one board and year (the latest has the highest)."""

    board_id: int
    year: int
    order: tuple[dt.date, int]
    values: tuple[str, ...]


@dataclass(frozen=True)
class NeedFact:
    board_id: int
    year: int


def share(part: int, whole: int) -> float | None:
    """Per cent of `whole`, one decimal; None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Figures:
    """One board's figures for one year."""

    demands: int = 0
    answered_on_time: int = 0
    decisions: int = 0
    with_statistics: int = 0
    with_analysis: int = 0
    self_assessment: float | None = None
    needs: int = 0

    @property
    def on_time(self) -> float | None:
        return share(self.answered_on_time, self.demands)

    @property
    def statistics(self) -> float | None:
        return share(self.with_statistics, self.decisions)

    @property
    def analysis(self) -> float | None:
        return share(self.with_analysis, self.decisions)

    def value(self, column: str) -> float | int | None:
        """The figure shown in `column` (one of `COLUMNS`)."""
        return getattr(self, column)  # type: ignore[no-any-return]

    @property
    def is_empty(self) -> bool:
        return not (
            self.demands
            or self.decisions
            or self.needs
            or self.self_assessment is not None
        )


@dataclass(frozen=True)
class Trend:
    """A figure against the previous year's."""

    direction: str
    previous: float | int | None


def trend(now: float | int | None, before: float | int | None) -> Trend:
    if now is None or before is None:
        return Trend(NONE, before)
    if now > before:
        return Trend(UP, before)
    if now < before:
        return Trend(DOWN, before)
    return Trend(SAME, before)


@dataclass
class BoardRow:
    board_id: int
    board_name: str
    year: int
    current: Figures = field(default_factory=Figures)
    previous: Figures = field(default_factory=Figures)

    def trend(self, column: str) -> Trend:
        """`column` this year against the previous year."""
        return trend(self.current.value(column), self.previous.value(column))

    @property
    def trends(self) -> dict[str, Trend]:
        return {column: self.trend(column) for column in COLUMNS}


def board_rows(
    boards: Iterable[tuple[int, str]],
    year: int,
    *,
    demands: Iterable[DemandFact] = (),
    decisions: Iterable[DecisionFact] = (),
    self_assessments: Iterable[SelfAssessmentFact] = (),
    needs: Iterable[NeedFact] = (),
) -> list[BoardRow]:
    """One row per board (in the order given) with `year`'s figures and the previous
    year's. Facts of other boards or other years are ignored."""
    rows = {pk: BoardRow(pk, name, year) for pk, name in boards}

    def figures_of(board_id: int, fact_year: int) -> Figures | None:
        row = rows.get(board_id)
        if row is None:
            return None
        if fact_year == year:
            return row.current
        if fact_year == year - 1:
            return row.previous
        return None

    for demand in demands:
        target = figures_of(demand.board_id, demand.due_on.year)
        if target is None:
            continue
        target.demands += 1
        answered = demand.first_answered_on
        if answered is not None and answered <= demand.due_on:
            target.answered_on_time += 1
    for document in decisions:
        target = figures_of(document.board_id, document.year)
        if target is None:
            continue
        target.decisions += 1
        target.with_statistics += document.statistics == YES
        target.with_analysis += document.analysis == YES
    latest: dict[tuple[int, int], SelfAssessmentFact] = {}
    for assessment in self_assessments:
        key = (assessment.board_id, assessment.year)
        if key not in latest or assessment.order > latest[key].order:
            latest[key] = assessment
    for (board_id, fact_year), assessment in latest.items():
        target = figures_of(board_id, fact_year)
        if target is not None:
            target.self_assessment = mean_score(assessment.values)
    for need in needs:
        target = figures_of(need.board_id, need.year)
        if target is not None:
            target.needs += 1
    return list(rows.values())


def sort_rows(rows: list[BoardRow], column: str, descending: bool) -> list[BoardRow]:
    """Rows sorted by a figure (or "board": the name); boards without a value come
    last in either direction, ties by name."""
    if column not in COLUMNS:
        by_name = sorted(rows, key=lambda r: (r.board_name.casefold(), r.board_id))
        return list(reversed(by_name)) if descending else by_name
    by_name = sorted(rows, key=lambda r: (r.board_name.casefold(), r.board_id))
    with_value = [r for r in by_name if r.current.value(column) is not None]
    without = [r for r in by_name if r.current.value(column) is None]
    ordered = sorted(
        with_value,
        key=lambda r: r.current.value(column),  # type: ignore[arg-type,return-value]
        reverse=descending,
    )
    return ordered + without
