"""The board level in reviews (issue 13): a board politician's decision documents,
the confirmed suggestions, the outcome with the board meeting, the board's trend and
the board self-assessment."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.html import escape

from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.reviews import permissions, services
from jamkoll.reviews.models import Checklist, Review, source_ref_of
from jamkoll.reviews.tests.conftest import shipped
from jamkoll.reviews.tests.documents import upload

BOARD = "board_politician"
OTHER_BOARD_MESSAGE = (
    "Du kan bara välja din egen nämnd, dess förvaltning eller dess bolag."
)


@pytest.fixture
def board(client_for):
    return client_for(BOARD)


@pytest.fixture
def reviews(make_review, world):
    return {
        "board": make_review(unit=world.own.board, key="beslutsunderlag"),
        "administration": make_review(unit=world.own.administration),
        "ks": make_review(unit=world.own.executive_board, key="beslutsunderlag"),
        "culture": make_review(unit=world.own.other_board, key="beslutsunderlag"),
        "other": make_review(world.other),
    }


def _decision(world, **extra):
    data = {
        "title": "Taxa för hemtjänst 2027",
        "document_type": "decision_document",
        "checklist_version": shipped("beslutsunderlag").pk,
        "unit": world.own.board.pk,
        "year": 2026,
        "case_number": "SN 2026/45",
        "document_reference": "Diariet SN 2026/45",
    }
    data.update(extra)
    return data


# --- Permissions -------------------------------------------------------------------


def test_a_board_politician_reads_their_board_and_the_organisation_wide_reviews(
    reviews, world
):
    visible = set(permissions.reviews_visible_to(world.user(BOARD)))
    assert visible == {reviews["board"], reviews["administration"], reviews["ks"]}


@pytest.mark.parametrize(
    ("key", "allowed"),
    [
        ("board", True),
        ("administration", True),
        ("ks", False),
        ("culture", False),
        ("other", False),
    ],
)
def test_a_board_politician_changes_only_their_boards_reviews(
    reviews, world, key, allowed
):
    user = world.user(BOARD)
    assert permissions.can_edit_reviews(user, reviews[key]) is allowed
    assert permissions.can_raise_demand(user, reviews[key]) is allowed


def test_a_board_politician_creates_no_checklists(world):
    assert not permissions.can_edit_reviews(world.user(BOARD), world.own.organisation)
    assert permissions.can_create_reviews(world.user(BOARD), world.own.organisation)
    assert not permissions.can_create_reviews(
        world.user("reader"), world.own.organisation
    )


def test_pages_own_board_yes_other_board_404_ks_read_only(board, reviews):
    assert (
        board.get(reverse("reviews:edit", args=[reviews["board"].pk])).status_code
        == 200
    )
    assert (
        board.get(reverse("reviews:detail", args=[reviews["culture"].pk])).status_code
        == 404
    )
    assert (
        board.get(reverse("reviews:edit", args=[reviews["culture"].pk])).status_code
        == 404
    )
    assert (
        board.get(reverse("reviews:detail", args=[reviews["ks"].pk])).status_code == 200
    )
    assert (
        board.get(reverse("reviews:edit", args=[reviews["ks"].pk])).status_code == 403
    )
    assert (
        board.get(reverse("reviews:detail", args=[reviews["other"].pk])).status_code
        == 404
    )


def test_editing_the_ks_review_is_refused_and_changes_nothing(board, reviews, world):
    review = reviews["ks"]
    response = board.post(
        reverse("reviews:edit", args=[review.pk]), _decision(world, title="Ändrad")
    )
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.title == "Verksamhetsplan 2026"


def test_development_needs_follow_the_board_reading_rule(reviews, world):
    strategist = world.user("strategist")
    for key in ("board", "ks", "culture"):
        services.add_development_need(
            review=reviews[key], by=strategist, text=f"Behov {key}"
        )
    texts = set(
        permissions.development_needs_visible_to(world.user(BOARD)).values_list(
            "text", flat=True
        )
    )
    assert texts == {"Behov board", "Behov ks"}


def test_a_need_under_another_boards_unit_is_refused(reviews, world):
    with pytest.raises(ValidationError) as error:
        services.add_development_need(
            review=reviews["board"],
            by=world.user(BOARD),
            text="Könsuppdela statistiken",
            unit=world.own.other_board,
        )
    assert "unit" in error.value.message_dict
    assert not DevelopmentNeed.objects.filter(
        source_ref=source_ref_of(reviews["board"])
    ).exists()


# --- Creating a decision document --------------------------------------------------


def test_the_create_form_preselects_the_board_and_the_decision_checklist(board, world):
    response = board.get(reverse("reviews:create") + "?document_type=decision_document")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["unit"] == world.own.board.pk
    assert form.initial["document_type"] == "decision_document"
    assert form.initial["checklist_version"] == shipped("beslutsunderlag").pk
    # Only the board's own domain is offered.
    assert set(form.fields["unit"].queryset) == {
        world.own.board,
        world.own.administration,
    }


def test_a_board_politician_creates_a_decision_document_for_their_board(board, world):
    response = board.post(reverse("reviews:create"), _decision(world))
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.unit == world.own.board
    assert review.reviewer == world.user(BOARD)
    assert review.checklist_version.checklist.key == "beslutsunderlag"
    assert review.answers.count() == 5


def test_a_unit_of_another_board_is_refused_with_a_message(board, world):
    response = board.post(
        reverse("reviews:create"), _decision(world, unit=world.own.other_board.pk)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert escape(OTHER_BOARD_MESSAGE) in page
    assert "Taxa för hemtjänst 2027" in page
    assert not Review.objects.exists()


def test_the_service_refuses_another_boards_unit(world):
    with pytest.raises(ValidationError) as error:
        services.create_review(
            organisation=world.own.organisation,
            by=world.user(BOARD),
            checklist_version=shipped("beslutsunderlag"),
            title="Kulturplan",
            document_type="decision_document",
            unit=world.own.other_board,
            year=2026,
            document_reference="KN 2026/3",
        )
    assert "unit" in error.value.message_dict
    assert not Review.objects.exists()


def test_a_reader_may_not_create_reviews(world):
    with pytest.raises(PermissionDenied):
        services.create_review(
            organisation=world.own.organisation,
            by=world.user("reader"),
            checklist_version=shipped("beslutsunderlag"),
            title="Taxa",
            document_type="decision_document",
            unit=world.own.board,
            year=2026,
            document_reference="SN 2026/45",
        )


def test_an_unsupported_upload_is_refused_for_a_board_politician(board, world):
    data = _decision(
        world, document_reference="", upload=upload("bild.png", b"\x89PNG\r\n")
    )
    response = board.post(reverse("reviews:create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert escape("Filen bild.png är inte en tillåten filtyp.") in page
    assert "Taxa för hemtjänst 2027" in page
    assert "SN 2026/45" in page
    assert not Review.objects.exists()


# --- Confirming the reader's suggestions -------------------------------------------


def _suggest(review, values):
    for answer in review.answers.select_related("criterion"):
        code = answer.criterion.code
        if code in values:
            answer.suggested, answer.value = values[code]
            answer.suggested_evidence = f"Sidan 2: belägg för {code}"
            answer.save()


def test_confirming_takes_each_suggestion_where_no_answer_is_set(board, reviews):
    review = reviews["board"]
    _suggest(
        review,
        {"B1": ("yes", ""), "B2": ("no", "yes"), "B3": ("partly", ""), "B4": ("", "")},
    )
    response = board.post(reverse("reviews:confirm_suggestions", args=[review.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:answers", args=[review.pk])
    values = dict(review.answers.values_list("criterion__code", "value"))
    # B2 kept the reviewer's own answer; B4 and B5 had no suggestion.
    assert values == {"B1": "yes", "B2": "yes", "B3": "partly", "B4": "", "B5": ""}
    b1 = review.answers.get(criterion__code="B1")
    assert b1.evidence == "Sidan 2: belägg för B1"
    # The checklist page shows the confirmed answers, still editable.
    page = board.get(response["Location"], follow=True)
    forms = {f.answer.criterion.code: f for f in page.context["answer_forms"]}
    assert forms["B1"].initial["value"] == "yes"
    assert forms["B3"].initial["value"] == "partly"
    assert "2 förslag bekräftades" in page.content.decode()


def test_nothing_to_confirm_gives_a_message_and_changes_nothing(board, reviews):
    review = reviews["board"]
    response = board.post(
        reverse("reviews:confirm_suggestions", args=[review.pk]), follow=True
    )
    assert "Det finns inga förslag att bekräfta" in response.content.decode()
    assert set(review.answers.values_list("value", flat=True)) == {""}


def test_confirming_on_the_ks_review_is_refused(board, reviews):
    review = reviews["ks"]
    _suggest(review, {"B1": ("yes", "")})
    response = board.post(reverse("reviews:confirm_suggestions", args=[review.pk]))
    assert response.status_code == 403
    assert review.answers.get(criterion__code="B1").value == ""


def test_the_detail_page_offers_to_confirm_the_suggestions(board, reviews):
    review = reviews["board"]
    _suggest(review, {"B1": ("yes", ""), "B3": ("no", "")})
    page = board.get(review.get_absolute_url()).content.decode()
    assert reverse("reviews:confirm_suggestions", args=[review.pk]) in page
    assert "Bekräfta förslagen (2 punkter)" in page


# --- The outcome with the board meeting --------------------------------------------


def test_the_outcome_is_recorded_with_the_meeting(board, reviews):
    review = reviews["board"]
    data = {f"a{a.pk}-value": "no" for a in review.answers.all()}
    data.update(
        {
            "review-findings": "Konsekvensanalys saknas.",
            "review-status": "done",
            "review-outcome": "send_back",
            "review-meeting_on": "2026-10-13",
            "review-paragraph": "§ 45",
        }
    )
    response = board.post(reverse("reviews:answers", args=[review.pk]), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.outcome == Review.Outcome.SEND_BACK
    assert review.meeting_on == dt.date(2026, 10, 13)
    assert review.paragraph == "§ 45"
    page = board.get(review.get_absolute_url()).content.decode()
    assert "13 oktober 2026" in page
    assert "§ 45" in page


def test_a_steering_document_has_no_meeting(make_review, world):
    review = make_review()
    with pytest.raises(ValidationError) as error:
        services.save_answers(
            review=review,
            by=world.user("strategist"),
            answers={},
            findings="",
            meeting_on=dt.date(2026, 10, 13),
        )
    assert "meeting_on" in error.value.message_dict
    review.refresh_from_db()
    assert review.meeting_on is None


def test_saving_answers_without_meeting_fields_keeps_the_meeting(reviews, world):
    review = reviews["board"]
    review.meeting_on, review.paragraph = dt.date(2026, 10, 13), "§ 45"
    review.save()
    services.save_answers(
        review=review, by=world.user(BOARD), answers={}, findings="Ny text"
    )
    review.refresh_from_db()
    assert (review.meeting_on, review.paragraph) == (dt.date(2026, 10, 13), "§ 45")


# --- The board's decision documents per meeting ------------------------------------


def _at_meeting(review, day, paragraph, outcome=""):
    review.meeting_on, review.paragraph, review.outcome = day, paragraph, outcome
    review.document_type = "decision_document"
    review.save()


def test_decision_documents_are_listed_per_meeting_for_the_board(
    client_for, reviews, make_review, world
):
    _at_meeting(reviews["board"], dt.date(2026, 10, 13), "§ 45", "send_back")
    late = make_review(
        unit=world.own.administration,
        key="beslutsunderlag",
        title="Ny ledningsstruktur",
    )
    _at_meeting(late, dt.date(2026, 11, 17), "§ 60", "can_be_decided")
    _at_meeting(reviews["culture"], dt.date(2026, 10, 13), "§ 12")
    url = reverse("reviews:decision_documents")
    response = client_for("strategist").get(
        f"{url}?board={world.own.board.pk}&year=2026"
    )
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [g.meeting_on for g in groups] == [
        dt.date(2026, 10, 13),
        dt.date(2026, 11, 17),
    ]
    assert [r.pk for g in groups for r in g.reviews] == [reviews["board"].pk, late.pk]
    page = response.content.decode()
    assert "Socialnämnden, sammanträde 13 oktober 2026" in page
    assert "Återremiss" in page


def test_a_board_politician_sees_their_board_and_not_another(board, reviews, world):
    _at_meeting(reviews["board"], dt.date(2026, 10, 13), "§ 45")
    _at_meeting(reviews["culture"], dt.date(2026, 10, 13), "§ 12")
    url = reverse("reviews:decision_documents")
    response = board.get(f"{url}?year=2026")
    assert response.context["board"] == world.own.board
    titles = [r.pk for g in response.context["groups"] for r in g.reviews]
    assert titles == [reviews["board"].pk]
    assert board.get(f"{url}?board={world.own.other_board.pk}").status_code == 404
    # The list of reviews links to the page.
    assert url in board.get(reverse("reviews:list")).content.decode()


# --- The board's documents over the years ------------------------------------------


def _done(review, by, value):
    services.save_answers(
        review=review,
        by=by,
        answers={a.pk: {"value": value} for a in review.answers.all()},
        findings="",
        status=Review.Status.DONE,
    )


def test_the_trend_narrows_to_one_board_and_the_steering_documents(
    client_for, make_review, world
):
    strategist = world.user("strategist")
    _done(
        make_review(unit=world.own.board, document_type="tertial_report"),
        strategist,
        "yes",
    )
    _done(
        make_review(unit=world.own.administration, document_type="policy"),
        strategist,
        "no",
    )
    _done(make_review(unit=world.own.other_board), strategist, "no")
    url = reverse("reviews:trend")
    client = client_for("strategist")
    rows = client.get(f"{url}?board={world.own.board.pk}").context["rows"]
    assert {r.unit_name for r in rows} == {"Socialnämnden", "Socialförvaltningen"}
    rows = client.get(f"{url}?board={world.own.board.pk}&types=steering").context[
        "rows"
    ]
    assert [(r.unit_name, r.values) for r in rows] == [("Socialnämnden", [100.0])]
    rows = client.get(f"{url}?board=all").context["rows"]
    assert len(rows) == 3


def test_a_board_politician_sees_their_boards_trend(board, make_review, world):
    strategist = world.user("strategist")
    _done(make_review(unit=world.own.board), strategist, "yes")
    _done(make_review(unit=world.own.other_board), strategist, "no")
    url = reverse("reviews:trend")
    response = board.get(url)
    assert response.context["board"] == world.own.board
    assert [r.unit_name for r in response.context["rows"]] == ["Socialnämnden"]
    assert board.get(f"{url}?board={world.own.other_board.pk}").status_code == 404


# --- The board self-assessment -----------------------------------------------------


def test_the_board_self_assessment_is_shipped_with_scores(db):
    version = shipped("sjalvskattning-namnd")
    assert version.checklist.name == "Självskattning för nämnd och förvaltning"
    assert version.answer_type == "score"
    assert version.criteria.count() == 10
    overall = Checklist.objects.get(organisation=None, key="sjalvskattning")
    assert "övergripande nivån" in overall.description


def test_the_board_self_assessment_is_compared_over_years(board, world):
    version = shipped("sjalvskattning-namnd")
    for year, values in ((2025, ["2"]), (2026, ["3", "2"])):
        review = services.create_review(
            organisation=world.own.organisation,
            by=world.user(BOARD),
            checklist_version=version,
            title=f"Självskattning {year}",
            document_type="self_assessment",
            unit=world.own.board,
            year=year,
        )
        answers = list(review.answers.order_by("criterion__position"))
        services.save_answers(
            review=review,
            by=world.user(BOARD),
            answers={
                a.pk: {"value": values[i % len(values)]} for i, a in enumerate(answers)
            },
            findings="",
            status=Review.Status.DONE,
        )
    response = board.get(
        reverse("reviews:trend") + f"?checklist={version.checklist.pk}"
    )
    assert response.context["scored"] is True
    assert [(r.unit_name, r.values) for r in response.context["rows"]] == [
        ("Socialnämnden", [2.0, 2.5])
    ]
    assert "2,50" in response.content.decode()


def test_the_self_assessment_form_preselects_the_board_checklist(board):
    response = board.get(reverse("reviews:create") + "?document_type=self_assessment")
    version = shipped("sjalvskattning-namnd")
    assert response.context["form"].initial["checklist_version"] == version.pk
