from tests.matrix import ALL, UrlCase, statuses

CASES = [
    UrlCase("core:accessibility", statuses(ALL), other=None),
    UrlCase("core:health", statuses(ALL), other=None),
]
