"""The report's layout in PDF and Word: columns sized to their content, appendices
last, and an organisation's own Word template (its header and its styles)."""

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from jamkoll.reports.content import Paragraph, ReportContent, Section, Table
from jamkoll.reports.docx import render_docx
from jamkoll.reports.pdf import render_pdf
from jamkoll.reports.tests import glyphs
from jamkoll.reports.tests.helpers import docx_part, pdf_text

COMMITMENTS = Table(
    caption="Åtaganden vid dialogmötena, 2026",
    header=["Åtagande", "Motpart", "Ansvarig", "Klart senast", "Status"],
    rows=[
        [
            "Redovisa väntetider till särskilt boende för kvinnor och män.",
            "Individ- och familjenämnden",
            "Förvaltningschefen",
            "20 juni 2026",
            "Försenat",
        ],
        [
            "Ta fram könsuppdelad brukarundersökning.",
            "Barn- och utbildningsnämnden",
            "Kvalitetsstrategen",
            "18 september 2026",
            "Försenat",
        ],
    ],
)
SURVEY_TABLE = Table(
    caption="Svar i procent av de svarande i varje grupp",
    header=["Grupp", "Svarande", "1", "2", "3", "4", "5", "Medelvärde"],
    rows=[
        [
            "Alla",
            "40",
            "0\u00a0%",
            "15\u00a0%",
            "28\u00a0%",
            "40\u00a0%",
            "18\u00a0%",
            "3,60",
        ],
        ["Ordförande eller vice ordförande", "dolt", "–", "–", "–", "–", "–", "–"],
    ],
    numeric=[False, True, True, True, True, True, True, True],
)

HOURS_TABLE = Table(
    caption="Svar i procent av de svarande i varje grupp",
    header=[
        "Grupp",
        "Svarande",
        "Mindre än 5 timmar",
        "5–10 timmar",
        "11–20 timmar",
        "Mer än 20 timmar",
    ],
    rows=[
        ["Alla", "40", "52\u00a0%", "35\u00a0%", "10\u00a0%", "2\u00a0%"],
        ["Annat eller beskriver det på annat sätt", "dolt", "–", "–", "–", "–"],
        ["Ordförande eller vice ordförande", "dolt", "–", "–", "–", "–"],
    ],
    numeric=[False, True, True, True, True, True],
)
TABLES = (COMMITMENTS, SURVEY_TABLE, HOURS_TABLE)


def _content() -> ReportContent:
    content = ReportContent(
        title="Årsrapport 2026",
        subtitle="Jämställdhetsutskottet, Umeå kommun",
        year=2026,
        organisation_name="Umeå kommun",
    )
    content.sections = [
        Section(key="dialogues", heading="Dialogmöten", blocks=[COMMITMENTS]),
        Section(
            key="survey_appendix",
            heading="Bilaga: enkätens alla svar",
            blocks=[SURVEY_TABLE, HOURS_TABLE],
            appendix=True,
        ),
        Section(
            key="areas",
            heading="Föreslagna utvecklingsområden",
            blocks=[Paragraph("Könsuppdelad statistik i all uppföljning.")],
        ),
    ]
    return content


def _words(content: ReportContent) -> set[str]:
    texts = [c for t in TABLES for row in [t.header, *t.rows] for c in row]
    return glyphs.vocabulary(texts)


def test_pdf_tables_neither_overprint_nor_split_words():
    data = render_pdf(_content())
    found = glyphs.problems(data, _words(_content()))
    assert found == {key: [] for key in found}


def test_pdf_prints_the_appendix_after_the_report():
    text = pdf_text(render_pdf(_content()))
    assert text.index("Föreslagna utvecklingsområden") < text.index(
        "Bilaga: enkätens alla svar"
    )


def _grid(data: bytes) -> list[tuple[str, list[int]]]:
    """(table width type, grid column widths) of each table in the document."""
    tables = []
    for table in Document(io.BytesIO(data)).tables:
        properties = table._tbl.tblPr
        width = properties.find(qn("w:tblW"))
        layout = properties.find(qn("w:tblLayout"))
        assert layout is not None
        assert layout.get(qn("w:type")) == "fixed"
        columns = [
            int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))
        ]
        assert int(width.get(qn("w:w"))) == pytest.approx(sum(columns), abs=5)
        for row in table.rows:
            assert [c.width.twips for c in row.cells] == columns
        tables.append((width.get(qn("w:type")), columns))
    return tables


def test_docx_columns_are_fixed_and_sized_to_their_longest_word():
    data = render_docx(_content())
    (kind, commitments), (_kind, survey), _hours = _grid(data)
    assert kind == "dxa"
    # A4 with 2.5 cm margins: 16 cm of text width, 9071 twips.
    assert sum(commitments) <= 9072
    # The long text column gets more room than the status column, and no column is
    # narrower than its longest word ("familjenämnden", "Kvalitetsstrategen").
    assert commitments[0] > commitments[4]
    assert min(commitments) > 1000
    # The figure columns are as narrow as their figures, the group column is wider.
    assert max(survey[2:7]) < survey[0]
    assert len(set(survey[3:7])) == 1
    assert "<w:autoHyphenation" not in docx_part(data, "word/settings.xml")


def test_docx_prints_the_appendix_after_the_report_on_a_new_page():
    document = Document(io.BytesIO(render_docx(_content())))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in headings] == [
        "Dialogmöten",
        "Föreslagna utvecklingsområden",
        "Bilaga: enkätens alla svar",
    ]
    assert headings[-1].paragraph_format.page_break_before
    assert not headings[0].paragraph_format.page_break_before


def _template(*, dotx: bool) -> bytes:
    """An organisation's template: a header text, a distinct Heading 1 and text."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Umeå kommun – Jämställdhetsutskottet"
    heading = document.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(21)
    heading.font.color.rgb = RGBColor(0x00, 0x5A, 0x9C)
    document.add_paragraph("Mallens exempeltext som inte ska följa med.")
    buffer = io.BytesIO()
    document.save(buffer)
    if not dotx:
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"wordprocessingml.document.main+xml",
                    b"wordprocessingml.template.main+xml",
                )
            target.writestr(item, data)
    return target_buffer.getvalue()


@pytest.mark.parametrize("dotx", [False, True], ids=["docx", "dotx"])
def test_docx_on_the_organisations_template_keeps_its_header_and_styles(dotx):
    data = render_docx(_content(), template=_template(dotx=dotx))
    document = Document(io.BytesIO(data))
    header = document.sections[0].header.paragraphs[0].text
    assert header == "Umeå kommun – Jämställdhetsutskottet"
    style = document.styles["Heading 1"]
    assert style.font.name == "Georgia"
    assert style.font.size == Pt(21)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Dialogmöten"
    body = docx_part(data, "word/document.xml")
    assert "Mallens exempeltext" not in body
    assert "Årsrapport 2026" in body
    types = docx_part(data, "[Content_Types].xml")
    assert "wordprocessingml.document.main+xml" in types
    assert "template.main+xml" not in types


def test_docx_template_without_the_report_styles_gets_them_added():
    document = Document()
    styles = document.styles.element
    for name in ("Caption", "List Bullet", "Title"):
        styles.remove(document.styles[name].element)
    buffer = io.BytesIO()
    document.save(buffer)
    data = render_docx(_content(), template=buffer.getvalue())
    result = Document(io.BytesIO(data))
    assert result.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Caption" for p in result.paragraphs)
