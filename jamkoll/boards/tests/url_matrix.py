"""The board level's pages in the permission matrix.

The comparison of all boards is for the body's roles and readers (managers and
board politicians: 403). A board's page: the world's board politician sits in
Socialnämnden (`board`), so Kulturnämnden (`other_board`) is another board (404);
the manager answers for Socialnämnden and reads its page, not another board's.
Every page is read-only (POST: 405).
"""

from tests.matrix import (
    ADMIN,
    BOARD,
    MANAGER,
    POLITICIAN,
    READER,
    STRATEGIST,
    UrlCase,
    statuses,
)

BODY_AND_READERS = (ADMIN, STRATEGIST, POLITICIAN, READER)


def _board(org, extra=None):  # type: ignore[no-untyped-def]
    return [org.board.pk]


def _other_board(org, extra=None):  # type: ignore[no-untyped-def]
    return [org.other_board.pk]


CASES = [
    UrlCase("boards:overview", statuses(BODY_AND_READERS, board=403), other=None),
    UrlCase(
        "boards:overview",
        statuses(BODY_AND_READERS, board=403),
        other=None,
        query="?year=2025&sort=on_time&dir=asc",
    ),
    UrlCase("boards:overview_xlsx", statuses(BODY_AND_READERS, board=403), other=None),
    # The board politician's own board (through their mandate) and the manager's.
    UrlCase("boards:detail", statuses((*BODY_AND_READERS, MANAGER, BOARD)), _board),
    # Another board: hidden from its non-members.
    UrlCase(
        "boards:detail",
        statuses(BODY_AND_READERS, denied=404, board=404),
        _other_board,
    ),
    # "My board" takes a board politician to their board.
    UrlCase("boards:mine", statuses((), denied=403, board=302), other=None),
]

READ_ONLY = {
    "boards:overview",
    "boards:overview_xlsx",
    "boards:detail",
    "boards:mine",
}
