"""The body's secretary builds an agenda from suggestions, reorders it by keyboard, and
a designated approver signs the minutes."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from jamkoll.cases.models import Case
from jamkoll.meetings.models import AgendaItem
from jamkoll.meetings.tests.factories import make_meeting
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_agenda_from_suggestions_reorder_by_keyboard_and_approve(page, world):
    own = world.own
    own.person.user = world.user("politician")
    own.person.save()
    meeting = make_meeting(own)
    AgendaItem.objects.create(meeting=meeting, position=1, title="Mötets öppnande")
    Case.objects.create(
        organisation=own.organisation,
        case_number="KS 2026/0042",
        title="Översiktsplan för Åby",
        deciding_body=own.council,
        meeting_on=timezone.localdate() + dt.timedelta(days=20),
    )

    login(page, "u-strategist")
    page.goto(f"/moten/{meeting.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Föreslå punkter").click()
    assert_accessible(page)
    page.get_by_label("KS 2026/0042", exact=False).check()
    page.get_by_role("button", name="Lägg till i föredragningslistan").click()
    page.wait_for_url(f"**/moten/{meeting.pk}/**")
    titles = page.locator(".agenda__title")
    assert titles.nth(1).inner_text().startswith("§ 2 KS 2026/0042")

    page.get_by_role("button", name=re.compile(r"Flytta upp.*§ 2 KS 2026.0042")).focus()
    page.keyboard.press("Enter")
    page.locator(".agenda__title").first.filter(has_text="KS 2026/0042").wait_for()
    assert titles.nth(0).inner_text().startswith("§ 1 KS 2026/0042")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Flytta ned" in focused
    assert "KS 2026/0042" in focused
    assert_accessible(page)

    page.get_by_role("link", name="Skriv protokollet").click()
    page.get_by_label("Beslut").first.fill(
        "Beredningen lämnar ett yttrande om konsekvenser för kvinnor och män."
    )
    page.get_by_label("Åsa Öberg", exact=False).check()
    assert_accessible(page)
    page.get_by_role("button", name="Spara protokollet").click()
    page.wait_for_url(f"**/moten/{meeting.pk}/**")

    page.get_by_role("button", name="Skicka för justering").click()
    page.get_by_text("Protokollet skickades för justering.", exact=False).wait_for()

    page.context.clear_cookies()
    login(page, "u-politician")
    page.goto(f"/moten/{meeting.pk}/")
    page.get_by_role("link", name="Justera protokollet").click()
    page.get_by_label("Jag har läst protokollet och justerar det").check()
    page.get_by_role("button", name="Justera").click()
    page.get_by_text("Du har justerat protokollet.").wait_for()
    assert page.get_by_text("Justerat ", exact=False).first.is_visible()
    assert page.get_by_role("link", name="Protokoll som PDF").is_visible()
    assert_accessible(page)
