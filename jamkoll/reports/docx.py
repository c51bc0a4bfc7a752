"""The yearly report as a Word document (python-docx), for the municipality to edit.

Accessibility: real Title/Heading 1/Heading 2 styles (navigation pane and document
outline), table header rows marked to repeat (`w:tblHeader`), every chart image has
alt text (`wp:docPr/@descr`), and the document language is Swedish both in the
styles (`w:lang`) and in the core properties.
"""

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.table import Table as DocxTable

from jamkoll.core.docx import mark_header_row, set_language
from jamkoll.reports.charts import chart_png
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


def render_docx(content: ReportContent) -> bytes:
    """The report as .docx bytes."""
    document = Document()
    set_language(document, content.language)
    properties = document.core_properties
    properties.title = content.title
    properties.subject = content.subtitle
    properties.language = content.language
    properties.author = content.subtitle

    document.add_heading(content.title, level=0)
    document.add_paragraph(content.subtitle, style="Subtitle")
    if content.status_note:
        document.add_paragraph(content.status_note)
    for section in content.sections:
        document.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                document.add_paragraph(block.text)
            elif isinstance(block, Subheading):
                document.add_heading(block.text, level=2)
            elif isinstance(block, BulletList):
                for item in block.items:
                    document.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Table):
                _add_table(document, block)
            elif isinstance(block, Chart):
                _add_chart(document, block)
        if section.source:
            document.add_paragraph(section.source, style="Caption")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_table(document: DocxDocument, table: Table) -> None:
    document.add_paragraph(table.caption, style="Caption")
    columns = len(table.header)
    grid: DocxTable = document.add_table(rows=1, cols=columns)
    grid.style = "Table Grid"
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
    for values in table.rows:
        cells = grid.add_row().cells
        for index, text in enumerate(values[:columns]):
            cells[index].text = text
            if table.is_numeric(index):
                cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _add_chart(document: DocxDocument, chart: Chart) -> None:
    document.add_paragraph(chart.caption, style="Caption")
    if not chart.has_data:
        document.add_paragraph(chart.empty_text)
        return
    shape = document.add_picture(io.BytesIO(chart_png(chart)), width=CHART_WIDTH)
    inline = shape._inline
    inline.docPr.set("descr", chart.alt)
    inline.docPr.set("title", chart.caption)
