"""A demand's loop in the browser: raise, answer, assess as insufficient, follow up."""

import datetime as dt

import pytest
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from tests.e2e.conftest import assert_accessible, login


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_politician_raises_manager_answers_politician_follows_up(page, live_server):
    from conftest import make_org

    own = make_org("Testkommun", "0009")
    politician = User.objects.create_user("politiker", password="pw-test-123456")
    manager = User.objects.create_user("chef", password="pw-test-123456")
    RoleAssignment.objects.create(
        user=politician, organisation=own.organisation, role=Role.POLITICIAN
    )
    assignment = RoleAssignment.objects.create(
        user=manager, organisation=own.organisation, role=Role.MANAGER
    )
    assignment.units.set([own.board])
    due = (timezone.localdate() + dt.timedelta(days=14)).isoformat()

    login(page, "politiker")
    page.goto("/efterfragningar/ny/")
    assert_accessible(page)
    page.get_by_label("Socialnämnden").check()
    page.locator("#id_title").fill("Könsuppdelad statistik i hemtjänsten")
    page.locator("#id_question").fill("Hur fördelas timmarna mellan kvinnor och män?")
    page.get_by_label("Könsuppdelad statistik").check()
    page.locator("#id_occasion").select_option("budget_dialogue")
    page.locator("#id_due_on").fill(due)
    page.get_by_role("button", name="Skicka efterfrågan").click()
    page.wait_for_url("**/efterfragningar/*/")
    assert_accessible(page)
    demand_url = page.url

    page.context.clear_cookies()
    login(page, "chef")
    page.goto("/efterfragningar/att-besvara/")
    assert_accessible(page)
    page.get_by_role("link", name="Könsuppdelad statistik i hemtjänsten").click()
    page.get_by_role("link", name="Besvara efterfrågan").click()
    assert_accessible(page)
    page.locator("#id_text").fill("Kvinnor får 12 timmar, män 9 timmar i snitt.")
    page.get_by_role("button", name="Lämna svaret").click()
    page.wait_for_url(demand_url)
    assert page.get_by_text("Svaret lämnades.").is_visible()

    page.context.clear_cookies()
    login(page, "politiker")
    page.goto("/efterfragningar/att-bedoma/")
    assert_accessible(page)
    page.goto(demand_url)
    page.get_by_role("link", name="Bedöm svaret").click()
    assert_accessible(page)
    page.get_by_label("Otillräcklig").check()
    page.get_by_label("Kommentar").fill("Analysen av skillnaderna saknas.")
    page.get_by_role("button", name="Spara bedömningen").click()
    page.wait_for_url(demand_url)
    assert_accessible(page)
    page.get_by_role("link", name="Ställ följdfråga").click()
    assert_accessible(page)
    page.locator("#id_question").fill("Vad förklarar skillnaden?")
    page.locator("#id_due_on").fill(due)
    page.get_by_role("button", name="Skicka följdfrågan").click()
    page.wait_for_url(lambda url: url != demand_url and "/foljdfraga/" not in url)
    assert_accessible(page)
    page.get_by_role("link", name="Visa hela tråden").click()
    assert_accessible(page)
    assert page.get_by_role(
        "heading", name="Följdfråga: Könsuppdelad statistik i hemtjänsten"
    ).is_visible()
    page.goto("/efterfragningar/uppfoljning/")
    assert_accessible(page)
