"""A board's year at board level, through the browser only, axe on every page: the
board politician (nämndpolitiker, a member of Socialnämnden through a mandate) raises
a demand to the board's administration at a follow-up dialogue, the manager of the
administration answers, the board assesses the answer; then a decision document
(tjänsteskrivelse) before the board is uploaded, read automatically, its checklist
prefilled and confirmed, and the board's outcome "återremiss" recorded with the
meeting; the decision documents per meeting show it.

The organisation, its units, the mandate and the users are set up directly (not the
point of the test).
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.core import formatting
from jamkoll.members.models import Membership, Person, Sex
from jamkoll.result_requests.models import ResultRequest
from jamkoll.reviews.models import Review
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Heltid och sjukfrånvaro i hemtjänsten"
DECISION = "Ändrade riktlinjer för hemtjänstens larmpatrull"


def _board_world():
    from conftest import make_org
    from jamkoll.reviews.tests.conftest import ensure_shipped_checklists

    ensure_shipped_checklists()
    own = make_org("Testkommun", "0009")
    board_politician = User.objects.create_user(
        "namnd", password="pw-test-123456", first_name="Nadja"
    )
    RoleAssignment.objects.create(
        user=board_politician,
        organisation=own.organisation,
        role=Role.BOARD_POLITICIAN,
    )
    # A member of Socialnämnden through a mandate: the role names no units.
    Membership.objects.create(
        person=Person.objects.create(
            organisation=own.organisation,
            first_name="Nadja",
            last_name="Lind",
            sex=Sex.WOMAN,
            user=board_politician,
        ),
        unit=own.board,
        term=own.term,
        role=Membership.Role.MEMBER,
        starts_on=own.term.starts_on,
    )
    manager = User.objects.create_user("chef", password="pw-test-123456")
    assignment = RoleAssignment.objects.create(
        user=manager, organisation=own.organisation, role=Role.MANAGER
    )
    assignment.units.set([own.board])
    return own


def _document(tmp_path) -> str:
    """A tjänsteskrivelse with sex-disaggregated statistics but no analysis of the
    consequences for women and men (written for this test)."""
    file = tmp_path / "tjansteskrivelse.txt"
    file.write_text(
        f"# Tjänsteskrivelse: {DECISION}\n\n"
        "## Ärendet\n\n"
        "Socialförvaltningen föreslår att larmpatrullen samordnas med nattpatrullen "
        "från och med den 1 mars. Under förra året gjordes 5 200 larmbesök hos 640 "
        "personer.\n\n"
        "Av dem som fick larmbesök var 410 kvinnor och 230 män. I larmpatrullen "
        "arbetar 18 kvinnor och 6 män.\n\n"
        "## Ekonomi\n\n"
        "Samordningen minskar kostnaderna med 1,4 miljoner kronor per år.\n",
        encoding="utf-8",
    )
    return str(file)


def _click(page, locator) -> None:
    locator.click()
    page.wait_for_load_state()


def test_board_demands_answers_assesses_and_sends_a_decision_document_back(
    page, tmp_path
):
    page.set_default_timeout(60_000)  # a long walk through many pages
    page.set_default_navigation_timeout(60_000)
    own = _board_world()
    today = timezone.localdate()
    due = today + dt.timedelta(days=21)
    meeting = today + dt.timedelta(days=10)

    # 1. The board politician raises a demand to the board's own administration.
    login(page, "namnd")
    page.goto("/namnder/min/")
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Socialnämnden", exact=False).count()
    assert_accessible(page)
    _click(page, page.locator('a[href^="/efterfragningar/ny/"]').first)
    assert_accessible(page)
    # The form offers the board politician's board as the asker, chosen already,
    # and only the board's own administration to ask.
    asker = page.locator("#id_raised_for")
    assert asker.locator("option:checked").inner_text().strip() == "Socialnämnden"
    assert page.get_by_label("Kulturnämnden").count() == 0
    page.get_by_label("Socialförvaltningen").check()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_question").fill(
        "Hur utvecklas heltidsarbete och sjukfrånvaro för kvinnor och män i "
        "hemtjänsten, och vilka åtgärder vidtas?"
    )
    page.get_by_label("Könsuppdelad statistik").check()
    page.locator("#id_occasion").select_option("follow_up_dialogue")
    page.locator("#id_due_on").fill(due.isoformat())
    page.get_by_role("button", name="Skicka efterfrågan").click()
    page.wait_for_url(re.compile(r"/efterfragningar/\d+/$"))
    assert_accessible(page)
    demand_url = page.url
    demand = ResultRequest.objects.get(title=TITLE)
    assert demand.raised_for == own.board
    assert demand.addressed_to == own.administration
    assert demand.occasion == "follow_up_dialogue"

    # 2. The manager of the administration answers.
    page.context.clear_cookies()
    login(page, "chef")
    page.goto("/efterfragningar/att-besvara/")
    assert_accessible(page)
    _click(page, page.get_by_role("link", name=TITLE))
    assert "Socialnämnden" in page.content()  # the board is the asker
    _click(page, page.get_by_role("link", name="Besvara efterfrågan"))
    assert_accessible(page)
    page.locator("#id_text").fill(
        "Andelen kvinnor som arbetar heltid ökade till 64 procent, männens till 78 "
        "procent. Sjukfrånvaron är 9,1 procent för kvinnor och 6,2 för män."
    )
    page.get_by_role("button", name="Lämna svaret").click()
    page.wait_for_url(demand_url)
    assert page.get_by_text("Svaret lämnades.").is_visible()
    assert_accessible(page)

    # 3. Back as the board politician: the board assesses the answer.
    page.context.clear_cookies()
    login(page, "namnd")
    page.goto(demand_url)
    assert_accessible(page)
    _click(page, page.get_by_role("link", name="Bedöm svaret"))
    assert_accessible(page)
    page.get_by_label("Godkänd").check()
    page.get_by_role("button", name="Spara bedömningen").click()
    page.wait_for_url(demand_url)
    assert_accessible(page)
    demand.refresh_from_db()
    assert demand.status == "assessed"
    assert demand.assessments.get().outcome == "accepted"

    # 4. A decision document before the board: uploaded and read automatically.
    page.goto("/namnder/min/")
    page.wait_for_load_state()
    _click(page, page.locator('a[href^="/granskningar/ny/"]').first)
    assert_accessible(page)
    assert page.get_by_label("Dokumenttyp").locator(
        "option:checked"
    ).inner_text().strip() == ("Tjänsteskrivelse / beslutsunderlag")
    assert "Jämställt beslutsunderlag" in (
        page.get_by_label("Checklista").locator("option:checked").inner_text()
    )
    page.get_by_label("Dokumentets titel").fill(DECISION)
    page.get_by_label("Ansvarig enhet").select_option(label="Socialförvaltningen")
    page.get_by_label("Dokumentfil").set_input_files(_document(tmp_path))
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(r"/granskningar/\d+/$"))
    # The reading ran as a task (immediate in tests); the page shows what it found.
    page.get_by_role("heading", name="Vad läsningen hittade").wait_for()
    assert "410 kvinnor och 230 män" in page.content()
    assert_accessible(page)
    review = Review.objects.get(title=DECISION)
    assert review.unit == own.administration

    # 5. The checklist's suggestions confirmed in one step, then the rest answered.
    _click(page, page.get_by_role("button", name=re.compile("^Bekräfta förslage")))
    page.wait_for_url(re.compile(r"/granskningar/\d+/checklista/$"))
    assert_accessible(page)
    b1 = page.get_by_role("group", name=re.compile(r"^B1 "))
    assert b1.get_by_label("Ja", exact=True).is_checked()
    for code in ("B1", "B2", "B3", "B4", "B5"):
        group = page.get_by_role("group", name=re.compile(f"^{code} "))
        if not group.locator("input[type=radio]:checked").count():
            group.get_by_label("Nej", exact=True).check()
    page.get_by_label("Iakttagelser").fill(
        "Statistiken är uppdelad på kön, men konsekvenserna för kvinnor och män "
        "är inte beskrivna. Nämnden återremitterar ärendet."
    )
    page.get_by_label("Utfall").select_option(label="Återremiss")
    page.get_by_label("Beslutas vid sammanträdet den").fill(meeting.isoformat())
    page.get_by_label("Paragraf").fill("§ 87")
    page.get_by_label("Status").select_option(label="Klar")
    page.get_by_role("button", name="Spara checklistan").click()
    page.wait_for_url(re.compile(r"/granskningar/\d+/$"))
    assert_accessible(page)
    review.refresh_from_db()
    assert review.outcome == Review.Outcome.SEND_BACK
    assert review.meeting_on == meeting
    assert review.paragraph == "§ 87"
    assert review.answers.get(criterion__code="B1").value == "yes"
    assert review.answers.get(criterion__code="B3").value == "no"

    # 6. The board's decision documents per meeting show the outcome.
    page.goto(f"/granskningar/beslutsunderlag/?board={own.board.pk}&year={today.year}")
    assert_accessible(page)
    section = page.get_by_role(
        "region", name=f"Socialnämnden, sammanträde {formatting.date(meeting)}"
    ).or_(page.locator("section").filter(has_text=formatting.date(meeting)))
    row = section.first.get_by_role("row", name=re.compile(DECISION))
    assert row.get_by_text("Återremiss").is_visible()
    assert row.get_by_text("§ 87").is_visible()
