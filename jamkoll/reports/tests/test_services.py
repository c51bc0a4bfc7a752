import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jamkoll.accounts.models import Role
from jamkoll.reports import services
from jamkoll.reports.models import InvalidTransition, YearlyReport
from jamkoll.reports.tests.helpers import adopt

TODAY = dt.date(2026, 12, 10)


@pytest.fixture
def report(world):
    return services.start_report(
        organisation=world.own.organisation, year=2026, by=world.user(Role.STRATEGIST)
    )


def test_starting_a_report_twice_returns_the_same_draft(world, report):
    again = services.start_report(
        organisation=world.own.organisation, year=2026, by=world.user(Role.ADMIN)
    )
    assert again.pk == report.pk
    assert report.status == YearlyReport.Status.DRAFT
    assert report.version == 1


@pytest.mark.parametrize("role", [Role.POLITICIAN, Role.MANAGER, Role.READER])
def test_only_editors_start_a_report(world, role):
    with pytest.raises(PermissionDenied):
        services.start_report(
            organisation=world.own.organisation, year=2026, by=world.user(role)
        )
    assert not YearlyReport.objects.exists()


def test_a_user_of_another_organisation_cannot_start_a_report(world):
    with pytest.raises(PermissionDenied):
        services.start_report(
            organisation=world.own.organisation, year=2026, by=world.outsider
        )


def test_saving_texts_raises_the_version_and_records_who(world, report):
    strategist = world.user(Role.STRATEGIST)
    services.save_texts(
        report=report, introduction=" Året i korthet. ", chair_words="", by=strategist
    )
    report.refresh_from_db()
    assert report.introduction == "Året i korthet."
    assert report.version == 2
    latest = report.history.first()
    assert latest.history_user == strategist
    assert latest.version == 2


def test_saving_unchanged_texts_makes_no_new_version(world, report):
    services.save_texts(
        report=report, introduction="", chair_words="", by=world.user(Role.ADMIN)
    )
    report.refresh_from_db()
    assert report.version == 1


def test_a_stale_version_is_refused_and_nothing_is_saved(world, report):
    services.save_texts(
        report=report, introduction="Först", chair_words="", by=world.user(Role.ADMIN)
    )
    with pytest.raises(ValidationError):
        services.save_texts(
            report=report,
            introduction="Sent",
            chair_words="",
            expected_version=1,
            by=world.user(Role.STRATEGIST),
        )
    report.refresh_from_db()
    assert report.introduction == "Först"


def test_a_development_area_is_added_with_its_source(world, report):
    area = services.save_development_area(
        report=report,
        by=world.user(Role.STRATEGIST),
        title="Könsuppdelad statistik i verksamhetsplaner",
        rationale="Granskningen visade att statistiken saknas.",
        unit=world.own.board,
        source_reference="reviews.developmentneed:1",
        source_label="Granskning av verksamhetsplan",
    )
    report.refresh_from_db()
    assert area.source_reference == "reviews.developmentneed:1"
    assert report.version == 2
    assert "Könsuppdelad" in report.history.first().history_change_reason


def test_a_development_area_cannot_concern_another_organisations_unit(world, report):
    with pytest.raises(ValidationError):
        services.save_development_area(
            report=report,
            by=world.user(Role.STRATEGIST),
            title="Fel",
            rationale="Fel kommun.",
            unit=world.other.board,
        )
    assert not report.development_areas.exists()


def test_a_development_area_needs_a_title_and_rationale(world, report):
    with pytest.raises(ValidationError) as error:
        services.save_development_area(
            report=report,
            by=world.user(Role.STRATEGIST),
            title=" ",
            rationale="",
            unit=None,
        )
    assert {"title", "rationale"} <= set(error.value.message_dict)


def test_status_goes_draft_ready_adopted_and_adoption_locks(world, report):
    strategist = world.user(Role.STRATEGIST)
    services.save_texts(
        report=report, introduction="Inledning", chair_words="", by=strategist
    )
    adopted = adopt(report, by=strategist, org_world=world.own, on=TODAY)
    assert adopted.is_locked
    assert adopted.adopted_on == TODAY
    assert (
        adopted.adopted_content["title"] == "Jämställdhetsberedningens årsrapport 2026"
    )
    with pytest.raises(PermissionDenied):
        services.save_texts(
            report=adopted, introduction="Ändrad", chair_words="", by=strategist
        )
    with pytest.raises(PermissionDenied):
        services.save_development_area(
            report=adopted, by=strategist, title="Ny", rationale="Ny.", unit=None
        )
    with pytest.raises(InvalidTransition):
        services.change_status(
            report=adopted, status=YearlyReport.Status.DRAFT, by=strategist, today=TODAY
        )


def test_a_report_is_not_adopted_by_a_status_change(world, report):
    with pytest.raises(ValidationError):
        services.change_status(
            report=report,
            status=YearlyReport.Status.ADOPTED,
            by=world.user(Role.ADMIN),
            today=TODAY,
        )
    report.refresh_from_db()
    assert report.status == YearlyReport.Status.DRAFT


@pytest.mark.parametrize("role", [Role.POLITICIAN, Role.MANAGER, Role.READER])
def test_only_editors_change_the_status(world, report, role):
    with pytest.raises(PermissionDenied):
        services.change_status(
            report=report,
            status=YearlyReport.Status.READY,
            by=world.user(role),
            today=TODAY,
        )


def test_removing_an_area_is_kept_in_the_history(world, report):
    strategist = world.user(Role.STRATEGIST)
    area = services.save_development_area(
        report=report, by=strategist, title="Tas bort", rationale="Test.", unit=None
    )
    services.delete_development_area(area=area, by=strategist)
    assert not report.development_areas.exists()
    assert area.history.model.objects.filter(
        title="Tas bort", history_type="-"
    ).exists()
