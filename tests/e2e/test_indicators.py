"""The gender-gap overview and an indicator page in a real browser, checked with axe."""

import pytest

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.indicators.models import Indicator, Municipality, Value
from jamkoll.organisations.models import Organisation
from tests.e2e.conftest import assert_accessible, login


def _world():
    org = Organisation.objects.create(name="Eskilstuna kommun", code="0484")
    user = User.objects.create_user(username="strateg-e2e", password="pw-test-123456")
    RoleAssignment.objects.create(user=user, organisation=org, role=Role.STRATEGIST)
    own = Municipality.objects.create(code="0484", title="Eskilstuna")
    riket = Municipality.objects.get_or_create(
        code="0000", defaults={"title": "Riket"}
    )[0]
    for n, (women, men) in enumerate([(41.0, 17.0), (20.0, 31.0), (70.0, 71.0)]):
        indicator = Indicator.objects.create(
            code=f"N0760{n}", title=f"Nyckeltal {n}", source="kolada", unit="%"
        )
        for year in range(2019, 2024):
            for place, shift in ((own, 0), (riket, 2)):
                for gender, value in (
                    ("K", women - year % 3),
                    ("M", men),
                    ("T", (women + men) / 2),
                ):
                    Value.objects.create(
                        indicator=indicator,
                        municipality=place,
                        period=year,
                        gender=gender,
                        value=value + shift,
                    )
    Indicator.objects.create(
        code="N00001", title="Invånare totalt", source="kolada", is_split_by_sex=False
    )
    return user


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_gap_overview_and_indicator_chart_are_accessible(page):
    user = _world()
    login(page, user.username)
    page.goto("/indikatorer/konsgap/")
    rows = page.locator("#gap-table tbody tr")
    assert rows.count() == 3
    assert "Nyckeltal 0" in rows.first.inner_text()
    assert page.get_by_text("Källa: Kolada").is_visible()
    assert_accessible(page)
    kolada = rows.first.get_by_role("link", name="N07600 på Kolada")
    assert kolada.get_attribute("href") == (
        "https://www.kolada.se/verktyg/fri-sokning/?kpis=N07600"
    )
    rows.first.get_by_role("link", name="Nyckeltal 0").click()
    page.wait_for_url("**/indikatorer/*/")
    assert page.locator("svg[role=img] desc").count() == 1
    assert page.locator("table tbody tr").count() == 5
    assert_accessible(page)
