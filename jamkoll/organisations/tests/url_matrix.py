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

CASES += [
    UrlCase("organisations:user_list", statuses((ADMIN,)), other=None),
    UrlCase("organisations:user_create", statuses((ADMIN,)), other=None),
    # A user with roles only in the other organisation is not found (404) by our admin.
    UrlCase(
        "organisations:user_roles",
        {**statuses((ADMIN,)), ADMIN: 200},
        lambda o, e=None: [e["users"][o.organisation.code].pk],
        other=404,
        setup=lambda w: {"users": {"0001": w.user("reader"), "0002": w.outsider}},
    ),
]
