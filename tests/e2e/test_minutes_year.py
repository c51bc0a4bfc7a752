"""The body's secretary runs a meeting from the year wheel to approved minutes, by
keyboard only, and two approvers sign as their own users."""

import datetime as dt

import pytest
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.meetings.models import Meeting, YearWheelRule
from jamkoll.members.models import Membership, Person
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def _member(world, first: str, last: str, username: str) -> Person:
    user = User.objects.create_user(
        username=username, password="pw-test-123456", email=f"{username}@example.se"
    )
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.POLITICIAN
    )
    person = Person.objects.create(
        organisation=world.own.organisation, first_name=first, last_name=last, user=user
    )
    Membership.objects.create(
        person=person,
        unit=world.own.body,
        term=world.own.term,
        role=Membership.Role.MEMBER,
        starts_on=world.own.term.starts_on,
    )
    return person


def _press(page, locator) -> None:
    locator.focus()
    page.keyboard.press("Enter")


def _tick(page, locator) -> None:
    locator.focus()
    page.keyboard.press("Space")


def _type(page, locator, text: str) -> None:
    locator.focus()
    page.keyboard.type(text)


def test_a_meeting_from_the_year_wheel_to_approved_minutes_by_keyboard(page, world):
    today = timezone.localdate()
    month = today.month % 12 + 1
    year = today.year + (1 if month == 1 else 0)
    YearWheelRule.objects.create(
        organisation=world.own.organisation,
        title="Beredningens sammanträde",
        category=YearWheelRule.Category.MEETING,
        pattern=YearWheelRule.Pattern.NTH_WEEKDAY,
        months=str(month),
        weekday=1,
        nth=2,
        starts_at=dt.time(13),
        duration_minutes=120,
        place="Stadshuset, sal Åsen",
    )
    _member(world, "Bo", "Ström", "bo")
    _member(world, "Cecilia", "Ek", "cecilia")

    login(page, "u-strategist")
    page.goto(f"/arshjul/?year={year}")
    assert_accessible(page)
    _press(page, page.get_by_role("link", name="Skapa möte").first)
    page.wait_for_url("**/moten/nytt/**")
    assert page.get_by_label("Plats").input_value() == "Stadshuset, sal Åsen"
    assert page.get_by_label("Lägg till standardpunkterna", exact=False).is_checked()
    assert_accessible(page)
    _press(page, page.get_by_role("button", name="Spara"))
    page.wait_for_url("**/moten/*/")
    meeting = Meeting.objects.get()
    assert meeting.rule_occurrence is not None

    # The occurrence is replaced by the meeting: shown once in the year wheel.
    page.goto(f"/arshjul/?year={year}")
    assert page.locator("#year-list").get_by_text("Skapa möte").count() == 0
    page.goto(f"/moten/{meeting.pk}/")

    _press(page, page.get_by_role("link", name="Registrera närvaro"))
    for name in ("Åsa Öberg", "Bo Ström", "Cecilia Ek"):
        field = page.get_by_label(name, exact=False)
        field.focus()
        page.keyboard.type("Närvarande som")
    assert_accessible(page)
    _press(page, page.get_by_role("button", name="Spara"))
    page.wait_for_url(f"**/moten/{meeting.pk}/")
    assert page.get_by_text("Beslutsfört").is_visible()

    titles = page.locator(".agenda__title").all_inner_texts()
    assert titles[:3] == [
        "§ 1 Mötets öppnande",
        "§ 2 Val av justerare",
        "§ 3 Godkännande av dagordningen",
    ]
    _press(page, page.get_by_role("link", name="Skriv protokollet"))
    _type(page, page.get_by_label("Beslut").nth(2), "Dagordningen godkänns.")
    _tick(page, page.get_by_label("Bo Ström", exact=False))
    _tick(page, page.get_by_label("Cecilia Ek", exact=False))
    assert_accessible(page)
    _press(page, page.get_by_role("button", name="Spara protokollet"))
    page.wait_for_url(f"**/moten/{meeting.pk}/**")
    _press(page, page.get_by_role("button", name="Skicka för justering"))
    page.get_by_text("Protokollet skickades för justering.", exact=False).wait_for()
    assert page.get_by_text("Skickat för justering – låst").is_visible()
    assert_accessible(page)

    for username in ("bo", "cecilia"):
        page.context.clear_cookies()
        login(page, username)
        page.goto("/")
        panel = page.get_by_role("region", name="Protokoll att justera")
        _press(page, panel.get_by_role("link").first)
        page.wait_for_url(f"**/moten/{meeting.pk}/protokoll/justera/")
        assert_accessible(page)
        _tick(page, page.get_by_label("Jag har läst protokollet och justerar det"))
        _press(page, page.get_by_role("button", name="Justera"))
        page.get_by_text("Du har justerat protokollet.").wait_for()

    section = page.locator("#minutes")
    text = section.inner_text()
    assert "Justerat " in text
    for name in ("Bo Ström", "Cecilia Ek"):
        line = section.locator("li", has_text=name).inner_text()
        assert "Justerat den" in line
    elected = page.locator("#minutes").inner_text()
    assert "Att justera protokollet utses Cecilia Ek och Bo Ström." in elected
    assert_accessible(page)
