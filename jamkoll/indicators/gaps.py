"""Gender gaps on Kolada-style series: pure computations, no I/O, no Django.

A *series* is the points of one KPI for one municipality: objects with
``period`` (year), ``gender`` (``"T"``, ``"K"`` kvinnor, ``"M"`` män) and
``value`` (``float`` or ``None`` for missing). :class:`~.kolada.DataPoint`
fits, but any object with those attributes does.

Conventions:

* gap = K − M (positive: women higher), ratio = K / M;
* ``None`` propagates: a missing K or M value gives a missing gap, never 0;
* the ratio is ``None`` when M is 0 or missing;
* the direction of change compares the size of the gap, ``|K − M|``: a gap
  that shrinks towards 0 is *narrowing* whichever sex is ahead.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

MSG_NOT_SPLIT_BY_SEX = (
    "Serien är inte uppdelad på kön: det finns inga värden för kvinnor och män, "
    "så något könsgap kan inte beräknas."
)
MSG_MIXED_SERIES = (
    "Serien blandar flera nyckeltal eller kommuner ({detail}); beräkna gapet "
    "för en serie i taget."
)
MSG_DUPLICATE_POINT = "Serien har flera värden för år {period} och kön {gender}."
MSG_NEGATIVE_THRESHOLD = "Tröskeln för en stabil utveckling kan inte vara negativ."


class GapError(ValueError):
    """Base class for refusals to compute a gap; the message is Swedish."""


class NotSplitBySex(GapError):
    """The series has no values for women (K) or men (M), only totals."""

    def __init__(self, message: str = MSG_NOT_SPLIT_BY_SEX) -> None:
        super().__init__(message)


class MixedSeries(GapError):
    """The points belong to more than one KPI or municipality, or repeat."""


class SeriesPoint(Protocol):
    """What a point needs for gap computations (``DataPoint`` satisfies it)."""

    @property
    def period(self) -> int: ...

    @property
    def gender(self) -> str: ...

    @property
    def value(self) -> float | None: ...


class Direction(enum.StrEnum):
    """How the size of the gap changed over time."""

    NARROWING = "narrowing"
    WIDENING = "widening"
    STABLE = "stable"
    INSUFFICIENT_DATA = "insufficient_data"


@dataclass(frozen=True, slots=True)
class GapPoint:
    """One period: women's, men's and total values with gap and ratio."""

    period: int
    women: float | None
    men: float | None
    total: float | None
    gap: float | None
    ratio: float | None


@dataclass(frozen=True, slots=True)
class Trend:
    """Least-squares line ``value = intercept + slope * period``.

    ``slope`` is in units per year; ``n`` is the number of points used.
    """

    slope: float
    intercept: float
    n: int

    def at(self, period: float) -> float:
        """The fitted value for ``period``."""
        return self.intercept + self.slope * period


def gap(women: float | None, men: float | None) -> float | None:
    """K − M, or ``None`` when either value is missing."""
    if women is None or men is None:
        return None
    return women - men


def ratio(women: float | None, men: float | None) -> float | None:
    """K / M, or ``None`` when either is missing or M is 0."""
    if women is None or men is None or men == 0:
        return None
    return women / men


def gap_series(points: Iterable[SeriesPoint]) -> list[GapPoint]:
    """Group ``points`` by period (ascending) and compute gap and ratio for each.

    Raises :class:`NotSplitBySex` when no point has gender K or M (the KPI is not
    divided by sex), and :class:`MixedSeries` when a period/gender appears twice
    or the points carry different ``kpi``/``municipality`` attributes.
    A K or M entry whose value is ``None`` (or not finite: inf, NaN) still counts
    as split by sex; its period just gets ``gap=None``.
    """
    points = list(points)
    _check_single_series(points)
    by_period: dict[int, dict[str, float | None]] = {}
    for point in points:
        slot = by_period.setdefault(point.period, {})
        if point.gender in slot:
            raise MixedSeries(
                MSG_DUPLICATE_POINT.format(period=point.period, gender=point.gender)
            )
        slot[point.gender] = _finite(point.value)
    if not any("K" in slot or "M" in slot for slot in by_period.values()):
        raise NotSplitBySex
    result = []
    for period in sorted(by_period):
        slot = by_period[period]
        women, men = slot.get("K"), slot.get("M")
        result.append(
            GapPoint(
                period=period,
                women=women,
                men=men,
                total=slot.get("T"),
                gap=gap(women, men),
                ratio=ratio(women, men),
            )
        )
    return result


def linear_trend(pairs: Iterable[tuple[float, float | None]]) -> Trend | None:
    """Least-squares fit through ``(period, value)`` pairs, skipping ``None``.

    Returns ``None`` with fewer than two distinct periods (no slope defined).
    """
    xs: list[float] = []
    ys: list[float] = []
    for x, y in pairs:
        if _finite(y) is not None:
            xs.append(float(x))
            ys.append(float(y))
    n = len(xs)
    if n < 2:
        return None
    mean_x = math.fsum(xs) / n
    mean_y = math.fsum(ys) / n
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return Trend(slope=slope, intercept=mean_y - slope * mean_x, n=n)


def gap_trend(
    series: Sequence[GapPoint], years: Mapping[int, float] | None = None
) -> Trend | None:
    """Least-squares trend of the signed gap (K − M) over the periods with a gap.

    The slope is per year: ``years`` maps a period key that is not a year (a
    tertial or month key) to its time in years, e.g. 2024.5; without it the
    periods are taken to be years.
    """
    return linear_trend((_in_years(p.period, years), p.gap) for p in series)


def relative_gap(
    women: float | None, men: float | None, total: float | None
) -> float | None:
    """|K − M| as a share of the total (|T|): a measure without unit.

    ``None`` when a figure is missing or the total is 0, so gaps in different
    units (points, percent, days, kronor) can be ranked against each other.
    """
    size = gap(women, men)
    if size is None or total is None or total == 0:
        return None
    return abs(size) / abs(total)


def _finite(value: float | None) -> float | None:
    """A stored value that is not finite (inf, NaN) counts as missing."""
    return value if value is not None and math.isfinite(value) else None


def _in_years(period: int, years: Mapping[int, float] | None) -> float:
    return float(period) if years is None else years.get(period, float(period))


def gap_direction(
    series: Sequence[GapPoint],
    threshold: float = 0.0,
    method: Literal["endpoints", "trend"] = "endpoints",
    years: Mapping[int, float] | None = None,
) -> Direction:
    """Whether the size of the gap, ``|K − M|``, narrowed, widened or held.

    ``method="endpoints"`` compares the first and last periods that have a gap;
    ``method="trend"`` uses the least-squares change of ``|gap|`` over that span
    (less sensitive to one odd year). A change whose size is at most
    ``threshold`` (in the KPI's own unit, e.g. percentage points; compared with
    a 1e-9 tolerance for float noise) is :attr:`Direction.STABLE`. Fewer than two periods with a gap give
    :attr:`Direction.INSUFFICIENT_DATA`.

    ``years`` places period keys that are not years in time (see
    :func:`gap_trend`).

    Note: a gap that flips sign with the same size (−5 to +5) is STABLE here;
    compare the signed gaps if reversals matter.
    """
    if threshold < 0:
        raise ValueError(MSG_NEGATIVE_THRESHOLD)
    known = [
        (_in_years(p.period, years), abs(p.gap)) for p in series if p.gap is not None
    ]
    known.sort()
    if len(known) < 2 or known[0][0] == known[-1][0]:
        return Direction.INSUFFICIENT_DATA
    if method == "endpoints":
        change = known[-1][1] - known[0][1]
    else:
        trend = linear_trend(known)
        if trend is None:
            return Direction.INSUFFICIENT_DATA
        change = trend.slope * (known[-1][0] - known[0][0])
    # Tolerance so that float noise (24.4 - 19.4 = 5.000000000000002) does not
    # push a change equal to the threshold out of STABLE.
    if abs(change) <= threshold or math.isclose(
        abs(change), threshold, rel_tol=1e-9, abs_tol=1e-9
    ):
        return Direction.STABLE
    return Direction.NARROWING if change < 0 else Direction.WIDENING


def _check_single_series(points: Sequence[SeriesPoint]) -> None:
    for attribute in ("kpi", "municipality"):
        seen = {getattr(p, attribute) for p in points if hasattr(p, attribute)}
        if len(seen) > 1:
            raise MixedSeries(
                MSG_MIXED_SERIES.format(
                    detail=f"{attribute}: {', '.join(sorted(seen))}"
                )
            )
