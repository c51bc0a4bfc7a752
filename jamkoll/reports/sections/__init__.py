"""The report's data sections, one module per source app, in reading order.

Each module exposes `build(organisation, year) -> Section | None` and returns None when
its app has nothing for the year. The report then still shows the section's heading
with one sentence saying there is nothing for the year (`EMPTY`), never an empty
table. A section for a feature that does not exist yet is simply not listed here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section
from jamkoll.reports.sections import (
    action_plan,
    boards,
    body,
    cases,
    demands,
    development_follow_up,
    dialogues,
    indicators,
    meetings,
    reviews,
    survey,
)
from jamkoll.reports.sections.common import BodyNames, body_names

Builder = Callable[[Organisation, int], Section | None]


@dataclass(frozen=True)
class Empty:
    """What a section says when its app has nothing for the year."""

    key: str
    heading: Callable[[], str]
    sentence: Callable[[BodyNames, int], str]


BUILDERS: list[Builder] = [
    body.build,
    meetings.build,
    demands.build,
    cases.build,
    dialogues.build,
    reviews.build,
    boards.build,
    indicators.build,
    action_plan.build,
    survey.build,
    # An appendix (Section.appendix): the renderers print it after the report itself.
    survey.build_appendix,
    # Last in the data, so it leads into this year's proposed development areas.
    development_follow_up.build,
]

EMPTY: dict[Builder, Empty] = {
    body.build: Empty(
        "body",
        lambda: _("The body"),
        lambda names, year: _("No gender-equality body is registered."),
    ),
    meetings.build: Empty(
        "meetings",
        lambda: pgettext("report section", "Meetings"),
        lambda names, year: (
            _("%(body)s has no meetings registered for %(year)s.")
            % {"body": capfirst(names.form), "year": year}
        ),
    ),
    demands.build: Empty(
        "demands",
        lambda: pgettext("report section", "Demands for results"),
        lambda names, year: (
            _("%(body)s sent no demands for results in %(year)s.")
            % {"body": capfirst(names.form), "year": year}
        ),
    ),
    cases.build: Empty(
        "cases",
        lambda: _("Council cases"),
        lambda names, year: (
            _(
                "No cases before the council or the executive board are registered for "
                "%(year)s."
            )
            % {"year": year}
        ),
    ),
    dialogues.build: Empty(
        "dialogues",
        lambda: _("Dialogue meetings"),
        lambda names, year: (
            _("%(body)s held no dialogue meetings in %(year)s.")
            % {"body": capfirst(names.form), "year": year}
        ),
    ),
    reviews.build: Empty(
        "reviews",
        lambda: pgettext("report section", "Document reviews"),
        lambda names, year: (
            _("%(body)s completed no document reviews in %(year)s.")
            % {"body": capfirst(names.form), "year": year}
        ),
    ),
    boards.build: Empty(
        "boards",
        boards.heading,
        lambda names, year: (
            _(
                "No board recorded demands, decision documents, a self-assessment or "
                "development needs for %(year)s."
            )
            % {"year": year}
        ),
    ),
    indicators.build: Empty(
        "indicators",
        lambda: _("Indicators: gaps between women and men"),
        lambda names, year: (
            _("No indicator has figures for both women and men for %(year)s.")
            % {"year": year}
        ),
    ),
    action_plan.build: Empty(
        "action_plan",
        lambda: _("The action plan"),
        lambda names, year: _("The action plan has no actions yet."),
    ),
    survey.build: Empty(
        "survey",
        lambda: _("Survey of politicians"),
        lambda names, year: (
            _("No survey of politicians was closed in %(year)s.") % {"year": year}
        ),
    ),
    development_follow_up.build: Empty(
        "development_follow_up",
        lambda: _("What happened to last year's development areas"),
        lambda names, year: (
            _(
                "There is no adopted yearly report for %(year)s whose development areas "
                "could be followed up."
            )
            % {"year": year - 1}
        ),
    ),
}


def empty_section(empty: Empty, names: BodyNames, year: int) -> Section:
    return Section(
        key=empty.key,
        heading=empty.heading(),
        blocks=[Paragraph(empty.sentence(names, year))],
        has_year_data=False,
    )


def build_all(organisation: Organisation, year: int) -> list[Section]:
    """Every data section in order; one with nothing for the year says so."""
    names = body_names(organisation)
    sections = []
    for builder in BUILDERS:
        section = builder(organisation, year)
        if section is None and builder in EMPTY:
            section = empty_section(EMPTY[builder], names, year)
        if section is not None:
            sections.append(section)
    return sections
