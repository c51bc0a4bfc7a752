import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import override

from jamkoll.core.tests.upload_files import docx_bomb
from jamkoll.reviews import services
from jamkoll.reviews.models import Analysis, Review
from jamkoll.reviews.tests.conftest import shipped
from jamkoll.reviews.tests.documents import (
    encrypted_pdf_bytes,
    pdf_bytes,
    upload,
)


def _post_upload(client, file, **extra):
    data = {
        "title": "Verksamhetsplan 2026",
        "document_type": "operating_plan",
        "checklist_version": shipped("styrdokument").pk,
        "unit": extra.pop("unit"),
        "year": 2026,
        "case_number": "SN 2026/12",
        "document_reference": "",
        "upload": file,
    }
    data.update(extra)
    return client.post(reverse("reviews:create"), data)


def _sv(message) -> str:
    with override("sv"):
        return escape(str(message))


@pytest.fixture
def strategist(client_for):
    return client_for("strategist")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.pdf", b"", "Filen tom.pdf är tom."),
        (
            "falsk.pdf",
            b"<html>inte en pdf</html>",
            "Filen falsk.pdf har filändelsen .pdf men innehållet är inte PDF.",
        ),
        (
            "bild.png",
            b"\x89PNG\r\n",
            "Filen bild.png är inte en tillåten filtyp. Tillåtna filtyper: PDF, "
            "Word (DOCX), OpenDocument-text (ODT), ren text (TXT).",
        ),
        (
            "krypterad.pdf",
            encrypted_pdf_bytes(),
            "Filen krypterad.pdf är lösenordsskyddad.",
        ),
        (
            "trasig.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrasigt",
            "Filen trasig.pdf är skadad och går inte att öppna.",
        ),
        ("bomb.docx", docx_bomb(), "Filen bomb.docx blir 1,0\xa0GB uppackad"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_nothing_saved(
    strategist, world, name, content, message
):
    response = _post_upload(strategist, upload(name, content), unit=world.own.board.pk)
    assert response.status_code == 400
    assert _sv(message) in response.content.decode()
    assert "SN 2026/12" in response.content.decode()
    assert not Review.objects.exists()


def test_oversized_upload_uses_the_limit_read_at_call_time(strategist, world, settings):
    settings.JAMKOLL_MAX_UPLOAD_BYTES = 1_572_864  # 1,5 MB
    response = _post_upload(
        strategist,
        upload("stor.pdf", b"%PDF-1.4\n" + b"0" * 2_000_000),
        unit=world.own.board.pk,
    )
    assert response.status_code == 400
    # Swedish figures with a decimal comma, and the limit of this moment.
    assert "Filen stor.pdf är för stor (1,9\xa0MB); gränsen är 1,5\xa0MB." in (
        response.content.decode()
    )
    assert not Review.objects.exists()


def test_a_document_in_another_language_is_reported(
    strategist, world, tmp_path, django_capture_on_commit_callbacks
):
    english = " ".join(
        ["The board is responsible for the schools and it has a plan."] * 20
    )
    with django_capture_on_commit_callbacks(execute=True):
        _post_upload(
            strategist,
            upload("plan.txt", english.encode(), "text/plain"),
            unit=world.own.board.pk,
        )
    page = strategist.get(Review.objects.get().get_absolute_url()).content.decode()
    assert "svenska" in page


def test_task_failure_is_shown_as_failed(
    strategist, world, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services.reader, "analyse", lambda *a, **k: 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        _post_upload(
            strategist, upload("plan.pdf", pdf_bytes(tmp_path)), unit=world.own.board.pk
        )
    page = strategist.get(Review.objects.get().get_absolute_url()).content.decode()
    assert _sv(services.ANALYSIS_CRASHED) in page
    assert "every 2s" not in page


def test_upload_shows_findings_by_section_with_page_numbers(
    strategist, world, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _post_upload(
            strategist, upload("plan.pdf", pdf_bytes(tmp_path)), unit=world.own.board.pk
        )
    page = strategist.get(Review.objects.get().get_absolute_url()).content.decode()
    assert "Konsekvenser för jämställdheten" in page
    assert "780 kvinnor och 460 män" in page
    assert "every 2s" not in page


def test_status_fragment_polls_while_running_and_refreshes_when_done(
    strategist, make_review
):
    review = make_review()
    analysis = Analysis.objects.create(
        review=review, status=Analysis.Status.RUNNING, progress=40, pages_read=12
    )
    url = reverse("reviews:analysis_status", args=[review.pk])
    fragment = strategist.get(url, headers={"HX-Request": "true"})
    body = fragment.content.decode()
    assert 'hx-trigger="every 2s"' in body
    assert '<progress id="analysis-progress"' in body
    assert 'value="40"' in body
    assert "<h1>" not in body
    analysis.status = Analysis.Status.DONE
    analysis.save()
    done = strategist.get(url, headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true"


def test_download_only_through_the_permission_checked_view(
    client, world, make_review, tmp_path, settings
):
    review = make_review(upload=upload("plan.pdf", pdf_bytes(tmp_path)))
    url = reverse("reviews:download", args=[review.pk])
    client.force_login(world.user("reader"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/" + review.document.name).status_code == 404
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    assert client.get(review.get_absolute_url()).status_code == 404


def test_a_manager_cannot_download_documents_of_units_they_do_not_manage(
    client, world, make_review, tmp_path
):
    review = make_review(
        unit=world.own.other_board, upload=upload("p.pdf", pdf_bytes(tmp_path))
    )
    client.force_login(world.user("manager"))
    assert client.get(reverse("reviews:download", args=[review.pk])).status_code == 404


def test_confirming_the_checklist_and_raising_a_demand_from_a_missing_point(
    strategist, make_review, world
):
    review = make_review()
    answers = list(review.answers.all())
    data = {
        f"a{a.pk}-value": "no" if a.criterion.code == "S2" else "yes" for a in answers
    }
    data.update({"review-findings": "Budgeten saknar analys.", "review-status": "done"})
    response = strategist.post(reverse("reviews:answers", args=[review.pk]), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.DONE
    page = strategist.get(review.get_absolute_url()).content.decode()
    # One "Efterfråga" button, for the missing point; the prefilled form it opens is
    # tested in test_demand_handoff.py.
    create = reverse("result_requests:create")
    assert page.count(f'href="{create}?review={review.pk}') == 1


def test_readers_do_not_get_the_raise_demand_button(client_for, make_review):
    review = make_review()
    for answer in review.answers.all():
        answer.value = "no"
        answer.save()
    page = client_for("reader").get(review.get_absolute_url()).content.decode()
    assert reverse("result_requests:create") not in page


def test_marking_done_with_unanswered_points_is_refused_and_keeps_input(
    strategist, make_review
):
    review = make_review()
    response = strategist.post(
        reverse("reviews:answers", args=[review.pk]),
        {"review-findings": "Mina iakttagelser", "review-status": "done"},
    )
    assert response.status_code == 400
    assert "Mina iakttagelser" in response.content.decode()
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS


def test_review_list_query_count_does_not_grow_with_rows(
    strategist, make_review, django_assert_max_num_queries
):
    make_review()
    url = reverse("reviews:list")
    strategist.get(url)
    with django_assert_max_num_queries(12) as few:
        strategist.get(url)
    for _ in range(5):
        make_review()
    with django_assert_max_num_queries(len(few.captured_queries)):
        strategist.get(url)


def test_checklist_detail_query_count_is_fixed(
    strategist, django_assert_max_num_queries
):
    checklist = shipped("styrdokument").checklist
    with django_assert_max_num_queries(12):
        strategist.get(checklist.get_absolute_url())


def test_trend_shows_share_met_per_unit_and_year(strategist, make_review, world):
    for year, value in ((2025, "no"), (2026, "partly")):
        review = make_review(year=year)
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={a.pk: {"value": value} for a in review.answers.all()},
            findings="",
            status=Review.Status.DONE,
        )
    page = strategist.get(reverse("reviews:trend")).content.decode()
    assert "Socialnämnden" in page
    assert '<td class="num">0\xa0%</td>' in page
    assert '<td class="num">50\xa0%</td>' in page
    assert "<svg" in page


def test_create_checklist_through_the_form(strategist):
    response = strategist.post(
        reverse("reviews:checklist_create"),
        {
            "name": "Lokal lista",
            "answer_type": "yes_no",
            "criteria-TOTAL_FORMS": "3",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-code": "L1",
            "criteria-0-text": "Finns målen?",
            "criteria-0-detector": "equality_goals",
            "criteria-1-code": "",
            "criteria-1-text": "",
            "criteria-2-code": "",
            "criteria-2-text": "",
        },
    )
    assert response.status_code == 302
    page = strategist.get(response["Location"]).content.decode()
    assert "Finns målen?" in page


def test_invalid_checklist_form_gives_400(strategist):
    response = strategist.post(
        reverse("reviews:checklist_create"),
        {
            "name": "",
            "answer_type": "yes_no",
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-code": "",
            "criteria-0-text": "x",
        },
    )
    assert response.status_code == 400
