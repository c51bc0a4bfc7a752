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

    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("button", name="Organisation").click()
    menu.get_by_role("link", name="Representation", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Representation av kvinnor och män"
    assert page.locator("table").count() >= 1
    assert page.get_by_role("row", name="Jämställdhetsdelegationen").count() == 1
    assert_accessible(page)

    menu.get_by_role("button", name="Organisation").click()
    menu.get_by_role("link", name="Organisationen", exact=True).click()
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


def _menu_world():
    from django.utils import timezone

    from jamkoll.dashboard import demo

    demo.load(today=timezone.localdate())
    return demo


def test_the_main_menu_groups_open_and_close_with_the_keyboard(page, live_server):
    demo = _menu_world()
    page.goto("/logga-in/")
    login(page, "politiker", demo.DEMO_PASSWORD)
    menu = page.get_by_role("navigation", name="Huvudmeny")
    group = menu.get_by_role("button", name="Möten")
    assert group.get_attribute("aria-expanded") == "false"
    assert not menu.get_by_role("link", name="Årshjul").is_visible()

    group.focus()
    page.keyboard.press("Enter")
    assert group.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Årshjul").is_visible()
    assert_accessible(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Sammanträden"
    page.keyboard.press("Escape")
    assert group.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.textContent") == "Möten"

    # Opening another group closes the first; the current page marks its group.
    group.click()
    menu.get_by_role("button", name="Mäta").click()
    assert group.get_attribute("aria-expanded") == "false"
    menu.get_by_role("link", name="Indikatorer").click()
    page.wait_for_load_state()
    measure = menu.get_by_role("button", name="Mäta")
    assert measure.get_attribute("aria-current") == "true"
    measure.click()
    link = menu.get_by_role("link", name="Indikatorer")
    assert link.get_attribute("aria-current") == "page"
    assert_accessible(page)


def test_a_manager_s_menu_is_short_and_works_without_javascript(browser, live_server):
    demo = _menu_world()
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto("/logga-in/")
        login(page, "chef", demo.DEMO_PASSWORD)
        menu = page.get_by_role("navigation", name="Huvudmeny")
        links = menu.get_by_role("link")
        assert links.all_inner_texts() == [
            "Översikt",
            "Efterfrågningar",
            "Sammanträden",
            "Årshjul",
        ]
        # Without JavaScript the group's links are simply shown.
        menu.get_by_role("link", name="Årshjul").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text().startswith("Årshjul")
    finally:
        context.close()
