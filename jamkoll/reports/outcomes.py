"""Read paths for what KS or KF decided on the proposed development areas.

Kept apart from `selectors` because the report's sections read it too, and
`selectors` imports the sections.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from jamkoll.organisations.models import Organisation
from jamkoll.reports.models import (
    AreaDecision,
    AreaFollowUp,
    DevelopmentArea,
    YearlyReport,
)


@dataclass
class AreaOutcome:
    """One proposed development area with its decisions (oldest first) and follow-up."""

    area: DevelopmentArea
    decisions: list[AreaDecision]
    follow_up: AreaFollowUp | None

    @property
    def decision(self) -> AreaDecision | None:
        """The decision in force: the latest one."""
        return self.decisions[-1] if self.decisions else None

    @property
    def may_be_decided(self) -> bool:
        """No decision yet, or the latest one referred the area back (återremiss)."""
        decision = self.decision
        return decision is None or (
            decision.outcome == AreaDecision.Outcome.REFERRED_BACK
        )


def area_outcomes(*, report: YearlyReport | None) -> list[AreaOutcome]:
    """The report's areas with what KS or KF decided on each (three queries)."""
    if report is None:
        return []
    areas = (
        report.development_areas.select_related(
            "unit", "follow_up__unit", "follow_up__responsible"
        )
        .prefetch_related(
            Prefetch(
                "decisions",
                queryset=AreaDecision.objects.select_related("decided_by").order_by(
                    "decided_on", "pk"
                ),
            )
        )
        .order_by("position", "pk")
    )
    return [_outcome(area) for area in areas]


def area_outcome(*, area: DevelopmentArea) -> AreaOutcome:
    decisions = list(
        area.decisions.select_related("decided_by").order_by("decided_on", "pk")
    )
    follow_up = (
        AreaFollowUp.objects.select_related("unit", "responsible")
        .filter(area=area)
        .first()
    )
    return AreaOutcome(area=area, decisions=decisions, follow_up=follow_up)


def _outcome(area: DevelopmentArea) -> AreaOutcome:
    try:
        follow_up: AreaFollowUp | None = area.follow_up
    except AreaFollowUp.DoesNotExist:
        follow_up = None
    return AreaOutcome(
        area=area, decisions=list(area.decisions.all()), follow_up=follow_up
    )


def previous_year_outcomes(
    *, organisation: Organisation, year: int
) -> tuple[YearlyReport | None, list[AreaOutcome]]:
    """Last year's adopted report and its areas, for "what happened" in `year`'s
    report. (None, []) when last year's report was never adopted."""
    report = (
        YearlyReport.objects.filter(
            organisation=organisation,
            year=year - 1,
            status=YearlyReport.Status.ADOPTED,
        )
        .select_related("organisation")
        .first()
    )
    return report, area_outcomes(report=report)
