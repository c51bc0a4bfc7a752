"""The body's view of all boards, a board's page and "my board", through HTTP."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from jamkoll.accounts.models import Role, RoleAssignment
from jamkoll.boards.tests import factories as f
from jamkoll.boards.tests.test_selectors import _constructed_year
from jamkoll.members.models import Membership

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _overview(client, **query):  # type: ignore[no-untyped-def]
    query.setdefault("year", 2026)
    return client.get(reverse("boards:overview"), query)


def _board_names(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body)


def test_overview_shows_every_board_with_its_figures_and_the_trend_in_words(
    world, client_for
):
    _constructed_year(world)

    response = _overview(client_for("strategist"))

    assert response.status_code == 200
    html = response.content.decode()
    assert _board_names(html) == ["Bostads AB", "Kulturnämnden", "Socialnämnden"]
    social = reverse("boards:detail", args=[world.own.board.pk])
    assert f'href="{social}?year=2026">Socialnämnden</a>' in html
    # 2 of 4 answered on time, up from 40 % (2 of 5) the year before.
    assert f"50{NBSP}%" in html
    assert "(2 av 4)" in html
    assert f"upp från 40{NBSP}%" in html
    # Self-assessment 3,5 up from 2; development needs down from 3.
    assert "3,5" in html
    assert "upp från 2</span>" in html
    assert "ned från 3</span>" in html
    assert "ingen jämförelse" in html
    assert "Så räknas värdena" in html


def test_overview_sorts_by_any_column_and_says_so_with_aria_sort(world, client_for):
    _constructed_year(world)
    client = client_for("reader")

    html = _overview(client, sort="needs", dir="desc").content.decode()

    assert _board_names(html)[0] == "Socialnämnden"
    header = re.search(
        r'<th scope="col" class="num" aria-sort="descending">.*?</th>', html, re.S
    )
    assert header
    assert "Öppna utvecklingsbehov" in header.group(0)
    assert html.count("aria-sort=") == 1
    # The sorted column's link turns the direction around.
    assert "sort=needs&amp;dir=asc" in header.group(0)

    html = _overview(client, sort="board", dir="desc").content.decode()
    assert _board_names(html) == ["Socialnämnden", "Kulturnämnden", "Bostads AB"]
    # An unknown column or direction falls back to the names in order.
    html = _overview(client, sort="drop table", dir="sideways").content.decode()
    assert _board_names(html) == ["Bostads AB", "Kulturnämnden", "Socialnämnden"]
    assert 'aria-sort="ascending"' in html


def test_overview_is_for_the_body_and_readers_not_managers_or_board_politicians(
    world, client_for
):
    assert _overview(client_for("politician")).status_code == 200
    assert _overview(client_for("manager")).status_code == 403
    assert _overview(client_for("board_politician")).status_code == 403
    export = reverse("boards:overview_xlsx")
    assert client_for("board_politician").get(export).status_code == 403


def test_export_writes_the_figures_as_numbers(world, client_for):
    _constructed_year(world)

    response = client_for("strategist").get(
        reverse("boards:overview_xlsx"), {"year": 2026}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="namnder-2026.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    social = next(r for r in rows[1:] if r[0] == "Socialnämnden")
    values = dict(zip(header, social, strict=True))
    assert values["Ställda efterfrågningar"] == 4
    assert values["Ställda efterfrågningar, föregående år"] == 5
    assert values["Besvarade i tid"] == 0.5
    assert values["Besvarade i tid, föregående år"] == 0.4
    assert values["Besvarade i tid, utveckling"] == f"upp från 40{NBSP}%"
    assert values["Med könsuppdelad statistik"] == 0.4
    assert values["Med konsekvenser för kvinnor och män"] == 0.2
    assert values["Med könsuppdelad statistik, föregående år"] is None
    assert values["Självskattad nivå (1–4)"] == 3.5
    assert values["Öppna utvecklingsbehov"] == 2


def test_board_page_shows_the_boards_own_work_to_its_board_politician(
    world, client_for
):
    _constructed_year(world)
    f.demand(
        world.own.other_board,
        world.own.administration,
        world.user("strategist"),
        due_on=dt.date(2026, 6, 1),
        title="Kulturnämndens efterfrågan",
    )
    client = client_for("board_politician")

    response = client.get(
        reverse("boards:detail", args=[world.own.board.pk]), {"year": 2026}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Socialnämnden 2026</h1>" in html
    assert "Könsuppdelad statistik i verksamhetsplanen" in html
    assert "Kulturnämndens efterfrågan" not in html
    assert "Tjänsteskrivelse 2026" in html
    assert "Självskattning Socialnämnden 2026" in html
    assert f"upp från 40{NBSP}%" in html
    page = response.context["page"]
    assert len(page.demands) == 4
    assert len(page.decision_documents) == 5
    assert [score for _review, score in page.self_assessments] == [3.5, 1.0, 2.0]
    assert len(page.needs) == 2


def test_board_page_of_another_board_or_organisation_is_hidden(world, client_for):
    client = client_for("board_politician")
    other_board = reverse("boards:detail", args=[world.own.other_board.pk])
    other_org = reverse("boards:detail", args=[world.other.board.pk])
    assert client.get(other_board).status_code == 404
    assert client.get(other_org).status_code == 404
    # The manager answers for Socialnämnden: its page yes, Kulturnämnden's not.
    manager = client_for("manager")
    assert (
        manager.get(reverse("boards:detail", args=[world.own.board.pk])).status_code
        == 200
    )
    assert manager.get(other_board).status_code == 404


def test_raise_link_opens_the_demand_form_on_behalf_of_the_board(world, client_for):
    client = client_for("board_politician")
    html_response = client.get(reverse("boards:detail", args=[world.own.board.pk]))
    link = html_response.context["raise_url"]
    assert link

    form = client.get(link).context["form"]

    assert str(form["raised_for"].value()) == str(world.own.board.pk)


def test_review_link_opens_a_decision_document_for_the_board(world, client_for):
    client = client_for("board_politician")
    page = client.get(reverse("boards:detail", args=[world.own.board.pk]))
    link = page.context["create_review_url"]
    assert link

    form = client.get(link).context["form"]

    assert str(form["unit"].value()) == str(world.own.board.pk)
    assert form["document_type"].value() == "decision_document"


def test_my_board_takes_a_board_politician_to_their_board(world, client_for):
    client = client_for("board_politician")

    response = client.get(reverse("boards:mine"))

    assert response.status_code == 302
    assert response["Location"] == reverse("boards:detail", args=[world.own.board.pk])


def test_my_board_lists_the_boards_of_a_politician_in_several(world, client_for):
    user = world.user("board_politician")
    assignment = RoleAssignment.objects.get(
        user=user, organisation=world.own.organisation, role=Role.BOARD_POLITICIAN
    )
    assignment.units.add(world.own.other_board)
    client = client_for("board_politician")

    response = client.get(reverse("boards:mine"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kulturnämnden" in html
    assert "Socialnämnden" in html


def test_my_board_without_any_board_says_how_one_becomes_yours(world, client_for):
    Membership.objects.filter(person__user=world.user("board_politician")).delete()

    response = client_for("board_politician").get(reverse("boards:mine"))

    assert response.status_code == 200
    assert "Du företräder ännu ingen nämnd" in response.content.decode()


def test_my_board_is_for_board_politicians_only(world, client_for):
    assert client_for("strategist").get(reverse("boards:mine")).status_code == 403


def _add_board(world, name: str) -> None:  # type: ignore[no-untyped-def]
    from jamkoll.organisations.models import Unit

    board = Unit.objects.create(
        organisation=world.own.organisation,
        name=name,
        kind=Unit.Kind.BOARD,
        parent=world.own.council,
    )
    administration = Unit.objects.create(
        organisation=world.own.organisation,
        name=f"{name} förvaltning",
        kind=Unit.Kind.ADMINISTRATION,
        parent=board,
    )
    f.demand(
        board, administration, world.user("strategist"), due_on=dt.date(2026, 4, 1)
    )
    f.decision_document(administration, 2026, "yes", "no")
    f.need(administration, 2026)


def test_pages_take_as_many_queries_for_many_boards_as_for_few(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _constructed_year(world)
    client = client_for("strategist")
    board_page = reverse("boards:detail", args=[world.own.board.pk])

    def count(url: str) -> int:
        client.get(url)  # warm the session and role caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = (count(reverse("boards:overview")), count(board_page))
    for name in ("Miljönämnden", "Tekniska nämnden", "Fritidsnämnden"):
        _add_board(world, name)
    many = (count(reverse("boards:overview")), count(board_page))

    assert many == few
