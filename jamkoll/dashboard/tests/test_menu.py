"""The main menu: grouped by task, each role sees only entries it can open."""

import re

import pytest
from django.urls import reverse

from jamkoll.dashboard.menu import current_entry
from tests.matrix import ALL

NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
HREF = re.compile(r'<a href="([^"]+)"')


def _nav(html: str) -> str:
    found = NAV.search(html)
    assert found, "the page has no main menu"
    return found.group(0)


def _links(html: str) -> list[str]:
    return HREF.findall(_nav(html))


def _labels(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<a [^>]*>(.*?)</a>", _nav(html), re.S)
    ]


@pytest.mark.parametrize("role", ALL)
def test_every_menu_link_a_role_sees_opens(client_for, world, role):
    client = client_for(role)
    links = _links(client.get(reverse("dashboard:home")).content.decode())
    assert links
    for url in links:
        # "My board" (boards:mine) redirects a board politician to their board.
        response = client.get(url, follow=True)
        assert response.status_code == 200, (role, url, response.status_code)


def test_a_manager_sees_a_short_menu_of_their_own_work(client_for, world):
    html = client_for("manager").get(reverse("dashboard:home")).content.decode()
    assert _labels(html) == ["Översikt", "Efterfrågningar", "Sammanträden", "Årshjul"]
    assert "Möten" in _nav(html)  # the group heading of the two meeting entries


def test_readers_see_every_read_entry_grouped_by_task(client_for, world):
    html = client_for("reader").get(reverse("dashboard:home")).content.decode()
    nav = _nav(html)
    for heading in ("Följa upp", "Möten", "Mäta", "Rapportera", "Organisation"):
        assert f">{heading}</span>" in nav
    assert "Indikatorer" in _labels(html)
    assert "Enkät" in _labels(html)


def test_managers_do_not_see_the_survey_others_do(client_for, world):
    html = client_for("manager").get(reverse("dashboard:home")).content.decode()
    assert reverse("surveys:list") not in _links(html)
    html = client_for("politician").get(reverse("dashboard:home")).content.decode()
    assert reverse("surveys:list") in _links(html)


def test_the_current_entry_and_its_group_are_marked(client_for, world):
    client = client_for("strategist")
    nav = _nav(client.get(reverse("result_requests:figures")).content.decode())
    assert nav.count('aria-current="page"') == 1
    assert f'<a href="{reverse("result_requests:figures")}" aria-current="page">' in nav
    assert re.search(r'id="nav-group-follow-up" aria-current="true"', nav)
    assert nav.count('aria-current="true"') == 1

    nav = _nav(client.get(reverse("dashboard:home")).content.decode())
    assert f'<a href="{reverse("dashboard:home")}" aria-current="page">' in nav
    assert 'aria-current="true"' not in nav


def test_a_single_entry_group_is_a_plain_link_that_is_marked(client_for, world):
    nav = _nav(
        client_for("manager").get(reverse("result_requests:list")).content.decode()
    )
    assert f'<a href="{reverse("result_requests:list")}" aria-current="page">' in nav
    assert "Följa upp" not in nav


@pytest.mark.parametrize(
    ("view_name", "entry"),
    [
        ("dashboard:home", "overview"),
        ("result_requests:list", "demands"),
        ("result_requests:detail", "demands"),
        ("result_requests:figures", "figures"),
        ("result_requests:figures_xlsx", "figures"),
        ("meetings:decision_list", "assignments"),
        ("meetings:detail", "meetings"),
        ("meetings:minutes_approve", "meetings"),
        ("meetings:year_wheel", "year-wheel"),
        ("meetings:rule_edit", "year-wheel"),
        ("meetings:calendar_feeds", "year-wheel"),
        ("cases:detail", "cases"),
        ("reviews:checklist_list", "reviews"),
        ("boards:overview", "boards"),
        ("boards:detail", "boards"),
        ("boards:mine", "my-board"),
        ("indicators:gaps", "indicators"),
        ("indicators:goal_detail", "goals"),
        ("indicators:action_plan", "goals"),
        ("indicators:charter", "goals"),
        ("reports:detail", "report"),
        ("surveys:results", "surveys"),
        ("organisations:unit_detail", "organisation"),
        ("members:unit_members", "organisation"),
        ("members:person_detail", "people"),
        ("members:representation", "representation"),
        ("audit:history", None),
        ("accounts:login", None),
    ],
)
def test_each_page_belongs_to_the_menu_entry_a_user_expects(view_name, entry):
    assert current_entry(view_name) == entry


def test_anonymous_users_get_no_menu(client):
    html = client.get(reverse("core:accessibility")).content.decode()
    assert 'class="main-nav"' not in html
