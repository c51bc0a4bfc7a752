"""Umeå's year, through the browser only, axe on every page: the jämställdhetsutskott
(an utskott under KF) imports KF's case list, takes a case from the agenda
suggestions to its meeting, records its preparation in the minutes and sees the case
"Berett" linked to the paragraph; the not-given list is printed and its raising in
KF recorded.

The organisation, its units and users are set up directly (not the point of the test).
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.cases.models import Case, NotGivenListRaising
from jamkoll.members.models import Membership, Person, Sex, Term
from jamkoll.organisations.models import Organisation, Unit
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def _umea() -> dict:
    org = Organisation.objects.create(name="Umeå kommun", code="2480")
    kf = Unit.objects.create(
        organisation=org, name="Kommunfullmäktige", short_name="KF", kind="council"
    )
    Unit.objects.create(
        organisation=org,
        name="Kommunstyrelsen",
        short_name="KS",
        kind="executive_board",
        parent=kf,
    )
    body = Unit.objects.create(
        organisation=org,
        name="Jämställdhetsutskottet",
        kind="equality_body",
        parent=kf,
        body_form=Unit.BodyForm.COMMITTEE,
        yearly_meeting_target=10,
    )
    for name in ("Socialnämnden", "Byggnadsnämnden"):
        Unit.objects.create(organisation=org, name=name, kind="board", parent=kf)
    today = timezone.localdate()
    term = Term.objects.create(
        organisation=org,
        starts_on=today - dt.timedelta(days=400),
        ends_on=today + dt.timedelta(days=1000),
    )
    strategist = User.objects.create_user(
        username="umea-strateg", password="pw-test-123456"
    )
    RoleAssignment.objects.create(
        user=strategist, organisation=org, role=Role.STRATEGIST
    )
    chair = Person.objects.create(
        organisation=org, first_name="Karin", last_name="Lindgren", sex=Sex.WOMAN
    )
    Membership.objects.create(
        person=chair,
        unit=body,
        term=term,
        role=Membership.Role.CHAIR,
        starts_on=term.starts_on,
    )
    return {"org": org, "kf": kf, "body": body, "chair": chair}


def _csv(path, today: dt.date) -> str:
    council = today + dt.timedelta(days=30)
    earlier = today - dt.timedelta(days=3)
    rows = [
        "Diarienummer;Rubrik;Beslutande organ;Sammanträdesdatum;Ansvarig nämnd",
        f"KF 2026/0042;Program för fritidsgårdar;KF;{council:%Y-%m-%d};Socialnämnden",
        f"KF 2026/0043;Detaljplan för Ön;KF;{council:%Y-%m-%d};Byggnadsnämnden",
        f"KF 2026/0044;Taxor för förskolan;KF;{earlier:%Y-%m-%d};Socialnämnden",
    ]
    file = path / "kf-arenden.csv"
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(file)


def _click(page, locator) -> None:
    locator.click()
    page.wait_for_load_state()


def test_umea_prepares_kf_cases_and_raises_the_not_given_list(page, tmp_path):
    page.set_default_timeout(60_000)  # a long walk through many pages
    page.set_default_navigation_timeout(60_000)
    umea = _umea()
    today = timezone.localdate()
    meeting_day = today + dt.timedelta(days=7)
    login(page, "umea-strateg")

    # 1. KF's case list imported from a CSV file.
    page.goto("/arenden/")
    assert_accessible(page)
    _click(page, page.get_by_role("link", name="Importera ärendelista"))
    assert_accessible(page)
    page.get_by_label("Ärendelista (CSV eller Excel)").set_input_files(
        _csv(tmp_path, today)
    )
    _click(page, page.get_by_role("button", name="Importera"))
    page.get_by_text("3 ärenden importerades.").wait_for()
    assert_accessible(page)
    assert Case.objects.filter(organisation=umea["org"]).count() == 3

    # 2. One case came too late: the utskott was not given the chance to prepare it.
    late = Case.objects.get(case_number="KF 2026/0044")
    page.goto(f"/arenden/?year={late.meeting_on.year}")
    _click(page, page.get_by_role("link", name="KF 2026/0044"))
    assert_accessible(page)
    _click(page, page.get_by_role("link", name="Registrera beredning"))
    assert_accessible(page)
    page.get_by_label("Ej berett – fick inte möjlighet").check()
    page.get_by_label("Upptäckt den").fill(f"{today:%Y-%m-%d}")
    _click(page, page.get_by_role("button", name="Spara", exact=True))
    page.get_by_text("Ej berett – fick inte möjlighet").first.wait_for()

    # 3. A meeting of the utskott, with a KF case from the agenda suggestions.
    page.goto("/moten/nytt/")
    assert_accessible(page)
    page.get_by_label("Rubrik", exact=True).fill("Utskottets sammanträde")
    page.get_by_label(re.compile(r"^Datum( \(|$)")).fill(f"{meeting_day:%Y-%m-%d}")
    page.get_by_label(re.compile(r"^Börjar( \(|$)")).fill("13:00")
    _click(page, page.get_by_role("button", name="Spara", exact=True))
    page.wait_for_url(re.compile(r".*/moten/\d+/$"))
    meeting_url = page.url
    assert_accessible(page)
    _click(page, page.get_by_role("link", name="Föreslå punkter"))
    assert_accessible(page)
    page.get_by_label(re.compile("KF 2026/0042 Program för fritidsgårdar")).check()
    _click(page, page.get_by_role("button", name="Lägg till i föredragningslistan"))
    page.get_by_text("De valda punkterna lades till", exact=False).wait_for()
    assert_accessible(page)

    # 4. The minutes record the utskott's preparation of the case.
    _click(page, page.get_by_role("link", name="Skriv protokollet"))
    item = page.locator("fieldset.minutes-item", has_text="KF 2026/0042")
    legend = item.locator("legend").first.inner_text()
    paragraph = re.match(r"§ (\d+)", legend).group(1)
    item.get_by_label("Beslut", exact=True).fill("Utskottet lämnar yttrande till KF.")
    item.get_by_label("Berett – yttrande").check()
    item.get_by_label("Yttrande – eller varför ärendet inte är aktuellt").fill(
        "Utskottet tillstyrker och föreslår att resultaten redovisas per kön."
    )
    item.get_by_label("Bedömning ur jämställdhetsperspektiv").fill(
        "Underlaget visar inte hur flickor och pojkar använder fritidsgårdarna."
    )
    assert_accessible(page)
    _click(page, page.get_by_role("button", name="Spara protokollet"))
    page.wait_for_url(meeting_url + "**")

    # 5. The case is "Berett" and links to the paragraph.
    page.goto(f"/arenden/?year={(today + dt.timedelta(days=30)).year}")
    _click(page, page.get_by_role("link", name="KF 2026/0042"))
    assert page.locator(".facts .tag").inner_text() == "Berett"
    link = page.get_by_role(
        "link",
        name=re.compile(
            rf"Berett vid Utskottets sammanträde .* {meeting_day.year} § {paragraph}$"
        ),
    )
    assert page.get_by_text("resultaten redovisas per kön").is_visible()
    assert_accessible(page)
    _click(page, link)
    assert page.url.startswith(meeting_url)

    # 6. The not-given list, printed, and its raising in KF recorded.
    page.goto(f"/arenden/tackning/?year={late.meeting_on.year}")
    assert_accessible(page)
    _click(
        page,
        page.get_by_role(
            "link", name="Skriv ut: ärenden organet inte fick möjlighet att bereda"
        ),
    )
    assert_accessible(page)
    table = page.locator("table.print-list").first
    assert "KF 2026/0044" in table.inner_text()
    assert "KF 2026/0042" not in table.inner_text()
    page.emulate_media(media="print")
    assert table.is_visible()
    assert not page.get_by_role("button", name="Registrera", exact=True).is_visible()
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")

    page.get_by_label("Lyft i").select_option(label="Kommunfullmäktige")
    page.get_by_label("Datum för sammanträdet där listan lyftes").fill(
        f"{today:%Y-%m-%d}"
    )
    page.get_by_label("Paragraf i protokollet").fill("KF § 112")
    page.get_by_label("Lyft av").select_option(label="Karin Lindgren")
    _click(page, page.get_by_role("button", name="Registrera", exact=True))
    page.get_by_text(
        "Registrerat: listan lyftes i Kommunfullmäktige", exact=False
    ).wait_for()
    assert "KF § 112" in page.locator("#raisings").inner_text()
    assert_accessible(page)

    # The same meeting again is refused with a Swedish message, nothing saved.
    page.get_by_label("Datum för sammanträdet där listan lyftes").fill(
        f"{today:%Y-%m-%d}"
    )
    page.get_by_label("Paragraf i protokollet").fill("KF § 113")
    _click(page, page.get_by_role("button", name="Registrera", exact=True))
    page.get_by_text(
        "Det är redan registrerat att listan lyftes", exact=False
    ).first.wait_for()
    assert_accessible(page)
    assert NotGivenListRaising.objects.count() == 1


def test_umea_demand_from_a_review_finding_reaches_the_board_s_manager(page, tmp_path):
    """A review finding becomes a demand, prefilled; Socialnämnden's manager answers
    it and the review shows the answered demand."""
    from jamkoll.reviews.tests.conftest import ensure_shipped_checklists
    from jamkoll.reviews.tests.documents import pdf_bytes

    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(60_000)
    ensure_shipped_checklists()
    umea = _umea()
    board = Unit.objects.get(organisation=umea["org"], name="Socialnämnden")
    manager = User.objects.create_user(username="umea-chef", password="pw-test-123456")
    RoleAssignment.objects.create(
        user=manager, organisation=umea["org"], role=Role.MANAGER
    ).units.set([board])
    pdf = tmp_path / "verksamhetsplan.pdf"
    pdf.write_bytes(pdf_bytes(tmp_path))
    due = timezone.localdate() + dt.timedelta(days=30)

    login(page, "umea-strateg")
    page.goto("/granskningar/ny/")
    assert_accessible(page)
    page.get_by_label("Dokumentets titel").fill("Socialnämndens verksamhetsplan")
    page.get_by_label("Dokumenttyp").select_option(label="Verksamhetsplan")
    page.get_by_label("Checklista").select_option(
        label="Jämställdhetsintegrerat styrdokument, version 1"
    )
    page.get_by_label("Ansvarig enhet").select_option(label="Socialnämnden")
    page.get_by_label("Dokumentfil").set_input_files(str(pdf))
    _click(page, page.get_by_role("button", name="Spara"))
    page.wait_for_url(re.compile(r"/granskningar/\d+/$"))
    review_url = page.url
    _click(page, page.get_by_role("link", name="Besvara checklistan"))
    page.get_by_role("group", name=re.compile("^S2 ")).get_by_label(
        "Nej", exact=True
    ).check()
    _click(page, page.get_by_role("button", name="Spara checklistan"))
    page.wait_for_url(review_url)

    # "Efterfråga" on the finding opens the demand form filled in from it.
    _click(page, page.get_by_role("link", name=re.compile("^Efterfråga")))
    assert_accessible(page)
    assert page.get_by_label("Socialnämnden").is_checked()
    assert not page.get_by_label("Byggnadsnämnden").is_checked()
    question = page.locator("#id_question").input_value()
    assert "S2 Budget" in question
    assert "Socialnämndens verksamhetsplan" in question
    page.get_by_label("Könsuppdelad statistik").check()
    page.locator("#id_occasion").select_option("budget_dialogue")
    page.locator("#id_due_on").fill(f"{due:%Y-%m-%d}")
    _click(page, page.get_by_role("button", name="Skicka efterfrågan"))
    page.wait_for_url(re.compile(r".*/efterfragningar/\d+/$"))
    demand_url = page.url
    assert page.get_by_role(
        "link", name=re.compile("Socialnämndens verksamhetsplan")
    ).count()
    assert_accessible(page)

    # Socialnämnden's manager finds it among the demands to answer, and answers.
    page.context.clear_cookies()
    login(page, "umea-chef")
    page.goto("/efterfragningar/att-besvara/")
    assert_accessible(page)
    _click(
        page,
        page.get_by_role(
            "link",
            name="Efterfrågan efter granskning: Socialnämndens verksamhetsplan",
        ),
    )
    _click(page, page.get_by_role("link", name="Besvara efterfrågan"))
    assert_accessible(page)
    page.locator("#id_text").fill(
        "Budgeten analyseras per kön inför nästa års verksamhetsplan."
    )
    _click(page, page.get_by_role("button", name="Lämna svaret"))
    page.wait_for_url(demand_url)
    assert page.get_by_text("Svaret lämnades.").is_visible()

    # Back at the review, the demand raised from it is listed as answered.
    page.context.clear_cookies()
    login(page, "umea-strateg")
    page.goto(review_url)
    demands = page.locator("section", has_text="Efterfrågningar utifrån granskningen")
    assert "Besvarad" in demands.last.inner_text()
    assert_accessible(page)
