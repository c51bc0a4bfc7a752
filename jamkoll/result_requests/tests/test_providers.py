import datetime as dt

from django.urls import reverse

from jamkoll.meetings import suggestions, yearwheel
from jamkoll.meetings.models import CalendarFeed
from jamkoll.result_requests.models import Status
from jamkoll.result_requests.tests import factories


def test_open_demands_appear_in_the_year_wheel_and_other_organisations_do_not(world):
    demand = factories.raise_demand(
        world.own,
        world.user("strategist"),
        unit=world.own.board,
        title="Könsuppdelad statistik",
    )
    factories.raise_demand(
        world.other, unit=world.other.board, title="Annan kommuns fråga"
    )
    events = yearwheel.events_for_year(
        organisation=world.own.organisation,
        year=demand.due_on.year,
        user=world.user("strategist"),
    )
    titles = [e.title for e in events if e.category == "demand"]
    assert titles == ["Svar senast: Könsuppdelad statistik (Socialnämnden)"]
    [event] = [e for e in events if e.category == "demand"]
    assert event.date == demand.due_on
    assert event.uid == f"result_requests.resultrequest.{demand.pk}.due"


def test_answered_and_overdue_demands_are_suggested_for_the_agenda(world):
    answered = factories.raise_demand(world.own, unit=world.own.board, title="Besvarad")
    answered.status = Status.ANSWERED
    answered.save()
    factories.raise_demand(world.own, unit=world.own.board, title="Ny och öppen")
    found = [
        s
        for s in suggestions.collect(
            world.own.organisation,
            dt.date(2026, 11, 23),
            user=world.user("strategist"),
        )
        if s.source_ref.startswith("result_requests.")
    ]
    assert [s.title for s in found] == ["Besvarad (Socialnämnden)"]
    assert found[0].kind == "Svar att bedöma"


def _demands_to_two_boards(world):
    mine = factories.raise_demand(
        world.own, unit=world.own.board, title="Socialnämndens fråga"
    )
    theirs = factories.raise_demand(
        world.own, unit=world.own.other_board, title="Kulturnämndens fråga"
    )
    for demand in (mine, theirs):
        demand.status = Status.OVERDUE
        demand.save()
    return mine, theirs


def test_a_manager_s_year_wheel_shows_only_demands_to_the_managed_board(
    client_for, world
):
    mine, theirs = _demands_to_two_boards(world)
    url = reverse("meetings:year_wheel") + f"?year={mine.due_on.year}"
    manager_html = client_for("manager").get(url).content.decode()
    assert "Socialnämndens fråga" in manager_html
    assert mine.get_absolute_url() in manager_html
    assert "Kulturnämndens fråga" not in manager_html
    strategist_html = client_for("strategist").get(url).content.decode()
    assert theirs.get_absolute_url() in strategist_html


def test_a_manager_s_calendar_feed_shows_only_demands_to_the_managed_board(
    client, world
):
    _demands_to_two_boards(world)
    feed = CalendarFeed.objects.create(
        user=world.user("manager"),
        organisation=world.own.organisation,
        token_hash=CalendarFeed.hash_token("chefens-hemliga-token"),
    )
    assert feed.pk
    body = client.get(reverse("meetings:calendar_feed", args=["chefens-hemliga-token"]))
    text = body.content.decode()
    assert "Socialnämndens fråga" in text
    assert "Kulturnämndens fråga" not in text


def test_agenda_suggestions_contain_only_what_the_asker_may_open(world):
    mine, _ = _demands_to_two_boards(world)
    today = mine.due_on + dt.timedelta(days=1)

    def titles(role):
        return {
            s.title
            for s in suggestions.collect(
                world.own.organisation, today, user=world.user(role)
            )
            if s.source_ref.startswith("result_requests.")
        }

    assert titles("manager") == {"Socialnämndens fråga (Socialnämnden)"}
    assert titles("strategist") == {
        "Socialnämndens fråga (Socialnämnden)",
        "Kulturnämndens fråga (Kulturnämnden)",
    }


def test_a_unit_page_links_to_its_demands_only_for_those_who_may_open_them(
    client_for, world
):
    link = reverse("result_requests:unit", args=[world.own.other_board.pk])
    page = reverse("organisations:unit_detail", args=[world.own.other_board.pk])
    assert link in client_for("strategist").get(page).content.decode()
    manager = client_for("manager")
    assert link not in manager.get(page).content.decode()
    assert manager.get(link).status_code == 403
    own_board = reverse("organisations:unit_detail", args=[world.own.board.pk])
    own_link = reverse("result_requests:unit", args=[world.own.board.pk])
    assert own_link in manager.get(own_board).content.decode()
    assert manager.get(own_link).status_code == 200
    council = reverse("organisations:unit_detail", args=[world.own.council.pk])
    assert (
        "/efterfragningar/enhet/"
        not in client_for("strategist").get(council).content.decode()
    )
