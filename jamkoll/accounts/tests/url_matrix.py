from tests.matrix import ALL, UrlCase, statuses

CASES = [
    # A logged-in user is sent on from the log-in page.
    UrlCase("accounts:login", statuses((), denied=302), other=None),
    UrlCase("accounts:logout", statuses((), denied=405), other=None),
    UrlCase("accounts:no_organisation", statuses(ALL, ok=403), other=None),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "accounts:no_organisation",
}
