"""The board figures as people read them (page, export, yearly report): column
labels, Swedish numbers and the trend in words ("up from 40 %")."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.boards import figures
from jamkoll.core import exports
from jamkoll.core.formatting import number, percent

SHARES = frozenset({"on_time", "statistics", "analysis"})


def column_labels() -> list[tuple[str, str]]:
    """(key, label) of every column of the comparison, the board first."""
    return [
        ("board", pgettext("unit kind", "Board")),
        ("demands", _("Demands raised")),
        ("on_time", _("Answered on time")),
        ("decisions", _("Decision documents")),
        ("statistics", _("With sex-disaggregated statistics")),
        ("analysis", _("With consequences for women and men")),
        ("self_assessment", _("Self-assessment level (1–4)")),
        ("needs", _("Open development needs")),
    ]


def explanations() -> list[tuple[str, str]]:
    """How each figure is counted, for the page's explanation."""
    return [
        (
            _("Demands raised"),
            _(
                "Demands the board raised (sent, not drafts) whose due date falls in "
                "the year."
            ),
        ),
        (
            _("Answered on time"),
            _(
                "The share of those demands whose first answer came on or before the "
                "due date."
            ),
        ),
        (
            _("Decision documents"),
            _(
                "Reviews of decision documents (the checklist for decision documents) "
                "of the year whose unit is the board or a unit directly under it."
            ),
        ),
        (
            _("With sex-disaggregated statistics"),
            _(
                "The share of the year's decision documents where the reviewer "
                "answered yes to criterion B1 (sex-disaggregated statistics)."
            ),
        ),
        (
            _("With consequences for women and men"),
            _(
                "The share of the year's decision documents where the reviewer "
                "answered yes to criterion B3 (the consequences for women and men are "
                "described)."
            ),
        ),
        (
            _("Self-assessment level (1–4)"),
            _(
                "The mean score of the board's latest completed self-assessment of the "
                "year; points marked not relevant or unanswered are left out."
            ),
        ),
        (
            _("Open development needs"),
            _(
                "Development needs recorded in the year for the board or a unit "
                "directly under it (from dialogue meetings and document reviews)."
            ),
        ),
        (
            _("Trend"),
            _(
                "Each figure is compared with the previous year. A share with nothing "
                "to count is shown as a dash and has no comparison."
            ),
        ),
    ]


def value_text(column: str, value: float | int | None) -> str:
    """A figure in Swedish: "50 %", "3,5", "4", "–" when missing."""
    if column in SHARES:
        return percent(value)
    if column == "self_assessment":
        return number(value, 1)
    return number(value)


def trend_text(column: str, trend: figures.Trend) -> str:
    """The trend in words: "up from 40 %", "down from 3", "same as last year"."""
    previous = value_text(column, trend.previous)
    if trend.direction == figures.UP:
        return _("up from %(value)s") % {"value": previous}
    if trend.direction == figures.DOWN:
        return _("down from %(value)s") % {"value": previous}
    if trend.direction == figures.SAME:
        return _("same as last year")
    return _("no comparison")


def _detail(column: str, current: figures.Figures) -> str:
    """The count behind a share: "2 of 4"."""
    counts = {
        "on_time": (current.answered_on_time, current.demands),
        "statistics": (current.with_statistics, current.decisions),
        "analysis": (current.with_analysis, current.decisions),
    }
    if column not in counts or not counts[column][1]:
        return ""
    part, whole = counts[column]
    return _("%(part)s of %(whole)s") % {"part": part, "whole": whole}


@dataclass(frozen=True)
class Cell:
    key: str
    text: str
    detail: str
    direction: str
    trend: str


@dataclass(frozen=True)
class ShownRow:
    board_id: int
    board_name: str
    cells: list[Cell]


def shown(row: figures.BoardRow) -> ShownRow:
    """A row as the page shows it: each figure with its count and trend in words."""
    cells = []
    for column in figures.COLUMNS:
        trend = row.trend(column)
        cells.append(
            Cell(
                column,
                value_text(column, row.current.value(column)),
                _detail(column, row.current),
                trend.direction,
                trend_text(column, trend),
            )
        )
    return ShownRow(row.board_id, row.board_name, cells)


def export_table(
    rows: list[figures.BoardRow],
) -> tuple[list[str], list[str], list[list[object]]]:
    """Header, column types and rows for the spreadsheet: numbers as numbers (shares
    as fractions with a percent format), this year's and last year's side by side."""
    labels = dict(column_labels())
    header = [labels["board"]]
    types = [exports.TEXT]
    for column in figures.COLUMNS:
        header += [
            labels[column],
            _("%(figure)s, previous year") % {"figure": labels[column]},
            _("%(figure)s, trend") % {"figure": labels[column]},
        ]
        kind = (
            exports.PERCENT
            if column in SHARES
            else exports.DECIMAL
            if column == "self_assessment"
            else exports.INTEGER
        )
        types += [kind, kind, exports.TEXT]

    def cell(column: str, value: float | int | None) -> float | int | None:
        if value is None:
            return None
        return value / 100 if column in SHARES else value

    values: list[list[object]] = []
    for row in rows:
        line: list[object] = [row.board_name]
        for column in figures.COLUMNS:
            line += [
                cell(column, row.current.value(column)),
                cell(column, row.previous.value(column)),
                trend_text(column, row.trend(column)),
            ]
        values.append(line)
    return header, types, values
