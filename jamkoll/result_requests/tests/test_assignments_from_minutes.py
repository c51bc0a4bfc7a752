"""Assignments to a board, administration or company are demands raised at the
meeting (ADR 0003): the addressed unit's manager sees them, the minutes list them."""

import datetime as dt
import io
import zipfile

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.meetings.models import AgendaItem
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.result_requests.tests.factories import raise_demand


@pytest.fixture
def item(world):
    meeting = make_meeting(world.own, held_on=timezone.localdate())
    return AgendaItem.objects.create(
        meeting=meeting,
        position=4,
        title="Väntetider i hemtjänsten",
        decision="Beredningen ger socialnämnden i uppdrag att analysera väntetiderna.",
    )


def _text(html: bytes | str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _manager_of(world, unit, name: str) -> User:
    user = User.objects.create_user(username=name, password="pw-test-123456")
    assignment = RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.MANAGER
    )
    assignment.units.set([unit])
    return user


def test_the_manager_of_the_addressed_board_sees_the_demand_raised_at_the_meeting(
    world, client, item
):
    demand = raise_demand(
        world.own,
        world.user("strategist"),
        title="Analys av väntetider i hemtjänsten",
        agenda_item=item,
    )
    assert list(item.demands.all()) == [demand]
    client.force_login(_manager_of(world, world.own.board, "chef-social"))
    assert demand.title in _text(client.get(reverse("result_requests:list")).content)
    assert client.get(demand.get_absolute_url()).status_code == 200
    client.force_login(_manager_of(world, world.own.other_board, "chef-kultur"))
    assert demand.title not in _text(
        client.get(reverse("result_requests:list")).content
    )
    assert client.get(demand.get_absolute_url()).status_code == 404


def test_the_item_lists_its_demands_with_addressee_due_date_and_status(
    world, client_for, item
):
    raise_demand(
        world.own,
        world.user("strategist"),
        title="Analys av väntetider i hemtjänsten",
        agenda_item=item,
        due_on=dt.date(2099, 10, 13),
    )
    text = _text(
        client_for("reader")
        .get(reverse("meetings:detail", args=[item.meeting.pk]))
        .content
    )
    assert (
        "Analys av väntetider i hemtjänsten – Socialnämnden, "
        "svar senast 13 oktober 2099 Skickad"
    ) in text


def test_the_minutes_in_word_list_the_demands_of_the_item(world, client_for, item):
    raise_demand(
        world.own,
        world.user("strategist"),
        title="Analys av väntetider i hemtjänsten",
        agenda_item=item,
        due_on=dt.date(2099, 10, 13),
    )
    response = client_for("strategist").get(
        reverse("meetings:minutes_docx", args=[item.meeting.pk])
    )
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        body = archive.read("word/document.xml").decode()
    for text in (
        "Uppdrag till nämnder, förvaltningar och bolag under § 4",
        "Analys av väntetider i hemtjänsten",
        "Socialnämnden",
        "13 oktober 2099",
    ):
        assert text in body


def test_the_minutes_link_opens_the_demand_form_prefilled_from_the_item(
    world, client, item
):
    """Round trip: from the link on the minutes to the prefilled demand form, saved,
    to the board's manager and back on the minutes."""
    client.force_login(world.user("strategist"))
    detail = client.get(reverse("meetings:detail", args=[item.meeting.pk])).content
    [link] = [
        a.get("href")
        for a in lxml.html.fromstring(detail).iter("a")
        if " ".join(a.text_content().split()).startswith(
            "Ge en nämnd, förvaltning eller ett bolag ett uppdrag"
        )
    ]
    response = client.get(link)
    assert response.status_code == 200
    form = lxml.html.fromstring(response.content)
    [title] = form.xpath("//input[@name='title']")
    assert title.get("value") == "Väntetider i hemtjänsten"
    [question] = form.xpath("//textarea[@name='question']")
    assert "§ 4" in question.text_content()
    assert (
        "Beredningen ger socialnämnden i uppdrag att analysera väntetiderna."
        in question.text_content()
    )
    response = client.post(
        link,
        {
            "addressees": [world.own.board.pk],
            "title": title.get("value"),
            "question": question.text_content(),
            "occasion": "budget_dialogue",
            "due_on": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    [demand] = item.demands.all()
    assert demand.addressed_to == world.own.board
    client.force_login(_manager_of(world, world.own.board, "chef-social"))
    assert "Väntetider i hemtjänsten" in _text(
        client.get(reverse("result_requests:list")).content
    )
    text = _text(client.get(reverse("meetings:detail", args=[item.meeting.pk])).content)
    assert "Väntetider i hemtjänsten – Socialnämnden" in text
