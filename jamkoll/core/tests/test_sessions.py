"""A login ends after an idle period and after an absolute lifetime."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from jamkoll.core.sessions import POLL_HEADER

START = dt.datetime(2026, 11, 9, 8, 0, tzinfo=dt.UTC)
PASSWORD = "pw-test-123456"


def _login(client, username="u-politician"):
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def _home(client, **headers):
    return client.get(reverse("dashboard:home"), headers=headers)


@pytest.fixture
def lifetimes(settings):
    settings.JAMKOLL_SESSION_IDLE_MINUTES = 60
    settings.JAMKOLL_SESSION_MAX_HOURS = 12
    settings.AXES_ENABLED = False


def test_activity_within_the_idle_timeout_keeps_the_user_logged_in(
    client, world, lifetimes
):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        for _ in range(3):
            clock.shift(dt.timedelta(minutes=50))
            assert _home(client).status_code == 200
        assert "_auth_user_id" in client.session


def test_an_hour_without_activity_logs_out_with_a_swedish_message(
    client, world, lifetimes
):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        clock.shift(dt.timedelta(minutes=61))
        response = _home(client)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "Du har loggats ut efter 60 minuter utan aktivitet." in page
        # Logged out for real: the next page asks for a login again.
        assert _home(client).status_code == 302


def test_the_idle_timeout_comes_from_the_setting(client, world, lifetimes, settings):
    settings.JAMKOLL_SESSION_IDLE_MINUTES = 15
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        clock.shift(dt.timedelta(minutes=14))
        assert _home(client).status_code == 200
        clock.shift(dt.timedelta(minutes=16))
        response = _home(client)
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        assert "Du har loggats ut efter 15 minuter utan aktivitet." in page


def test_the_absolute_lifetime_ends_even_an_active_session(client, world, lifetimes):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        for _ in range(12 * 2):
            clock.shift(dt.timedelta(minutes=30))
            response = _home(client)
        # 12 hours of steady work: the last request was at exactly 12 h, still in.
        assert response.status_code == 200
        clock.shift(dt.timedelta(minutes=5))
        response = _home(client)
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"]).content.decode()
        assert "varit inloggad i 12 timmar" in page


def test_the_cookie_lives_no_longer_than_the_absolute_lifetime():
    assert settings.SESSION_COOKIE_AGE == settings.JAMKOLL_SESSION_MAX_HOURS * 3600
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600


def test_polling_a_status_box_is_not_activity(client, world, lifetimes):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        # A page left open polls every few seconds; simulated once every 10 minutes.
        for _ in range(5):
            clock.shift(dt.timedelta(minutes=10))
            assert (
                _home(client, **{"HX-Request": "true", POLL_HEADER: "1"}).status_code
                == 200
            )
        clock.shift(dt.timedelta(minutes=11))
        response = _home(client, **{"HX-Request": "true", POLL_HEADER: "1"})
        assert "_auth_user_id" not in client.session
        # htmx gets the login page for the whole window, not inside the fragment.
        assert response.status_code == 204
        assert response["HX-Redirect"].startswith(reverse("accounts:login"))


def test_an_htmx_request_after_the_timeout_redirects_the_whole_page(
    client, world, lifetimes
):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        clock.shift(dt.timedelta(hours=2))
        response = _home(
            client,
            **{"HX-Request": "true", "HX-Current-URL": "http://testserver/arenden/"},
        )
        assert response.status_code == 204
        assert response["HX-Redirect"] == (
            reverse("accounts:login") + "?next=/arenden/"
        )


def test_a_new_login_starts_a_new_lifetime(client, world, lifetimes):
    with time_machine.travel(START, tick=False) as clock:
        _login(client)
        clock.shift(dt.timedelta(hours=11, minutes=50))
        client.post(reverse("accounts:logout"))
        _login(client)
        clock.shift(dt.timedelta(minutes=30))
        assert _home(client).status_code == 200
