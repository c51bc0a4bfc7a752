"""The report's data sections, one module per source app, in reading order.

Each module exposes `build(organisation, year) -> Section | None` and returns None when
its app has nothing for the year, so the report says nothing about it. A section for a
feature that does not exist yet is simply not listed here.
"""

from collections.abc import Callable

from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Section
from jamkoll.reports.sections import (
    action_plan,
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

Builder = Callable[[Organisation, int], Section | None]

BUILDERS: list[Builder] = [
    body.build,
    meetings.build,
    demands.build,
    cases.build,
    dialogues.build,
    reviews.build,
    indicators.build,
    action_plan.build,
    survey.build,
    # Last in the data, so it leads into this year's proposed development areas.
    development_follow_up.build,
]


def build_all(organisation: Organisation, year: int) -> list[Section]:
    """Every section that has something to say for the year, in order."""
    sections = []
    for builder in BUILDERS:
        section = builder(organisation, year)
        if section is not None:
            sections.append(section)
    return sections
