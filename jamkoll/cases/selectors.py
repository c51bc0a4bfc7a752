"""Read paths for council cases and the body's preparation coverage."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from jamkoll.cases.models import Case, NotGivenListRaising
from jamkoll.organisations.models import Organisation


@dataclass
class Coverage:
    """How many cases the body prepared, found not relevant, or was never given."""

    label: str
    meeting_on: dt.date | None = None
    total: int = 0
    prepared: int = 0
    not_relevant: int = 0
    not_given_chance: int = 0
    unhandled: int = 0
    bodies: list[str] = field(default_factory=list)

    @property
    def handled(self) -> int:
        return self.prepared + self.not_relevant

    @property
    def share_prepared(self) -> int:
        """Prepared as a whole percentage of the cases that were relevant to prepare."""
        relevant = self.total - self.not_relevant
        return round(100 * self.prepared / relevant) if relevant else 0

    def add(self, preparation: str, n: int) -> None:
        self.total += n
        names: dict[str, str] = {
            Case.Preparation.PREPARED: "prepared",
            Case.Preparation.NOT_RELEVANT: "not_relevant",
            Case.Preparation.NOT_GIVEN_CHANCE: "not_given_chance",
        }
        attribute = names.get(preparation, "unhandled")
        setattr(self, attribute, getattr(self, attribute) + n)


def case_list(
    *,
    visible: QuerySet[Case],
    organisation: Organisation,
    year: int,
    preparation: str = "",
) -> QuerySet[Case]:
    cases = visible.filter(organisation=organisation).in_year(year)
    if preparation:
        cases = cases.filter(preparation=preparation)
    return cases.select_related("deciding_body", "responsible_board").order_by(
        "meeting_on", "case_number"
    )


def coverage(
    *, organisation: Organisation, year: int
) -> tuple[Coverage, list[Coverage]]:
    """The year's totals and one row per council meeting date (one query)."""
    rows = (
        Case.objects.filter(organisation=organisation)
        .in_year(year)
        .values("meeting_on", "deciding_body__name", "preparation")
        .annotate(n=Count("pk"))
        .order_by("meeting_on")
    )
    year_total = Coverage(label=str(year))
    meetings: dict[dt.date, Coverage] = {}
    for row in rows:
        meeting = meetings.setdefault(
            row["meeting_on"],
            Coverage(label=row["meeting_on"].isoformat(), meeting_on=row["meeting_on"]),
        )
        if row["deciding_body__name"] not in meeting.bodies:
            meeting.bodies.append(row["deciding_body__name"])
        meeting.add(row["preparation"], row["n"])
        year_total.add(row["preparation"], row["n"])
    return year_total, list(meetings.values())


def not_given_chance(
    *, organisation: Organisation, year: int, meeting_on: dt.date | None = None
) -> QuerySet[Case]:
    """Cases the body was not given the chance to prepare (the list for the chair)."""
    cases = (
        Case.objects.filter(organisation=organisation).in_year(year).not_given_chance()
    )
    if meeting_on is not None:
        cases = cases.filter(meeting_on=meeting_on)
    return cases.select_related("deciding_body", "responsible_board").order_by(
        "meeting_on", "case_number"
    )


def raisings_for_year(
    organisation: Organisation, year: int
) -> list[NotGivenListRaising]:
    """When the chair raised the year's list of cases the body was not given the
    chance to prepare: in which council or executive board, on which date, under which
    paragraph, by whom (for the list page and the yearly report)."""
    return list(
        NotGivenListRaising.objects.filter(organisation=organisation, year=year)
        .select_related("body", "raised_by")
        .order_by("raised_on", "pk")
    )
