"""Counts of cases agree in number: "1 ärende", "2 ärenden"."""

import datetime as dt

from jamkoll.cases.models import Case
from jamkoll.cases.providers import council_meetings


def _case(org_world, number: str, meeting_on: dt.date) -> Case:
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number=number,
        title="Taxor för förskolan",
        deciding_body=org_world.council,
        meeting_on=meeting_on,
        preparation=Case.Preparation.PREPARED,
    )


def test_council_meeting_events_count_one_case_and_two_cases(world):
    _case(world.own, "KF 2026/0001", dt.date(2026, 3, 16))
    _case(world.own, "KF 2026/0002", dt.date(2026, 6, 15))
    _case(world.own, "KF 2026/0003", dt.date(2026, 6, 15))

    titles = [
        event.title
        for event in council_meetings(
            world.own.organisation, 2026, user=world.user("strategist")
        )
    ]

    assert titles == [
        "Kommunfullmäktige sammanträder (1 ärende)",
        "Kommunfullmäktige sammanträder (2 ärenden)",
    ]
