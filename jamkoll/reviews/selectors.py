"""Read paths for review pages (scoped through `permissions`)."""

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

from jamkoll.accounts.models import User
from jamkoll.core.refs import pk_in_ref
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.models import Organisation
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
    *, user: User, organisation: Organisation, checklist: Checklist
) -> tuple[list[int], list[trend.TrendRow], bool]:
    """Share met (or mean score) per unit and year over the checklist's completed
    reviews (all versions); returns years, rows and whether it is scored."""
    answers = Answer.objects.filter(
        review__in=permissions.reviews_visible_to(user).filter(
            organisation=organisation,
            status=Review.Status.DONE,
            checklist_version__checklist=checklist,
        )
    ).values_list(
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
