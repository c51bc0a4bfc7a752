"""Read paths for review pages (scoped through `permissions`)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Count,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import board_ids, roles_in
from jamkoll.core import formatting
from jamkoll.core.refs import pk_in_ref
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.boards import board_map, boards_of, domain_ids
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reviews import permissions, trend
from jamkoll.reviews.models import (
    REVIEW_SOURCE_PREFIX,
    Analysis,
    AnalysisFinding,
    Answer,
    AnswerType,
    Checklist,
    ChecklistVersion,
    Criterion,
    Detector,
    DocumentType,
    Review,
    source_ref_of,
)

IN_PROGRESS_TITLE = gettext_lazy("Document reviews in progress")
IN_PROGRESS_EMPTY = gettext_lazy("No document reviews are in progress.")
IN_PROGRESS_ACTION = gettext_lazy("New review")


def review_list(
    *, user: User, organisation: Organisation, filters: dict[str, Any] | None = None
) -> QuerySet[Review]:
    """Visible reviews of the organisation with counts for the share met (one query)."""
    filters = filters or {}
    latest_status = Analysis.objects.filter(review=OuterRef("pk")).order_by(
        "-created_at", "-pk"
    )
    reviews = (
        permissions.reviews_visible_to(user)
        .filter(organisation=organisation)
        .select_related("unit", "checklist_version__checklist", "reviewer")
        .annotate(
            n_yes=Count("answers", filter=Q(answers__value="yes")),
            n_partly=Count("answers", filter=Q(answers__value="partly")),
            n_no=Count("answers", filter=Q(answers__value="no")),
            analysis_status=Subquery(latest_status.values("status")[:1]),
        )
    )
    if filters.get("unit"):
        reviews = reviews.filter(unit=filters["unit"])
    if filters.get("year"):
        reviews = reviews.filter(year=filters["year"])
    if filters.get("status"):
        reviews = reviews.filter(status=filters["status"])
    return reviews.order_by("-year", "-created_at")


def share_met_of(review: Review) -> float | None:
    """The share met from the counts annotated by `review_list`."""
    n_yes = getattr(review, "n_yes", 0)
    n_partly = getattr(review, "n_partly", 0)
    n_no = getattr(review, "n_no", 0)
    return trend.share_met(["yes"] * n_yes + ["partly"] * n_partly + ["no"] * n_no)


def review_answers(*, review: Review) -> QuerySet[Answer]:
    return review.answers.select_related("criterion").order_by(
        "criterion__position", "criterion__code"
    )


def latest_analysis(*, review: Review) -> Analysis | None:
    return review.analyses.order_by("-created_at", "-pk").first()


@dataclass
class SectionFindings:
    section: str
    first_page: int
    last_page: int
    findings: list[AnalysisFinding] = field(default_factory=list)


@dataclass
class DetectorFindings:
    detector: str
    label: str
    count: int = 0
    sections: list[SectionFindings] = field(default_factory=list)


def grouped_findings(*, analysis: Analysis | None) -> list[DetectorFindings]:
    """Findings per detector, then section by section in document order."""
    groups = {d.value: DetectorFindings(d.value, str(d.label)) for d in Detector}
    if analysis is None:
        return list(groups.values())
    for finding in analysis.findings.order_by("position"):
        group = groups.get(finding.detector)
        if group is None:
            continue
        group.count += 1
        current = group.sections[-1] if group.sections else None
        if current is None or current.section != finding.section:
            current = SectionFindings(finding.section, finding.page, finding.page)
            group.sections.append(current)
        current.last_page = max(current.last_page, finding.page)
        current.findings.append(finding)
    return list(groups.values())


def checklists(*, user: User, organisation: Organisation) -> QuerySet[Checklist]:
    """Shipped and own checklists with their latest version number."""
    return (
        permissions.checklists_visible_to(user)
        .filter(Q(organisation__isnull=True) | Q(organisation=organisation))
        .annotate(latest=Max("versions__number"))
        .order_by("organisation_id", "name")
    )


def latest_versions(
    *, user: User, organisation: Organisation
) -> QuerySet[ChecklistVersion]:
    """The newest version of each visible checklist: what new reviews use."""
    newest = (
        ChecklistVersion.objects.filter(checklist=OuterRef("checklist"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return (
        ChecklistVersion.objects.filter(
            checklist__in=checklists(user=user, organisation=organisation).values("pk"),
            pk=Subquery(newest),
        )
        .select_related("checklist")
        .order_by("checklist__name")
    )


def checklist_versions(*, checklist: Checklist) -> QuerySet[ChecklistVersion]:
    return checklist.versions.annotate(n_reviews=Count("reviews")).prefetch_related(
        Prefetch("criteria", queryset=Criterion.objects.order_by("position", "code"))
    )


def unit_trend(
    *,
    user: User,
    organisation: Organisation,
    checklist: Checklist,
    board: Unit | None = None,
    document_types: Iterable[str] | None = None,
) -> tuple[list[int], list[trend.TrendRow], bool]:
    """Share met (or mean score) per unit and year over the checklist's completed
    reviews (all versions); returns years, rows and whether it is scored. `board`
    narrows to one board's domain, `document_types` to those types (e.g. the
    steering documents)."""
    reviews = permissions.reviews_visible_to(user).filter(
        organisation=organisation,
        status=Review.Status.DONE,
        checklist_version__checklist=checklist,
    )
    if board is not None:
        reviews = reviews.filter(unit_id__in=domain_ids(board))
    if document_types is not None:
        reviews = reviews.filter(document_type__in=list(document_types))
    answers = Answer.objects.filter(review__in=reviews).values_list(
        "review__unit_id",
        "review__unit__name",
        "review__year",
        "value",
        "criterion__version__answer_type",
    )
    rows = list(answers)
    scored = any(r[4] == AnswerType.SCORE for r in rows)
    years, trend_rows = trend.unit_trend(
        ((u, n, y, v) for u, n, y, v, _t in rows), scored=scored
    )
    return years, trend_rows, scored


def development_needs(
    *, user: User, organisation: Organisation, year: int | None = None
) -> list[DevelopmentNeed]:
    """Needs found in reviews that the user may see, each with its `review` (or None
    when the review was removed)."""
    needs = (
        permissions.development_needs_visible_to(user)
        .filter(organisation=organisation)
        .select_related("unit")
    )
    if year:
        needs = needs.filter(year=year)
    rows = list(needs.order_by("-year", "unit__name", "pk"))
    attach_reviews(rows)
    return rows


def attach_reviews(needs: list[DevelopmentNeed]) -> None:
    """Set `need.review` to the review a need was recorded from (None for needs from
    elsewhere), in one query."""
    refs = {n.pk: pk_in_ref(n.source_ref, REVIEW_SOURCE_PREFIX) for n in needs}
    reviews = Review.objects.in_bulk({pk for pk in refs.values() if pk is not None})
    for need in needs:
        review_pk = refs[need.pk]
        need.review = reviews.get(review_pk) if review_pk else None  # type: ignore[attr-defined]


def needs_of_review(*, review: Review) -> QuerySet[DevelopmentNeed]:
    """The development needs recorded from one review."""
    return DevelopmentNeed.objects.filter(
        organisation_id=review.organisation_id, source_ref=source_ref_of(review)
    ).select_related("unit")


def reviews_in_progress(*, organisation: Organisation) -> QuerySet[Review]:
    """Unscoped: for the dashboard and agenda providers, which scope by role."""
    return Review.objects.filter(
        organisation=organisation, status=Review.Status.IN_PROGRESS
    ).select_related("unit")


def visible_boards(*, user: User, organisation: Organisation) -> list[Unit]:
    """The boards whose pages the user may filter by: every board for those who read
    the whole organisation (or a manager), only their own for a board politician."""
    boards = list(boards_of(organisation))
    roles = roles_in(user, organisation.pk)
    if roles - {Role.BOARD_POLITICIAN}:
        return boards
    own = board_ids(user, organisation.pk)
    return [b for b in boards if b.pk in own]


def own_boards(*, user: User, organisation: Organisation) -> list[Unit]:
    """The boards a board politician acts for (empty for everyone else)."""
    own = board_ids(user, organisation.pk)
    return [b for b in boards_of(organisation) if b.pk in own]


@dataclass
class MeetingGroup:
    """The decision documents decided (or to be decided) at one board meeting."""

    meeting_on: dt.date | None
    board: Unit | None = None
    reviews: list[Review] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading, e.g. "Socialnämnden, sammanträde 24 mars 2026" (the board name only when
        the documents' unit belongs to a board)."""
        if self.meeting_on is None:
            meeting = str(_NO_MEETING_DATE)
        else:
            meeting = str(_MEETING) % {"date": formatting.date(self.meeting_on)}
        if self.board is None:
            return meeting[:1].upper() + meeting[1:]
        return f"{self.board.name}, {meeting}"


