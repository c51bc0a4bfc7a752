import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from jamkoll.reviews import services
from jamkoll.reviews.models import Analysis, Checklist, Review
from jamkoll.reviews.tests.conftest import shipped
from jamkoll.reviews.tests.documents import pdf_bytes, upload


@pytest.fixture
def uploaded(make_review, tmp_path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_review(upload=upload("plan.pdf", pdf_bytes(tmp_path)))


def test_shipped_checklists_have_their_criteria(db):
    counts = {
        c.key: c.versions.get(number=1).criteria.count()
        for c in Checklist.objects.filter(organisation=None)
    }
    assert counts == {
        "beslutsunderlag": 5,
        "styrdokument": 6,
        "3r4r": 4,
        "sjalvskattning": 10,
        "sjalvskattning-namnd": 10,
    }
    assert shipped("sjalvskattning").answer_type == "score"
    assert Checklist.objects.get(key="beslutsunderlag").has_decision_outcome


def test_creating_a_review_makes_one_empty_answer_per_criterion(make_review):
    review = make_review()
    assert review.answers.count() == 6
    assert set(review.answers.values_list("value", flat=True)) == {""}


@pytest.mark.parametrize("role", ["politician", "manager", "reader"])
def test_only_strategists_and_admins_create_reviews(make_review, world, role):
    with pytest.raises(PermissionDenied):
        make_review(by=world.user(role))
    assert not Review.objects.exists()


def test_a_strategist_cannot_create_a_review_in_another_organisation(
    make_review, world
):
    with pytest.raises(PermissionDenied):
        make_review(world.other, by=world.user("strategist"))


def test_upload_is_stored_under_a_random_name_and_analysed(uploaded):
    assert uploaded.original_filename == "plan.pdf"
    assert "plan" not in uploaded.document.name
    analysis = uploaded.analyses.get()
    assert analysis.status == Analysis.Status.DONE
    assert analysis.pages == 2
    pages = set(analysis.findings.values_list("detector", "page"))
    assert ("sexdisagg_stats", 1) in pages
    assert ("gender_impact_analysis", 2) in pages


def test_analysis_prefills_suggestions_but_not_the_confirmed_answer(uploaded):
    s1 = uploaded.answers.get(criterion__code="S1")
    assert s1.suggested in {"yes", "partly"}
    assert "s. 2" in s1.suggested_evidence
    assert s1.value == ""
    assert uploaded.answers.get(criterion__code="S2").suggested == ""


def test_a_crashing_reader_ends_as_failed_with_a_swedish_message(
    make_review, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(services.reader, "analyse", boom)
    with django_capture_on_commit_callbacks(execute=True):
        review = make_review(upload=upload("plan.pdf", pdf_bytes(tmp_path)))
    analysis = review.analyses.get()
    assert analysis.status == Analysis.Status.FAILED
    assert analysis.error_message == str(services.ANALYSIS_CRASHED)


def test_an_analysis_that_stopped_reporting_is_marked_failed(make_review):
    review = make_review()
    analysis = Analysis.objects.create(review=review, status=Analysis.Status.RUNNING)
    later = timezone.now() + services.STALE_AFTER + dt.timedelta(minutes=1)
    assert services.fail_stale_analyses(review=review, now=later) == 1
    analysis.refresh_from_db()
    assert analysis.status == Analysis.Status.FAILED
    assert services.fail_stale_analyses(review=review) == 0


def test_confirmed_and_suggested_answers_are_kept_apart(uploaded, world):
    s1 = uploaded.answers.get(criterion__code="S1")
    services.save_answers(
        review=uploaded,
        by=world.user("strategist"),
        answers={s1.pk: {"value": "no", "comment": "Målen saknas", "evidence": ""}},
        findings="",
    )
    s1.refresh_from_db()
    assert s1.value == "no"
    assert s1.suggested in {"yes", "partly"}
    assert s1.is_overridden


def test_a_review_can_be_done_only_when_every_point_is_answered(make_review, world):
    review = make_review()
    with pytest.raises(ValidationError):
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={},
            findings="x",
            status=Review.Status.DONE,
        )
    review.refresh_from_db()
    assert review.status == Review.Status.IN_PROGRESS
    answers = {a.pk: {"value": "yes"} for a in review.answers.all()}
    services.save_answers(
        review=review,
        by=world.user("strategist"),
        answers=answers,
        findings="x",
        status=Review.Status.DONE,
    )
    review.refresh_from_db()
    assert review.status == Review.Status.DONE
    assert review.completed_on == timezone.localdate()


def test_score_answers_refuse_yes_no_values(make_review, world):
    review = make_review(key="sjalvskattning", document_type="self_assessment")
    answer = review.answers.first()
    with pytest.raises(ValidationError):
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={answer.pk: {"value": "yes"}},
            findings="",
        )


def test_answers_of_another_review_cannot_be_written(make_review, world):
    review = make_review()
    other = make_review(world.other)
    foreign = other.answers.first()
    with pytest.raises(PermissionDenied):
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={foreign.pk: {"value": "yes"}},
            findings="",
        )


def test_outcome_only_for_checklists_with_a_decision_outcome(make_review, world):
    review = make_review()
    with pytest.raises(ValidationError):
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={},
            findings="",
            outcome=Review.Outcome.SEND_BACK,
        )


def test_new_checklist_version_leaves_old_reviews_on_their_version(make_review, world):
    strategist = world.user("strategist")
    checklist = services.create_checklist(
        organisation=world.own.organisation,
        by=strategist,
        name="Egen lista",
        answer_type="yes_no",
        criteria=[{"code": "E1", "text": "Första punkten"}],
    )
    v1 = checklist.versions.get()
    review = services.create_review(
        organisation=world.own.organisation,
        by=strategist,
        checklist_version=v1,
        unit=world.own.board,
        title="Plan",
        document_type="policy",
        year=2026,
        document_reference="x",
    )
    v2 = services.create_checklist_version(
        checklist=checklist,
        by=strategist,
        answer_type="yes_no",
        note="Ny punkt",
        criteria=[
            {"code": "E1", "text": "Första punkten"},
            {"code": "E2", "text": "Andra"},
        ],
    )
    review.refresh_from_db()
    assert v2.number == 2
    assert review.checklist_version == v1
    assert list(review.answers.values_list("criterion__code", flat=True)) == ["E1"]


def test_shipped_checklists_cannot_get_new_versions(world):
    with pytest.raises(PermissionDenied):
        services.create_checklist_version(
            checklist=shipped("styrdokument").checklist,
            by=world.user("strategist"),
            answer_type="yes_no",
            criteria=[{"code": "X", "text": "x"}],
        )


def test_checklist_needs_criteria_with_unique_codes(world):
    for criteria in ([], [{"code": "A", "text": "a"}, {"code": "A", "text": "b"}]):
        with pytest.raises(ValidationError):
            services.create_checklist(
                organisation=world.own.organisation,
                by=world.user("strategist"),
                name="Tom",
                answer_type="yes_no",
                criteria=criteria,
            )
    assert not Checklist.objects.filter(name="Tom").exists()


def test_development_need_takes_unit_and_year_from_the_review(make_review, world):
    review = make_review()
    need = services.add_development_need(
        review=review, by=world.user("strategist"), text="Könsuppdela statistiken."
    )
    assert (need.unit, need.year, need.organisation) == (
        world.own.board,
        2026,
        world.own.organisation,
    )
    with pytest.raises(PermissionDenied):
        services.add_development_need(review=review, by=world.user("reader"), text="x")
