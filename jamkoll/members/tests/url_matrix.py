from tests.matrix import ADMIN, ALL, STRATEGIST, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)

CASES = [
    UrlCase("members:representation", statuses(ALL), other=None),
    UrlCase("members:person_list", statuses(ALL), other=None),
    UrlCase("members:person_create", statuses(EDITORS), other=None),
    UrlCase("members:person_detail", statuses(ALL), lambda o, e=None: [o.person.pk]),
    UrlCase("members:person_edit", statuses(EDITORS), lambda o, e=None: [o.person.pk]),
    UrlCase("members:unit_members", statuses(ALL), lambda o, e=None: [o.body.pk]),
    UrlCase("members:membership_create", statuses(EDITORS), other=None),
    UrlCase(
        "members:membership_edit",
        statuses(EDITORS),
        lambda o, e=None: [o.membership.pk],
    ),
    UrlCase("members:term_create", statuses(EDITORS), other=None),
]
