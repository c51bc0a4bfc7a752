"""Development needs (utvecklingsbehov) collected during the year, across apps.

A proposed development area in the yearly report is usually picked from one of these.
Each provider reads one app (reviews, dialogue meetings, demands) through that app's
own models or selectors and returns `Need`s; `reports` sits above those apps, so it
imports them directly. A provider for an app without development needs is simply not
listed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from jamkoll.meetings import selectors as meetings_selectors
from jamkoll.organisations.models import Organisation
from jamkoll.result_requests.models import Outcome, ResultRequest
from jamkoll.reviews.models import DevelopmentNeed as ReviewNeed


@dataclass(frozen=True)
class Need:
    """One development need as the picker shows it; `reference` is "<app>.<model>:<pk>"."""

    reference: str
    title: str
    description: str
    unit_id: int | None
    unit_name: str
    origin: str


Provider = Callable[[Organisation, int], list[Need]]

TITLE_LENGTH = 120


def _title(text: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return (
        first_line
        if len(first_line) <= TITLE_LENGTH
        else first_line[: TITLE_LENGTH - 1] + "…"
    )


def review_needs(organisation: Organisation, year: int) -> list[Need]:
    """Needs recorded in document reviews (reviews.DevelopmentNeed) of the year."""
    needs = (
        ReviewNeed.objects.filter(organisation=organisation, year=year)
        .select_related("unit", "review")
        .order_by("unit__name", "pk")
    )
    return [
        Need(
            reference=f"reviews.developmentneed:{n.pk}",
            title=_title(n.text),
            description=n.text,
            unit_id=n.unit_id,
            unit_name=n.unit.name,
            origin=_("Review of %(title)s") % {"title": n.review.title}
            if n.review_id
            else _("Document reviews"),
        )
        for n in needs
    ]


def dialogue_needs(organisation: Organisation, year: int) -> list[Need]:
    """Needs recorded at the year's dialogue meetings (meetings.DevelopmentNeed)."""
    return [
        Need(
            reference=f"meetings.developmentneed:{n.pk}",
            title=_title(n.text),
            description=n.text,
            unit_id=n.unit_id,
            unit_name=n.unit.name if n.unit_id else "",
            origin=_("Dialogue meeting %(date)s")
            % {"date": formats.date_format(n.meeting.held_on, "j F Y")},
        )
        for n in meetings_selectors.development_needs(
            organisation=organisation, year=year
        )
    ]


def demand_needs(organisation: Organisation, year: int) -> list[Need]:
    """Demands of the year whose answer the body found insufficient (otillräckligt)."""
    demands = (
        ResultRequest.objects.filter(
            organisation=organisation,
            sent_at__year=year,
            first_outcome=Outcome.INSUFFICIENT,
        )
        .select_related("addressed_to")
        .order_by("addressed_to__name", "pk")
    )
    return [
        Need(
            reference=f"result_requests.resultrequest:{d.pk}",
            title=d.title,
            description=_(
                "The answer from %(unit)s to the demand “%(title)s” was insufficient: "
                "%(question)s"
            )
            % {"unit": d.addressed_to.name, "title": d.title, "question": d.question},
            unit_id=d.addressed_to_id,
            unit_name=d.addressed_to.name,
            origin=_("Demand with an insufficient answer"),
        )
        for d in demands
    ]


PROVIDERS: list[Provider] = [review_needs, dialogue_needs, demand_needs]


def collected_needs(*, organisation: Organisation, year: int) -> list[Need]:
    """Every development need of the organisation recorded in the year, by origin."""
    needs: list[Need] = []
    for provider in PROVIDERS:
        needs.extend(provider(organisation, year))
    return needs


def find_need(*, organisation: Organisation, year: int, reference: str) -> Need | None:
    return next(
        (
            n
            for n in collected_needs(organisation=organisation, year=year)
            if n.reference == reference
        ),
        None,
    )
