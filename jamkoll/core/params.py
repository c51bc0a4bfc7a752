"""Query parameters read safely: no value a visitor types can make a page fail.

Views read ``request.GET`` only through these functions (or a form). Every function
returns a usable value whatever arrives: text without NUL or other control
characters (PostgreSQL refuses NUL in text) and never longer than asked; whole
numbers within the stated range, else the default; ids that fit a database key;
dates that exist; a page number a paginator can use. A bad value is treated as
missing, so the page shows its default view instead of an error.
"""

from __future__ import annotations

import datetime as dt
import re

from django.http import HttpRequest, QueryDict

#: Largest value of a BigAutoField key (PostgreSQL bigint, SQLite INTEGER).
MAX_PK = 2**63 - 1
#: No list has more pages than this; larger numbers mean the last page.
MAX_PAGE = 1_000_000
# Digits beyond this are no number anyone typed (and int() of a huge text is slow).
_MAX_DIGITS = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INTEGER = re.compile(rf"[+-]?[0-9]{{1,{_MAX_DIGITS}}}")


def clean_text(value: object, max_length: int = 200) -> str:
    """Text as stored or searched: control characters (NUL included) removed,
    stripped, at most `max_length` characters. Tabs and line breaks become spaces."""
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value)).replace("\t", " ").replace("\r", " ")
    return text.replace("\n", " ").strip()[:max_length].strip()


def _raw(params: HttpRequest | QueryDict, name: str) -> str:
    query = params.GET if isinstance(params, HttpRequest) else params
    value = query.get(name, "")
    return value if isinstance(value, str) else ""


def text_param(
    request: HttpRequest | QueryDict,
    name: str,
    max_length: int = 200,
    default: str = "",
) -> str:
    """A text parameter, cleaned (`clean_text`); `default` when missing or empty."""
    return clean_text(_raw(request, name), max_length) or default


def choice_param(
    request: HttpRequest | QueryDict, name: str, choices: object, default: str = ""
) -> str:
    """A parameter that must be one of `choices` (values, or (value, label) pairs)."""
    value = text_param(request, name, 100)
    allowed = {c[0] if isinstance(c, list | tuple) else c for c in choices}  # type: ignore[attr-defined]
    return value if value in allowed else default


def parse_int(
    value: object,
    default: int | None,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """`value` as a whole number within [minimum, maximum], else `default`."""
    text = clean_text(value, 40)
    if not _INTEGER.fullmatch(text):
        return default
    number = int(text)
    if (minimum is not None and number < minimum) or (
        maximum is not None and number > maximum
    ):
        return default
    return number


def int_param(
    request: HttpRequest | QueryDict,
    name: str,
    default: int | None,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """A whole number within [minimum, maximum]; `default` when missing or bad."""
    return parse_int(_raw(request, name), default, minimum, maximum)


def year_param(
    request: HttpRequest | QueryDict,
    name: str = "year",
    default: int | None = None,
    minimum: int = 1900,
    maximum: int = 2200,
) -> int | None:
    """A year within [minimum, maximum]; `default` when missing or bad."""
    return parse_int(_raw(request, name), default, minimum, maximum)


def pk_param(request: HttpRequest | QueryDict, name: str) -> int | None:
    """An object id (a positive whole number a database key can hold), else None."""
    return parse_int(_raw(request, name), None, 1, MAX_PK)


def parse_date(value: object) -> dt.date | None:
    """An ISO date (2026-10-13) that exists, else None."""
    text = clean_text(value, 10)
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def date_param(
    request: HttpRequest | QueryDict, name: str, default: dt.date | None = None
) -> dt.date | None:
    """An ISO date parameter; `default` when missing or not a real date."""
    return parse_date(_raw(request, name)) or default


def page_number(request: HttpRequest | QueryDict, name: str = "page") -> int:
    """A page number for `Paginator.get_page`: 1 when missing or bad, at most
    `MAX_PAGE` (which the paginator turns into the last page)."""
    text = clean_text(_raw(request, name), 40)
    if not _INTEGER.fullmatch(text):
        return MAX_PAGE if text.isascii() and text.isdigit() else 1
    return max(1, min(int(text), MAX_PAGE))
