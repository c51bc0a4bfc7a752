from tests.matrix import (
    ADMIN,
    ALL,
    MANAGER,
    POLITICIAN,
    READER,
    STRATEGIST,
    PostCase,
    UrlCase,
    statuses,
)

EDITORS = (ADMIN, STRATEGIST)
NOT_MANAGER = (ADMIN, STRATEGIST, POLITICIAN, READER)


def _review(world):
    """One review per organisation, of a board the own manager does not manage."""
    from jamkoll.reviews import services
    from jamkoll.reviews.tests.conftest import shipped

    version = shipped("styrdokument")
    made = {}
    for org_world, by in (
        (world.own, world.user(ADMIN)),
        (world.other, world.outsider),
    ):
        made[org_world.organisation.pk] = services.create_review(
            organisation=org_world.organisation,
            by=by,
            checklist_version=version,
            unit=org_world.other_board,
            title="Verksamhetsplan",
            document_type="operating_plan",
            year=2026,
            document_reference="Diariet",
        )
    return made


def _own_checklist(world):
    from jamkoll.reviews import services

    made = {}
    for org_world, by in (
        (world.own, world.user(ADMIN)),
        (world.other, world.outsider),
    ):
        made[org_world.organisation.pk] = services.create_checklist(
            organisation=org_world.organisation,
            by=by,
            name="Egen lista",
            answer_type="yes_no",
            criteria=[{"code": "E1", "text": "Punkt"}],
        )
    return made


def review_of(o, e):
    return [e[o.organisation.pk].pk]


