from tests.matrix import ADMIN, STRATEGIST, UrlCase, statuses

CASES = [
    UrlCase(
        "audit:history",
        statuses((ADMIN, STRATEGIST)),
        lambda o, e=None: ["members", "person", o.person.pk],
    ),
]
