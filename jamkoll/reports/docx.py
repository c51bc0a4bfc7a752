"""The yearly report as a Word document (python-docx), for the municipality to edit.

Accessibility: real Title/Heading 1/Heading 2 styles (navigation pane and document
outline), table header rows marked to repeat (`w:tblHeader`), every chart image has
alt text (`wp:docPr/@descr`), and the document language is Swedish both in the
styles (`w:lang`) and in the core properties.

Layout: A4, tables with fixed column widths sized to their content (no word is ever
split across lines), no automatic hyphenation, appendices after the report itself.

An organisation's own Word template (.docx or .dotx) can be given: the document then
starts from it — its body emptied, its section properties (page size, margins, header
and footer) and its styles (Title, Heading 1/2, Caption, List Bullet, a table style)
kept. A style the template lacks is copied from python-docx's default template.
"""

import copy
import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.table import Table as DocxTable

from jamkoll.core.docx import (
    fit_table,
    mark_header_row,
    set_language,
    turn_off_hyphenation,
)
from jamkoll.reports.charts import chart_png, font_paths
from jamkoll.reports.content import (
    BulletList,
    Chart,
    Paragraph,
    ReportContent,
    Subheading,
    Table,
)

LANGUAGE = "sv-SE"
CHART_WIDTH = Cm(16)
A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2.5)
TABLE_STYLE = "Table Grid"
# The paragraph and character styles the report uses, by their English (built-in) name.
STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Caption", "List Bullet")
DEFAULT_FONT_SIZE = Pt(11)
_TEMPLATE_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
)
_DOCUMENT_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)


def render_docx(content: ReportContent, *, template: bytes | None = None) -> bytes:
    """The report as .docx bytes, on the organisation's template when one is given."""
    document = _start(template)
    table_style = _table_style(document)
    set_language(document, content.language)
    turn_off_hyphenation(document)
    properties = document.core_properties
    properties.title = content.title
    properties.subject = content.subtitle
    properties.language = content.language
    properties.author = content.subtitle

    document.add_paragraph(content.title, style="Title")
    document.add_paragraph(content.subtitle, style="Subtitle")
    if content.status_note:
        document.add_paragraph(content.status_note)
    for section in content.in_reading_order():
        heading = document.add_paragraph(section.heading, style="Heading 1")
        if section.appendix:
            # An appendix starts on a page of its own.
            heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            if isinstance(block, Paragraph):
                document.add_paragraph(block.text)
            elif isinstance(block, Subheading):
                document.add_paragraph(block.text, style="Heading 2")
            elif isinstance(block, BulletList):
                for item in block.items:
                    document.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Table):
                _add_table(document, block, table_style)
            elif isinstance(block, Chart):
                _add_chart(document, block)
        if section.source:
            source = document.add_paragraph(section.source, style="Caption")
            source.paragraph_format.space_before = Pt(6)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _start(template: bytes | None) -> DocxDocument:
    """A new A4 document, or the template emptied with its sections and styles kept."""
    if template is None:
        document = Document()
        for section in document.sections:
            section.page_width, section.page_height = A4
            section.left_margin = section.right_margin = MARGIN
        return document
    document = Document(io.BytesIO(_as_document(template)))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _add_missing_styles(document)
    return document


def _as_document(template: bytes) -> bytes:
    """A .dotx is a .docx whose main part has the template content type."""
    source = zipfile.ZipFile(io.BytesIO(template))
    types = source.read("[Content_Types].xml")
    if _TEMPLATE_TYPE not in types:
        return template
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
            target.writestr(item, data)
    return buffer.getvalue()


def _has_style(document: DocxDocument, name: str) -> bool:
    return any(style.name == name for style in document.styles)


def _add_missing_styles(document: DocxDocument) -> None:
    """Copy the styles the report needs and the template lacks from the default."""
    default = Document()
    for name in (*STYLES, TABLE_STYLE):
        if not _has_style(document, name):
            document.styles.element.append(copy.deepcopy(default.styles[name].element))


def _table_style(document: DocxDocument) -> str:
    """The template's own table style when it has one, else "Table Grid"."""
    names = [
        style.name
        for style in document.styles
        if style.type == WD_STYLE_TYPE.TABLE
        and style.name not in ("Normal Table", "Table Normal")
    ]
    if TABLE_STYLE in names or not names:
        return TABLE_STYLE
    return names[0] or TABLE_STYLE


def _text_width_pt(document: DocxDocument) -> float:
    section = document.sections[-1]
    width = (section.page_width or A4[0]) - (section.left_margin or 0)
    width -= section.right_margin or 0
    return Emu(width).pt


def _body_size_pt(document: DocxDocument) -> float:
    size = document.styles["Normal"].font.size
    if size is None:
        defaults = document.styles.element.find(qn("w:docDefaults"))
        found = None if defaults is None else defaults.find(".//" + qn("w:sz"))
        if found is not None:
            return int(found.get(qn("w:val"))) / 2
        return DEFAULT_FONT_SIZE.pt
    return Emu(size).pt


def _add_caption(document: DocxDocument, text: str) -> None:
    """A table or chart caption, kept on the page of what it names."""
    caption = document.add_paragraph(text, style="Caption")
    caption.paragraph_format.keep_with_next = True


def _add_table(document: DocxDocument, table: Table, style: str) -> None:
    _add_caption(document, table.caption)
    columns = len(table.header)
    grid: DocxTable = document.add_table(rows=1, cols=columns)
    grid.style = style
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = grid.rows[0]
    mark_header_row(header)
    for index, text in enumerate(table.header):
        cell = header.cells[index]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        if table.is_numeric(index):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    rows = [values[:columns] for values in table.rows]
    for values in rows:
        cells = grid.add_row().cells
        for index, text in enumerate(values):
            cells[index].text = text
            if table.is_numeric(index):
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fit_table(
        grid,
        header=table.header,
        rows=rows,
        numeric=table.numeric_columns,
        available_pt=_text_width_pt(document),
        font_paths=font_paths(),
        size_pt=_body_size_pt(document),
    )


def _add_chart(document: DocxDocument, chart: Chart) -> None:
    _add_caption(document, chart.caption)
    if not chart.has_data:
        document.add_paragraph(chart.empty_text)
        return
    width = min(CHART_WIDTH, Emu(round(_text_width_pt(document) * 12700)))
    shape = document.add_picture(io.BytesIO(chart_png(chart)), width=width)
    inline = shape._inline
    inline.docPr.set("descr", chart.alt)
    inline.docPr.set("title", chart.caption)
