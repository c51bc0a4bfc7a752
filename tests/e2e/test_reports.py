import re

import pytest

from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def strategist(django_user_model):
    from jamkoll.accounts.models import Role, RoleAssignment
    from jamkoll.organisations.models import Organisation, Unit

    org = Organisation.objects.create(name="Testkommun", code="0998")
    council = Unit.objects.create(
        organisation=org, name="Kommunfullmäktige", kind="council"
    )
    Unit.objects.create(
        organisation=org,
        name="Jämställdhetsberedningen",
        kind="equality_body",
        parent=council,
        body_form="drafting_committee",
        yearly_meeting_target=10,
    )
    Unit.objects.create(
        organisation=org, name="Socialnämnden", kind="board", parent=council
    )
    user = django_user_model.objects.create_user(
        username="strateg", password="pw-test-123456"
    )
    RoleAssignment.objects.create(user=user, organisation=org, role=Role.STRATEGIST)
    return user


def test_write_the_report_add_an_area_and_download_by_keyboard(
    page, live_server, strategist
):
    login(page, "strateg")
    page.goto("/arsrapport/2026/")
    assert_accessible(page)
    page.get_by_role("link", name="Redigera inledning och ordförandens ord").click()
    assert_accessible(page)
    page.get_by_label("Inledning").fill("Året har präglats av dialog.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(r"/arsrapport/2026/$"))
    page.get_by_role("link", name="Föreslå ett utvecklingsområde").click()
    assert_accessible(page)
    page.get_by_label("Rubrik").fill("Könsuppdelad statistik")
    page.get_by_label("Motivering").fill("Saknas i nämndernas uppföljning.")
    page.get_by_role("button", name="Spara").click()
    page.wait_for_url(re.compile(r"/arsrapport/2026/$"))
    assert page.get_by_role("heading", name="1. Könsuppdelad statistik").is_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").focus()
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "arsrapport-0998-2026.pdf"
    assert (
        page.get_by_role("status")
        .filter(has_text="PDF-filen har laddats ner.")
        .is_visible()
    )
