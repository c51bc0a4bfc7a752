import datetime as dt

from jamkoll.meetings import suggestions, yearwheel
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
        organisation=world.own.organisation, year=demand.due_on.year
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
        for s in suggestions.collect(world.own.organisation, dt.date(2026, 11, 23))
        if s.source_ref.startswith("result_requests.")
    ]
    assert [s.title for s in found] == ["Besvarad (Socialnämnden)"]
    assert found[0].kind == "Svar att bedöma"


def test_managers_see_due_dates_in_the_year_wheel_without_links_they_cannot_open(
    client_for, world
):
    from django.urls import reverse

    demand = factories.raise_demand(
        world.own, unit=world.own.company, title="Bolagets fråga"
    )
    url = reverse("meetings:year_wheel") + f"?year={demand.due_on.year}"
    manager_html = client_for("manager").get(url).content.decode()
    assert "Bolagets fråga" in manager_html
    assert demand.get_absolute_url() not in manager_html
    politician_html = client_for("politician").get(url).content.decode()
    assert demand.get_absolute_url() in politician_html
