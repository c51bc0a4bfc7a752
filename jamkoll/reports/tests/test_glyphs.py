"""The glyph-box checks themselves, on small PDFs made for the purpose: each finds
what it looks for and nothing in a clean page."""

import typst

from jamkoll.reports.tests import glyphs

PAGE = '#set page(width: 12cm, height: 6cm, margin: 1cm)\n#set text(font: "DejaVu Sans", size: 10pt)\n'
WORDS = glyphs.vocabulary(
    ["Utbildningsnämnden och kommunstyrelsen", "Gymnasienämnden", "Rapporten"]
)


def _pdf(body: str) -> bytes:
    return bytes(typst.compile((PAGE + body).encode()))


def _problems(body: str) -> dict[str, list[str]]:
    return glyphs.problems(_pdf(body), WORDS)


def test_a_clean_page_has_no_findings():
    found = _problems("Utbildningsnämnden och \\\nkommunstyrelsen. Rapporten 100 %.")
    assert found == {key: [] for key in found}


def test_text_running_off_the_page_is_found():
    found = _problems("#place(dx: 9cm)[Utbildningsnämnden]")
    assert found["outside the page"]


def test_words_printed_over_each_other_are_found():
    found = _problems("#place[Kommunstyrelsen]\n#place(dx: 2pt)[Gymnasienämnden]")
    assert found["printed over each other"]


def test_a_word_split_across_lines_is_found_with_or_without_a_hyphen():
    found = _problems("Utbildningsnämn \\\nden och kommunstyrelsen.")
    assert found["words split across lines"] == ["page 1: Utbildningsnämn / den"]
    found = _problems("Kommun-\\\nstyrelsen")
    assert found["words split across lines"] == ["page 1: Kommun- / styrelsen"]


def test_leftover_placeholders_are_found():
    found = _problems('#"100 %%, %(year)s, {{ x }}, [slide label], None och nan."')
    assert len(found["leftover placeholders"]) == 6
