"""The yearly report's section "Nämndernas arbete"."""

import pytest

from jamkoll.boards.tests.test_selectors import _constructed_year
from jamkoll.reports.content import Paragraph, Table
from jamkoll.reports.sections import boards
from jamkoll.reports.selectors import assemble

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def test_section_lists_the_boards_with_anything_for_the_year(world):
    _constructed_year(world)

    section = boards.build(world.own.organisation, 2026)

    assert section is not None
    assert section.heading == "Nämndernas arbete"
    assert section.source.startswith("Källa: ")
    (paragraph,) = [b for b in section.blocks if isinstance(b, Paragraph)]
    assert paragraph.text.startswith("1 nämnd arbetade")
    demands, decisions = [b for b in section.blocks if isinstance(b, Table)]
    assert demands.header == [
        "Nämnd",
        "Ställda efterfrågningar",
        "Besvarade i tid",
        "Självskattad nivå (1–4)",
        "Öppna utvecklingsbehov",
    ]
    assert demands.caption.endswith("(2025 inom parentes)")
    assert demands.rows == [
        ["Socialnämnden", "4 (5)", f"50{NBSP}% (40{NBSP}%)", "3,5 (2)", "2 (3)"]
    ]
    assert decisions.header == [
        "Nämnd",
        "Beslutsunderlag",
        "Med könsuppdelad statistik",
        "Med konsekvenser för kvinnor och män",
    ]
    # No decision documents the year before: no share to compare with.
    assert decisions.rows == [
        ["Socialnämnden", "5 (0)", f"40{NBSP}% (–)", f"20{NBSP}% (–)"]
    ]


def test_without_board_work_the_report_says_so_in_one_sentence(world):
    assert boards.build(world.own.organisation, 2026) is None

    content = assemble(organisation=world.own.organisation, year=2026)

    section = content.section("boards")
    assert [b.text for b in section.blocks] == [
        "Ingen nämnd registrerade efterfrågningar, beslutsunderlag, en självskattning "
        "eller utvecklingsbehov för 2026."
    ]
