"""In the browser: a status box's polling is not activity, an idle session ends on
the login page with the reason, and a calendar address is shown once."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from jamkoll.core.sessions import ACTIVE_KEY, POLL_HEADER
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_polling_requests_are_marked_and_ordinary_htmx_requests_are_not(page, world):
    login(page, "u-reader")
    seen: dict[str, str | None] = {}
    page.on(
        "request",
        lambda request: (
            seen.update(
                {
                    request.url.rsplit("?", 1)[-1]: request.headers.get(
                        POLL_HEADER.lower()
                    )
                }
            )
            if "probe=" in request.url
            else None
        ),
    )
    # Two htmx elements like the status boxes and filters of the real pages.
    page.evaluate(
        """() => {
        const poll = document.createElement('div');
        poll.setAttribute('hx-get', '/?probe=poll');
        poll.setAttribute('hx-trigger', 'every 1s');
        poll.setAttribute('hx-swap', 'none');
        const click = document.createElement('button');
        click.id = 'probe-click';
        click.setAttribute('hx-get', '/?probe=click');
        click.setAttribute('hx-swap', 'none');
        click.textContent = 'probe';
        document.body.append(poll, click);
        htmx.process(poll); htmx.process(click);
    }"""
    )
    page.click("#probe-click")
    deadline = time.monotonic() + 10
    while len(seen) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert seen == {"probe=poll": "1", "probe=click": None}


def test_an_idle_session_ends_on_the_login_page_with_the_reason(page, world, settings):
    settings.JAMKOLL_SESSION_IDLE_MINUTES = 20
    login(page, "u-reader")
    # Make the session's last activity 21 minutes old.
    for session in Session.objects.all():
        data = session.get_decoded()
        if ACTIVE_KEY in data:
            data[ACTIVE_KEY] -= 21 * 60
            Session.objects.save(session.session_key, data, session.expire_date)
    page.goto(reverse("meetings:year_wheel"))
    assert "/logga-in/" in page.url
    message = page.get_by_text("Du har loggats ut efter 20 minuter utan aktivitet.")
    assert message.is_visible()
    assert_accessible(page)
    # Logging in again returns to the page that was asked for.
    page.get_by_label("Användarnamn").fill("u-reader")
    page.get_by_label("Lösenord").fill("pw-test-123456")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(re.compile(re.escape(reverse("meetings:year_wheel"))))


def test_a_calendar_address_is_shown_once_by_keyboard(page, world):
    login(page, "u-reader")
    page.goto(reverse("meetings:calendar_feeds"))
    button = page.get_by_role("button", name="Skapa en kalenderadress")
    button.focus()
    page.keyboard.press("Enter")
    address = page.get_by_label(re.compile("Kopiera adressen nu"))
    url = address.input_value()
    assert re.fullmatch(r"http://[^/]+/arshjul/kalender/[\w-]{40,}\.ics", url)
    assert_accessible(page)
    revoke = page.get_by_role(
        "button", name=re.compile("Återkalla adressen som skapades")
    )
    assert revoke.count() == 1
    # The feed answers a calendar program (no login) with the year wheel.
    response = page.request.get(url)
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    # Opened again, the page no longer shows the address.
    page.goto(reverse("meetings:calendar_feeds"))
    assert url not in page.content()
