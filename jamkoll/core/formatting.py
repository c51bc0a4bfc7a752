"""How Jämkoll writes numbers, dates and quotations: one place, used by every app.

Two audiences, two sets of rules:

- **People** (pages, e-mail, Word, PDF) read Swedish: decimal comma, thousands grouped
  with a no-break space ("750 000 kr", "17,5 %"), dates as "8 november 2026", times
  as "13.00", quotations within ”…”. Use `number`, `percent`, `money`, `date`,
  `time`, `datetime`, `quoted` (also as template filters: `{% load sv %}`).
- **Machines** (SVG attributes, typst input, CSS) need plain numbers: `svg` writes
  "244" or "12.5" whatever the active language. Never let Django's localisation
  touch a coordinate: write `{{ y|svg }}`, not `{{ y }}`.

Exports (CSV, XLSX) have their own rules in `jamkoll.core.exports`.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _

DASH = "–"
NBSP = "\xa0"
QUOTE = "”"

Number = int | float | Decimal


def is_finite(value: object) -> bool:
    """True for an int, float or Decimal that is neither NaN nor infinite."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    return math.isfinite(value)


def number(value: Number | None, decimals: int = 1, *, grouping: bool = True) -> str:
    """A figure as written in Swedish: "1 234,5", "17", "–" when missing.

    Whole numbers show no decimals; others are rounded to `decimals` places with
    trailing zeros kept ("2,50" with decimals=2), so a column lines up. The minus is
    a hyphen-minus, which every font and screen reader handles. Halves round away
    from zero, as people round by hand (30,25 → 30,3), not to even.
    """
    if value is None or not is_finite(value):
        return DASH
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole = rounded == rounded.to_integral_value()
    text = f"{int(rounded):,}" if whole else f"{rounded:,.{decimals}f}"
    if rounded == 0:
        text = text.lstrip("-")
    text = text.replace(",", "\0").replace(".", ",")
    return text.replace("\0", NBSP if grouping else "")


def percent(value: Number | None, decimals: int = 0) -> str:
    """A share in percent with a no-break space: "55 %", "–" when missing."""
    if value is None or not is_finite(value):
        return DASH
    return f"{number(value, decimals)}{NBSP}%"


def money(value: Number | None, currency: str = "kr") -> str:
    """An amount: "750 000 kr", "–" when missing."""
    if value is None or not is_finite(value):
        return DASH
    return f"{number(value, 2)}{NBSP}{currency}"


def with_unit(value: Number | None, unit: str = "", decimals: int = 1) -> str:
    """A figure followed by its unit ("17,5 %", "230 poäng"); "–" when missing."""
    text = number(value, decimals)
    if not unit or text == DASH:
        return text
    if unit in ("%", "‰"):
        return f"{text}{NBSP}{unit}"
    return f"{text}{NBSP}{unit.strip()}"


def svg(value: Number | None) -> str:
    """A coordinate or length for SVG/typst: "244", "12.5"; never localised.

    Rounded to two decimals, which is far below a pixel. Missing or non-finite
    values become "0" so a broken figure can never produce a broken drawing.
    """
    if value is None or not is_finite(value):
        return "0"
    rounded = round(float(value), 2)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").rstrip(".")


def date(value: dt.date | None) -> str:
    """A date in the one Swedish style: "8 november 2026" ("" when missing)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return formats.date_format(value, "DATE_FORMAT")


def time(value: dt.time | dt.datetime | None) -> str:
    """A time of day: "13.00" ("" when missing)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.time()
    return formats.time_format(value, "TIME_FORMAT")


def datetime(value: dt.datetime | None) -> str:
    """A moment: "8 november 2026 kl. 13.00" ("" when missing)."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return _("%(date)s at %(time)s") % {"date": date(value), "time": time(value)}


def quoted(text: str) -> str:
    """Text within Swedish quotation marks: ”så här”."""
    return f"{QUOTE}{text}{QUOTE}"
