"""The yearly report as PDF, typeset by typst from `typst/report.typ`.

The PDF is tagged and follows PDF/UA-1 (typst refuses to compile it otherwise): the
headings become bookmarks and tagged headings, the title and the language (sv) are in
the metadata, every chart image carries its alt text, and the fonts are embedded.
"""

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typst

from jamkoll.reports.charts import chart_svg, font_paths
from jamkoll.reports.content import Chart, ReportContent

TEMPLATE = Path(__file__).with_name("typst") / "report.typ"
PDF_STANDARDS = ["ua-1"]


def render_pdf(content: ReportContent) -> bytes:
    """The report as PDF bytes."""
    inputs: dict[str, str] = {}
    data = content.to_dict()
    # Appendices after the report itself.
    sections = content.in_reading_order()
    data["sections"] = [asdict(section) for section in sections]
    for section, section_data in zip(sections, data["sections"], strict=True):
        for block, block_data in zip(
            section.blocks, section_data["blocks"], strict=True
        ):
            if isinstance(block, Chart):
                block_data["svg"] = _add_chart(inputs, block)
    inputs["data"] = json.dumps(data, ensure_ascii=False)
    return bytes(
        typst.compile(
            TEMPLATE.read_bytes(),
            root=str(TEMPLATE.parent),
            font_paths=font_paths(),
            sys_inputs=inputs,
            pdf_standards=PDF_STANDARDS,
        )
    )


def _add_chart(inputs: dict[str, str], chart: Chart) -> Any:
    if not chart.has_data:
        return None
    key = f"chart-{len(inputs)}"
    inputs[key] = chart_svg(chart)
    return key