_MEETING = gettext_lazy("meeting %(date)s")
_NO_MEETING_DATE = gettext_lazy("no meeting date yet")


def decision_documents(
    *,
    user: User,
    organisation: Organisation,
    year: int,
    board: Unit | None = None,
) -> list[MeetingGroup]:
    """The decision documents (tjänsteskrivelser) before the board in one year that
    the user may read, grouped by the meeting where they are decided (in date
    order; those without a meeting date last). `board` narrows to its domain."""
    reviews = (
        permissions.reviews_visible_to(user)
        .filter(
            organisation=organisation,
            year=year,
            document_type=DocumentType.DECISION_DOCUMENT,
        )
        .select_related("unit", "checklist_version__checklist")
        .annotate(
            n_answered=Count("answers", filter=~Q(answers__value="")),
            n_answers=Count("answers"),
        )
    )
    if board is not None:
        reviews = reviews.filter(unit_id__in=domain_ids(board))
    boards = board_map(organisation.pk)
    board_units = Unit.objects.in_bulk(set(boards.values()))
    groups: dict[tuple[int | None, dt.date | None], MeetingGroup] = {}
    for review in reviews.order_by("meeting_on", "paragraph", "title", "pk"):
        board_id = boards.get(review.unit_id)
        group = groups.setdefault(
            (board_id, review.meeting_on),
            MeetingGroup(review.meeting_on, board_units.get(board_id or 0)),
        )
        group.reviews.append(review)
    dated = sorted((g for g in groups.values() if g.meeting_on), key=_meeting_key)
    undated = sorted(
        (g for g in groups.values() if g.meeting_on is None),
        key=lambda g: g.board.name if g.board else "",
    )
    return dated + undated


def _meeting_key(group: MeetingGroup) -> tuple[dt.date, str]:
    assert group.meeting_on is not None  # noqa: S101 - only dated groups are sorted
    return group.meeting_on, group.board.name if group.board else ""
