import pytest

from jamkoll.meetings.doclinks import (
    DocumentLink,
    parse_document_line,
    parse_documents,
    readable_title,
    safe_href,
)

UNTITLED = "Länk till handling"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Översiktsplan – https://www.eskilstuna.se/handlingar/op.pdf",
            DocumentLink(
                "Översiktsplan", "https://www.eskilstuna.se/handlingar/op.pdf"
            ),
        ),
        (
            "Budget 2027 | https://kommun.se/budget",
            DocumentLink("Budget 2027", "https://kommun.se/budget"),
        ),
        (
            "Rapport – del 2 - https://kommun.se/r2.pdf",
            DocumentLink("Rapport – del 2", "https://kommun.se/r2.pdf"),
        ),
        (
            "Tjänsteskrivelse: /arenden/98/",
            DocumentLink("Tjänsteskrivelse", "/arenden/98/"),
        ),
        (
            "Protokollsutdrag https://kommun.se/p.pdf.",
            DocumentLink("Protokollsutdrag", "https://kommun.se/p.pdf"),
        ),
    ],
)
def test_a_title_with_a_link_keeps_the_title_and_the_link_apart(line, expected):
    assert parse_document_line(line, untitled=UNTITLED) == expected


def test_a_bare_url_is_shown_by_its_file_name():
    link = parse_document_line(
        "https://kommun.se/dokument/Rapport%202026.pdf", untitled=UNTITLED
    )
    assert link == DocumentLink(
        "Rapport 2026.pdf", "https://kommun.se/dokument/Rapport%202026.pdf"
    )


def test_a_bare_url_without_a_file_name_is_shown_by_its_host():
    link = parse_document_line("https://www.eskilstuna.se/politik/", untitled=UNTITLED)
    assert link.title == "eskilstuna.se"


def test_www_without_scheme_becomes_an_https_link():
    link = parse_document_line("Plan www.kommun.se/plan.pdf", untitled=UNTITLED)
    assert link == DocumentLink("Plan", "https://www.kommun.se/plan.pdf")


def test_a_bare_path_shows_no_path_text():
    link = parse_document_line("/arenden/98/", untitled=UNTITLED)
    assert link == DocumentLink(UNTITLED, "/arenden/98/")
    assert link.is_internal


def test_a_case_number_with_a_slash_is_plain_text():
    link = parse_document_line("KS 2026/0042 Översiktsplan", untitled=UNTITLED)
    assert link == DocumentLink("KS 2026/0042 Översiktsplan")


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "//evil.example/x",
        "ftp://kommun.se/a",
        "data:text/html,x",
    ],
)
def test_unsafe_link_targets_are_never_links(value):
    assert safe_href(value) == ""
    assert parse_document_line(f"Titel {value}", untitled=UNTITLED).url == ""


def test_only_paths_inside_the_site_and_http_addresses_are_links():
    assert safe_href("/arenden/98/") == "/arenden/98/"
    assert safe_href("https://kommun.se") == "https://kommun.se"
    assert safe_href("/") == ""


def test_readable_title_of_a_path_without_file_name_is_empty():
    assert readable_title("/uppdrag/") == ""


def test_parse_documents_skips_blank_lines():
    text = "Översiktsplan – https://kommun.se/op.pdf\n\n  \nKS 2026/0042\n"
    assert [d.title for d in parse_documents(text, untitled=UNTITLED)] == [
        "Översiktsplan",
        "KS 2026/0042",
    ]
