import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.result_requests.models import Outcome, ResultRequest, Status
from jamkoll.result_requests.tests import factories

TODAY = timezone.localdate


def _many(world, n):
    for i in range(n):
        factories.raise_demand(
            world.own,
            world.user("strategist"),
            unit=world.own.board if i % 2 else world.own.company,
            title=f"Fråga {i}",
        )


@pytest.mark.parametrize(
    ("name", "role", "args"),
    [
        ("result_requests:list", "politician", None),
        ("result_requests:to_answer", "manager", None),
        ("result_requests:to_answer", "strategist", None),
        ("result_requests:to_assess", "politician", None),
        ("result_requests:unit", "politician", "board"),
        ("result_requests:occasion", "reader", None),
        ("result_requests:figures", "reader", None),
    ],
)
def test_list_pages_do_not_query_more_with_more_demands(
    world, client, django_assert_max_num_queries, name, role, args
):
    client.force_login(world.user(role))
    url = reverse(name, args=[world.own.board.pk] if args else None)
    if name == "result_requests:occasion":
        url += "?tillfalle=budget_dialogue"
    _many(world, 10)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _many(world, 190)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    if name == "result_requests:list":
        # 200 demands: the first page shows 50 and says how many there are in all.
        html = response.content.decode()
        assert html.count('<th scope="row"><a href="/efterfragningar/') == 50
        assert "200 efterfrågningar" in html
        assert "Sida 1 av 4" in html


def test_the_demand_list_pages_keep_the_filters(world, client):
    _many(world, 60)
    client.force_login(world.user("politician"))
    response = client.get(reverse("result_requests:list"), {"q": "Fråga", "sida": "2"})
    html = response.content.decode()
    assert html.count('<th scope="row"><a href="/efterfragningar/') == 10
    assert "q=Fr%C3%A5ga&amp;sida=1" in html


def test_manager_sees_only_demands_to_own_units_in_the_list(world, client):
    factories.raise_demand(world.own, unit=world.own.board, title="Till socialnämnden")
    factories.raise_demand(
        world.own, unit=world.own.other_board, title="Till kulturnämnden"
    )
    client.force_login(world.user("manager"))
    content = client.get(reverse("result_requests:list")).content.decode()
    assert "Till socialnämnden" in content
    assert "Till kulturnämnden" not in content


def test_manager_of_board_a_gets_404_for_board_b_and_403_for_its_unit_page(
    world, client
):
    other = factories.raise_demand(world.own, unit=world.own.other_board)
    client.force_login(world.user("manager"))
    assert (
        client.get(reverse("result_requests:detail", args=[other.pk])).status_code
        == 404
    )
    assert (
        client.post(
            reverse("result_requests:reply", args=[other.pk]),
            {"text": "x", "submit": "1"},
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("result_requests:unit", args=[world.own.other_board.pk])
        ).status_code
        == 403
    )


