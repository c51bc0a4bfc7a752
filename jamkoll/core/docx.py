"""Helpers for Word documents made with python-docx, shared by the apps that write
them (the yearly report, the agenda and the minutes)."""

import json
import re

import typst
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.table import Table as DocxTable
from docx.table import _Row


def set_language(document: DocxDocument, language: str) -> None:
    """Declare the language in the default run properties and the Normal style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    run_properties = run_defaults.find(qn("w:rPr"))
    if run_properties is None:
        run_properties = OxmlElement("w:rPr")
        run_defaults.append(run_properties)
    normal = document.styles["Normal"].element.get_or_add_rPr()
    for holder in (run_properties, normal):
        lang = holder.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            holder.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)
        lang.set(qn("w:bidi"), language)


def mark_header_row(row: _Row) -> None:
    """Repeat the row at the top of each page and expose it as the header row."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


# Measuring text for table columns. Word and LibreOffice lay tables out with the fonts
# they have; the widths are measured (through typst) as the widest of DejaVu Sans and
# DejaVu Serif, which are at least as wide as the usual office fonts (Calibri, Cambria,
# Arial) and what LibreOffice falls back to, so a column wide enough here is wide
# enough there.
MEASURE_FONTS = ("DejaVu Sans", "DejaVu Serif")
_MEASURE = b"""#set text(size: float(sys.inputs.size) * 1pt, weight: sys.inputs.weight)
#let fonts = json(bytes(sys.inputs.fonts))
#let width(t) = calc.max(..fonts.map(f => measure(text(font: f, t)).width.pt()))
#context [#metadata(json(bytes(sys.inputs.texts)).map(width)) <w>]"""
# Cell margins (Word's default 0.19 cm each side), borders and rounding.
CELL_PADDING_PT = 2 * 5.4 + 2.5
TABLE_SIZES_PT = (10.0, 9.0, 8.0, 7.0)
# Text in a table cell may wrap at ordinary spaces and tabs only: a no-break space keeps
# a figure and its unit together.
_BREAKABLE = re.compile(r"[ \t\n]+")


def text_widths(
    texts: list[str], *, size_pt: float, font_paths: list[str], bold: bool = False
) -> dict[str, float]:
    """The width in points of each text set at `size_pt` (in bold if `bold`)."""
    unique = sorted(set(texts))
    if not unique:
        return {}
    widths = typst.query(
        _MEASURE,
        "<w>",
        field="value",
        sys_inputs={
            "texts": json.dumps(unique, ensure_ascii=False),
            "size": str(size_pt),
            "fonts": json.dumps(MEASURE_FONTS),
            "weight": "bold" if bold else "regular",
        },
        font_paths=font_paths,
    )
    return dict(zip(unique, json.loads(widths)[0], strict=True))


def column_widths(
    header: list[str],
    rows: list[list[str]],
    *,
    numeric: set[int],
    available_pt: float,
    size_pt: float,
    font_paths: list[str],
) -> tuple[list[float], bool]:
    """Column widths in points for a table set at `size_pt`, and whether they fit in
    `available_pt` (when even the longest words do not, the widths are just those).

    No column is narrower than its longest word (a figure column than its longest
    figure); what is left of `available_pt` is shared by how much wider each column
    would like to be, and when everything fits on one line the text columns share the
    spare room.
    """
    n = len(header)
    body = [[row[i] if i < len(row) else "" for row in rows] for i in range(n)]

    def measure(texts: list[str], *, bold: bool) -> dict[str, float]:
        words = [w for text in texts for w in _BREAKABLE.split(text)]
        return text_widths(
            texts + words, size_pt=size_pt, font_paths=font_paths, bold=bold
        )

    heads = measure(header, bold=True)
    cells = measure([c for column in body for c in column], bold=False)

    def longest_word(text: str, widths: dict[str, float]) -> float:
        return max((widths[w] for w in _BREAKABLE.split(text)), default=0.0)

    wants = [
        CELL_PADDING_PT + max([heads[header[i]], *(cells[c] for c in body[i])])
        for i in range(n)
    ]
    mins = [
        CELL_PADDING_PT
        + max(
            [
                longest_word(header[i], heads),
                *(
                    cells[c] if i in numeric else longest_word(c, cells)
                    for c in body[i]
                ),
            ]
        )
        for i in range(n)
    ]
    wants = [max(w, m) for w, m in zip(wants, mins, strict=True)]
    if sum(mins) > available_pt:
        return mins, False
    if sum(wants) <= available_pt:
        growing = [i for i in range(n) if i not in numeric] or list(range(n))
        total = sum(wants[i] for i in growing)
        spare = available_pt - sum(wants)
        return [
            w + spare * w / total if i in growing else w for i, w in enumerate(wants)
        ], True
    extra = [w - m for w, m in zip(wants, mins, strict=True)]
    spare = available_pt - sum(mins)
    return [m + spare * e / sum(extra) for m, e in zip(mins, extra, strict=True)], True


def fit_table(
    table: DocxTable,
    *,
    header: list[str],
    rows: list[list[str]],
    numeric: set[int],
    available_pt: float,
    font_paths: list[str],
    size_pt: float = TABLE_SIZES_PT[0],
) -> None:
    """Give the table fixed column widths sized to its content (`w:tblW`,
    `w:tblLayout` fixed, `w:gridCol`, `w:tcW`), in a smaller size when needed, and
    keep every cell's words whole."""
    sizes = [size_pt, *(s for s in TABLE_SIZES_PT if s < size_pt)]
    for size in sizes:
        widths, fits = column_widths(
            header,
            rows,
            numeric=numeric,
            available_pt=available_pt,
            size_pt=size,
            font_paths=font_paths,
        )
        if fits:
            break
    twips = [round(w * 20) for w in widths]
    table.autofit = False
    properties = table._tbl.tblPr
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.append(width)
    width.set(qn("w:w"), str(sum(twips)))
    width.set(qn("w:type"), "dxa")
    for column, value in zip(table.columns, twips, strict=True):
        column.width = Twips(value)
    for row in table.rows:
        for cell, value in zip(row.cells, twips, strict=True):
            cell.width = Twips(value)
            if size != size_pt:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(size)


def turn_off_hyphenation(document: DocxDocument) -> None:
    """No automatic hyphenation (Word's default), whatever a template says."""
    settings = document.settings.element
    for element in settings.findall(qn("w:autoHyphenation")):
        settings.remove(element)
