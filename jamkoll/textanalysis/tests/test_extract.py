"""Extraction with page numbers and every kind of bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from jamkoll.textanalysis import errors
from jamkoll.textanalysis.analyse import analyse_file
from jamkoll.textanalysis.extract import iter_pages
from jamkoll.textanalysis.limits import Limits
from jamkoll.textanalysis.segment import iter_segments
from jamkoll.textanalysis.tests.helpers import (
    encrypted_pdf_bytes,
    make_docx,
    make_odt,
    make_pdf,
)

SWEDISH_FILLER = (
    "Nämnden har under året arbetat med att utveckla verksamheten och det är "
    "viktigt att den fortsätter att vara tillgänglig för alla som bor i kommunen. "
)

PDF_SOURCE = """
= Verksamhetsplan 2025
Nämnden ansvarar för förskola och grundskola. Under 2024 hade grundskolan
2 340 elever. Det är en ökning jämfört med året innan och det märks i alla skolor.
#pagebreak()
= Personal
Av de 310 medarbetarna var 78 procent kvinnor och 22 procent män.

#table(columns: 3, [Grupp], [K], [M], [Chefer], [41], [23])
"""


def test_pdf_pages_sections_and_findings(tmp_path: Path):
    pdf = make_pdf(tmp_path / "plan.pdf", PDF_SOURCE)
    pages = list(iter_pages(pdf))
    assert [p.number for p in pages] == [1, 2]
    result = analyse_file(pdf)
    assert result.error is None
    assert result.pages == 2
    blind = [f for f in result.findings if f.detector == "genderblind_stats"]
    assert blind[0].page == 1
    assert blind[0].section == "Verksamhetsplan 2025"
    assert "2 340 elever" in blind[0].quote
    split = [f for f in result.findings if f.detector == "sexdisagg_stats"]
    assert {f.page for f in split} == {2}
    assert any(f.quote.startswith("Chefer") for f in split)
    assert all(f.section == "Personal" for f in split)


def test_docx_page_breaks_headings_and_tables(tmp_path: Path):
    path = make_docx(tmp_path / "beslut.docx")
    segments = list(iter_segments(iter_pages(path)))
    by_text = {s.text: s for s in segments}
    assert by_text["Verksamhetsplan 2025"].kind == "heading"
    assert by_text["Under 2024 hade grundskolan 2 340 elever."].page == 1
    row = by_text["Chefer | 41 | 23"]
    assert (row.kind, row.page, row.section) == (
        "table_row",
        2,
        "Konsekvenser för jämställdheten",
    )
    result = analyse_file(path)
    detectors = {(f.detector, f.page) for f in result.findings}
    assert ("genderblind_stats", 1) in detectors
    assert ("gender_impact_analysis", 2) in detectors
    assert ("sexdisagg_stats", 2) in detectors


def test_odt_soft_page_break(tmp_path: Path):
    path = make_odt(tmp_path / "arsredovisning.odt")
    result = analyse_file(path)
    assert result.error is None
    assert result.pages == 2
    found = {(f.detector, f.page, f.section) for f in result.findings}
    assert ("genderblind_stats", 1, "Årsredovisning 2024") in found
    assert ("equality_goals", 2, "Årsredovisning 2024") in found


def test_text_form_feed_and_markdown_heading(tmp_path: Path):
    path = tmp_path / "rapport.md"
    path.write_text(
        "# Tertialrapport\n\nHemtjänsten hade 412 brukare i april.\f"
        "## Mål\n\nArbetet utgår från kommunens jämställdhetsplan.\n",
        encoding="utf-8",
    )
    result = analyse_file(path)
    assert result.error is None
    assert result.pages == 2
    assert {(f.detector, f.page, f.section) for f in result.findings} == {
        ("genderblind_stats", 1, "Tertialrapport"),
        ("equality_goals", 2, "Mål"),
    }


# --- bad input -----------------------------------------------------------------


def test_scanned_pdf_without_text_layer(tmp_path: Path):
    pdf = make_pdf(
        tmp_path / "skannad.pdf",
        "#rect(width: 80%, height: 60%, fill: gray)\n#pagebreak()\n#circle()",
    )
    result = analyse_file(pdf)
    assert result.error == errors.MSG_SCANNED
    assert result.pages == 2
    assert result.findings == []


def test_encrypted_pdf(tmp_path: Path):
    path = tmp_path / "hemlig.pdf"
    path.write_bytes(encrypted_pdf_bytes())
    assert analyse_file(path).error == errors.MSG_ENCRYPTED


def test_corrupt_pdf(tmp_path: Path):
    path = tmp_path / "trasig.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    assert analyse_file(path).error == errors.MSG_CORRUPT_PDF


def test_truncated_pdf(tmp_path: Path):
    good = make_pdf(tmp_path / "hel.pdf", PDF_SOURCE).read_bytes()
    path = tmp_path / "avkortad.pdf"
    path.write_bytes(good[: len(good) // 3])
    result = analyse_file(path)  # must not crash; pdfium may recover pages
    assert result.error in (None, errors.MSG_CORRUPT_PDF, errors.MSG_SCANNED)


def test_file_named_pdf_that_is_not_pdf(tmp_path: Path):
    path = tmp_path / "falsk.pdf"
    path.write_text("Det här är ingen PDF utan vanlig text.", encoding="utf-8")
    assert analyse_file(path).error == errors.MSG_FAKE_PDF


def test_pdf_detected_by_magic_not_extension(tmp_path: Path):
    pdf = make_pdf(tmp_path / "a.pdf", PDF_SOURCE)
    renamed = tmp_path / "utan_andelse.bin"
    renamed.write_bytes(pdf.read_bytes())
    assert analyse_file(renamed).pages == 2


def test_corrupt_docx(tmp_path: Path):
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert analyse_file(path).error == errors.MSG_CORRUPT_DOCX


def test_docx_not_a_zip(tmp_path: Path):
    path = tmp_path / "falsk.docx"
    path.write_text("hej", encoding="utf-8")
    assert analyse_file(path).error == errors.MSG_FAKE_DOCX


def test_zip_without_word_document(tmp_path: Path):
    path = tmp_path / "annat.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hej.txt", "hej")
    assert analyse_file(path).error == errors.MSG_CORRUPT_DOCX


def test_docx_zip_bomb_ratio(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (4 * 1024 * 1024))
    assert analyse_file(path).error == errors.MSG_ZIP_BOMB


def test_docx_zip_bomb_total_size(tmp_path: Path):
    path = make_docx(tmp_path / "liten.docx")
    limits = Limits(max_zip_uncompressed_bytes=1000)
    assert analyse_file(path, limits).error == errors.MSG_ZIP_BOMB


def test_zero_byte_file(tmp_path: Path):
    path = tmp_path / "tom.pdf"
    path.touch()
    assert analyse_file(path).error == errors.MSG_EMPTY


def test_missing_file(tmp_path: Path):
    assert analyse_file(tmp_path / "saknas.pdf").error == errors.MSG_NOT_FOUND


def test_500_mb_sparse_file_is_refused_without_reading(tmp_path: Path):
    path = tmp_path / "enorm.pdf"
    with path.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(500 * 1024 * 1024)
    result = analyse_file(path)
    assert result.error is not None
    assert result.error.startswith("Filen är för stor")


def test_configurable_size_limit(tmp_path: Path):
    path = tmp_path / "text.txt"
    path.write_text(SWEDISH_FILLER * 20, encoding="utf-8")
    assert analyse_file(path, Limits(max_file_bytes=100)).error.startswith(
        "Filen är för stor"
    )


def test_english_document_is_reported(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(
        "The municipality has 12 000 residents and the board is responsible for "
        "the schools. It is important that the work with gender equality is "
        "followed up in the annual report and that the results are presented to "
        "the council in a way that is easy to understand for all of the citizens.",
        encoding="utf-8",
    )
    result = analyse_file(path)
    assert result.error == errors.MSG_NOT_SWEDISH
    assert result.findings == []


def test_swedish_text_passes_language_check(tmp_path: Path):
    path = tmp_path / "svensk.txt"
    path.write_text(SWEDISH_FILLER * 5, encoding="utf-8")
    assert analyse_file(path).error is None


def test_binary_garbage_and_old_word(tmp_path: Path):
    garbage = tmp_path / "data.bin"
    garbage.write_bytes(b"\x00\x01\x02\x03" * 100)
    assert analyse_file(garbage).error == errors.MSG_UNKNOWN_FORMAT
    old = tmp_path / "gammal.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    assert analyse_file(old).error == errors.MSG_OLD_WORD


@pytest.mark.parametrize("name", ["tom.odt", "trasig.odt"])
def test_corrupt_odt(tmp_path: Path, name: str):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        if name == "trasig.odt":
            zf.writestr("content.xml", "<office:document-content <<<")
    assert analyse_file(path).error == errors.MSG_CORRUPT_ODT


def test_odt_billion_laughs_is_refused(tmp_path: Path):
    path = tmp_path / "skratt.odt"
    xml = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><r>&lol2;</r>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", xml)
    assert analyse_file(path).error == errors.MSG_CORRUPT_ODT
