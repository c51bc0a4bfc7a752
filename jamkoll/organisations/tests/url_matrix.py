from jamkoll.accounts.models import RoleAssignment
from jamkoll.organisations.models import Unit
from tests.matrix import ADMIN, ALL, STRATEGIST, PostCase, UrlCase, statuses

CASES = [
    UrlCase(
        "organisations:detail", statuses(ALL), lambda o, e=None: [o.organisation.pk]
    ),
    UrlCase("organisations:unit_detail", statuses(ALL), lambda o, e=None: [o.board.pk]),
    # The organisation tree is organisation-wide: a board politician (of
    # Socialnämnden) reads another board's unit page as a reader does; what other
    # apps link from it is filtered by those apps (another board's demands: hidden).
    UrlCase(
        "organisations:unit_detail",
        statuses(ALL, board=200),
        lambda o, e=None: [o.other_board.pk],
    ),
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

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "organisations:detail",
    "organisations:unit_detail",
    "organisations:user_list",
}


# --- POST: the structure and the users (issue 16) ------------------------------------


def _unit_names(org, extra=None):
    return sorted(
        Unit.objects.filter(organisation=org.organisation).values_list(
            "name", "parent_id"
        )
    )


def _usernames(org, extra=None):
    return sorted(
        RoleAssignment.objects.filter(organisation=org.organisation).values_list(
            "user__username", "role"
        )
    )


POST_CASES = [
    # Organisation-scoped: posted "to the other organisation" with its council as
    # the parent, which the form does not offer (400); the rest are refused first.
    PostCase(
        "organisations:unit_create",
        (ADMIN, STRATEGIST),
        lambda o, e=None: [],
        _unit_names,
        data=lambda o, e=None: {
            "name": "Tekniska nämnden",
            "kind": "board",
            "parent": o.council.pk,
            "is_active": "on",
        },
        other=400,
        other_refused=403,
    ),
    PostCase(
        "organisations:unit_edit",
        (ADMIN, STRATEGIST),
        lambda o, e=None: [o.board.pk],
        _unit_names,
        data=lambda o, e=None: {
            "name": "Social- och omsorgsnämnden",
            "kind": "board",
            "parent": o.council.pk,
            "is_active": "on",
        },
    ),
    # The other organisation's board as a managed unit is not offered (400).
    PostCase(
        "organisations:user_create",
        (ADMIN,),
        lambda o, e=None: [],
        _usernames,
        data=lambda o, e=None: {
            "username": "ny.chef",
            "first_name": "Maja",
            "last_name": "Lind",
            "email": "maja.lind@example.se",
            "password": "Ett-långt-lösenord-2026",
            "roles": ["manager"],
            "units": [o.board.pk],
        },
        other=400,
        other_refused=403,
    ),
    PostCase(
        "organisations:user_roles",
        (ADMIN,),
        lambda o, e=None: [e["users"][o.organisation.code].pk],
        _usernames,
        data=lambda o, e=None: {"roles": ["strategist"]},
        setup=lambda w: {"users": {"0001": w.user("reader"), "0002": w.outsider}},
    ),
]
