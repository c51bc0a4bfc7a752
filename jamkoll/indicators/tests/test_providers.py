import datetime as dt

from jamkoll.indicators.models import Action
from jamkoll.meetings import yearwheel


def _action(org_world, title, status=Action.Status.PLANNED):
    return Action.objects.create(
        organisation=org_world.organisation,
        title=title,
        owner=org_world.board,
        due_on=dt.date(2026, 9, 30),
        status=status,
    )


def test_open_actions_appear_in_the_year_wheel(world):
    _action(world.own, "Könsuppdela brukarstatistiken")
    _action(world.own, "Klar åtgärd", Action.Status.DONE)
    _action(world.other, "Annan kommuns åtgärd")
    events = [
        e
        for e in yearwheel.events_for_year(
            organisation=world.own.organisation, year=2026, user=world.user("reader")
        )
        if e.category == "action"
    ]
    assert [e.title for e in events] == [
        "Åtgärd klar senast: Könsuppdela brukarstatistiken (Socialnämnden)"
    ]
    assert events[0].date == dt.date(2026, 9, 30)
