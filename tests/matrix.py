"""The permission matrix: every URL × every role × own/other organisation.

Each app lists its URLs in `jamkoll/<app>/tests/url_matrix.py` as `CASES`. The test in
`tests/test_permission_matrix.py` fails when a URL of the application has no case, so a
new page cannot ship without a stated rule.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ADMIN, STRATEGIST, POLITICIAN, MANAGER, READER = (
    "admin",
    "strategist",
    "politician",
    "manager",
    "reader",
)
ALL = (ADMIN, STRATEGIST, POLITICIAN, MANAGER, READER)


def statuses(
    allowed: tuple[str, ...], ok: int = 200, denied: int = 403
) -> dict[str, int]:
    """Expected GET status per role: `ok` for the allowed roles, `denied` for the rest."""
    return {role: ok if role in allowed else denied for role in ALL}


@dataclass
class UrlCase:
    """One URL name, how to build its arguments, and who may open it.

    `args(org_world)` returns the reverse() args for objects of that organisation (the
    fixture in conftest.py). `other` is the status a user of the own organisation gets
    for the same URL built from the other organisation's objects (None: the URL has no
    organisation-specific argument). `setup(world)` may create extra objects first and
    return a dict passed to `args` as the second argument.
    """

    name: str
    expected: dict[str, int]
    args: Callable[..., list[Any]] = field(default=lambda org, extra=None: [])
    other: int | None = 404
    setup: Callable[[Any], dict[str, Any]] | None = None
    query: str = ""


@dataclass
class PostCase:
    """A POST endpoint: who may change something, and proof that nothing changes when
    anyone else tries.

    `state(org_world, extra)` returns a comparable snapshot of what the POST would
    change; `data(org_world, extra)` the form data. The matrix posts as every role not
    in `allowed` (expecting `denied` and an unchanged state), as every role against the
    other organisation's objects (expecting `other`), anonymously, and once as the
    first allowed role, whose POST must change the state (so the snapshot can tell).
    """

    name: str
    allowed: tuple[str, ...]
    args: Callable[..., list[Any]]
    state: Callable[..., Any]
    data: Callable[..., dict[str, Any]] = field(default=lambda org, extra=None: {})
    setup: Callable[[Any], dict[str, Any]] | None = None
    denied: int = 403
    other: int = 404
