from tests.matrix import (
    ADMIN,
    ALL,
    BOARD,
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
    """One review per organisation, of a board the own manager does not manage (and
    the board politician does not sit on: another board's, hidden from them)."""
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
    # A board politician starts reviews of their own board's documents.
    UrlCase("reviews:create", statuses(EDITORS, board=200), other=None),
    UrlCase("reviews:trend", statuses(ALL), other=None),
    UrlCase("reviews:need_list", statuses(ALL), other=None),
    # Managers see only reviews of their own units: this one is of another board
    # (so is it for the board politician, who sits on Socialnämnden).
    UrlCase(
        "reviews:detail",
        statuses(NOT_MANAGER, denied=404, board=404),
        review_of,
        setup=_review,
    ),
    UrlCase(
        "reviews:edit",
        {**statuses(EDITORS, board=404), MANAGER: 404},
        review_of,
        setup=_review,
    ),
    UrlCase(
        "reviews:answers",
        {**statuses(EDITORS, board=404), MANAGER: 404},
        review_of,
        setup=_review,
    ),
    UrlCase(
        "reviews:analysis_status",
        statuses(NOT_MANAGER, denied=404, board=404),
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
        {**statuses(EDITORS, board=404), MANAGER: 404},
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
    "reviews:decision_documents",
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
# it (404), nor can the board politician, who sits on another board (404);
# politicians and readers see it but may not change it (403).
HIDDEN_FROM_MANAGER = {**statuses((), denied=403, board=404), MANAGER: 404}


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
    # The board politician files under their own board (Socialnämnden in the data).
    PostCase(
        "reviews:create",
        (*EDITORS, BOARD),
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
        denied={POLITICIAN: 403, READER: 403, MANAGER: 404, BOARD: 404},
    ),
]


# --- The board level (issue 13) -------------------------------------------------------
# The board politician sits on the own Socialnämnden: its reviews are theirs to
# change; the executive board's (organisation-wide) are read-only for them; another
# board's are hidden (404, the rows above); another organisation's 404.


def _review_on(unit_name, *, checklist="styrdokument", suggested=False):
    def setup(world):
        from jamkoll.reviews import services
        from jamkoll.reviews.models import Answer
        from jamkoll.reviews.tests.conftest import shipped

        version = shipped(checklist)
        made = {}
        for org_world, by in (
            (world.own, world.user(ADMIN)),
            (world.other, world.outsider),
        ):
            review = services.create_review(
                organisation=org_world.organisation,
                by=by,
                checklist_version=version,
                unit=getattr(org_world, unit_name),
                title="Tjänsteskrivelse om hemtjänstens taxa",
                document_type="decision_document",
                year=2026,
                document_reference="SN 2026/45",
            )
            if suggested:
                Answer.objects.filter(review=review).update(suggested="yes")
            made[org_world.organisation.pk] = review
        return made

    return setup


_own_board_review = _review_on("board", checklist="beslutsunderlag")
_ks_review = _review_on("executive_board", checklist="beslutsunderlag")
_own_board_suggested = _review_on("board", checklist="beslutsunderlag", suggested=True)
_other_board_suggested = _review_on(
    "other_board", checklist="beslutsunderlag", suggested=True
)
_ks_suggested = _review_on(
    "executive_board", checklist="beslutsunderlag", suggested=True
)
BOARD_EDITORS = (BOARD, *EDITORS)
# The board's own review: the manager answers for Socialnämnden and reads it.
OWN_BOARD_REFUSED = 403
# The executive board's review: the manager does not answer for it (404); the board
# politician reads it but may not change it (403).
KS_REFUSED = {**statuses((), denied=403), MANAGER: 404}


def _decision_data(org, extra=None):
    return {
        "title": "Taxa för hemtjänst 2027",
        "document_type": "decision_document",
        "unit": org.board.pk,
        "year": "2026",
        "case_number": "SN 2026/45",
        "document_reference": "Diariet",
    }


def _conclude_data(org, extra):
    return {
        **_answers_data(org, extra),
        "review-outcome": "send_back",
        "review-meeting_on": "2026-10-13",
        "review-paragraph": "§ 45",
    }


def _reviews_with_meeting(org, extra):
    from jamkoll.reviews.models import Review

    return (
        _answers(org, extra),
        sorted(
            Review.objects.filter(organisation=org.organisation).values_list(
                "pk", "outcome", "meeting_on", "paragraph"
            )
        ),
    )


CASES += [
    UrlCase("reviews:decision_documents", statuses(ALL), other=None),
    UrlCase("reviews:detail", statuses(ALL), review_of, setup=_own_board_review),
    UrlCase(
        "reviews:edit", statuses(EDITORS, board=200), review_of, setup=_own_board_review
    ),
    UrlCase(
        "reviews:answers",
        statuses(EDITORS, board=200),
        review_of,
        setup=_own_board_review,
    ),
    UrlCase(
        "reviews:need_create",
        statuses(EDITORS, board=200),
        review_of,
        setup=_own_board_review,
    ),
    # The executive board's review: organisation-wide, read-only for the board.
    UrlCase(
        "reviews:detail", statuses(NOT_MANAGER, denied=404), review_of, setup=_ks_review
    ),
    UrlCase(
        "reviews:edit", {**statuses(EDITORS), MANAGER: 404}, review_of, setup=_ks_review
    ),
    UrlCase(
        "reviews:answers",
        {**statuses(EDITORS), MANAGER: 404},
        review_of,
        setup=_ks_review,
    ),
    # POST only.
    UrlCase(
        "reviews:confirm_suggestions",
        statuses((), denied=405),
        review_of,
        setup=_own_board_suggested,
        other=405,
    ),
]

POST_CASES += [
    PostCase(
        "reviews:edit",
        BOARD_EDITORS,
        review_of,
        _reviews_of,
        data=_decision_data,
        setup=_own_board_review,
        denied=OWN_BOARD_REFUSED,
    ),
    PostCase(
        "reviews:edit",
        EDITORS,
        review_of,
        _reviews_of,
        data=_review_data,
        setup=_ks_review,
        denied=KS_REFUSED,
    ),
    # The outcome recorded with the board meeting.
    PostCase(
        "reviews:answers",
        BOARD_EDITORS,
        review_of,
        _reviews_with_meeting,
        data=_conclude_data,
        setup=_own_board_review,
        denied=OWN_BOARD_REFUSED,
    ),
    PostCase(
        "reviews:answers",
        EDITORS,
        review_of,
        _reviews_with_meeting,
        data=_conclude_data,
        setup=_ks_review,
        denied=KS_REFUSED,
    ),
    PostCase(
        "reviews:confirm_suggestions",
        BOARD_EDITORS,
        review_of,
        _answers,
        setup=_own_board_suggested,
        denied=OWN_BOARD_REFUSED,
    ),
    PostCase(
        "reviews:confirm_suggestions",
        EDITORS,
        review_of,
        _answers,
        setup=_ks_suggested,
        denied=KS_REFUSED,
    ),
    PostCase(
        "reviews:confirm_suggestions",
        EDITORS,
        review_of,
        _answers,
        setup=_other_board_suggested,
        denied=HIDDEN_FROM_MANAGER,
    ),
    PostCase(
        "reviews:need_create",
        BOARD_EDITORS,
        review_of,
        _needs_of_review,
        data=lambda o, e=None: {"text": "Könsuppdela statistiken.", "unit": o.board.pk},
        setup=_own_board_review,
        denied=OWN_BOARD_REFUSED,
    ),
    # Another board's unit: refused with a message (400) for the board politician,
    # nothing saved (the allowed case above files under their own board).
    PostCase(
        "reviews:create",
        EDITORS,
        lambda o, e=None: [],
        _reviews_of,
        data=lambda o, e=None: {
            **_create_data(o),
            "unit": o.other_board.pk,
        },
        denied={**statuses((), denied=403), BOARD: 400},
        other=None,
    ),
]
