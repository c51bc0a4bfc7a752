"""The home page and the menu of a board politician (nämndpolitiker): their board's
demands to follow up and decision documents under review; the organisation-wide
pages as a reader; nothing of another board."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.dashboard import selectors
from jamkoll.result_requests.models import ResultRequest
from jamkoll.result_requests.tests.factories import answer, raise_demand
from jamkoll.reviews.models import Checklist, Review

NAV = re.compile(r'<nav class="main-nav".*?</nav>', re.S)


def _demand(world, title: str, *, raised_for, unit, answered=False, overdue=False):
    demand = raise_demand(world.own, unit=unit, raised_for=raised_for, title=title)
    if answered:
        answer(demand)
    if overdue:
        ResultRequest.objects.filter(pk=demand.pk).update(
            due_on=timezone.localdate() - dt.timedelta(days=3)
        )
    return demand


def _decision_document(world, title: str, *, unit, done=False) -> Review:
    version = Checklist.objects.get(
        organisation=None, key="beslutsunderlag"
    ).versions.get(number=1)
    return Review.objects.create(
        organisation=world.own.organisation,
        checklist_version=version,
        title=title,
        document_type="decision_document",
        unit=unit,
        year=timezone.localdate().year,
        meeting_on=dt.date(2026, 12, 10),
        status=Review.Status.DONE if done else Review.Status.IN_PROGRESS,
    )


def _panel(html: str, title: str) -> str:
    found = re.search(rf"<h2[^>]*>{re.escape(title)}</h2>(.*?)</section>", html, re.S)
    assert found, f"no panel {title!r}"
    return found.group(1)


@pytest.fixture
def board_work(world):
    own = world.own
    culture_admin = own.other_board.children.create(
        organisation=own.organisation,
        name="Kulturförvaltningen",
        kind="administration",
    )
    return {
        "answered": _demand(
            world,
            "Könsuppdelad statistik i hemtjänsten",
            raised_for=own.board,
            unit=own.administration,
            answered=True,
        ),
        "overdue": _demand(
            world,
            "Brukarundersökning per kön",
            raised_for=own.board,
            unit=own.administration,
            overdue=True,
        ),
        "others": _demand(
            world,
            "Bidrag till föreningar per kön",
            raised_for=own.other_board,
            unit=culture_admin,
            answered=True,
        ),
        "body": _demand(
            world,
            "Jämställdhetsutskottets fråga",
            raised_for=own.body,
            unit=own.administration,
            answered=True,
        ),
        "document": _decision_document(
            world, "Tjänsteskrivelse om hemtjänstens timmar", unit=own.administration
        ),
        "done": _decision_document(
            world, "Tjänsteskrivelse som är granskad", unit=own.board, done=True
        ),
        "others_document": _decision_document(
            world, "Tjänsteskrivelse om biblioteken", unit=culture_admin
        ),
    }


def test_the_board_politician_sees_their_boards_work(client_for, world, board_work):
    html = (
        client_for("board_politician").get(reverse("dashboard:home")).content.decode()
    )
    demands = _panel(html, "Nämndens efterfrågningar att följa upp")
    answered, overdue = board_work["answered"], board_work["overdue"]
    assert f'<a href="{answered.get_absolute_url()}">{answered.title}</a>' in demands
    assert "Socialförvaltningen har svarat" in demands
    assert f'<a href="{overdue.get_absolute_url()}">{overdue.title}</a>' in demands
    assert "försenad sedan" in demands
    assert board_work["others"].title not in html  # another board's: hidden
    assert board_work["body"].title not in demands  # the body's: not theirs to assess
    assert reverse("boards:mine") in demands
    documents = _panel(html, "Beslutsunderlag under granskning")
    document = board_work["document"]
    assert f'<a href="{document.get_absolute_url()}">{document.title}</a>' in documents
    assert "Socialförvaltningen, beslutas 10 december 2026" in documents
    assert board_work["done"].title not in documents
    assert board_work["others_document"].title not in html


def test_the_panels_follow_the_links_to_pages_the_board_politician_may_open(
    client_for, world, board_work
):
    client = client_for("board_politician")
    html = client.get(reverse("dashboard:home")).content.decode()
    for title in (
        "Nämndens efterfrågningar att följa upp",
        "Beslutsunderlag under granskning",
    ):
        for url in re.findall(r'href="([^"]+)"', _panel(html, title)):
            assert client.get(url, follow=True).status_code == 200, url


def test_other_roles_do_not_get_the_board_panels(client_for, world, board_work):
    for role in ("reader", "politician", "manager", "strategist"):
        html = client_for(role).get(reverse("dashboard:home")).content.decode()
        assert "Nämndens efterfrågningar att följa upp" not in html, role


def test_a_board_politician_without_a_board_is_told_how_to_get_one(client, world):
    user = User.objects.create_user(username="u-utan-namnd", password="pw-test-123456")
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.BOARD_POLITICIAN
    )
    client.force_login(user)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "Du företräder ännu ingen nämnd." in html


def _queries(world) -> int:
    user = User.objects.get(pk=world.user("board_politician").pk)  # no cached roles
    with CaptureQueriesContext(connection) as queries:
        selectors._board_panels(
            user=user,
            organisation=world.own.organisation,
            roles=frozenset({Role.BOARD_POLITICIAN}),
            today=timezone.localdate(),
        )
    return len(queries)


def test_the_panels_take_a_fixed_number_of_queries(world, board_work):
    few = _queries(world)
    own = world.own
    for n in range(3):
        _demand(
            world,
            f"Fråga {n}",
            raised_for=own.board,
            unit=own.administration,
            answered=True,
        )
        _decision_document(world, f"Tjänsteskrivelse {n}", unit=own.board)
    RoleAssignment.objects.get(
        user=world.user("board_politician"), role=Role.BOARD_POLITICIAN
    ).units.set([own.company])
    assert _queries(world) == few


def test_the_menu_shows_a_board_politician_what_they_can_open(client_for, world):
    html = (
        client_for("board_politician").get(reverse("dashboard:home")).content.decode()
    )
    nav = NAV.search(html).group(0)
    links = re.findall(r'<a href="([^"]+)"', nav)
    for name in ("indicators:list", "cases:list", "reports:index", "surveys:list"):
        assert reverse(name) in links, name
    assert reverse("members:person_list") in links
    assert reverse("boards:mine") in links
    # Every board side by side is the body's view.
    assert reverse("boards:overview") not in links
