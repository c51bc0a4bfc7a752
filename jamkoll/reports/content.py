"""The yearly report as plain data: no Django, no rendering.

Section builders produce these objects from the database; the web page, the DOCX and
the PDF renderers all read the same `ReportContent`, so the three show the same
numbers. The structure also serialises to JSON (`to_dict` / `from_dict`), which is how
an adopted report keeps the content it was adopted with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from jamkoll.core.formatting import with_unit


@dataclass
class Paragraph:
    text: str
    kind: str = "paragraph"


@dataclass
class Subheading:
    """A level-2 heading inside a section (Heading 2 in Word, a bookmark in the PDF)."""

    text: str
    kind: str = "subheading"


@dataclass
class BulletList:
    items: list[str]
    kind: str = "list"


@dataclass
class Table:
    """A table whose first row is a header row; `numeric[i]` right-aligns column i."""

    caption: str
    header: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    kind: str = "table"

    def is_numeric(self, column: int) -> bool:
        return column < len(self.numeric) and self.numeric[column]

    @property
    def numeric_columns(self) -> set[int]:
        return {i for i, flag in enumerate(self.numeric) if flag}


@dataclass
class Chart:
    """A grouped bar chart as data: `values[category][series]`, None for missing.

    `alt` is the text alternative used for the image in every output; `empty_text`
    replaces the chart when every value is missing.
    """

    caption: str
    alt: str
    categories: list[str]
    series: list[str]
    values: list[list[float | None]]
    empty_text: str
    unit: str = ""
    max_value: float | None = None
    kind: str = "chart"

    @property
    def has_data(self) -> bool:
        return any(v is not None for row in self.values for v in row)

    @property
    def data_rows(self) -> list[tuple[str, list[str]]]:
        """The chart's figures as text, one row per category ("–" when missing)."""
        return [
            (category, [with_unit(v, self.unit) for v in row])
            for category, row in zip(self.categories, self.values, strict=False)
        ]


Block = Paragraph | Subheading | BulletList | Table | Chart

_BLOCK_TYPES: dict[str, type] = {
    "paragraph": Paragraph,
    "subheading": Subheading,
    "list": BulletList,
    "table": Table,
    "chart": Chart,
}


@dataclass
class Section:
    """One chapter: a level-1 heading, its blocks, and where its numbers come from.

    `has_year_data` is False for a section that only states standing facts (the body's
    remit and composition), so a year without any records can say so.
    """

    key: str
    heading: str
    blocks: list[Block] = field(default_factory=list)
    source: str = ""
    has_year_data: bool = True
    # An appendix ("Bilaga: …") is placed after every other section in each output.
    appendix: bool = False

    def charts(self) -> list[Chart]:
        return [b for b in self.blocks if isinstance(b, Chart)]


@dataclass
class ReportContent:
    """The whole report: title, metadata and sections in reading order."""

    title: str
    subtitle: str
    year: int
    organisation_name: str
    language: str = "sv-SE"
    sections: list[Section] = field(default_factory=list)
    # Once adopted: "Fastställd av <body> <date>, § n, dnr …"; before: the status.
    status_note: str = ""
    # The diarienummer, for a document header ("" when none is given).
    case_number: str = ""

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def in_reading_order(self) -> list[Section]:
        """The sections as printed: the report itself, then its appendices."""
        return [s for s in self.sections if not s.appendix] + [
            s for s in self.sections if s.appendix
        ]

    def charts(self) -> list[Chart]:
        return [c for s in self.sections for c in s.charts()]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportContent:
        sections = [
            Section(
                key=s["key"],
                heading=s["heading"],
                source=s.get("source", ""),
                has_year_data=s.get("has_year_data", True),
                appendix=s.get("appendix", False),
                blocks=[_block_from_dict(b) for b in s.get("blocks", [])],
            )
            for s in data.get("sections", [])
        ]
        fields = {k: v for k, v in data.items() if k != "sections"}
        return cls(sections=sections, **fields)


def _block_from_dict(data: dict[str, Any]) -> Block:
    block_type = _BLOCK_TYPES[data["kind"]]
    return block_type(**data)  # type: ignore[no-any-return]
