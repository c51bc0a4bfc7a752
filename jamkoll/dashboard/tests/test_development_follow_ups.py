"""The hand-off from a recorded KS/KF decision to the dashboard panel
"Beslutade utvecklingsområden att följa upp"."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role
from jamkoll.dashboard.selectors import attention
from jamkoll.reports.tests.test_decisions import _decide, adopted_area

PANEL = "Beslutade utvecklingsområden att följa upp"


@pytest.fixture
def area(world):
    return adopted_area(world)


def _panel(user, organisation):  # type: ignore[no-untyped-def]
    return next(
        (
            p
            for p in attention(user=user, organisation=organisation)
            if p.title == PANEL
        ),
        None,
    )


@pytest.mark.parametrize("role", [Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN])
def test_a_decided_area_in_follow_up_is_on_the_body_side_dashboard(world, area, role):
    due = timezone.localdate() - dt.timedelta(days=1)
    _decide(world, area, due_on=due, today=timezone.localdate())

    panel = _panel(world.user(role), world.own.organisation)

    assert [(i.text, i.url) for i in panel.items] == [
        (
            "Könsuppdelad statistik i verksamhetsplanerna",
            reverse("reports:area_detail", args=[area.pk]),
        )
    ]
    assert panel.items[0].note.startswith("Socialnämnden, försenad sedan ")


@pytest.mark.parametrize("role", [Role.MANAGER, Role.READER])
def test_managers_and_readers_have_no_follow_up_panel(world, area, role):
    _decide(world, area, today=timezone.localdate())

    assert _panel(world.user(role), world.own.organisation) is None


def test_the_other_organisations_follow_ups_stay_out(world, area):
    _decide(world, area, today=timezone.localdate())

    panel = _panel(world.outsider, world.other.organisation)

    assert panel.items == []
