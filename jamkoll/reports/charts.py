"""Charts of the report as images, from the same geometry as the web pages.

`jamkoll.core.charts.grouped_bar_chart` lays the bars out (the page draws them with
`components/bar_chart.html`); here the same layout is written as a standalone SVG
(colours and fonts inline, for the PDF) and rasterised to PNG by typst (for Word,
which cannot be relied on to show SVG).
"""

from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import typst

from jamkoll.core import formatting
from jamkoll.core.charts import BarChart, grouped_bar_chart
from jamkoll.reports.content import Chart

# The colours of the web page's series (jamkoll.css: --women, --men, --total, --other).
SERIES_COLOURS = ("#8a2a6b", "#1f6a5a", "#3f3f3f", "#7a5a00")
FONT_FAMILY = "DejaVu Sans, Liberation Sans, sans-serif"
LEGEND_HEIGHT = 28
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)


def font_paths() -> list[str]:
    """System font folders typst may use next to its bundled fonts (å, ä, ö in all)."""
    return [str(p) for p in FONT_DIRS if p.is_dir()]


def layout(chart: Chart) -> BarChart:
    """The page geometry of a report chart (`jamkoll.core.charts`)."""
    return grouped_bar_chart(
        title=chart.caption,
        categories=chart.categories,
        series=chart.series,
        values=chart.values,
        unit=chart.unit,
        max_value=chart.max_value,
    )


def _label(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _size(chart: Chart) -> tuple[BarChart, int]:
    bars = layout(chart)
    return bars, bars.height + LEGEND_HEIGHT


def chart_svg(chart: Chart) -> str:
    """A standalone SVG of the chart with a legend; the alt text is its <title>.

    Mirrors `components/bar_chart.html` (slanted labels when they do not fit). Every
    number in an attribute is written with `formatting.svg` (never localised); the
    tick labels are Swedish text from the geometry.
    """
    bars, height = _size(chart)
    n = formatting.svg
    left = bars.plot_left
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{n(bars.width)}" '
        f'height="{n(height)}" viewBox="0 0 {n(bars.width)} {n(height)}" '
        f'font-family={quoteattr(FONT_FAMILY)} role="img">',
        f"<title>{escape(chart.alt)}</title>",
        f'<rect x="0" y="0" width="{n(bars.width)}" height="{n(height)}" '
        'fill="#ffffff"/>',
    ]
    for y, tick in bars.ticks:
        parts.append(
            f'<line x1="{n(left)}" x2="{n(bars.width)}" y1="{n(y)}" y2="{n(y)}" '
            'stroke="#d0d3d6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{n(left - 6)}" y="{n(y + 4)}" font-size="11" '
            f'text-anchor="end" fill="#1b1b1b">{escape(tick)}</text>'
        )
    for group in bars.groups:
        for bar in group.bars:
            if bar.value is None:
                continue
            colour = SERIES_COLOURS[bar.series % len(SERIES_COLOURS)]
            parts.append(
                f'<rect x="{n(bar.x)}" y="{n(bar.y)}" width="{n(bar.width)}" '
                f'height="{n(bar.height)}" fill="{colour}"/>'
            )
        label = escape(_label(group.label, bars.label_limit))
        if bars.rotate_labels:
            y = bars.plot_bottom + 12
            parts.append(
                f'<text x="{n(group.x)}" y="{n(y)}" font-size="11" '
                f'text-anchor="end" transform="rotate(-40 {n(group.x)} {n(y)})" '
                f'fill="#1b1b1b">{label}</text>'
            )
        else:
            parts.append(
                f'<text x="{n(group.x)}" y="{n(bars.plot_bottom + 16)}" '
                f'font-size="11" text-anchor="middle" fill="#1b1b1b">{label}</text>'
            )
    x = float(left)
    legend_y = height - LEGEND_HEIGHT + 8
    for index, name in enumerate(bars.series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(
            f'<rect x="{n(x)}" y="{n(legend_y)}" width="12" height="12" '
            f'fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{n(x + 17)}" y="{n(legend_y + 10)}" font-size="12" '
            f'fill="#1b1b1b">{escape(name)}</text>'
        )
        x += 30 + 7.5 * len(name)
    parts.append("</svg>")
    return "".join(parts)


_PNG_PAGE = """#set page(width: {width}pt, height: {height}pt, margin: 0pt)
#image(bytes(sys.inputs.svg), format: "svg", width: 100%, alt: sys.inputs.alt)
"""


def chart_png(chart: Chart, *, ppi: int = 144) -> bytes:
    """The chart as a PNG (rendered by typst from the SVG)."""
    bars, height = _size(chart)
    return _render_png(chart_svg(chart), chart.alt, bars.width, height, ppi)


@lru_cache(maxsize=64)
def _render_png(svg: str, alt: str, width: int, height: int, ppi: int) -> bytes:
    page = _PNG_PAGE.format(
        width=formatting.svg(width * 0.75), height=formatting.svg(height * 0.75)
    )
    # The stubs tie `input` and `font_paths` to one type; markup bytes with str
    # folders is what the binding accepts.
    result: Any = typst.compile(  # type: ignore[call-overload]
        page.encode(),
        format="png",
        ppi=ppi,
        font_paths=font_paths(),
        sys_inputs={"svg": svg, "alt": alt},
    )
    if isinstance(result, list):  # one image per page; the chart is one page
        return bytes(result[0])
    return bytes(result)
