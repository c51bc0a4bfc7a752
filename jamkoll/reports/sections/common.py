"""Helpers every section builder uses: the body's names and the year's period.

Numbers, percentages and dates are written with `jamkoll.core.formatting`; `number`
and `percent` are re-exported here only so older imports keep working.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import pgettext

from jamkoll.core.formatting import DASH, number, percent
from jamkoll.members.models import Term
from jamkoll.organisations.models import Organisation, Unit

__all__ = [
    "DASH",
    "BodyNames",
    "body_names",
    "equality_body",
    "genitive",
    "in_running_text",
    "number",
    "percent",
    "share",
    "term_for_year",
    "year_bounds",
]


def share(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent, None when `whole` is 0."""
    return None if whole == 0 else 100 * part / whole


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def term_for_year(organisation: Organisation, year: int) -> Term | None:
    """The mandate period in force at the end of the year (or the latest one before)."""
    _first, last = year_bounds(year)
    return (
        Term.objects.filter(organisation=organisation, starts_on__lte=last)
        .order_by("-starts_on")
        .first()
    )


def equality_body(organisation: Organisation) -> Unit | None:
    return (
        Unit.objects.of(organisation)
        .equality_bodies()
        .filter(is_active=True)
        .select_related("parent")
        .first()
    )


def in_running_text(unit: Unit) -> str:
    """A unit's name inside a sentence: boards, administrations, KS and KF in lower
    case ("gymnasienämnden", "kommunstyrelsen"), companies as registered."""
    if unit.kind == Unit.Kind.COMPANY:
        return unit.name
    return unit.name[:1].lower() + unit.name[1:]


@dataclass(frozen=True)
class BodyNames:
    """How the report names the gender-equality body and the body it reports to.

    `name` "Jämställdhetsutskottet", `genitive` "Jämställdhetsutskottets", `form`
    "utskottet" (definite, for running text), `parent` "kommunfullmäktige" or
    "kommunstyrelsen" (running text), `parent_kind` the parent's `Unit.Kind`.
    """

    name: str
    genitive: str
    form: str
    parent: str
    parent_kind: str


def genitive(name: str) -> str:
    """Swedish genitive: "utskottet" → "utskottets"; no extra s after s, x or z."""
    return name if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"


def _form_noun(body: Unit | None) -> str:
    forms = {
        Unit.BodyForm.COMMITTEE: pgettext("the body, definite form", "the committee"),
        Unit.BodyForm.DRAFTING_COMMITTEE: pgettext(
            "the body, definite form", "the drafting committee"
        ),
        Unit.BodyForm.DELEGATION: pgettext("the body, definite form", "the delegation"),
    }
    if body is not None and body.body_form in forms:
        return forms[body.body_form]
    return pgettext("the body, definite form", "the gender-equality body")


def _parent_name(parent: Unit | None) -> tuple[str, str]:
    if parent is None or parent.kind == Unit.Kind.EXECUTIVE_BOARD:
        return pgettext("running text", "the executive board"), (
            Unit.Kind.EXECUTIVE_BOARD
        )
    if parent.kind == Unit.Kind.COUNCIL:
        return pgettext("running text", "the council"), Unit.Kind.COUNCIL
    return in_running_text(parent), parent.kind


def body_names(organisation: Organisation, body: Unit | None = None) -> BodyNames:
    """The body's names for the report (`body`: the equality body, if already read)."""
    body = body or equality_body(organisation)
    form = _form_noun(body)
    name = body.name if body is not None else capfirst(form)
    parent, parent_kind = _parent_name(body.parent if body is not None else None)
    return BodyNames(
        name=name,
        genitive=genitive(name),
        form=form,
        parent=parent,
        parent_kind=parent_kind,
    )
