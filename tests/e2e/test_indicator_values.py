"""Entering a local indicator's figures in the year × women/men/total grid."""

import pytest

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.indicators.models import Indicator, LocalValue
from jamkoll.organisations.models import Organisation
from tests.e2e.conftest import assert_accessible, login


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_value_grid_refuses_a_bad_cell_then_saves_with_decimal_comma(page):
    org = Organisation.objects.create(name="Eskilstuna kommun", code="0484")
    user = User.objects.create_user(username="strateg-e2e", password="pw-test-123456")
    RoleAssignment.objects.create(user=user, organisation=org, role=Role.STRATEGIST)
    indicator = Indicator.objects.create(
        organisation=org,
        source="local",
        code="L-CHEF",
        title="Andel chefer med heltid",
        unit="%",
    )
    login(page, user.username)
    page.goto(f"/indikatorer/{indicator.pk}/")
    page.get_by_role("link", name="Ange värden per år").click()
    page.get_by_label("Kvinnor 2024", exact=True).fill("41,5")
    page.get_by_label("Män 2024", exact=True).fill("1e999")
    page.get_by_role("button", name="Spara värdena").click()
    summary = page.get_by_role("alert")
    assert "Män 2024: 1e999 är inget ändligt tal" in summary.inner_text()
    assert page.get_by_label("Kvinnor 2024", exact=True).input_value() == "41,5"
    assert not LocalValue.objects.exists()
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.name") == "v-2024-M"
    page.keyboard.press("Control+a")
    page.keyboard.type("38,25")
    page.get_by_role("button", name="Spara värdena").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(f"/indikatorer/{indicator.pk}/")
    assert page.get_by_text("2 värden sparades.").is_visible()
    row = page.locator("table tbody tr", has_text="2024")
    assert "41,5" in row.inner_text()
    assert sorted(LocalValue.objects.values_list("gender", "value")) == [
        ("K", 41.5),
        ("M", 38.25),
    ]
