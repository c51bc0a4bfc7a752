"""Read paths for indicator pages, the gender-gap overview and the action plan."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.indicators import gaps, permissions, progress
from jamkoll.indicators.linechart import LineChart, line_chart
from jamkoll.indicators.models import (
    RIKET,
    SUB_PERIODS,
    Action,
    CharterArticle,
    ComparisonGroup,
    Goal,
    ImportRun,
    Indicator,
    LocalValue,
    Municipality,
    NationalGoal,
    Value,
)
from jamkoll.organisations.models import Organisation

#: The direction of change looks at the most recent periods with a gap.
DIRECTION_WINDOW = 5


class Point(NamedTuple):
    period: int
    gender: str
    value: float | None


@dataclass
class SeriesRow:
    period: int
    label: str
    women: float | None
    men: float | None
    total: float | None
    gap: float | None
    ratio: float | None
    national_total: float | None = None
    national_gap: float | None = None
    group_total: float | None = None


@dataclass
class IndicatorDetail:
    indicator: Indicator
    rows: list[SeriesRow]
    is_split: bool
    #: True only when there are figures and none of them is for women or men.
    not_split: bool
    direction: gaps.Direction
    trend_per_year: float | None
    chart: LineChart
    summary: str
    group: ComparisonGroup | None


@dataclass
class GapRow:
    """The latest gap of one KPI, in its own unit and as a share of the total.

    ``relative`` (|K − M| / |T|, see :func:`gaps.relative_gap`) has no unit, so
    the overview ranks on it; ``gap`` keeps the KPI's own unit.
    """

    indicator: Indicator
    period: int
    women: float | None
    men: float | None
    gap: float
    ratio: float | None
    direction: gaps.Direction
    national_gap: float | None
    group_gap: float | None
    total: float | None = None
    relative: float | None = None

    @property
    def size(self) -> float:
        return abs(self.gap)

    @property
    def relative_percent(self) -> float | None:
        """The relative gap in percent of the total (for display)."""
        return None if self.relative is None else 100 * self.relative

    @property
    def unit(self) -> str:
        return self.indicator.unit

    @property
    def gap_unit(self) -> str:
        return self.indicator.difference_unit


@dataclass
class GapOverview:
    rows: list[GapRow] = field(default_factory=list)
    not_split: list[Indicator] = field(default_factory=list)
    without_gap: list[Indicator] = field(default_factory=list)
    group: ComparisonGroup | None = None
    has_demo: bool = False


def comparison_group(*, organisation: Organisation) -> ComparisonGroup | None:
    return (
        ComparisonGroup.objects.filter(organisation=organisation)
        .prefetch_related("municipalities")
        .first()
    )


def indicator_list(*, user: User, organisation: Organisation) -> QuerySet[Indicator]:
    """Kolada indicators with figures for the organisation, and its local indicators."""
    own_values = Value.objects.filter(
        indicator=OuterRef("pk"), municipality__code=organisation.code
    )
    return (
        permissions.indicators_visible_to(user)
        .annotate(has_own_values=Exists(own_values))
        .filter(Q(organisation=organisation) | Q(source="kolada", has_own_values=True))
        .order_by("source", "code")
    )


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), 2) if present else None


def _series_by_place(
    indicator: Indicator, codes: Sequence[str]
) -> dict[str, list[Point]]:
    by_place: dict[str, list[Point]] = defaultdict(list)
    rows = Value.objects.filter(indicator=indicator, municipality__code__in=codes)
    for code, period, gender, value in rows.values_list(
        "municipality__code", "period", "gender", "value"
    ):
        by_place[code].append(Point(period, gender, value))
    return by_place


def _local_points(
    indicator: Indicator,
) -> tuple[list[Point], dict[int, str], dict[int, float]]:
    """The organisation-wide figures of a local indicator.

    A point's ``period`` is a sortable key (year × 100 + sub-period); the labels
    name it ("2025", "2025 T2", "2025-03") and ``years`` places it in time in
    years (2025, 2025.33 …), so a trend is per year whatever the period kind.
    """
    labels: dict[int, str] = {}
    years: dict[int, float] = {}
    points: list[Point] = []
    per_year = SUB_PERIODS.get(indicator.period_kind, 0) or 1
    rows = LocalValue.objects.filter(indicator=indicator, unit__isnull=True)
    for period, sub_period, gender, value in rows.values_list(
        "period", "sub_period", "gender", "value"
    ):
        key = period * 100 + sub_period
        years[key] = period + max(sub_period - 1, 0) / per_year
        if sub_period == 0:
            labels[key] = str(period)
        elif indicator.period_kind == Indicator.PeriodKind.TERTIAL:
            labels[key] = _("%(year)s T%(n)s") % {"year": period, "n": sub_period}
        else:
            labels[key] = f"{period}-{sub_period:02d}"
        points.append(Point(key, gender, value))
    return points, labels, years


def _by_period(points: Sequence[Point]) -> dict[int, dict[str, float | None]]:
    table: dict[int, dict[str, float | None]] = defaultdict(dict)
    for point in points:
        table[point.period][point.gender] = point.value
    return table


def _direction(
    series: Sequence[gaps.GapPoint],
    threshold: float,
    years: dict[int, float] | None = None,
) -> gaps.Direction:
    recent = [p for p in series if p.gap is not None][-DIRECTION_WINDOW:]
    return gaps.gap_direction(recent, threshold=threshold, method="trend", years=years)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def indicator_detail(
    *, indicator: Indicator, organisation: Organisation
) -> IndicatorDetail:
    """Women, men and total over time, with Riket and the comparison group (Kolada)."""
    group = comparison_group(organisation=organisation)
    labels: dict[int, str] = {}
    years: dict[int, float] | None = None
    national: dict[int, dict[str, float | None]] = {}
    group_tables: list[dict[int, dict[str, float | None]]] = []
    if indicator.is_kolada:
        group_codes = [m.code for m in group.municipalities.all()] if group else []
        places = _series_by_place(indicator, [organisation.code, RIKET, *group_codes])
        own = places.get(organisation.code, [])
        if organisation.code != RIKET:
            national = _by_period(places.get(RIKET, []))
        group_tables = [_by_period(places.get(code, [])) for code in group_codes]
    else:
        own, labels, years = _local_points(indicator)
    table = _by_period(own)
    # Split by sex when the figures are: a KPI with women's or men's figures
    # shows them whatever its metadata says, and one without says so.
    try:
        series = gaps.gap_series(own)
        is_split = True
    except gaps.NotSplitBySex:
        series = [
            gaps.GapPoint(p, None, None, table[p].get("T"), None, None)
            for p in sorted(table)
        ]
        is_split = False
    rows = []
    for point in series:
        nat = national.get(point.period, {})
        rows.append(
            SeriesRow(
                period=point.period,
                label=labels.get(point.period, str(point.period)),
                women=point.women,
                men=point.men,
                total=point.total,
                gap=_round(point.gap),
                ratio=_round(point.ratio),
                national_total=nat.get("T"),
                national_gap=_round(gaps.gap(nat.get("K"), nat.get("M"))),
                group_total=_mean(
                    [t.get(point.period, {}).get("T") for t in group_tables]
                ),
            )
        )
    direction = (
        _direction(series, indicator.stable_threshold, years)
        if is_split
        else gaps.Direction.INSUFFICIENT_DATA
    )
    trend = gaps.gap_trend(series, years) if is_split else None
    chart_series: list[tuple[str, list[float | None]]] = []
    if is_split:
        chart_series += [
            (_("Women"), [r.women for r in rows]),
            (_("Men"), [r.men for r in rows]),
        ]
    chart_series.append((_("Total"), [r.total for r in rows]))
    if national:
        chart_series.append((_("Sweden (total)"), [r.national_total for r in rows]))
    if group_tables:
        chart_series.append(
            (_("Comparison group (mean)"), [r.group_total for r in rows])
        )
    chart = line_chart(
        periods=[r.label for r in rows], series=chart_series, unit=indicator.unit
    )
    return IndicatorDetail(
        indicator=indicator,
        rows=rows,
        is_split=is_split,
        not_split=bool(rows) and not is_split,
        direction=direction,
        trend_per_year=None if trend is None else round(trend.slope, 2),
        chart=chart,
        summary=_summary(rows, is_split, direction),
        group=group,
    )


DIRECTION_TEXT = {
    gaps.Direction.NARROWING: "narrowing",
    gaps.Direction.WIDENING: "widening",
    gaps.Direction.STABLE: "stable",
    gaps.Direction.INSUFFICIENT_DATA: "insufficient",
}


def direction_label(direction: gaps.Direction) -> str:
    return {
        gaps.Direction.NARROWING: _("Gap narrowing"),
        gaps.Direction.WIDENING: _("Gap widening"),
        gaps.Direction.STABLE: _("Gap stable"),
        gaps.Direction.INSUFFICIENT_DATA: _("Too few years to tell"),
    }[direction]


def _summary(
    rows: Sequence[SeriesRow], is_split: bool, direction: gaps.Direction
) -> str:
    """A sentence that says what the chart shows (its text alternative)."""
    known = [r for r in rows if r.women is not None or r.total is not None]
    if not known:
        return _("There are no figures yet.")
    first, last = known[0], known[-1]
    if first is last:
        if not is_split:
            return _("The total was %(total)s in %(period)s.") % {
                "total": formatting.number(last.total),
                "period": last.label,
            }
        return _(
            "In %(period)s women had %(women)s and men %(men)s; the gap between "
            "women and men is %(gap)s."
        ) % {
            "period": last.label,
            "women": formatting.number(last.women),
            "men": formatting.number(last.men),
            "gap": formatting.number(last.gap),
        }
    if not is_split:
        return _(
            "The total went from %(first)s in %(start)s to %(last)s in %(end)s."
        ) % {
            "first": formatting.number(first.total),
            "start": first.label,
            "last": formatting.number(last.total),
            "end": last.label,
        }
    return _(
        "Women went from %(w1)s in %(start)s to %(w2)s in %(end)s, men from %(m1)s "
        "to %(m2)s. The gap between women and men is %(gap)s in %(end)s. %(direction)s."
    ) % {
        "w1": formatting.number(first.women),
        "w2": formatting.number(last.women),
        "m1": formatting.number(first.men),
        "m2": formatting.number(last.men),
        "start": first.label,
        "end": last.label,
        "gap": formatting.number(last.gap),
        "direction": direction_label(direction),
    }


def gap_overview(*, user: User, organisation: Organisation) -> GapOverview:
    """Every Kolada indicator with figures for the organisation, largest gaps first.

    "Largest" is the gap as a share of the total (|K − M| / |T|), a measure
    without unit, so KPIs in points, percent and days rank fairly.

    Each row shows the latest year with both a women's and a men's figure, the
    direction of change over the last five such years, Riket's gap and the mean
    gap of the comparison group for the same year. Queries do not grow with the
    number of indicators.
    """
    overview = GapOverview(group=comparison_group(organisation=organisation))
    group_codes = (
        [m.code for m in overview.group.municipalities.all()] if overview.group else []
    )
    codes = {organisation.code, RIKET, *group_codes}
    ids = dict(Municipality.objects.filter(code__in=codes).values_list("pk", "code"))
    own_id = next((pk for pk, code in ids.items() if code == organisation.code), None)
    if own_id is None:
        return overview
    indicators = {
        i.pk: i
        for i in permissions.indicators_visible_to(user)
        .filter(
            source=Indicator.Source.KOLADA,
            values__municipality_id=own_id,
        )
        .distinct()
    }
    points: dict[tuple[int, str], list[Point]] = defaultdict(list)
    for indicator_id, municipality_id, period, gender, value in Value.objects.filter(
        indicator_id__in=list(indicators), municipality_id__in=list(ids)
    ).values_list("indicator_id", "municipality_id", "period", "gender", "value"):
        points[(indicator_id, ids[municipality_id])].append(
            Point(period, gender, value)
        )
    for indicator in sorted(indicators.values(), key=lambda i: i.code):
        overview.has_demo = overview.has_demo or indicator.is_demo
        try:
            series = gaps.gap_series(points[(indicator.pk, organisation.code)])
        except gaps.NotSplitBySex:
            overview.not_split.append(indicator)
            continue
        with_gap = [p for p in series if p.gap is not None]
        if not with_gap:
            overview.without_gap.append(indicator)
            continue
        latest = with_gap[-1]
        overview.rows.append(
            GapRow(
                indicator=indicator,
                period=latest.period,
                women=latest.women,
                men=latest.men,
                gap=round(latest.gap, 2),  # type: ignore[arg-type]
                ratio=_round(latest.ratio),
                total=latest.total,
                relative=gaps.relative_gap(latest.women, latest.men, latest.total),
                direction=_direction(series, indicator.stable_threshold),
                national_gap=_gap_at(points[(indicator.pk, RIKET)], latest.period)
                if organisation.code != RIKET
                else None,
                group_gap=_mean(
                    [
                        _gap_at(points[(indicator.pk, c)], latest.period)
                        for c in group_codes
                    ]
                ),
            )
        )
    # Gaps in different units (points, percent, days) are not comparable, so the
    # rows are ranked on the gap as a share of the total; rows without a total
    # come last, by the size of the gap in their own unit.
    overview.rows.sort(
        key=lambda r: (
            r.relative is None,
            -(r.relative or 0.0),
            -r.size,
            r.indicator.code,
        )
    )
    return overview


def _gap_at(points: Sequence[Point], period: int) -> float | None:
    slot = {p.gender: p.value for p in points if p.period == period}
    return _round(gaps.gap(slot.get("K"), slot.get("M")))


#: The value grid shows at least this many years, up to the current one.
GRID_YEARS = 5


def local_year_figures(*, indicator: Indicator) -> dict[tuple[int, str], float | None]:
    """A local indicator's whole-year figures for the organisation, by (year, gender)."""
    return {
        (period, gender): value
        for period, gender, value in LocalValue.objects.filter(
            indicator=indicator, unit__isnull=True, sub_period=0
        ).values_list("period", "gender", "value")
    }


