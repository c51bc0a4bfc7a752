"""Board-level rows for tests: demands raised by a board, decision documents with
their B1/B3 answers, board self-assessments and development needs, written directly
(the figures read finished states; the services that lead there have their own tests)."""

import datetime as dt

from django.utils import timezone

from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.models import Unit
from jamkoll.result_requests.models import Occasion, ResultRequest, Status
from jamkoll.reviews.models import (
    Answer,
    AnswerType,
    Checklist,
    ChecklistVersion,
    Criterion,
    DocumentType,
    Review,
)
from jamkoll.reviews.tests.conftest import shipped

SELF_ASSESSMENT = "sjalvskattning-namnd"


def moment(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def demand(
    board: Unit,
    to: Unit,
    by,  # type: ignore[no-untyped-def]
    *,
    due_on: dt.date,
    answered_on: dt.date | None = None,
    status: str = Status.SENT,
    title: str = "Könsuppdelad statistik i verksamhetsplanen",
) -> ResultRequest:
    if answered_on is not None and status == Status.SENT:
        status = Status.ANSWERED
    return ResultRequest.objects.create(
        organisation=board.organisation,
        raised_by=by,
        raised_for=board,
        addressed_to=to,
        title=title,
        question="Hur fördelas insatserna mellan kvinnor och män?",
        occasion=Occasion.BUDGET_DIALOGUE,
        due_on=due_on,
        status=status,
        sent_at=None if status == Status.DRAFT else moment(due_on - dt.timedelta(30)),
        first_answered_at=moment(answered_on) if answered_on else None,
    )


def decision_document(
    unit: Unit, year: int, b1: str = "", b3: str = "", *, title: str = ""
) -> Review:
    version = shipped("beslutsunderlag")
    review = Review.objects.create(
        organisation=unit.organisation,
        checklist_version=version,
        title=title or f"Tjänsteskrivelse {year}",
        document_type=DocumentType.DECISION_DOCUMENT,
        unit=unit,
        year=year,
    )
    for criterion in version.criteria.all():
        value = {"B1": b1, "B3": b3}.get(criterion.code, "")
        Answer.objects.create(review=review, criterion=criterion, value=value)
    return review


def self_assessment_version() -> ChecklistVersion:
    """The shipped board self-assessment, or a stand-in with the same key."""
    checklist = Checklist.objects.filter(organisation=None, key=SELF_ASSESSMENT).first()
    if checklist is None:
        checklist = Checklist.objects.create(
            key=SELF_ASSESSMENT, name="Självskattning för nämnd och förvaltning"
        )
    version = checklist.versions.order_by("-number").first()
    if version is None:
        version = ChecklistVersion.objects.create(
            checklist=checklist, number=1, answer_type=AnswerType.SCORE
        )
        for position in range(1, 5):
            Criterion.objects.create(
                version=version,
                position=position,
                code=f"N{position}",
                text=f"Nämnden arbetar med punkt {position}.",
            )
    return version


def board_self_assessment(
    board: Unit,
    year: int,
    values: list[str],
    *,
    completed_on: dt.date | None = None,
    done: bool = True,
) -> Review:
    version = self_assessment_version()
    review = Review.objects.create(
        organisation=board.organisation,
        checklist_version=version,
        title=f"Självskattning {board.name} {year}",
        document_type=DocumentType.SELF_ASSESSMENT,
        unit=board,
        year=year,
        status=Review.Status.DONE if done else Review.Status.IN_PROGRESS,
        completed_on=completed_on or dt.date(year, 11, 1),
    )
    for criterion, value in zip(
        version.criteria.order_by("position", "code"), values, strict=False
    ):
        Answer.objects.create(review=review, criterion=criterion, value=value)
    return review


def need(
    unit: Unit, year: int, text: str = "Könsuppdelad statistik saknas"
) -> DevelopmentNeed:
    return DevelopmentNeed.objects.create(
        organisation=unit.organisation, unit=unit, year=year, text=text
    )
