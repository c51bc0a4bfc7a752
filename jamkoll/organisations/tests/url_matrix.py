from tests.matrix import ADMIN, ALL, STRATEGIST, UrlCase, statuses

CASES = [
    UrlCase(
        "organisations:detail", statuses(ALL), lambda o, e=None: [o.organisation.pk]
    ),
    UrlCase("organisations:unit_detail", statuses(ALL), lambda o, e=None: [o.board.pk]),
    UrlCase("organisations:unit_create", statuses((ADMIN, STRATEGIST)), other=None),
    UrlCase(
        "organisations:unit_edit",
        statuses((ADMIN, STRATEGIST)),
        lambda o, e=None: [o.board.pk],
    ),
    # Switching is POST only; a GET is refused for everyone.
    UrlCase("organisations:switch", statuses((), denied=405), other=None),
]
