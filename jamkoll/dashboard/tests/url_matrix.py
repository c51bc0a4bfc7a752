from tests.matrix import ALL, UrlCase, statuses

CASES = [UrlCase("dashboard:home", statuses(ALL), other=None)]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "dashboard:home",
}
