"""Server-side chart geometry: pure functions of the figures, no request or database.

Charts are drawn as inline SVG by `components/bar_chart.html` from these numbers and
always come with a data table, so nothing is conveyed by colour or shape alone.
Coordinates stay floats here; whoever writes them out uses `formatting.svg` (the
`|svg` filter), never the localised `{{ value }}`. Tick labels are Swedish text.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from jamkoll.core import formatting

SERIES_CLASSES = ("series-women", "series-men", "series-total", "series-other")


@dataclass(frozen=True)
class Bar:
    series: int
    label: str
    value: float | None
    x: float
    y: float
    width: float
    height: float
    css_class: str


@dataclass(frozen=True)
class Group:
    label: str
    x: float
    bars: list[Bar] = field(default_factory=list)


@dataclass(frozen=True)
class BarChart:
    """A grouped bar chart laid out in a fixed viewBox."""

    title: str
    series: list[str]
    groups: list[Group]
    max_value: float
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    ticks: list[tuple[float, str]]
    unit: str
    has_data: bool
    rotate_labels: bool = False
    label_limit: int = 18
    plot_left: int = 48


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * magnitude
        if candidate >= value:
            return float(candidate)
    return float(10 * magnitude)


def grouped_bar_chart(
    *,
    title: str,
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float | None]],
    unit: str = "",
    width: int = 640,
    height: int = 260,
    max_value: float | None = None,
) -> BarChart:
    """Lay out bars for `values[category][series]`; missing values draw no bar.

    When the category labels would not fit side by side they are drawn at an angle
    and the chart grows downwards to make room for them.
    """
    right = 12
    n_groups = max(len(categories), 1)
    longest = max((len(c) for c in categories), default=0)
    rotate = longest * 6.5 > (width - 48 - right) / n_groups
    label_limit = 28 if rotate else 18
    # Rotated labels reach left of their bar and below the plot.
    left = 48 + (int(min(label_limit, longest) * 4.2) if rotate else 0)
    slot = (width - left - right) / n_groups
    bottom_margin = int(min(label_limit, longest) * 4.3 + 24) if rotate else 40
    height += bottom_margin - 40
    plot_top, plot_bottom = 16, height - bottom_margin
    present = [v for row in values for v in row if v is not None]
    top = max_value if max_value is not None else _nice_max(max(present, default=0))
    plot_height = plot_bottom - plot_top
    group_width = slot
    bar_width = max(min(group_width * 0.8 / max(len(series), 1), 40), 2)
    groups = []
    for gi, category in enumerate(categories):
        gx = left + gi * group_width
        start = gx + (group_width - bar_width * len(series)) / 2
        bars = []
        for si, name in enumerate(series):
            value = values[gi][si] if si < len(values[gi]) else None
            h = (
                0.0
                if value is None or top == 0
                else plot_height * min(value, top) / top
            )
            bars.append(
                Bar(
                    series=si,
                    label=name,
                    value=value,
                    x=round(start + si * bar_width, 2),
                    y=round(plot_bottom - h, 2),
                    width=round(bar_width - 1, 2),
                    height=round(h, 2),
                    css_class=SERIES_CLASSES[si % len(SERIES_CLASSES)],
                )
            )
        groups.append(
            Group(label=category, x=round(gx + group_width / 2, 2), bars=bars)
        )
    ticks = tick_labels(
        [
            (round(plot_bottom - plot_height * value / (top or 1), 2), value)
            for value in tick_values(0.0, top)
        ]
    )
    return BarChart(
        title=title,
        series=list(series),
        groups=groups,
        max_value=top,
        width=width,
        height=height,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        ticks=ticks,
        unit=unit,
        has_data=bool(present),
        rotate_labels=rotate,
        label_limit=label_limit,
        plot_left=left,
    )


def tick_values(low: float, top: float) -> list[float]:
    """Round steps from `low` to `top` for an axis: 0, 1, … 5 rather than 1,25, 2,5.

    The step is 1, 2, 2.5 or 5 times a power of ten that divides the span into 3–6
    parts (up to 8 when nothing fewer fits); otherwise the span is cut in four.
    """
    span = top - low
    if span <= 0:
        return [low]
    for most in (6, 8):
        magnitude = 10 ** math.floor(math.log10(span / most))
        for factor in (1, 2, 2.5, 5, 10, 20, 25, 50):
            step = factor * magnitude
            parts = span / step
            if 3 <= parts <= most and _whole(parts) and _whole(low / step):
                return [round(low + step * k, 10) for k in range(round(parts) + 1)]
    return [low + span * k / 4 for k in range(5)]


def _whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


def tick_labels(ticks: Sequence[tuple[float, float]]) -> list[tuple[float, str]]:
    """(position, value) pairs with the values written in Swedish ("2,5", "1 000").

    All labels of an axis get the fewest decimals (0–2) that show every step exactly.
    """
    decimals = next(
        (
            d
            for d in (0, 1, 2)
            if all(abs(round(value, d) - value) < 1e-9 for _, value in ticks)
        ),
        2,
    )
    return [(pos, formatting.number(value, decimals)) for pos, value in ticks]
