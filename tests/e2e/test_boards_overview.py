"""The body's view of all boards and a board's page in the browser: sorting by a
column from the keyboard, the trend in words, the board politician's "My board";
axe finds nothing on any page."""

import pytest

from jamkoll.boards.tests.test_selectors import _constructed_year
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_the_strategist_sorts_the_boards_and_opens_one(page, world):
    _constructed_year(world)

    login(page, "u-strategist")
    page.goto("/namnder/?year=2026")
    assert_accessible(page)
    table = page.get_by_role("table")
    assert "upp från 40\u00a0%" in table.inner_text()

    link = page.get_by_role("link", name="Öppna utvecklingsbehov")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=needs**")
    header = page.get_by_role("columnheader", name="Öppna utvecklingsbehov")
    assert header.get_attribute("aria-sort") == "descending"
    first = page.locator("tbody tr").first.get_by_role("rowheader")
    assert first.inner_text() == "Socialnämnden"
    assert_accessible(page)

    first.get_by_role("link").click()
    page.wait_for_url("**/namnder/*/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Socialnämnden 2026"
    assert_accessible(page)


def test_the_board_politician_reaches_their_board_from_the_menu(page, world):
    _constructed_year(world)

    login(page, "u-board_politician")
    page.get_by_role("button", name="Följa upp").click()
    page.get_by_role("link", name="Min nämnd").click()
    page.wait_for_url("**/namnder/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Socialnämnden")
    assert_accessible(page)
