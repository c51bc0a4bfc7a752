"""Agenda and minutes as Word documents (python-docx) for the municipality's diarium.

Renders the same data as the PDF (`documents.py`). Accessibility and archiving: real
Heading 1–3 styles, tables with a header row that repeats on every page, the
document language Swedish in the styles and the core properties, the title in the
core properties, links as hyperlinks behind their titles (never a path as text),
page numbers "1 (3)" in the footer and the draft marking in the header of every page.
"""

import io
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from jamkoll.core.docx import mark_header_row, set_language

LANGUAGE = "sv-SE"
MARGIN = Cm(2.2)
TEXT_WIDTH = Cm(21 - 2 * 2.2)
LABEL_WIDTH = Cm(6.3)
DRAFT_COLOUR = RGBColor(0x8B, 0x00, 0x00)
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x9A)
SIGNATURE_LINE = "_" * 40


def render(data: dict[str, Any]) -> bytes:
    """The document described by `data` (see documents.py) as .docx bytes."""
    document = Document()
    set_language(document, LANGUAGE)
    properties = document.core_properties
    properties.title = data["title"]
    properties.language = LANGUAGE
    properties.author = data["author"]
    properties.subject = data["header"]
    _page(document, data)
    for block in data["blocks"]:
        _BLOCKS[block["type"]](document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(document: DocxDocument, data: dict[str, Any]) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = MARGIN
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.2)
    header = section.header.paragraphs[0]
    header.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _small(header.add_run(data["header"]))
    if data["draft"]:
        header.add_run("\t")
        marking = header.add_run(data["draft"])
        marking.bold = True
        marking.font.color.rgb = DRAFT_COLOUR
        _small(marking)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("\t")
    _field(footer, "PAGE")
    _small(footer.add_run(" ("))
    _field(footer, "NUMPAGES")
    _small(footer.add_run(")"))


def _small(run: Any) -> None:
    run.font.size = Pt(9)


def _field(paragraph: Paragraph, code: str) -> None:
    """A field Word and LibreOffice fill in (page number, number of pages)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- Runs and blocks ------------------------------------------------------------------


def _add_runs(
    paragraph: Paragraph, runs: list[dict[str, Any]], size: Pt | None = None
) -> None:
    for spec in runs:
        if spec["url"]:
            _add_hyperlink(paragraph, spec, size)
            continue
        run = paragraph.add_run(spec["text"])
        run.bold = spec["bold"] or None
        run.italic = spec["italic"] or None
        if size is not None:
            run.font.size = size


def _add_hyperlink(paragraph: Paragraph, spec: dict[str, Any], size: Pt | None) -> None:
    """A hyperlink whose visible text is the title; the address stays behind it."""
    relation = paragraph.part.relate_to(
        spec["url"], RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK_COLOUR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    for flag, name in ((spec["bold"], "w:b"), (spec["italic"], "w:i")):
        if flag:
            properties.append(OxmlElement(name))
    properties.append(colour)
    if size is not None:
        points = OxmlElement("w:sz")
        points.set(qn("w:val"), str(int(size.pt * 2)))
        properties.append(points)
    properties.append(underline)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = spec["text"]
    text.set(qn("xml:space"), "preserve")
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _heading(document: DocxDocument, block: dict[str, Any]) -> None:
    heading = document.add_heading(block["text"], level=block["level"])
    heading.paragraph_format.keep_with_next = True


def _para(document: DocxDocument, block: dict[str, Any]) -> None:
    paragraph = document.add_paragraph()
    size = Pt(9) if block["style"] == "small" else None
    _add_runs(paragraph, block["runs"], size)
    if block["style"] == "kicker":
        paragraph.paragraph_format.space_after = Pt(12)


def _facts(document: DocxDocument, block: dict[str, Any]) -> None:
    """Each fact as "Label<tab>value" with a hanging indent, so label and value stand
    in two columns and never run together."""
    for row in block["rows"]:
        paragraph = document.add_paragraph()
        layout = paragraph.paragraph_format
        layout.left_indent = LABEL_WIDTH
        layout.first_line_indent = -LABEL_WIDTH
        layout.tab_stops.add_tab_stop(LABEL_WIDTH)
        layout.space_after = Pt(4)
        label = paragraph.add_run(row["label"])
        label.bold = True
        paragraph.add_run("\t")
        _add_runs(paragraph, row["runs"])


def _list(document: DocxDocument, block: dict[str, Any]) -> None:
    for runs in block["items"]:
        _add_runs(document.add_paragraph(style="List Bullet"), runs)


def _table(document: DocxDocument, block: dict[str, Any]) -> None:
    caption = document.add_paragraph(block["caption"], style="Caption")
    caption.paragraph_format.keep_with_next = True
    size = Pt(9.5)
    table = document.add_table(rows=1, cols=len(block["header"]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, block["widths"], strict=True):
        column.width = Cm(width)
    header = table.rows[0]
    mark_header_row(header)
    for cell, text in zip(header.cells, block["header"], strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = size
    for values in block["rows"]:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(text).font.size = size
    for row in table.rows:
        for cell, width in zip(row.cells, block["widths"], strict=True):
            cell.width = Cm(width)
    document.add_paragraph()


def _signatures(document: DocxDocument, block: dict[str, Any]) -> None:
    """Each signer: role, then "Justerat den …" for a digital signature or a line to
    sign on, then the name; kept together on one page."""
    for signer in block["signers"]:
        role = document.add_paragraph()
        role.add_run(signer["role"]).bold = True
        role.paragraph_format.keep_with_next = True
        role.paragraph_format.space_after = Pt(2)
        mark = document.add_paragraph(signer["signed"] or "\n" + SIGNATURE_LINE)
        mark.paragraph_format.keep_with_next = True
        mark.paragraph_format.space_after = Pt(0)
        name = document.add_paragraph(signer["name"])
        name.paragraph_format.space_after = Pt(14)


def _notice(document: DocxDocument, block: dict[str, Any]) -> None:
    """A boxed paragraph (the draft marking)."""
    paragraph = document.add_paragraph()
    _add_runs(paragraph, block["runs"], Pt(14))
    for run in paragraph.runs:
        run.font.color.rgb = DRAFT_COLOUR
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "12")
        border.set(qn("w:space"), "4")
        border.set(qn("w:color"), str(DRAFT_COLOUR))
        borders.append(border)
    paragraph._p.get_or_add_pPr().append(borders)


_BLOCKS = {
    "heading": _heading,
    "para": _para,
    "facts": _facts,
    "list": _list,
    "table": _table,
    "signatures": _signatures,
    "notice": _notice,
}
