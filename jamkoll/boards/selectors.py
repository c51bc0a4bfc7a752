"""Read paths of the board level: the comparison of every board and one board's page.

`board_rows` builds every board's figures for a year (and the previous year's for
the trend) in a fixed number of queries, whatever the number of boards. The figures
count everything of the organisation: only roles that may read every board see the
comparison (`permissions.can_view_overview`); a board's own page shows its own row.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from jamkoll.accounts.models import User
from jamkoll.boards import figures
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.boards import board_map, boards_of, domain_ids
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests.models import ResultRequest, Status
from jamkoll.result_requests.permissions import result_requests_visible_to
from jamkoll.result_requests.selectors import board_demand_rows
from jamkoll.reviews.models import (
    REVIEW_SOURCE_PREFIX,
    Answer,
    DocumentType,
    Review,
)
from jamkoll.reviews.permissions import (
    development_needs_visible_to,
    reviews_visible_to,
)
from jamkoll.reviews.trend import mean_score

DECISION_CHECKLIST = "beslutsunderlag"
STEERING_CHECKLIST = "styrdokument"
SELF_ASSESSMENT_CHECKLIST = "sjalvskattning-namnd"


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment is not None else None


def board_rows(
    organisation: Organisation,
    year: int,
    *,
    boards: Iterable[Unit] | None = None,
) -> list[figures.BoardRow]:
    """Every active board's figures for `year` and `year - 1`, by board name (or the
    given `boards` only), in eight queries."""
    board_list = list(boards_of(organisation) if boards is None else boards)
    mapping = board_map(organisation.pk)
    years = [year - 1, year]
    demands = [
        figures.DemandFact(board_id, due_on, _local_date(answered))
        for one_year in years
        for board_id, due_on, answered, _status in board_demand_rows(
            organisation, one_year
        )
    ]
    documents = Review.objects.filter(
        organisation=organisation,
        document_type=DocumentType.DECISION_DOCUMENT,
        checklist_version__checklist__key=DECISION_CHECKLIST,
        year__in=years,
        unit_id__in=list(mapping),
    )
    answers: dict[int, dict[str, str]] = {}
    for review_id, code, value in Answer.objects.filter(
        review__in=documents,
        criterion__code__in=[figures.STATISTICS_CODE, figures.ANALYSIS_CODE],
    ).values_list("review_id", "criterion__code", "value"):
        answers.setdefault(review_id, {})[code] = value
    decisions = [
        figures.DecisionFact(
            mapping[unit_id],
            review_year,
            answers.get(pk, {}).get(figures.STATISTICS_CODE, ""),
            answers.get(pk, {}).get(figures.ANALYSIS_CODE, ""),
        )
        for pk, unit_id, review_year in documents.values_list("pk", "unit_id", "year")
    ]
    assessment_values: dict[int, tuple[int, int, dt.date | None, list[str]]] = {}
    for review_id, unit_id, review_year, completed_on, value in Answer.objects.filter(
        review__organisation=organisation,
        review__status=Review.Status.DONE,
        review__checklist_version__checklist__key=SELF_ASSESSMENT_CHECKLIST,
        review__year__in=years,
        review__unit_id__in=list(mapping),
    ).values_list(
        "review_id",
        "review__unit_id",
        "review__year",
        "review__completed_on",
        "value",
    ):
        entry = assessment_values.setdefault(
            review_id, (mapping[unit_id], review_year, completed_on, [])
        )
        entry[3].append(value)
    assessments = [
        figures.SelfAssessmentFact(
            board_id, review_year, (completed_on or dt.date.min, pk), tuple(values)
        )
        for pk, (board_id, review_year, completed_on, values) in (
            assessment_values.items()
        )
    ]
    needs = [
        figures.NeedFact(mapping[unit_id], need_year)
        for unit_id, need_year in DevelopmentNeed.objects.filter(
            organisation=organisation, year__in=years, unit_id__in=list(mapping)
        ).values_list("unit_id", "year")
    ]
    return figures.board_rows(
        [(b.pk, b.name) for b in board_list],
        year,
        demands=demands,
        decisions=decisions,
        self_assessments=assessments,
        needs=needs,
    )


def overview_years(organisation: Organisation, year: int) -> list[int]:
    """The years to choose from: the chosen one, this year and the five before."""
    this_year = timezone.localdate().year
    return sorted({year, *range(this_year - 5, this_year + 1)}, reverse=True)


@dataclass
class BoardPage:
    """Everything one board's page shows, each list filtered by the owning app's
    own visibility rule for the user who asks."""

    board: Unit
    year: int
    row: figures.BoardRow
    demands: list[ResultRequest]
    decision_documents: list[Review]
    steering_documents: list[Review]
    self_assessments: list[tuple[Review, float | None]]
    needs: list[DevelopmentNeed]


def board_page(*, user: User, board: Unit, year: int) -> BoardPage:
    """One board's demands, decision and steering documents, self-assessments over
    the years and development needs, with its figures row for `year`."""
    organisation = board.organisation
    domain = domain_ids(board)
    (row,) = board_rows(organisation, year, boards=[board])
    demands = list(
        result_requests_visible_to(user)
        .filter(organisation=organisation, raised_for=board, due_on__year=year)
        .exclude(status=Status.DRAFT)
        .select_related("addressed_to")
        .order_by("due_on", "pk")
    )
    reviews = reviews_visible_to(user).filter(
        organisation=organisation, unit_id__in=domain
    )
    decision_documents = list(
        reviews.filter(
            document_type=DocumentType.DECISION_DOCUMENT,
            checklist_version__checklist__key=DECISION_CHECKLIST,
            year=year,
        )
        .select_related("unit")
        .order_by("-created_at", "-pk")
    )
    steering_documents = list(
        reviews.filter(checklist_version__checklist__key=STEERING_CHECKLIST)
        .select_related("unit")
        .order_by("-year", "title", "pk")
    )
    assessment_reviews = list(
        reviews.filter(
            status=Review.Status.DONE,
            checklist_version__checklist__key=SELF_ASSESSMENT_CHECKLIST,
        )
        .select_related("unit")
        .order_by("-year", "-completed_on", "-pk")
    )
    values: dict[int, list[str]] = {}
    for review_id, value in Answer.objects.filter(
        review__in=[r.pk for r in assessment_reviews]
    ).values_list("review_id", "value"):
        values.setdefault(review_id, []).append(value)
    self_assessments = [
        (review, mean_score(values.get(review.pk, []))) for review in assessment_reviews
    ]
    needs = list(
        DevelopmentNeed.objects.filter(
            organisation=organisation, unit_id__in=domain, year=year
        )
        # Needs found in reviews follow the reviews' rule; the others (from
        # dialogue meetings) are read by the whole organisation.
        .filter(
            ~Q(source_ref__startswith=REVIEW_SOURCE_PREFIX)
            | Q(pk__in=development_needs_visible_to(user).values("pk"))
        )
        .select_related("unit")
        .order_by("unit__name", "pk")
    )
    return BoardPage(
        board=board,
        year=year,
        row=row,
        demands=demands,
        decision_documents=decision_documents,
        steering_documents=steering_documents,
        self_assessments=self_assessments,
        needs=needs,
    )
