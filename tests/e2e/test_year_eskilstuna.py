"""Eskilstuna's year in the browser: a beredning under KS follows up demands, writes
its yearly report with development areas, has it adopted, records KS's decision on
each area, and next year starts from what was decided.

Only the organisation and the users come from factories; everything the story is
about is done through the pages, with axe on every page visited.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.reports.tests.helpers import adoption_item
from tests.e2e.conftest import assert_accessible, login

PANEL = "Beslutade utvecklingsområden att följa upp"
AREA = "Könsuppdelad statistik i hemtjänsten"


def _visit(page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def _switch(page, username: str) -> None:
    page.context.clear_cookies()
    login(page, username)


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_eskilstuna_closes_the_loop_from_demand_to_ks_decision(page, live_server):
    from conftest import make_org

    eskilstuna = make_org("Eskilstuna kommun", "0484")
    organisation = eskilstuna.organisation
    users = {}
    for username, role in (
        ("strateg", Role.STRATEGIST),
        ("politiker", Role.POLITICIAN),
        ("chef", Role.MANAGER),
    ):
        users[username] = User.objects.create_user(username, password="pw-test-123456")
        assignment = RoleAssignment.objects.create(
            user=users[username], organisation=organisation, role=role
        )
        if role == Role.MANAGER:
            assignment.units.set([eskilstuna.board])
    today = timezone.localdate()
    year = today.year
    due = (today + dt.timedelta(days=14)).isoformat()

    # 1. The beredning's politician raises a demand to Socialnämnden.
    login(page, "politiker")
    _visit(page, reverse("result_requests:create"))
    page.get_by_label("Socialnämnden").check()
    page.locator("#id_title").fill(AREA)
    page.locator("#id_question").fill("Hur fördelas timmarna mellan kvinnor och män?")
    page.get_by_label("Könsuppdelad statistik").check()
    page.locator("#id_occasion").select_option("budget_dialogue")
    page.locator("#id_due_on").fill(due)
    page.get_by_role("button", name="Skicka efterfrågan").click()
    page.wait_for_url("**/efterfragningar/*/")
    assert_accessible(page)
    demand_url = page.url

    # 2. The board's manager answers.
    _switch(page, "chef")
    _visit(page, reverse("result_requests:to_answer"))
    page.get_by_role("link", name=AREA).click()
    assert_accessible(page)
    page.get_by_role("link", name="Besvara efterfrågan").click()
    assert_accessible(page)
    page.locator("#id_text").fill("Kvinnor får 12 timmar, män 9 timmar i snitt.")
    page.get_by_role("button", name="Lämna svaret").click()
    page.wait_for_url(demand_url)
    assert_accessible(page)

    # 3. The body assesses the answer as insufficient and asks a follow-up question.
    _switch(page, "politiker")
    _visit(page, reverse("result_requests:to_assess"))
    _visit(page, demand_url)
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

    # 4. The strategist writes the yearly report, proposes the area picked from the
    #    insufficient answer, and records that the beredning adopted it at today's
    #    meeting (the meeting and its item come from a factory: the minutes are
    #    another story, test_minutes_year.py).
    adoption_item(eskilstuna, held_on=today, paragraph=9)
    _switch(page, "strateg")
    report_url = reverse("reports:detail", args=[year])
    _visit(page, report_url)
    page.get_by_role("link", name="Redigera inledning och ordförandens ord").click()
    assert_accessible(page)
    page.get_by_label("Inledning").fill(
        "Beredningen har följt upp nämndernas arbete med efterfrågningar."
    )
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(rf"/arsrapport/{year}/$"))
    page.get_by_role("link", name="Föreslå ett utvecklingsområde").click()
    assert_accessible(page)
    page.get_by_role("link", name=f"Välj {AREA}").click()
    assert_accessible(page)
    assert page.locator("#id_title").input_value() == AREA
    assert page.locator("#id_unit option:checked").inner_text() == "Socialnämnden"
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(rf"/arsrapport/{year}/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Markera som klar för justering").click()
    page.wait_for_url(re.compile(rf"/arsrapport/{year}/$"))
    # Adoption belongs to the body: the paragraph of its meeting, on a page that
    # says what happens first.
    page.get_by_role("link", name="Registrera fastställandet").click()
    assert_accessible(page)
    assert page.get_by_text("Rapporten låses").is_visible()
    page.get_by_label("Paragraf i protokollet").select_option(index=1)
    page.get_by_label("Diarienummer").fill("KS 2026/123")
    page.get_by_role("button", name="Fastställ och lås rapporten").click()
    page.wait_for_url(re.compile(rf"/arsrapport/{year}/$"))
    assert page.get_by_text("Fastställd av Jämställdhetsberedningen").first.is_visible()
    assert_accessible(page)

    # 5. KS's decision on the area is recorded from the adopted report.
    page.get_by_role("link", name=f"Registrera beslut {AREA}").click()
    assert_accessible(page)
    assert (
        page.locator("#id_decided_by option:checked").inner_text() == "Kommunstyrelsen"
    )
    _fill_decision(page, today)
    page.get_by_role("button", name="Registrera beslut").click()
    page.wait_for_url(re.compile(r"/utvecklingsomraden/\d+/$"))
    assert_accessible(page)
    area_url = page.url
    assert page.get_by_role("cell", name="KS § 123").is_visible()
    assert page.get_by_text("Pågår").first.is_visible()
    assert page.get_by_role("link", name="Registrera beslut").count() == 0

    # The same decision submitted again (an old tab): refused in Swedish, no change.
    _visit(page, area_url + "beslut/")
    _fill_decision(page, today)
    page.get_by_role("button", name="Registrera beslut").click()
    assert_accessible(page)
    assert page.get_by_text("Ett beslut registreras bara en gång").first.is_visible()
    _visit(page, area_url)
    assert page.get_by_role("cell", name="KS § 123").count() == 1

    # 6. Next year: the dashboard and the next report show the decided area.
    for username in ("strateg", "politiker"):
        _switch(page, username)
        _visit(page, reverse("dashboard:home"))
        panel = page.get_by_role("region", name=PANEL)
        assert panel.get_by_role("link", name=AREA).is_visible()
    panel.get_by_role("link", name=AREA).click()
    page.wait_for_url(area_url)
    assert_accessible(page)

    _visit(page, reverse("reports:detail", args=[year + 1]))
    section = page.locator(
        "section",
        has=page.get_by_role(
            "heading", name="Vad hände med förra årets utvecklingsområden"
        ),
    )
    assert section.get_by_role("rowheader", name=AREA).is_visible()
    assert section.get_by_role("cell", name="Bifall").is_visible()
    assert section.get_by_text("KS § 123").is_visible()
    assert section.get_by_text("Pågår, ska vara klar").is_visible()

    # The manager, who does not follow up the body's areas, has no such panel.
    _switch(page, "chef")
    _visit(page, reverse("dashboard:home"))
    assert page.get_by_role("heading", name=PANEL).count() == 0


def _fill_decision(page, today: dt.date) -> None:
    page.get_by_label("Bifall", exact=True).check()
    page.get_by_label("Beslutsdatum").fill(today.isoformat())
    page.get_by_label("Paragraf").fill("KS § 123")
    page.get_by_label("Ansvarig person").select_option(label="Åsa Öberg")
    page.get_by_label("Ska vara uppföljt senast").fill(
        (today + dt.timedelta(days=180)).isoformat()
    )
