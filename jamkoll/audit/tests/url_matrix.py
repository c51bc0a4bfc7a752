from tests.matrix import ADMIN, STRATEGIST, UrlCase, statuses

CASES = [
    UrlCase(
        "audit:history",
        statuses((ADMIN, STRATEGIST)),
        lambda o, e=None: ["members", "person", o.person.pk],
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "audit:history",
}
