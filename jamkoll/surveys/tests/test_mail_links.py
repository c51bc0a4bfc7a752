"""Survey links in e-mail point at the site's address: the setting, or in development
(no setting) the host the request came to, never a fixed port."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test.utils import override_settings
from django.urls import reverse

from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import make_survey

pytestmark = pytest.mark.django_db

DURING = dt.datetime(2026, 11, 10, 12, 0, tzinfo=dt.UTC)
HOST = "jamkoll.example:8123"
HOSTS = ["testserver", "jamkoll.example"]


def _invite_over_http(world, client, django_capture_on_commit_callbacks) -> str:  # type: ignore[no-untyped-def]
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    seat_people(world.own, 2)
    client.force_login(world.user("strategist"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("surveys:send", args=[survey.pk]), HTTP_HOST=HOST
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    return mail.outbox[0].body


@time_machine.travel(DURING)
@override_settings(JAMKOLL_BASE_URL="", ALLOWED_HOSTS=HOSTS)
def test_in_development_the_invitation_links_to_the_requests_host(
    world, client, django_capture_on_commit_callbacks
):
    body = _invite_over_http(world, client, django_capture_on_commit_callbacks)
    assert f"http://{HOST}/svara/" in body
    assert "127.0.0.1:8000" not in body


@time_machine.travel(DURING)
@override_settings(JAMKOLL_BASE_URL="https://jamkoll.kommun.se", ALLOWED_HOSTS=HOSTS)
def test_with_the_setting_the_invitation_links_to_the_site(
    world, client, django_capture_on_commit_callbacks
):
    body = _invite_over_http(world, client, django_capture_on_commit_callbacks)
    assert "https://jamkoll.kommun.se/svara/" in body
    assert HOST not in body
