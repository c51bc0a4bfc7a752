"""The secretary keeps the year wheel by keyboard: filter, move and cancel one
occurrence, edit a rule with month names, and is told why 30 February cannot be."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from jamkoll.meetings.models import RuleOccurrence, YearWheelRule
from jamkoll.meetings.recurrence import nth_weekday
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def _press(page, locator) -> None:
    locator.focus()
    page.keyboard.press("Enter")


def test_year_wheel_is_kept_by_keyboard(page, world):
    year = timezone.localdate().year + 1
    rule = YearWheelRule.objects.create(
        organisation=world.own.organisation,
        title="Beredningens sammanträde",
        category=YearWheelRule.Category.MEETING,
        pattern=YearWheelRule.Pattern.NTH_WEEKDAY,
        months="3,9",
        weekday=1,
        nth=2,
        starts_at=dt.time(13),
        duration_minutes=120,
        place="Stadshuset, sal Åsen",
    )
    YearWheelRule.objects.create(
        organisation=world.own.organisation,
        title="Delårsrapport per augusti",
        category=YearWheelRule.Category.INTERIM_REPORT,
        pattern=YearWheelRule.Pattern.FIXED_DATE,
        months="9",
        day=30,
    )
    march = nth_weekday(year, 3, 1, 2)

    login(page, "u-strategist")
    page.goto(f"/arshjul/?year={year}")
    assert_accessible(page)

    page.get_by_label("Kategori").select_option("interim_report")
    _press(page, page.get_by_role("button", name="Visa"))
    page.wait_for_url("**kategori=interim_report**")
    listed = page.locator("#year-list").inner_text()
    assert "Delårsrapport per augusti" in listed
    assert "Beredningens sammanträde" not in listed
    assert_accessible(page)

    page.goto(f"/arshjul/?year={year}")
    _press(
        page,
        page.get_by_role(
            "link",
            name=re.compile(
                rf"^Flytta eller ställ in ?: Beredningens sammanträde {march.day} mars"
            ),
        ),
    )
    page.wait_for_url(f"**/tillfallen/{march:%Y-%m-%d}/")
    assert_accessible(page)
    page.get_by_label("Inställt", exact=False).focus()
    page.keyboard.press("Space")
    _press(page, page.get_by_role("button", name="Spara"))
    page.wait_for_url(f"**/arshjul/?year={year}")
    page.get_by_text("Tillfället sparades.").wait_for()
    assert RuleOccurrence.objects.get(rule=rule, original_date=march).cancelled
    assert page.locator(f"#day-{march:%Y-%m-%d}").count() == 0

    _press(
        page,
        page.get_by_role(
            "link", name=re.compile(r"^Ändra ?: Beredningens sammanträde$")
        ),
    )
    page.wait_for_url(f"**/arshjul/regler/{rule.pk}/andra/")
    assert page.get_by_label("mars").is_checked()
    assert page.get_by_label("september").is_checked()
    assert_accessible(page)
    page.get_by_label("Återkommer").select_option("fixed_date")
    page.get_by_label("Dag i månaden").fill("30")
    for month in ("mars", "september"):
        page.get_by_label(month).uncheck()
    page.get_by_label("februari").check()
    _press(page, page.get_by_role("button", name="Spara"))
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert "Dagen finns inte i alla valda månader (t.ex. 30 februari)." in (
        summary.inner_text()
    )
    assert_accessible(page)
    rule.refresh_from_db()
    assert (rule.pattern, rule.months) == ("nth_weekday", "3,9")
