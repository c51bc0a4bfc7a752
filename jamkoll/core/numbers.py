"""Numbers as people type them, refused unless finite.

`parse_number` is the one reader of a typed or imported figure: Swedish ("1 234,5",
no-break or narrow no-break spaces between thousands, "−3" with a real minus sign),
international ("1234.5", "1,234.5", "1.234,5") and plain values from a spreadsheet
(int, float, Decimal). It refuses text that is not a number and every number that is
not finite or too large to store as a float ("inf", "nan", "Infinity", "1e309"), with
a Swedish `ValidationError`, so no such value reaches the database or a page.

`parse_optional_number` is the same for a cell or field that may be left empty.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jamkoll.core.formatting import quoted

NOT_A_NUMBER = _("Enter a number, like 12,5: %(value)s is not one.")
NOT_FINITE = _("Enter a finite number, like 12,5: %(value)s is not one.")
REQUIRED = _("Enter a number, like 12,5.")

#: Longer text is never a figure anyone typed (and would cost time to parse).
MAX_LENGTH = 60
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009']")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_SHAPE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_SHOWN = 40

Number = int | float | Decimal


def _shown(text: str) -> str:
    text = "".join(ch for ch in text if ch.isprintable())
    return quoted(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _refuse(message: object, text: str, code: str) -> ValidationError:
    return ValidationError(message, code=code, params={"value": _shown(text)})


def _normalise(text: str) -> str:
    """ "1 234,5" → "1234.5": spaces out, the last of "," and "." is the decimal sign."""
    cleaned = _SPACES.sub("", text).translate(_MINUS)
    comma, point = cleaned.rfind(","), cleaned.rfind(".")
    if comma >= 0 and point >= 0:
        grouping = "." if comma > point else ","
        cleaned = cleaned.replace(grouping, "")
    if cleaned.count(",") > 1:  # "1,234,567": commas grouping thousands
        cleaned = cleaned.replace(",", "")
    if cleaned.count(".") > 1:  # "1.234.567": points grouping thousands
        cleaned = cleaned.replace(".", "")
    return cleaned.replace(",", ".")


def _checked(value: Decimal, text: str) -> Decimal:
    if not value.is_finite():
        raise _refuse(NOT_FINITE, text, "not_finite")
    try:
        as_float = float(value)
    except (OverflowError, ValueError):  # pragma: no cover - float() saturates
        raise _refuse(NOT_FINITE, text, "not_finite") from None
    if not math.isfinite(as_float):
        raise _refuse(NOT_FINITE, text, "not_finite")
    if as_float == 0 and not value.is_zero():
        value = Decimal(0)  # "1e-999": below what a float holds
    return value


def parse_optional_number(value: str | Number | None) -> Decimal | None:
    """A figure as a Decimal, ``None`` for an empty value; refuses the rest."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise _refuse(NOT_A_NUMBER, str(value), "invalid")
    if isinstance(value, int):
        return _checked(Decimal(value), str(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _refuse(NOT_FINITE, str(value), "not_finite")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return _checked(value, str(value))
    text = str(value).strip()
    if not text:
        return None
    if len(text) > MAX_LENGTH:
        raise _refuse(NOT_A_NUMBER, text, "invalid")
    cleaned = _normalise(text)
    if not _SHAPE.fullmatch(cleaned):
        lowered = cleaned.lower().lstrip("+-")
        if lowered in {"inf", "infinity", "nan", "snan", "∞"}:
            raise _refuse(NOT_FINITE, text, "not_finite")
        raise _refuse(NOT_A_NUMBER, text, "invalid")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the shape check comes first
        raise _refuse(NOT_A_NUMBER, text, "invalid") from None
    return _checked(number, text)


def parse_number(value: str | Number) -> Decimal:
    """A figure as a Decimal: "1 234,5", "1234.5", "−3", 12, 12.5.

    Empty text, text that is not a number and numbers that are not finite
    ("inf", "nan", "Infinity", "1e309") raise a Swedish `ValidationError`
    (codes ``required``, ``invalid``, ``not_finite``).
    """
    number = parse_optional_number(value)
    if number is None:
        raise ValidationError(REQUIRED, code="required")
    return number