def grid_years(
    figures: dict[tuple[int, str], float | None], *, this_year: int
) -> list[int]:
    """The rows of the value grid: every year with a figure, and the last
    ``GRID_YEARS`` years up to ``this_year``, without gaps, oldest first."""
    stored = [year for year, _gender in figures]
    first = min([this_year - GRID_YEARS + 1, *stored])
    last = max([this_year, *stored])
    return list(range(first, last + 1))


def import_runs(*, organisation: Organisation) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(organisation=organisation).select_related(
        "started_by"
    )


# --------------------------------------------------------------------------
# Goals and the action plan
# --------------------------------------------------------------------------


@dataclass
class GoalWithProgress:
    goal: Goal
    rollup: progress.Rollup


@dataclass
class ArticleWithProgress:
    article: CharterArticle
    rollup: progress.Rollup


def goal_list(*, organisation: Organisation) -> list[GoalWithProgress]:
    """The organisation's goals with tags and the roll-up of their actions."""
    goals = (
        Goal.objects.filter(organisation=organisation)
        .prefetch_related(
            "national_goals",
            "articles",
            "indicators",
            Prefetch(
                "actions", queryset=Action.objects.only("pk", "status", "progress")
            ),
        )
        .order_by("title")
    )
    return [
        GoalWithProgress(
            goal, progress.rollup((a.status, a.progress) for a in goal.actions.all())
        )
        for goal in goals
    ]


