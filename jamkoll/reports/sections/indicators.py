"""Indicators by sex: the largest gaps between women and men and their direction."""

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _

from jamkoll.core.formatting import number, percent, with_unit
from jamkoll.indicators import gaps
from jamkoll.indicators.models import Indicator, Municipality, Value
from jamkoll.indicators.selectors import DIRECTION_WINDOW, Point, direction_label
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Table

LARGEST = 8


def _gap_rows(
    organisation: Organisation, year: int
) -> list[tuple[Indicator, gaps.GapPoint, gaps.Direction]]:
    """Per Kolada indicator split by sex: its latest gap up to `year` and its direction."""
    municipality = Municipality.objects.filter(code=organisation.code).first()
    if municipality is None:
        return []
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(
            Q(organisation__isnull=True) | Q(organisation=organisation),
            source=Indicator.Source.KOLADA,
            is_split_by_sex=True,
        )
    }
    points: dict[int, list[Point]] = defaultdict(list)
    for indicator_id, period, gender, value in Value.objects.filter(
        indicator_id__in=list(indicators), municipality=municipality, period__lte=year
    ).values_list("indicator_id", "period", "gender", "value"):
        points[indicator_id].append(Point(period, gender, value))
    rows = []
    for indicator_id, series_points in points.items():
        indicator = indicators[indicator_id]
        try:
            series = gaps.gap_series(series_points)
        except gaps.GapError:
            continue
        with_gap = [p for p in series if p.gap is not None]
        if not with_gap:
            continue
        direction = gaps.gap_direction(
            with_gap[-DIRECTION_WINDOW:],
            threshold=indicator.stable_threshold,
            method="trend",
        )
        rows.append((indicator, with_gap[-1], direction))
    rows.sort(
        key=lambda r: (_relative(r[1]) is None, -(_relative(r[1]) or 0), r[0].code)
    )
    return rows


def _relative(point: gaps.GapPoint) -> float | None:
    """The gap in percent of the total: comparable across units."""
    share = gaps.relative_gap(point.women, point.men, point.total)
    return None if share is None else 100 * share


def build(organisation: Organisation, year: int) -> Section | None:
    rows = _gap_rows(organisation, year)
    if not rows:
        return None
    largest = rows[:LARGEST]
    narrowing = sum(1 for r in rows if r[2] == gaps.Direction.NARROWING)
    widening = sum(1 for r in rows if r[2] == gaps.Direction.WIDENING)
    section = Section(
        key="indicators",
        heading=_("Indicators: gaps between women and men"),
        source=_(
            "Source: Kolada (RKA), values for women and men up to %(year)s as imported "
            "into Jämkoll. Gap = women − men in the indicator's own unit. The gaps "
            "are ranked by their size in percent of the total, so indicators in "
            "different units can be compared; the direction compares the size of "
            "the gap over the last five years."
        )
        % {"year": year},
    )
    section.blocks.append(
        Paragraph(
            _(
                "%(n)s indicators split by sex have figures for both women and men. "
                "The gap is narrowing in %(narrowing)s of them and widening in "
                "%(widening)s. The table shows the %(largest)s largest gaps."
            )
            % {
                "n": len(rows),
                "narrowing": narrowing,
                "widening": widening,
                "largest": len(largest),
            }
        )
    )
    section.blocks.append(
        Chart(
            caption=_("The largest gaps in percent of the total"),
            alt=_(
                "Bar chart of the gap between women and men in percent of the total "
                "for the %(n)s indicators with the largest gaps. The figures are in "
                "the table that follows."
            )
            % {"n": len(largest)},
            categories=[r[0].code for r in largest],
            series=[_("Gap in percent of the total")],
            values=[[_relative(r[1])] for r in largest],
            unit="%",
            empty_text=_("No indicator has values for both women and men."),
        )
    )
    section.blocks.append(
        Table(
            caption=_("The largest gaps between women and men"),
            header=[
                _("Indicator"),
                _("Year"),
                _("Women"),
                _("Men"),
                _("Gap"),
                _("Gap in percent of the total"),
                _("Direction"),
            ],
            rows=[
                [
                    _("%(code)s %(title)s")
                    % {"code": indicator.code, "title": indicator.title},
                    str(point.period),
                    number(point.women),
                    number(point.men),
                    with_unit(point.gap, indicator.difference_unit),
                    percent(_relative(point), 1),
                    direction_label(direction),
                ]
                for indicator, point, direction in largest
            ],
            numeric=[False, True, True, True, True, True, False],
        )
    )
    return section
