"""Helpers every section builder uses: Swedish number formats and the year's period."""

import datetime as dt

from django.utils.translation import gettext as _

from jamkoll.members.models import Term
from jamkoll.organisations.models import Organisation, Unit

DASH = "–"


def number(value: float | int | None, decimals: int = 1) -> str:
    """A number as written in Swedish: decimal comma, "–" when missing."""
    if value is None:
        return DASH
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def percent(value: float | None, decimals: int = 0) -> str:
    """A share in percent ("55 %"), "–" when missing."""
    if value is None:
        return DASH
    return _("%(value)s %%") % {"value": number(round(value, decimals), decimals)}


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
