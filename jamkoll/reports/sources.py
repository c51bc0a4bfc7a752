"""Development needs (utvecklingsbehov) collected during the year, across apps.

A proposed development area in the yearly report is usually picked from one of these.
Development needs are one model (`meetings.DevelopmentNeed`, from dialogue meetings
and document reviews alike); demands with an insufficient answer are the other
source. Each provider reads its app through that app's own models or selectors and
returns `Need`s; `reports` sits above those apps, so it
imports them directly. A provider for an app without development needs is simply not
listed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.meetings import selectors as meetings_selectors
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.models import Organisation
from jamkoll.result_requests.models import Outcome, ResultRequest
from jamkoll.reviews import selectors as review_selectors
from jamkoll.reviews.models import REVIEW_SOURCE_PREFIX


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


def _origin(need: DevelopmentNeed) -> str:
    """Where a need was recorded (`need.review` set by `attach_reviews`)."""
    if need.meeting_id:
        return _("Dialogue meeting %(date)s") % {
            "date": formats.date_format(need.meeting.held_on, "j F Y")
        }
    if need.source_ref.startswith(REVIEW_SOURCE_PREFIX):
        review = need.review  # type: ignore[attr-defined]
        if review is not None:
            return _("Review of %(title)s") % {"title": review.title}
        return pgettext("report section", "Document reviews")
    return _("Development need")


def development_needs(organisation: Organisation, year: int) -> list[Need]:
    """Needs recorded in the year (meetings.DevelopmentNeed, the one model for every
    source: dialogue meetings and document reviews)."""
    needs = list(
        meetings_selectors.development_needs(
            organisation=organisation, year=year, all_sources=True
        )
    )
    review_selectors.attach_reviews(needs)
    return [
        Need(
            reference=f"meetings.developmentneed:{n.pk}",
            title=_title(n.text),
            description=n.text,
            unit_id=n.unit_id,
            unit_name=n.unit.name if n.unit_id else "",
            origin=_origin(n),
        )
        for n in needs
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


PROVIDERS: list[Provider] = [development_needs, demand_needs]


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
