"""Each person's dashboard shows their own work first, and nobody else's."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.cases.models import Case
from jamkoll.meetings.models import AgendaItem, Decision, DialogueQuestion, Meeting
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Person
from jamkoll.result_requests.models import ResultRequest
from jamkoll.result_requests.tests.factories import raise_demand

TODAY = timezone.localdate()
CARDS = re.compile(r'<div class="cards">.*</div>', re.S)


def _days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def _home(client) -> str:
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    return response.content.decode()


def _panel_links(html: str) -> list[str]:
    cards = CARDS.search(html)
    assert cards
    return re.findall(r'<a (?:class="[^"]*" )?href="([^"]+)"', cards.group(0))


def _case(org_world, number: str, days: int) -> Case:
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number=number,
        title=f"Ärende {number}",
        deciding_body=org_world.council,
        meeting_on=_days(days),
    )


def _item(org_world, days: int = -30) -> AgendaItem:
    meeting = make_meeting(org_world, held_on=_days(days))
    return AgendaItem.objects.create(
        meeting=meeting, position=4, title="Uppföljning av handlingsplanen"
    )


def _assignment(org_world, text: str, due_in: int, owner=None) -> Decision:
    return Decision.objects.create(
        organisation=org_world.organisation,
        agenda_item=_item(org_world),
        text=text,
        owner=owner or org_world.person,
        due_on=_days(due_in),
    )


def _overdue_demand(org_world, title: str, unit) -> ResultRequest:
    demand = raise_demand(org_world, unit=unit, title=title)
    ResultRequest.objects.filter(pk=demand.pk).update(due_on=_days(-3))
    return demand


def _dialogue(org_world, unit, question: str, days: int = 10) -> Meeting:
    meeting = make_meeting(
        org_world,
        held_on=_days(days),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=unit,
        title=f"Dialogmöte med {unit.name}",
        questions_sent_on=TODAY,
    )
    DialogueQuestion.objects.create(meeting=meeting, text=question)
    return meeting


def _politician(world, username: str) -> User:
    user = User.objects.create_user(username=username, password="pw-test-123456")
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.POLITICIAN
    )
    return user


@pytest.fixture
def year(world):
    """A body's autumn: cases, overdue work and dialogue questions to two boards, and
    the same in the other organisation."""
    own, other = world.own, world.other
    _case(own, "KS 2026/101", 10)
    _case(other, "KS 2026/555", 10)
    _assignment(own, "Ta fram könsuppdelad statistik för hemtjänsten", -5)
    _assignment(other, "Annan kommuns uppdrag", -5)
    _overdue_demand(own, "Statistik från socialnämnden", own.board)
    _overdue_demand(own, "Statistik från kulturnämnden", own.other_board)
    _overdue_demand(other, "Annan kommuns efterfrågan", other.board)
    raise_demand(
        own,
        unit=own.board,
        title="Uppdrag: analysera väntetider",
        agenda_item=_item(own, days=-10),
    )
    _dialogue(own, own.board, "Hur fördelas bistånd mellan kvinnor och män?")
    _dialogue(
        own, own.other_board, "Hur fördelas kulturstöd mellan flickor och pojkar?"
    )
    # The chair of the body is the politician linked to the chair's person.
    Person.objects.filter(pk=own.person.pk).update(user=world.user("politician"))
    return world


def test_a_manager_sees_only_what_their_units_are_to_answer(client_for, year):
    html = _home(client_for("manager"))
    assert "Efterfrågningar att besvara" in html
    assert "Statistik från socialnämnden" in html
    assert "Statistik från kulturnämnden" not in html
    assert "Annan kommuns efterfrågan" not in html
    assert "Uppdrag att besvara" in html
    assert html.count("Uppdrag: analysera väntetider") == 1  # not also as a demand
    assert "Dialogfrågor att besvara" in html
    assert "Dialogmöte med Socialnämnden" in html
    assert "1 fråga är obesvarad" in html
    assert "Dialogmöte med Kulturnämnden" not in html
    # Not the body's work.
    for title in ("Ärenden att bereda", "Försenade uppdrag", "Svar att bedöma"):
        assert title not in html
    assert "KS 2026/101" not in html


def test_a_manager_s_own_work_comes_in_order_and_every_link_opens(client_for, year):
    client = client_for("manager")
    html = _home(client)
    order = [
        html.index(t)
        for t in (
            "Efterfrågningar att besvara",
            "Uppdrag att besvara",
            "Dialogfrågor att besvara",
        )
    ]
    assert order == sorted(order)
    links = _panel_links(html)
    assert (
        reverse(
            "meetings:dialogue_answers",
            args=[Meeting.objects.get(counterpart=year.own.board).pk],
        )
        in links
    )
    for url in links:
        assert client.get(url).status_code == 200, url


def test_answered_questions_leave_the_manager_s_dashboard(client_for, year):
    DialogueQuestion.objects.filter(meeting__counterpart=year.own.board).update(
        answer="Biståndet fördelas lika."
    )
    html = _home(client_for("manager"))
    assert "Dialogmöte med Socialnämnden" not in html
    assert "dialogmöte med dina enheter" in html  # the empty panel says what comes


def test_the_chair_sees_what_the_body_must_act_on(client_for, year):
    client = client_for("politician")
    html = _home(client)
    assert "KS 2026/101" in html
    assert "KS 2026/555" not in html
    assert "Försenade uppdrag" in html
    assert "Ta fram könsuppdelad statistik för hemtjänsten" in html
    assert "Annan kommuns uppdrag" not in html
    assert "Försenade efterfrågningar" in html
    assert "Statistik från kulturnämnden" in html
    assert "Annan kommuns efterfrågan" not in html
    # The chair's own work first: minutes to sign and their own assignments.
    order = [
        html.index(t)
        for t in (
            "Protokoll att justera",
            "Mina uppdrag",
            "Ärenden att bereda",
            "Försenade uppdrag",
            "Kommande sammanträden",
        )
    ]
    assert order == sorted(order)
    # Not a manager's work.
    assert "Dialogfrågor att besvara" not in html
    for url in _panel_links(html):
        assert client.get(url).status_code == 200, url


def test_a_politician_who_is_not_chair_does_not_get_the_chair_s_panels(client, year):
    client.force_login(_politician(year, "ledamot"))
    html = _home(client)
    assert "Ärenden att bereda" not in html
    assert "Försenade uppdrag" not in html
    assert "Protokoll att justera" in html  # empty, saying what will appear
    assert "utsedd att justera" in html


def test_a_chair_whose_mandate_has_ended_is_no_longer_chair(client_for, year):
    year.own.membership.ends_on = _days(-1)
    year.own.membership.save()
    html = _home(client_for("politician"))
    assert "Ärenden att bereda" not in html


def test_the_chair_s_own_assignments_link_to_their_follow_up(client_for, year):
    mine = _assignment(year.own, "Skriv ordförandens ord", 20)
    html = _home(client_for("politician"))
    assert "Mina uppdrag" in html
    assert reverse("meetings:decision_follow_up", args=[mine.pk]) in html


@pytest.mark.parametrize("role", ["strategist", "admin"])
def test_the_secretary_sees_the_organisation_s_open_work(client_for, year, role):
    html = _home(client_for(role))
    assert "KS 2026/101" in html
    assert "Ta fram könsuppdelad statistik för hemtjänsten" in html
    assert "Statistik från socialnämnden" in html
    assert "Statistik från kulturnämnden" in html
    for foreign in (
        "KS 2026/555",
        "Annan kommuns uppdrag",
        "Annan kommuns efterfrågan",
    ):
        assert foreign not in html
    assert html.index("Ärenden att bereda") < html.index("Kommande sammanträden")


def test_a_reader_gets_no_one_s_work(client_for, year):
    html = _home(client_for("reader"))
    for title in (
        "Ärenden att bereda",
        "Försenade uppdrag",
        "Efterfrågningar att besvara",
        "Dialogfrågor att besvara",
        "Protokoll att justera",
    ):
        assert title not in html


def test_minutes_to_approve_come_first_for_the_approver(client_for, year):
    meeting = make_meeting(year.own, held_on=_days(-7))
    meeting.minutes.approvers.set([year.own.person])
    meeting.minutes.locked_at = timezone.now()
    meeting.minutes.save()
    html = _home(client_for("politician"))
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    assert url in html
    assert _panel_links(html)[0] == url


def _grow(world, start: int, end: int) -> None:
    own = world.own
    for i in range(start, end):
        _case(own, f"KS 2026/{i:03d}", 5 + i)
        _assignment(own, f"Uppdrag {i}", -1 - i)
        _overdue_demand(own, f"Efterfrågan {i}", own.board)
        raise_demand(
            own, unit=own.board, title=f"Uppdrag {i}", agenda_item=_item(own, -i)
        )
        _dialogue(own, own.board, f"Fråga {i}", days=1 + i)


@pytest.mark.parametrize("role", ["strategist", "politician", "manager"])
def test_dashboard_queries_do_not_grow_with_the_work(
    client_for, year, role, django_assert_max_num_queries
):
    client = client_for(role)
    _grow(year, 0, 2)
    _home(client)  # warm caches that are not the dashboard's (sessions, sites)
    with CaptureQueriesContext(connection) as few:
        _home(client)
    _grow(year, 2, 14)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _home(client)