def action_list(
    *, organisation: Organisation, article: CharterArticle | None = None
) -> QuerySet[Action]:
    """The action plan in order of due date; only the actions tagged to `article`
    when given."""
    actions = Action.objects.filter(organisation=organisation)
    if article is not None:
        actions = actions.filter(articles=article)
    return (
        actions.select_related("owner")
        .prefetch_related("goals", "national_goals", "articles", "milestones")
        .order_by("due_on", "title")
    )


def article_progress(*, organisation: Organisation) -> list[ArticleWithProgress]:
    """Every charter article with the roll-up of the actions tagged to it."""
    tagged = Action.articles.through.objects.filter(
        action__organisation=organisation
    ).values_list("charterarticle_id", "action__status", "action__progress")
    rollups = progress.rollup_by(tagged)
    empty = progress.rollup(())
    return [
        ArticleWithProgress(article, rollups.get(article.pk, empty))
        for article in CharterArticle.objects.all()
    ]


def national_goal_progress(
    *, organisation: Organisation
) -> list[tuple[NationalGoal, progress.Rollup]]:
    tagged = Action.national_goals.through.objects.filter(
        action__organisation=organisation
    ).values_list("nationalgoal_id", "action__status", "action__progress")
    rollups = progress.rollup_by(tagged)
    empty = progress.rollup(())
    return [(g, rollups.get(g.pk, empty)) for g in NationalGoal.objects.all()]
