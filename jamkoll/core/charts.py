"""Server-side chart geometry: pure functions, no Django imports.

Charts are drawn as inline SVG by `components/bar_chart.html` from these numbers and
always come with a data table, so nothing is conveyed by colour or shape alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

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
    ticks = [
        (round(plot_bottom - plot_height * i / 4, 2), _format_tick(top * i / 4))
        for i in range(5)
    ]
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


def _format_tick(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")
