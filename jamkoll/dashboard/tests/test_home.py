import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.cases.models import Case
from jamkoll.meetings.models import Meeting


def _meeting(org_world, days, title):
    return Meeting.objects.create(
        organisation=org_world.organisation,
        body=org_world.body,
        title=title,
        held_on=timezone.localdate() + dt.timedelta(days=days),
        starts_at=dt.time(13, 0),
    )


def _case(org_world, number, days):
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number=number,
        title=f"Ärende {number}",
        deciding_body=org_world.council,
        meeting_on=timezone.localdate() + dt.timedelta(days=days),
    )


@pytest.mark.parametrize("role", ["politician", "strategist", "admin"])
def test_the_body_sees_its_coming_meetings_but_not_past_or_foreign_ones(
    client_for, world, role
):
    _meeting(world.own, 5, "Nästa sammanträde")
    _meeting(world.own, -5, "Förra sammanträdet")
    _meeting(world.other, 5, "Annan kommuns sammanträde")
    html = client_for(role).get(reverse("dashboard:home")).content.decode()
    assert "Kommande sammanträden" in html
    assert "Nästa sammanträde" in html
    assert "Förra sammanträdet" not in html
    assert "Annan kommuns sammanträde" not in html


@pytest.mark.parametrize("role", ["manager", "reader"])
def test_managers_and_readers_get_no_meeting_or_case_panels(client_for, world, role):
    html = client_for(role).get(reverse("dashboard:home")).content.decode()
    assert "Kommande sammanträden" not in html
    assert "Ärenden att bereda" not in html


def test_strategist_sees_council_cases_to_prepare(client_for, world):
    _case(world.own, "KS 2026/101", 10)
    _case(world.own, "KS 2026/099", -10)
    _case(world.other, "KS 2026/555", 10)
    html = client_for("strategist").get(reverse("dashboard:home")).content.decode()
    assert "KS 2026/101" in html
    assert "KS 2026/099" not in html
    assert "KS 2026/555" not in html


def test_dashboard_query_count_does_not_grow_with_content(
    client_for, world, django_assert_max_num_queries
):
    client = client_for("strategist")
    for i in range(3):
        _meeting(world.own, i + 1, f"Möte {i}")
        _case(world.own, f"KS 2026/{i}", i + 1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboard:home"))
    for i in range(3, 30):
        _meeting(world.own, i + 1, f"Möte {i}")
        _case(world.own, f"KS 2026/{i}", i + 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("dashboard:home"))
