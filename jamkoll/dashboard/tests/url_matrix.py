from tests.matrix import ALL, UrlCase, statuses

CASES = [UrlCase("dashboard:home", statuses(ALL), other=None)]
