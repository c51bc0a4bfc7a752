from tests.matrix import (
    ADMIN,
    ALL,
    MANAGER,
    POLITICIAN,
    READER,
    STRATEGIST,
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
