"""Every URL × every role × own/other organisation answers with the stated status."""

import contextlib
import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import jamkoll
from tests.matrix import ALL, PostCase, UrlCase

# Framework URLs that are not product pages.
NOT_IN_MATRIX = {"set_language"}
PUBLIC = {
    "accounts:login",
    "core:accessibility",
    "core:health",
    "set_language",
    # A politician answers the survey through a personal link, without an account.
    "surveys:answer_start",
    "surveys:answer",
    "surveys:thanks",
    # The secret token in the URL is the credential (revocable).
    "meetings:calendar_feed",
}


def _all_cases() -> list[UrlCase]:
    cases: list[UrlCase] = []
    for module in pkgutil.iter_modules(jamkoll.__path__):
        try:
            matrix = importlib.import_module(f"jamkoll.{module.name}.tests.url_matrix")
        except ModuleNotFoundError:
            continue
        cases.extend(matrix.CASES)
    return cases


CASES = _all_cases()


def _url_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{prefix}{pattern.name}")
    return names


def test_every_url_has_a_permission_case():
    covered = {case.name for case in CASES} | NOT_IN_MATRIX
    missing = sorted(_url_names(get_resolver()) - covered)
    assert missing == [], f"URLs without a row in a url_matrix.py: {missing}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_anonymous_users_are_sent_to_log_in(case, world, client):
    extra = case.setup(world) if case.setup else None
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    response = client.get(url)
    if case.name in PUBLIC:
        assert response.status_code in {200, 302, 405}
    else:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_role_gets_the_stated_status_in_own_organisation(case, role, world, client):
    extra = case.setup(world) if case.setup else None
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    response = client.get(url)
    assert response.status_code == case.expected[role], url


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize(
    "case", [c for c in CASES if c.other is not None], ids=lambda c: c.name
)
def test_objects_of_another_organisation_are_hidden(case, role, world, client):
    extra = case.setup(world) if case.setup else None
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.other, extra)) + case.query
    response = client.get(url)
    assert response.status_code == case.other, url


def _all_post_cases() -> list[PostCase]:
    cases: list[PostCase] = []
    for module in pkgutil.iter_modules(jamkoll.__path__):
        try:
            matrix = importlib.import_module(f"jamkoll.{module.name}.tests.url_matrix")
        except ModuleNotFoundError:
            continue
        cases.extend(getattr(matrix, "POST_CASES", []))
    return cases


POST_CASES = _all_post_cases()


def _all_read_only() -> set[str]:
    names: set[str] = set()
    for module in pkgutil.iter_modules(jamkoll.__path__):
        try:
            matrix = importlib.import_module(f"jamkoll.{module.name}.tests.url_matrix")
        except ModuleNotFoundError:
            continue
        names |= set(getattr(matrix, "READ_ONLY", set()))
    return names


READ_ONLY = _all_read_only()

# POSTs that change only the session; their own tests prove who may (login and logout
# in accounts/tests/test_login.py; switching to a foreign organisation is a 404 in
# organisations/tests/test_views.py).
SESSION_ONLY = {"accounts:login", "accounts:logout", "organisations:switch"}
# Sets only the survey's signed answer cookie (surveys/tests/test_anonymity.py).
SESSION_ONLY |= {"surveys:answer_start"}

# State-changing URLs that still lack a PostCase. This list may only shrink: a name
# here that has a PostCase, or no longer exists, fails the test below.
AWAITING_POST_CASE: set[str] = set()


def test_every_state_changing_url_has_a_post_case():
    """A URL is read-only (its app's `READ_ONLY`, checked below to refuse POST) or has
    a PostCase proving that refused roles change nothing."""
    names = _url_names(get_resolver()) - NOT_IN_MATRIX - SESSION_ONLY
    posted = {case.name for case in POST_CASES}
    assert sorted(READ_ONLY & posted) == [], "Both READ_ONLY and in POST_CASES"
    assert sorted(READ_ONLY - names) == [], "READ_ONLY names that are not URLs"
    missing = sorted(names - READ_ONLY - posted - AWAITING_POST_CASE)
    assert missing == [], f"POST views without a PostCase (or READ_ONLY): {missing}"
    stale = sorted(AWAITING_POST_CASE & posted | AWAITING_POST_CASE - names)
    assert stale == [], f"Remove from AWAITING_POST_CASE: {stale}"


def _read_only_cases() -> list[UrlCase]:
    first: dict[str, UrlCase] = {}
    for case in CASES:
        if case.name in READ_ONLY:
            first.setdefault(case.name, case)
    return list(first.values())


@pytest.mark.parametrize("case", _read_only_cases(), ids=lambda c: c.name)
def test_read_only_url_refuses_post(case, world, client):
    """Posted to by a role that may open it, a read-only URL answers 405, so a view
    that starts to accept POST must leave READ_ONLY for a PostCase."""
    extra = case.setup(world) if case.setup else None
    role = next((r for r in ALL if case.expected[r] == 200), ALL[0])
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    assert client.post(url, {}).status_code == 405, url


def _post(case: PostCase, org, extra, client):
    url = reverse(case.name, args=case.args(org, extra))
    for name, value in (case.cookies(org, extra) if case.cookies else {}).items():
        client.cookies[name] = value
    with case.patch() if case.patch else contextlib.nullcontext():
        return client.post(url, case.data(org, extra))


REFUSED = [
    pytest.param(case, role, id=f"{case.name}-{role}")
    for case in POST_CASES
    for role in ALL
    if role not in case.allowed
]


@pytest.mark.parametrize(("case", "role"), REFUSED)
def test_refused_post_changes_nothing(case, role, world, client):
    extra = case.setup(world) if case.setup else None
    before = case.state(world.own, extra)
    client.force_login(world.user(role))
    response = _post(case, world.own, extra, client)
    denied = case.denied[role] if isinstance(case.denied, dict) else case.denied
    assert response.status_code == denied
    assert case.state(world.own, extra) == before


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize(
    "case", [c for c in POST_CASES if c.other is not None], ids=lambda c: c.name
)
def test_post_to_another_organisation_changes_nothing(case, role, world, client):
    extra = case.setup(world) if case.setup else None
    before = case.state(world.other, extra)
    client.force_login(world.user(role))
    response = _post(case, world.other, extra, client)
    refused = case.other_refused is not None and role not in case.allowed
    assert response.status_code == (case.other_refused if refused else case.other)
    assert case.state(world.other, extra) == before


@pytest.mark.parametrize(
    "case", [c for c in POST_CASES if c.anonymous is not None], ids=lambda c: c.name
)
def test_anonymous_post_changes_nothing(case, world, client):
    extra = case.setup(world) if case.setup else None
    before = case.state(world.own, extra)
    response = _post(case, world.own, extra, client)
    assert response.status_code == case.anonymous
    assert case.state(world.own, extra) == before


@pytest.mark.parametrize("case", POST_CASES, ids=lambda c: c.name)
def test_allowed_post_changes_the_state(case, world, client):
    """The snapshot sees the change when an allowed role posts: the refusals above
    are not passing because the POST could never change anything."""
    extra = case.setup(world) if case.setup else None
    before = case.state(world.own, extra)
    client.force_login(world.user(case.allowed[0]))
    response = _post(case, world.own, extra, client)
    assert response.status_code in {200, 302}
    assert case.state(world.own, extra) != before
