"""Demands show their dates the Swedish way: "8 november 2030", never "8 Nov 2030"."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from jamkoll.result_requests import notifications
from jamkoll.result_requests.models import Reminder
from jamkoll.result_requests.tests.factories import raise_demand

DUE = dt.date(2030, 11, 8)


def test_the_list_shows_the_due_date_in_words_and_keeps_iso_for_machines(
    client_for, world
):
    raise_demand(world.own, due_on=DUE)

    page = (
        client_for("strategist").get(reverse("result_requests:list")).content.decode()
    )

    assert '<time datetime="2030-11-08">8 november 2030</time>' in page
    assert "8 Nov 2030" not in page


def test_the_demand_mail_gives_the_due_date_in_words(world):
    demand = raise_demand(world.own, due_on=DUE)

    subject, body = notifications.render_message(
        Reminder.Kind.DUE_SOON, demand, today=timezone.localdate()
    )

    assert "8 november 2030" in subject
    assert "8 november 2030" in body
    assert "2030-11-08" not in body
    assert "Nov" not in body
