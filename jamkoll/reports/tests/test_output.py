import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from jamkoll.accounts.models import Role
from jamkoll.reports import services
from jamkoll.reports.content import Chart, ReportContent, Section
from jamkoll.reports.docx import render_docx
from jamkoll.reports.output import generate
from jamkoll.reports.pdf import render_pdf
from jamkoll.reports.tests.helpers import adopt, docx_part, pdf_text

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def report(world):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2026, by=strategist
    )
    services.save_texts(
        report=report,
        introduction="Året har präglats av dialog med nämnder och bolag.",
        chair_words="Jämställdhet är en fråga om makt.",
        by=strategist,
    )
    services.save_development_area(
        report=report,
        by=strategist,
        title="Könsuppdelad statistik i årsredovisningen",
        rationale="Nämnderna redovisar sällan statistik uppdelad på kvinnor och män.",
        unit=world.own.board,
    )
    return report


def test_pdf_text_has_the_headings_and_swedish_text(world, report):
    data = generate(organisation=world.own.organisation, year=2026, fmt="pdf").data
    text = pdf_text(data)
    for heading in (
        "Jämställdhetsberedningens",
        "Förslag till beslut",
        "Inledning",
        "Ordförandens ord",
        "Föreslagna utvecklingsområden",
    ):
        assert heading in text
    assert "Könsuppdelad statistik i årsredovisningen" in text
    assert "Jämställdhet är en fråga om makt." in text
    assert b"/Lang(sv" in data


def test_pdf_has_bookmarks_and_title_metadata(world, report):
    import pypdfium2

    data = generate(organisation=world.own.organisation, year=2026, fmt="pdf").data
    document = pypdfium2.PdfDocument(data)
    titles = [bookmark.get_title() for bookmark in document.get_toc()]
    metadata = document.get_metadata_dict()
    document.close()
    assert "Inledning" in titles
    assert metadata["Title"] == "Jämställdhetsberedningens årsrapport 2026"


def test_docx_has_heading_styles_repeating_header_rows_language_and_chart_alt_text(
    world, report
):
    data = generate(organisation=world.own.organisation, year=2026, fmt="docx").data
    body = docx_part(data, "word/document.xml")
    styles = docx_part(data, "word/styles.xml")
    core = docx_part(data, "docProps/core.xml")
    assert 'w:val="Heading1"' in body
    assert 'w:val="Heading2"' in body
    assert "<w:tblHeader" in body
    assert 'w:lang w:val="sv-SE"' in styles
    assert "<dc:title>Jämställdhetsberedningens årsrapport 2026</dc:title>" in core
    assert "<dc:language>sv-SE</dc:language>" in core
    pictures = re.findall(r"<wp:docPr [^>]*>", body)
    assert pictures, "the report for the world fixture has at least one chart"
    for picture in pictures:
        assert re.search(r'descr="[^"]{20,}"', picture), picture


def test_a_year_without_data_gives_valid_documents_that_say_so(world):
    for fmt in ("pdf", "docx"):
        result = generate(organisation=world.own.organisation, year=2015, fmt=fmt)
        if fmt == "pdf":
            text = pdf_text(result.data)
        else:
            text = docx_part(result.data, "word/document.xml")
        assert "Det finns inga registrerade uppgifter för 2015" in text


def _empty_chart_content() -> ReportContent:
    content = ReportContent(
        title="Årsrapport 2026",
        subtitle="Test",
        year=2026,
        organisation_name="Kommunen",
    )
    content.sections.append(
        Section(
            key="x",
            heading="Indikatorer",
            blocks=[
                Chart(
                    caption="Kvinnor och män",
                    alt="Diagram",
                    categories=["A", "B"],
                    series=["Kvinnor", "Män"],
                    values=[[None, None], [None, None]],
                    empty_text="Det finns inga värden att visa i diagrammet.",
                )
            ],
        )
    )
    return content


def test_a_chart_with_every_value_missing_becomes_a_text_in_both_documents():
    content = _empty_chart_content()
    assert "Det finns inga värden att visa i diagrammet." in pdf_text(
        render_pdf(content)
    )
    body = docx_part(render_docx(content), "word/document.xml")
    assert "Det finns inga värden att visa i diagrammet." in body
    assert "<wp:docPr" not in body


def test_the_command_writes_the_file(world, report, tmp_path):
    target = tmp_path / "rapport.pdf"
    call_command(
        "report", organisation="0001", year=2026, fmt="pdf", output=target, stdout=None
    )
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(
    OFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui",
)
def test_libreoffice_opens_the_docx_and_converts_it_to_pdf(world, report, tmp_path):
    source = tmp_path / "arsrapport.docx"
    source.write_bytes(
        generate(organisation=world.own.organisation, year=2026, fmt="docx").data
    )
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = Path(tmp_path / "arsrapport.pdf").read_bytes()
    text = pdf_text(converted)
    assert "Jämställdhetsberedningens" in text
    assert "Föreslagna utvecklingsområden" in text
    assert "Könsuppdelad statistik i årsredovisningen" in text


def test_adopted_report_documents_keep_the_adopted_content(world, report):
    strategist = world.user(Role.STRATEGIST)
    today = dt.date(2026, 12, 15)
    adopt(report, by=strategist, org_world=world.own, on=today)
    world.own.body.name = "Nytt namn på beredningen"
    world.own.body.save()
    text = pdf_text(
        generate(organisation=world.own.organisation, year=2026, fmt="pdf").data
    )
    assert "Nytt namn på beredningen" not in text
    assert "Jämställdhetsberedningen" in text