def test_search_and_filter_return_the_htmx_partial(world, client):
    factories.raise_demand(world.own, title="Hemtjänst per kön")
    factories.raise_demand(world.own, title="Idrottsbidrag")
    client.force_login(world.user("reader"))
    response = client.get(
        reverse("result_requests:list") + "?q=hemtj", HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "Hemtjänst per kön" in content
    assert "Idrottsbidrag" not in content
    assert "<html" not in content
    assert "HX-Request" in response["Vary"]


def test_raise_form_with_bad_input_keeps_what_was_typed(world, client):
    client.force_login(world.user("politician"))
    response = client.post(
        reverse("result_requests:create"),
        {
            "title": "Min viktiga fråga",
            "question": "Hur går det?",
            "occasion": "budget_dialogue",
            "due_on": (TODAY() - dt.timedelta(days=2)).isoformat(),
            "addressees": [world.other.board.pk],
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Min viktiga fråga" in content
    assert "Välj ett giltigt alternativ" in content
    assert not ResultRequest.objects.exists()


def test_raise_form_refuses_due_date_in_the_past(world, client):
    client.force_login(world.user("politician"))
    response = client.post(
        reverse("result_requests:create"),
        {
            "title": "Fråga",
            "question": "Hur?",
            "occasion": "budget_dialogue",
            "due_on": (TODAY() - dt.timedelta(days=2)).isoformat(),
            "addressees": [world.own.board.pk],
        },
    )
    assert response.status_code == 400
    assert "Svarsdagen kan inte ligga bakåt i tiden." in response.content.decode()


def test_full_loop_through_the_pages(world, client):
    client.force_login(world.user("politician"))
    response = client.post(
        reverse("result_requests:create"),
        {
            "title": "Statistik",
            "question": "Hur?",
            "occasion": "budget_dialogue",
            "due_on": (TODAY() + dt.timedelta(days=9)).isoformat(),
            "addressees": [world.own.board.pk, world.own.company.pk],
            "evidence_required": ["statistics"],
        },
    )
    assert response.status_code == 302
    result_request = ResultRequest.objects.get(addressed_to=world.own.board)
    client.force_login(world.user("manager"))
    response = client.post(
        reverse("result_requests:reply", args=[result_request.pk]),
        {
            "text": "Här är svaret.",
            "evidence_given": ["statistics"],
            "submit": "1",
            "attachments": [factories.upload("svar.png", factories.png_bytes())],
        },
    )
    assert response.status_code == 302
    client.force_login(world.user("politician"))
    result_request.refresh_from_db()
    stale = result_request.version
    response = client.post(
        reverse("result_requests:assess", args=[result_request.pk]),
        {"outcome": Outcome.INSUFFICIENT, "comment": "Analys saknas", "version": stale},
    )
    assert response.status_code == 302
    client.force_login(world.user("strategist"))
    response = client.post(
        reverse("result_requests:assess", args=[result_request.pk]),
        {"outcome": Outcome.ACCEPTED, "comment": "Bra", "version": stale},
    )
    assert response.status_code == 400
    assert "Någon annan ändrade eller bedömde" in response.content.decode()
    result_request.refresh_from_db()
    assert result_request.outcome == Outcome.INSUFFICIENT
    client.force_login(world.user("politician"))
    response = client.get(reverse("result_requests:detail", args=[result_request.pk]))
    assert "Ställ följdfråga" in response.content.decode()
    assert "svar.png" in response.content.decode()


def test_answer_after_close_shows_a_clear_message(world, client):
    result_request = factories.raise_demand(world.own)
    client.force_login(world.user("manager"))
    client.get(reverse("result_requests:reply", args=[result_request.pk]))
    ResultRequest.objects.filter(pk=result_request.pk).update(status=Status.CLOSED)
    response = client.post(
        reverse("result_requests:reply", args=[result_request.pk]),
        {"text": "Sent svar", "submit": "1"},
    )
    assert response.status_code == 400
    assert "Efterfrågan är stängd" in response.content.decode()
    assert "Sent svar" in response.content.decode()


def test_exports_contain_the_figures(world, client):
    factories.answer(factories.raise_demand(world.own))
    client.force_login(world.user("reader"))
    csv_text = client.get(reverse("result_requests:figures_csv")).content.decode(
        "utf-8-sig"
    )
    assert csv_text.splitlines()[0].startswith("År;Enhet;Ställda")
    assert "Socialnämnden;1;1;1" in csv_text
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(reverse("result_requests:figures_xlsx"))
    sheet = load_workbook(BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][1:5] == ["Socialnämnden", 1, 1, 1]


def test_dashboard_shows_the_demand_panels(world, client):
    answered = factories.answer(
        factories.raise_demand(world.own, title="Att bedöma här")
    )
    factories.raise_demand(world.own, title="Att besvara här")
    client.force_login(world.user("politician"))
    assert "Att bedöma här" in client.get(reverse("dashboard:home")).content.decode()
    client.force_login(world.user("manager"))
    content = client.get(reverse("dashboard:home")).content.decode()
    assert "Att besvara här" in content
    assert (
        answered.title
        not in content.split("Efterfrågningar att besvara")[1].split("</section>")[0]
    )


def test_thread_shows_the_whole_chain(world, client):
    from jamkoll.result_requests import services

    first = factories.assess(
        factories.answer(factories.raise_demand(world.own, title="Första frågan"))
    )
    second = services.raise_follow_up(
        parent=first,
        by=world.user("politician"),
        title="Andra frågan",
        question="Och?",
        occasion="other",
        due_on=TODAY() + dt.timedelta(days=5),
    )
    client.force_login(world.user("reader"))
    content = client.get(
        reverse("result_requests:thread", args=[second.pk])
    ).content.decode()
    content = content.split("<main", 1)[1]
    assert content.index("Första frågan") < content.index("Andra frågan")
