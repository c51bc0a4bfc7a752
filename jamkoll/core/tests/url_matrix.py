from tests.matrix import ALL, UrlCase, statuses

CASES = [
    UrlCase("core:accessibility", statuses(ALL), other=None),
    UrlCase("core:health", statuses(ALL), other=None),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "core:accessibility",
    "core:health",
}
