import re

import pytest

from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def strategist_world(django_user_model):
    from jamkoll.accounts.models import Role, RoleAssignment
    from jamkoll.organisations.models import Organisation, Unit
    from jamkoll.reviews.tests.conftest import ensure_shipped_checklists

    ensure_shipped_checklists()
    org = Organisation.objects.create(name="Testkommun", code="0999")
    council = Unit.objects.create(
        organisation=org, name="Kommunfullmäktige", kind="council"
    )
    board = Unit.objects.create(
        organisation=org, name="Socialnämnden", kind="board", parent=council
    )
    user = django_user_model.objects.create_user(
        username="strateg", password="pw-test-123456"
    )
    RoleAssignment.objects.create(user=user, organisation=org, role=Role.STRATEGIST)
    return board


def test_upload_see_findings_confirm_checklist_and_raise_a_demand(
    page, live_server, strategist_world, tmp_path
):
    from jamkoll.reviews.tests.documents import pdf_bytes

    pdf = tmp_path / "verksamhetsplan.pdf"
    pdf.write_bytes(pdf_bytes(tmp_path))
    login(page, "strateg")

    page.goto("/granskningar/")
    assert_accessible(page)
    page.get_by_role("link", name="Ny granskning").click()
    assert_accessible(page)
    page.get_by_label("Dokumentets titel").fill("Verksamhetsplan 2026")
    page.get_by_label("Dokumenttyp").select_option(label="Verksamhetsplan")
    page.get_by_label("Checklista").select_option(
        label="Jämställdhetsintegrerat styrdokument, version 1"
    )
    page.get_by_label("Ansvarig enhet").select_option(label="Socialnämnden")
    page.get_by_label("Dokumentfil").set_input_files(str(pdf))
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(r"/granskningar/\d+/$"))

    # The analysis ran in the background task (immediate backend in tests).
    page.get_by_role("heading", name="Vad läsningen hittade").wait_for()
    assert (
        page.get_by_role(
            "heading", name=re.compile("Konsekvenser för jämställdheten")
        ).count()
        >= 1
    )
    assert "780 kvinnor och 460 män" in page.content()
    assert page.get_by_text("Sida 2", exact=False).count() >= 1
    assert_accessible(page)

    page.get_by_role("link", name="Besvara checklistan").click()
    assert_accessible(page)
    for code, answer in (
        ("S2", "Nej"),
        ("S3", "Delvis"),
        ("S6", "Ja"),
        ("S4", "Delvis"),
    ):
        group = page.get_by_role("group", name=re.compile(f"^{code} "))
        group.get_by_label(answer, exact=True).check()
    page.get_by_label("Iakttagelser").fill("Budgeten är inte analyserad.")
    page.get_by_label("Status").select_option(label="Klar")
    page.get_by_role("button", name="Spara checklistan").click()
    page.wait_for_url(re.compile(r"/granskningar/\d+/$"))
    assert "Budgeten är inte analyserad." in page.content()
    assert_accessible(page)

    demand = page.get_by_role("link", name=re.compile("^Efterfråga"))
    assert demand.count() == 1
    demand.click()
    page.wait_for_load_state()
    # The demand form arrives filled in from the review, not empty.
    assert page.get_by_label("Socialnämnden").is_checked()
    assert page.locator("#id_title").input_value() == (
        "Efterfrågan efter granskning: Verksamhetsplan 2026"
    )
    question = page.locator("#id_question").input_value()
    assert "Verksamhetsplan 2026" in question
    assert "S2 " in question
    assert_accessible(page)

    page.goto("/granskningar/trend/")
    assert "Socialnämnden" in page.content()
    assert_accessible(page)
