"""Meeting paragraph → demand: "Uppdrag till nämnd" opens the demand form prefilled
from the agenda item and the demand keeps the paragraph."""

import datetime as dt
from html import unescape

from django.urls import reverse
from django.utils import timezone

from jamkoll.meetings.models import AgendaItem
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.result_requests.models import ResultRequest

CREATE = "result_requests:create"


def _item(org_world):
    meeting = make_meeting(org_world, held_on=dt.date(2027, 3, 10))
    return AgendaItem.objects.create(
        meeting=meeting,
        position=4,
        paragraph=12,
        title="Könsuppdelad statistik i hemtjänsten",
        decision="Socialnämnden får i uppdrag att redovisa statistiken uppdelad på kön.",
    )


def test_raising_a_demand_from_a_paragraph_round_trip(client_for, world):
    item = _item(world.own)
    client = client_for("strategist")
    url = f"{reverse(CREATE)}?agenda_item={item.pk}&unit={world.own.board.pk}"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == "Könsuppdelad statistik i hemtjänsten"
    assert form.initial["addressees"] == [world.own.board.pk]
    assert "§ 12" in form.initial["question"]
    assert "redovisa statistiken uppdelad på kön" in form.initial["question"]

    due = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    response = client.post(
        url,
        {
            "addressees": [world.own.board.pk],
            "title": form.initial["title"],
            "question": form.initial["question"],
            "occasion": "other",
            "due_on": due,
            "send": "1",
        },
    )
    assert response.status_code == 302
    demand = item.demands.get()
    assert demand.addressed_to == world.own.board
    detail = unescape(client.get(demand.get_absolute_url()).content.decode())
    assert "Beslutat vid" in detail
    assert "§ 12" in detail
    assert f"{item.meeting.get_absolute_url()}#item-{item.pk}" in detail


def test_an_item_of_another_organisation_or_not_editable_is_refused(client_for, world):
    foreign = _item(world.other)
    client = client_for("strategist")
    url = f"{reverse(CREATE)}?agenda_item={foreign.pk}"
    response = client.get(url)
    assert "hittades inte" in unescape(response.content.decode())
    assert "title" not in response.context["form"].initial
    due = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    response = client.post(
        url,
        {
            "addressees": [world.own.board.pk],
            "title": "Uppdrag",
            "question": "Redovisa",
            "occasion": "other",
            "due_on": due,
        },
    )
    assert response.status_code == 400
    assert not ResultRequest.objects.exists()

    # Politicians raise demands but do not keep the minutes: no prefill from an item.
    own = _item(world.own)
    response = client_for("politician").get(f"{reverse(CREATE)}?agenda_item={own.pk}")
    assert response.status_code == 200
    assert "title" not in response.context["form"].initial
