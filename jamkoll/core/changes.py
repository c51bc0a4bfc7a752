"""Explicit, partial changes in services.

A service that creates or changes an object names every field a user may change as
a keyword-only parameter defaulting to `KEEP`, and applies only those given:

    def save_case(*, case, by, title: str = KEEP, meeting_on: dt.date = KEEP) -> Case:
        assign(case, title=title, meeting_on=meeting_on)

So a caller cannot set `status`, `version` or `organisation` (a TypeError), and a
field left out keeps its value (or the model's default on a new object).
"""

from typing import Any, Final


class _Keep:
    """The value of a parameter that was not given."""

    def __repr__(self) -> str:
        return "KEEP"

    def __bool__(self) -> bool:
        return False


# Typed Any so that `title: str = KEEP` type-checks.
KEEP: Final[Any] = _Keep()


def given(**values: Any) -> dict[str, Any]:
    """The values that were given (not `KEEP`), by field name."""
    return {name: value for name, value in values.items() if value is not KEEP}


def assign(obj: object, **values: Any) -> dict[str, Any]:
    """Set the given values on `obj`; returns them (by field name)."""
    changed = given(**values)
    for name, value in changed.items():
        setattr(obj, name, value)
    return changed
