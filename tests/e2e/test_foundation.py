import pytest

from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_demo_user_logs_in_switches_organisation_and_reads_representation(
    page, live_server
):
    from django.utils import timezone

    from jamkoll.dashboard import demo

    demo.load(today=timezone.localdate())
    page.goto("/logga-in/")
    assert_accessible(page)
    login(page, "politiker", demo.DEMO_PASSWORD)
    assert page.locator("h1").inner_text().startswith("Översikt för")
    assert_accessible(page)

    page.get_by_label("Organisation").select_option(label="Örebro kommun")
    page.get_by_role("button", name="Byt").click()
    page.wait_for_load_state()
    assert "Översikt för Örebro kommun" in page.locator("h1").inner_text()

    page.get_by_role("link", name="Representation").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Representation av kvinnor och män"
    assert page.locator("table").count() >= 1
    assert page.get_by_role("row", name="Jämställdhetsdelegationen").count() == 1
    assert_accessible(page)

    page.get_by_role("link", name="Organisation", exact=True).click()
    page.wait_for_load_state()
    assert "Örebro kommun" in page.locator("h1").inner_text()
    assert_accessible(page)


def test_login_form_errors_are_accessible_and_keep_the_username(
    page, live_server, django_user_model
):
    django_user_model.objects.create_user(username="kalle", password="pw-test-123456")
    page.goto("/logga-in/")
    page.get_by_label("Användarnamn").fill("kalle")
    page.get_by_label("Lösenord").fill("fel")
    page.keyboard.press("Enter")
    page.get_by_role("alert").wait_for()
    assert (
        "Användarnamnet eller lösenordet är fel"
        in page.get_by_role("alert").inner_text()
    )
    assert page.get_by_label("Användarnamn").input_value() == "kalle"
    assert_accessible(page)


def test_skip_link_is_the_first_tab_stop(page, live_server):
    page.goto("/tillganglighet/")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.textContent") == "Hoppa till innehållet"
    )
    assert_accessible(page)
