"""The mailed survey link in a real browser: the personal code never travels in a
request URL (so no web server or proxy log keeps it), and the start page is
accessible, with and without JavaScript."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jamkoll.surveys import services
from jamkoll.surveys.models import Invitation, PendingResponse
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import link_from_mail, make_survey
from tests.e2e.conftest import assert_accessible

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def _mailed_link(world, settings, live_server) -> str:  # type: ignore[no-untyped-def]
    settings.JAMKOLL_BASE_URL = live_server.url
    today = timezone.localdate()
    survey = make_survey(
        organisation=world.own.organisation,
        by=world.user("admin"),
        year=today.year,
        opens_on=dt.date(today.year, 1, 1),
        closes_on=dt.date(today.year, 12, 31),
    )
    seat_people(world.own, 1)
    mail.outbox.clear()
    services.send_invitations(survey=survey, by=world.user("admin"), today=today)
    (message,) = mail.outbox
    return link_from_mail(message.body)


def test_the_personal_code_never_reaches_the_server_in_a_url(
    world, page, live_server, settings
):
    link = _mailed_link(world, settings, live_server)
    code = link.split("#", 1)[1]
    assert code not in urlsplit(link).path
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(link)
    page.wait_for_url(f"**{reverse('surveys:answer')}")
    # The fragment is gone from the address bar too.
    assert code not in page.url
    assert_accessible(page)
    page.locator("main input[type=radio][name^=q]").first.check()
    page.locator("main").get_by_role("button", name="Skicka mina svar").click()
    page.wait_for_url(f"**{reverse('surveys:thanks')}")
    assert_accessible(page)

    assert requested, "no request was recorded"
    assert any(urlsplit(url).path == "/svara/" for url in requested)
    # Chromium's request URL never carries the fragment; check every request.
    leaks = [url for url in requested if code in url]
    assert leaks == []
    assert Invitation.objects.get().is_used
    assert PendingResponse.objects.count() == 1
    # The code is not in the browser's history of this tab either.
    assert code not in page.evaluate("location.href")


def test_the_start_page_works_without_javascript_and_is_accessible(
    world, browser, live_server, settings
):
    link = _mailed_link(world, settings, live_server)
    code = link.split("#", 1)[1]
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(reverse("surveys:answer_start"))
        assert_no_js_accessible(page)
        page.get_by_label("Personlig kod").fill(code)
        page.get_by_role("button", name="Öppna enkäten").click()
        page.wait_for_url(f"**{reverse('surveys:answer')}")
        assert re.search("Svara|enkät", page.content(), re.IGNORECASE)
    finally:
        context.close()


def assert_no_js_accessible(page) -> None:  # type: ignore[no-untyped-def]
    """axe needs scripts: check the same page in a scripted context instead."""
    url = page.url
    context = page.context.browser.new_context(locale="sv-SE")
    try:
        other = context.new_page()
        other.goto(url)
        assert_accessible(other)
        assert other.get_by_label("Personlig kod").is_visible()
    finally:
        context.close()
