"""The permission matrix: every URL × every role × own/other organisation.

Each app lists its URLs in `jamkoll/<app>/tests/url_matrix.py` as `CASES`. The test in
`tests/test_permission_matrix.py` fails when a URL of the application has no case, so a
new page cannot ship without a stated rule.

Every URL is also either in the module's `READ_ONLY` set (its view refuses POST with
405, which the matrix checks) or has a `PostCase` in `POST_CASES`, so a new view that
changes something cannot ship without proof that refused roles change nothing.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

ADMIN, STRATEGIST, POLITICIAN, MANAGER, READER, BOARD = (
    "admin",
    "strategist",
    "politician",
    "manager",
    "reader",
    "board_politician",
)
ALL = (ADMIN, STRATEGIST, POLITICIAN, MANAGER, READER, BOARD)
# The world's board politician sits in the own organisation's Socialnämnden (a
# mandate, see conftest.py). On the organisation-wide matters they are a reader, so
# a row that does not name them expects what it expects of the reader; rows about a
# board's own matters name them.


def statuses(
    allowed: tuple[str, ...],
    ok: int = 200,
    denied: int = 403,
    *,
    board: int | None = None,
) -> dict[str, int]:
    """Expected GET status per role: `ok` for the allowed roles, `denied` for the rest.
    The board politician gets what the reader gets unless `board` says otherwise."""
    result = {role: ok if role in allowed else denied for role in ALL}
    result[BOARD] = result[READER] if board is None else board
    return result


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

    def __post_init__(self) -> None:
        self.expected.setdefault(BOARD, self.expected[READER])


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
    # The refused roles' status; a dict per role where it differs (e.g. a manager
    # who cannot see the object gets 404, other roles 403).
    denied: int | dict[str, int] = 403
    # None: nothing organisation-specific to try (a shared catalogue, a personal link).
    other: int | None = 404
    # Organisation-scoped URLs (no pk) are posted "to the other organisation" with its
    # objects in the data: allowed roles get `other` (e.g. 400), the rest this.
    other_refused: int | None = None
    # The anonymous POST's status (a redirect to log in); None when anyone holding the
    # URL may post (a personal link whose token is the credential).
    anonymous: int | None = 302
    # A context every POST of the case runs inside, e.g. a fake for an outside
    # service (Kolada), so the matrix neither reaches the network nor sleeps.
    patch: Callable[[], AbstractContextManager[Any]] | None = None
    # Cookies every POST of the case carries, `cookies(org_world, extra)` (e.g. the
    # survey's signed answer cookie, which stands for the personal link).
    cookies: Callable[..., dict[str, str]] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.denied, dict) and READER in self.denied:
            self.denied.setdefault(BOARD, self.denied[READER])
