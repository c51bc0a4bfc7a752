"""Adoption belongs to the body: its chair or a strategist records the meeting
paragraph and case number on a confirmation page; the front page then says so."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.reports import selectors, services
from jamkoll.reports.models import YearlyReport
from jamkoll.reports.tests.helpers import adoption_item

HELD_ON = dt.date(2026, 11, 10)


@pytest.fixture
def ready(world):
    report = YearlyReport.objects.create(
        organisation=world.own.organisation,
        year=2026,
        status=YearlyReport.Status.READY,
    )
    return report, adoption_item(world.own, held_on=HELD_ON, paragraph=12)


def _make_chair(world):  # type: ignore[no-untyped-def]
    """The own politician user is the person holding the body's chair mandate."""
    politician = world.user(Role.POLITICIAN)
    world.own.person.user = politician
    world.own.person.save()
    return politician


def test_the_confirmation_page_says_what_happens(world, ready, client_for):
    page = client_for(Role.STRATEGIST).get(reverse("reports:adopt", args=[2026]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Rapporten låses" in text
    assert "Innehållet fryses som det är nu" in text
    assert "§ 12 Årsrapport (sammanträde 10 november 2026)" in text
    assert "Fastställ och lås rapporten" in text


def test_the_chair_records_the_adoption_and_the_front_page_says_so(
    world, ready, client
):
    report, item = ready
    client.force_login(_make_chair(world))
    response = client.post(
        reverse("reports:adopt", args=[2026]),
        {"agenda_item": item.pk, "case_number": " KS 2026/123 "},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.is_locked
    assert report.adopted_on == HELD_ON
    assert report.adopted_at == item
    assert report.case_number == "KS 2026/123"
    note = (
        "Fastställd av Jämställdhetsberedningen 10 november 2026, § 12, "
        "dnr KS 2026/123."
    )
    assert report.adopted_content["status_note"] == note
    assert report.adopted_content["case_number"] == "KS 2026/123"
    page = client.get(reverse("reports:detail", args=[2026])).content.decode()
    assert note in page
    content = selectors.assemble(
        organisation=world.own.organisation, year=2026, report=report
    )
    assert content.status_note == note


@pytest.mark.parametrize("role", [Role.ADMIN, Role.POLITICIAN, Role.MANAGER])
def test_others_may_not_adopt(world, ready, client_for, role):
    report, item = ready
    client = client_for(role)
    assert client.get(reverse("reports:adopt", args=[2026])).status_code == 403
    response = client.post(
        reverse("reports:adopt", args=[2026]), {"agenda_item": item.pk}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.READY
    with pytest.raises(PermissionDenied):
        services.adopt_report(
            report=report, agenda_item=item, by=world.user(role), today=HELD_ON
        )


def test_a_former_chair_may_not_adopt(world, ready, client):
    politician = _make_chair(world)
    world.own.membership.ends_on = dt.date(2026, 10, 31)
    world.own.membership.save()
    client.force_login(politician)
    assert client.get(reverse("reports:adopt", args=[2026])).status_code == 403


def test_a_paragraph_of_another_organisation_is_refused(world, ready, client_for):
    report, _item = ready
    foreign = adoption_item(world.other, held_on=HELD_ON)
    response = client_for(Role.STRATEGIST).post(
        reverse("reports:adopt", args=[2026]), {"agenda_item": foreign.pk}
    )
    assert response.status_code == 400
    assert "Välj en av paragraferna i listan" in response.content.decode()
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.READY
    assert report.adopted_content is None


def test_a_draft_cannot_be_adopted(world, ready, client_for):
    report, item = ready
    report.status = YearlyReport.Status.DRAFT
    report.save()
    client = client_for(Role.STRATEGIST)
    page = client.get(reverse("reports:adopt", args=[2026])).content.decode()
    assert "Markera den som klar för justering först" in page
    response = client.post(
        reverse("reports:adopt", args=[2026]), {"agenda_item": item.pk}
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.DRAFT


def test_the_detail_page_offers_adoption_only_through_the_confirmation(
    world, ready, client_for
):
    page = client_for(Role.STRATEGIST).get(reverse("reports:detail", args=[2026]))
    text = page.content.decode()
    assert reverse("reports:adopt", args=[2026]) in text
    assert 'value="adopted"' not in text
