"""Links in demand mails point at the site's address: the setting, or in development
(no setting) the host the request came to."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test.utils import override_settings
from django.urls import reverse

from jamkoll.result_requests.tests import factories

pytestmark = pytest.mark.django_db

HOST = "jamkoll.example:8123"
HOSTS = ["testserver", "jamkoll.example"]


@pytest.fixture
def draft(world):  # type: ignore[no-untyped-def]
    for role, user in world.users.items():
        user.email = f"{role}@kommun.example"
        user.save()
    return factories.raise_demand(world.own, send=False)


def _send_over_http(client, world, draft, django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    client.force_login(world.user("strategist"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("result_requests:send", args=[draft.pk]), HTTP_HOST=HOST
        )
    assert response.status_code == 302
    [message] = [m for m in mail.outbox if "manager@kommun.example" in m.to]
    return message.body


@override_settings(JAMKOLL_BASE_URL="", ALLOWED_HOSTS=HOSTS)
def test_in_development_the_mail_links_to_the_requests_host(
    world, client, draft, django_capture_on_commit_callbacks
):
    body = _send_over_http(client, world, draft, django_capture_on_commit_callbacks)
    assert f"http://{HOST}{draft.get_absolute_url()}" in body
    assert "127.0.0.1:8000" not in body


@override_settings(JAMKOLL_BASE_URL="https://jamkoll.kommun.se", ALLOWED_HOSTS=HOSTS)
def test_with_the_setting_the_mail_links_to_the_site(
    world, client, draft, django_capture_on_commit_callbacks
):
    body = _send_over_http(client, world, draft, django_capture_on_commit_callbacks)
    assert f"https://jamkoll.kommun.se{draft.get_absolute_url()}" in body
    assert HOST not in body


@override_settings(JAMKOLL_BASE_URL="")
def test_the_daily_reminder_outside_a_request_falls_back_to_the_dev_server(
    world, draft, django_capture_on_commit_callbacks
):
    demand = factories.raise_demand(world.own, due_in=3)
    moment = dt.datetime.combine(demand.due_on, dt.time(6, 0), tzinfo=dt.UTC)
    mail.outbox.clear()
    with (
        time_machine.travel(moment + dt.timedelta(days=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send-reminders", stdout=io.StringIO())
    bodies = [m.body for m in mail.outbox]
    assert any(f"http://127.0.0.1:8000{demand.get_absolute_url()}" in b for b in bodies)
