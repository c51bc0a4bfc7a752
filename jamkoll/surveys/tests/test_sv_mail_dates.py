"""The survey e-mails give the closing date the way Swedish is written."""

import datetime as dt

import pytest
from django.core import mail

from jamkoll.surveys import services
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import make_survey


@pytest.mark.django_db(transaction=True)
def test_invitation_gives_the_closing_date_as_day_month_and_year(world):
    seat_people(world.own, 2)
    survey = make_survey(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        opens_on=dt.date(2026, 11, 2),
        closes_on=dt.date(2026, 11, 8),
    )
    services.send_invitations(
        survey=survey, by=world.user("strategist"), today=dt.date(2026, 11, 2)
    )

    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert "Svara via din personliga länk senast 8 november 2026:" in body
    assert "2026-11-08" not in body
    assert "Nov" not in body
