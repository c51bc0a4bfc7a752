"""Server-side line chart geometry for women / men / total over time.

Pure functions of the figures (no request, no database). Each series has its own line
pattern and point marker, so the chart never relies on colour alone; the page always
shows the same figures in a table. Coordinates stay floats (the template writes them
with `|svg`); the path is written here with `formatting.svg`, so no language setting
can put a decimal comma into it. Tick labels are Swedish text.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from jamkoll.core import formatting
from jamkoll.core.charts import tick_labels, tick_values

#: CSS class suffix, dash pattern (SVG) and marker shape per series position.
STYLES = (
    ("women", "", "circle"),
    ("men", "6 4", "square"),
    ("total", "2 3", "diamond"),
    ("national", "10 3 2 3", "triangle"),
    ("group", "1 4", "cross"),
)


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    label: str
    value: float


@dataclass(frozen=True)
class Line:
    name: str
    css: str
    dash: str
    shape: str
    path: str
    markers: list[Marker]


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    plot_top: int
    plot_bottom: int
    lines: list[Line]
    x_labels: list[tuple[float, str]]
    ticks: list[tuple[float, str]]
    unit: str
    has_data: bool


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def line_chart(
    *,
    periods: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    unit: str = "",
    width: int = 640,
    height: int = 280,
) -> LineChart:
    """Lay out ``series`` (name, one value per period; ``None`` breaks the line)."""
    left, right, plot_top, plot_bottom = 52, 16, 16, height - 36
    present = [v for _, values in series for v in values if v is not None]
    lowest = min(0.0, min(present, default=0.0))
    low = -_nice_max(-lowest) if lowest < 0 else 0.0
    top = _nice_max(max(present, default=0.0))
    span = (top - low) or 1.0
    n = max(len(periods), 1)
    step = (width - left - right) / max(n - 1, 1)

    def x_at(i: int) -> float:
        return round(left + (i * step if n > 1 else (width - left - right) / 2), 1)

    def y_at(v: float) -> float:
        return round(plot_bottom - (v - low) / span * (plot_bottom - plot_top), 1)

    lines = []
    for index, (name, values) in enumerate(series):
        css, dash, shape = STYLES[index % len(STYLES)]
        commands: list[str] = []
        markers: list[Marker] = []
        pen_down = False
        for i, value in enumerate(values):
            if value is None:
                pen_down = False
                continue
            x, y = x_at(i), y_at(value)
            commands.append(
                f"{'L' if pen_down else 'M'}{formatting.svg(x)} {formatting.svg(y)}"
            )
            markers.append(Marker(x, y, periods[i], value))
            pen_down = True
        lines.append(Line(name, css, dash, shape, " ".join(commands), markers))
    ticks = tick_labels([(y_at(v), v) for v in tick_values(low, top)])
    every = max(1, n // 10)
    x_labels = [(x_at(i), p) for i, p in enumerate(periods) if i % every == 0]
    return LineChart(
        width=width,
        height=height,
        left=left,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        lines=lines,
        x_labels=x_labels,
        ticks=ticks,
        unit=unit,
        has_data=bool(present),
    )