CASES = [
    UrlCase("reviews:list", statuses(ALL), other=None),
    UrlCase("reviews:create", statuses(EDITORS), other=None),
    UrlCase("reviews:trend", statuses(ALL), other=None),
    UrlCase("reviews:need_list", statuses(ALL), other=None),
    # Managers see only reviews of their own units: this one is of another board.
    UrlCase(
        "reviews:detail", statuses(NOT_MANAGER, denied=404), review_of, setup=_review
    ),
    UrlCase(
        "reviews:edit", {**statuses(EDITORS), MANAGER: 404}, review_of, setup=_review
    ),
    UrlCase(
        "reviews:answers", {**statuses(EDITORS), MANAGER: 404}, review_of, setup=_review
    ),
    UrlCase(
        "reviews:analysis_status",
        statuses(NOT_MANAGER, denied=404),
        review_of,
        setup=_review,
    ),
    # POST only.
    UrlCase(
        "reviews:analysis_run",
        {**statuses((), denied=405)},
        review_of,
        setup=_review,
        other=405,
    ),
    # No file uploaded: 404 even for those who may see the review.
    UrlCase("reviews:download", statuses((), denied=404), review_of, setup=_review),
    UrlCase(
        "reviews:need_create",
        {**statuses(EDITORS), MANAGER: 404},
        review_of,
        setup=_review,
    ),
    UrlCase("reviews:checklist_list", statuses(ALL), other=None),
    UrlCase("reviews:checklist_create", statuses(EDITORS), other=None),
    UrlCase("reviews:checklist_detail", statuses(ALL), review_of, setup=_own_checklist),
    UrlCase(
        "reviews:version_create", statuses(EDITORS), review_of, setup=_own_checklist
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "reviews:analysis_status",
    "reviews:checklist_detail",
    "reviews:checklist_list",
    "reviews:detail",
    "reviews:download",
    "reviews:list",
    "reviews:need_list",
    "reviews:trend",
}


# --- POST: reviews, answers, needs and own checklists (issue 16) ---------------------
# The review is of a board the own manager does not manage: the manager cannot see
# it (404); politicians and readers see it but may not change it (403).
HIDDEN_FROM_MANAGER = {**statuses((), denied=403), MANAGER: 404}


def _review_with_document(world):
    """Like `_review`, with a small text document, so its analysis can be rerun."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jamkoll.reviews import services
    from jamkoll.reviews.tests.conftest import shipped

    version = shipped("styrdokument")
    made = {}
    for org_world, by in (
        (world.own, world.user(ADMIN)),
        (world.other, world.outsider),
    ):
        made[org_world.organisation.pk] = services.create_review(
            organisation=org_world.organisation,
            by=by,
            checklist_version=version,
            unit=org_world.other_board,
            title="Verksamhetsplan",
            document_type="operating_plan",
            year=2026,
            upload=SimpleUploadedFile(
                "plan.txt",
                "Nämnden ska minska skillnaderna mellan kvinnor och män.".encode(),
                "text/plain",
            ),
        )
    return made


def _reviews_of(org, extra=None):
    from jamkoll.reviews.models import Review

    return sorted(
        Review.objects.filter(organisation=org.organisation).values_list(
            "title", "unit_id", "findings", "status"
        )
    )


def _answers(org, extra):
    from jamkoll.reviews.models import Answer

    review = extra[org.organisation.pk]
    return (
        _reviews_of(org),
        sorted(Answer.objects.filter(review=review).values_list("pk", "value")),
    )


def _analyses(org, extra):
    from jamkoll.reviews.models import Analysis

    return Analysis.objects.filter(review=extra[org.organisation.pk]).count()


def _checklists(org, extra=None):
    from jamkoll.reviews.models import ChecklistVersion

    return sorted(
        ChecklistVersion.objects.filter(
            checklist__organisation=org.organisation
        ).values_list("checklist__name", "number")
    )


def _review_data(org, extra=None):
    return {
        "title": "Budget 2027 för Socialnämnden",
        "document_type": "budget",
        "unit": org.board.pk,
        "year": "2026",
        "document_reference": "SN 2026/118",
    }


def _create_data(org, extra=None):
    from jamkoll.reviews.tests.conftest import shipped

    return {**_review_data(org), "checklist_version": shipped("styrdokument").pk}


def _answers_data(org, extra):
    from jamkoll.reviews.models import Answer

    review = extra[org.organisation.pk]
    data = {
        "review-findings": "Budgeten saknar könsuppdelade nyckeltal.",
        "review-status": "in_progress",
    }
    for answer in Answer.objects.filter(review=review):
        data[f"a{answer.pk}-value"] = "no"
    return data


def _criteria(code, text):
    return {
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-code": code,
        "criteria-0-text": text,
    }


POST_CASES = [
    # Organisation-scoped: the other organisation's board is not offered (400).
    PostCase(
        "reviews:create",
        EDITORS,
        lambda o, e=None: [],
        _reviews_of,
        data=_create_data,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "reviews:edit",
        EDITORS,
        review_of,
        _reviews_of,
        data=_review_data,
        setup=_review,
        denied=HIDDEN_FROM_MANAGER,
    ),
    PostCase(
        "reviews:answers",
        EDITORS,
        review_of,
        _answers,
        data=_answers_data,
        setup=_review,
        denied=HIDDEN_FROM_MANAGER,
    ),
    PostCase(
        "reviews:analysis_run",
        EDITORS,
        review_of,
        _analyses,
        setup=_review_with_document,
        denied=HIDDEN_FROM_MANAGER,
    ),
    # A checklist is created in the active organisation only.
    PostCase(
        "reviews:checklist_create",
        EDITORS,
        lambda o, e=None: [],
        _checklists,
        data=lambda o, e=None: {
            "name": "Nämndens egen lista",
            "answer_type": "yes_no",
            **_criteria("N1", "Målen är könsuppdelade"),
        },
        other=302,
        other_refused=403,
    ),
    PostCase(
        "reviews:version_create",
        EDITORS,
        review_of,
        _checklists,
        data=lambda o, e=None: {
            "answer_type": "yes_no",
            "note": "Ny punkt om statistik",
            **_criteria("E2", "Statistiken är könsuppdelad"),
        },
        setup=_own_checklist,
    ),
]


# --- POST endpoints -------------------------------------------------------------------


def _needs_of_review(o, e):
    from jamkoll.meetings.models import DevelopmentNeed
    from jamkoll.reviews.models import source_ref_of

    review = e[o.organisation.pk]
    return DevelopmentNeed.objects.filter(source_ref=source_ref_of(review)).count()


POST_CASES += [
    # Adding a development need from a review (it always gave 400 before issue 16).
    PostCase(
        "reviews:need_create",
        EDITORS,
        review_of,
        _needs_of_review,
        data=lambda o, e=None: {"text": "Könsuppdela statistiken.", "unit": o.board.pk},
        setup=_review,
        denied={POLITICIAN: 403, READER: 403, MANAGER: 404},
    ),
]
