import datetime as dt

import pytest
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.reports import services
from jamkoll.reports.models import DevelopmentArea, YearlyReport
from jamkoll.reports.tests.helpers import adoption_item

DETAIL = reverse("reports:detail", args=[2026])


def test_the_report_page_shows_the_assembled_draft_with_a_chart_and_its_table(
    client_for,
):
    response = client_for(Role.READER).get(DETAIL)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Jämställdhetsberedningen" in page
    assert '<figure class="chart"' in page
    assert '<th scope="row">Jämställdhetsberedningen</th>' in page
    # Readers see the report but neither edit nor download links.
    assert reverse("reports:edit_texts", args=[2026]) not in page
    assert reverse("reports:download", args=[2026, "docx"]) not in page


def test_editors_see_edit_and_download_links(client_for):
    page = client_for(Role.STRATEGIST).get(DETAIL).content.decode()
    assert reverse("reports:edit_texts", args=[2026]) in page
    assert reverse("reports:download", args=[2026, "pdf"]) in page


def test_a_politician_downloads_but_does_not_edit(client_for):
    page = client_for(Role.POLITICIAN).get(DETAIL).content.decode()
    assert reverse("reports:download", args=[2026, "docx"]) in page
    assert reverse("reports:edit_texts", args=[2026]) not in page


def test_the_report_page_queries_do_not_grow_with_development_areas(
    world, client_for, django_assert_max_num_queries
):
    client = client_for(Role.STRATEGIST)
    report = YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    DevelopmentArea.objects.create(report=report, title="Ett", rationale="Skäl.")
    with django_assert_max_num_queries(40) as few:
        client.get(DETAIL)
    for n in range(8):
        DevelopmentArea.objects.create(
            report=report, title=f"Fler {n}", rationale="Skäl.", unit=world.own.board
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(DETAIL)


def test_saving_the_texts_creates_the_report_and_a_version(world, client_for):
    response = client_for(Role.STRATEGIST).post(
        reverse("reports:edit_texts", args=[2026]),
        {
            "introduction": "Året har präglats av dialog.",
            "chair_words": "Tack!",
            "version": "",
        },
    )
    assert response.status_code == 302
    report = YearlyReport.objects.get(organisation=world.own.organisation, year=2026)
    assert report.introduction == "Året har präglats av dialog."
    assert report.history.count() == 2


def test_a_stale_form_keeps_the_typed_text_and_answers_400(world, client_for):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2026, by=strategist
    )
    services.save_texts(
        report=report, introduction="Någon annan", chair_words="", by=strategist
    )
    response = client_for(Role.ADMIN).post(
        reverse("reports:edit_texts", args=[2026]),
        {
            "introduction": "Min text som inte får försvinna",
            "chair_words": "",
            "version": "1",
        },
    )
    assert response.status_code == 400
    assert "Min text som inte får försvinna" in response.content.decode()
    report.refresh_from_db()
    assert report.introduction == "Någon annan"


def test_an_invalid_area_answers_400_and_keeps_the_input(client_for):
    response = client_for(Role.STRATEGIST).post(
        reverse("reports:area_create", args=[2026]),
        {"title": "", "rationale": "Skäl som ska finnas kvar", "unit": ""},
    )
    assert response.status_code == 400
    assert "Skäl som ska finnas kvar" in response.content.decode()
    assert not DevelopmentArea.objects.exists()


def test_an_area_is_added_and_shown_in_the_report(world, client_for):
    client = client_for(Role.STRATEGIST)
    response = client.post(
        reverse("reports:area_create", args=[2026]),
        {
            "title": "Jämställd resursfördelning",
            "rationale": "Behövs.",
            "unit": world.own.board.pk,
        },
    )
    assert response.status_code == 302
    page = client.get(DETAIL).content.decode()
    assert "Jämställd resursfördelning" in page


def test_status_change_by_a_politician_is_forbidden(world, client_for):
    YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    response = client_for(Role.POLITICIAN).post(
        reverse("reports:change_status", args=[2026]), {"status": "ready"}
    )
    assert response.status_code == 403
    assert YearlyReport.objects.get().status == "draft"


def test_adopting_through_the_page_locks_editing(world, client_for):
    YearlyReport.objects.create(
        organisation=world.own.organisation, year=2026, status=YearlyReport.Status.READY
    )
    client = client_for(Role.STRATEGIST)
    # A status change cannot adopt: that takes the confirmation page.
    client.post(reverse("reports:change_status", args=[2026]), {"status": "adopted"})
    assert not YearlyReport.objects.get().is_locked
    item = adoption_item(world.own, held_on=dt.date(2026, 11, 10))
    response = client.post(
        reverse("reports:adopt", args=[2026]), {"agenda_item": item.pk}
    )
    assert response.status_code == 302
    assert YearlyReport.objects.get().is_locked
    assert client.get(reverse("reports:edit_texts", args=[2026])).status_code == 403


@pytest.mark.parametrize("role", [Role.MANAGER, Role.READER])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_managers_and_readers_cannot_download(client_for, role, fmt):
    response = client_for(role).get(reverse("reports:download", args=[2026, fmt]))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("docx", "application/vnd.openxmlformats"), ("pdf", "application/pdf")],
)
def test_download_gives_the_file(client_for, fmt, content_type):
    response = client_for(Role.POLITICIAN).get(
        reverse("reports:download", args=[2026, fmt])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert f"arsrapport-0001-2026.{fmt}" in response["Content-Disposition"]


def test_an_unknown_format_or_year_is_not_found(client_for):
    client = client_for(Role.ADMIN)
    assert (
        client.get(reverse("reports:download", args=[2026, "odt"])).status_code == 404
    )
    assert client.get(reverse("reports:detail", args=[1999])).status_code == 404


def test_the_versions_page_lists_each_saved_version(world, client_for):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2026, by=strategist
    )
    services.save_texts(
        report=report, introduction="Version två", chair_words="", by=strategist
    )
    page = (
        client_for(Role.ADMIN)
        .get(reverse("reports:versions", args=[2026]))
        .content.decode()
    )
    assert page.count("<tr>") >= 3
