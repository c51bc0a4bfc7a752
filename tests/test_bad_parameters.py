"""No query parameter can make a page fail (issue 12).

Every GET URL of the permission matrix is opened by a role allowed to open it, with
hostile values in every query parameter the views read: text with a NUL byte and
markup, ids and years that overflow a database integer, negative and huge page
numbers, dates that do not exist. The answer is never a server error, on SQLite and
on PostgreSQL (which refuses NUL in text and integers beyond bigint).
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.test_permission_matrix import CASES

# Every name a view or a GET form reads (grep "request.GET" and the filter forms),
# and the usual suspects.
NAMES = [
    "term",
    "q",
    "year",
    "ar",
    "unit",
    "status",
    "page",
    "sida",
    "datum",
    "tillfalle",
    "regel",
    "artikel",
    "preparation",
    "meeting",
    "checklist",
    "behov",
    "person",
    "review",
    "answer",
    "agenda_item",
    "occasion",
    "body",
    "kind",
    "organisation",
    "next",
    "sort",
    "order",
    "month",
    "from",
    "to",
    "id",
    "pk",
]

HOSTILE = {
    "text": "x\x00<script>alert(1)</script>'\"\u202e",
    "huge": "9" * 40,
    "overflow": str(2**63),
    "negative": "-1",
    "float": "1e309",
    "date": "2026-02-30",
    "superscript": "\u00b2",  # "²".isdigit() is True, int("²") fails
}


def _query(kind: str) -> str:
    pairs = [(name, HOSTILE[kind]) for name in NAMES]
    # A page number sent twice (the last wins) and one beyond any list.
    pairs += [("page", "-1"), ("page", str(10**30)), ("sida", str(10**30))]
    return urlencode(pairs)


def _get_cases() -> list:
    seen: dict[tuple[str, str], object] = {}
    for case in CASES:
        if any(status < 400 for status in case.expected.values()):
            seen.setdefault((case.name, case.query), case)
    return list(seen.values())


@pytest.mark.parametrize("case", _get_cases(), ids=lambda c: f"{c.name}{c.query}")
def test_hostile_parameters_never_give_a_server_error(case, world, client):
    extra = case.setup(world) if case.setup else None
    role = min(case.expected, key=lambda r: case.expected[r])
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.own, extra))
    separator = "&" if case.query else "?"
    for kind in HOSTILE:
        full = f"{url}{case.query}{separator}{_query(kind)}"
        response = client.get(full)
        assert response.status_code < 500, full


@pytest.mark.django_db
def test_representation_with_a_term_that_is_not_an_id(world, client):
    """The reported 500: /representation/?term=x shows the current term."""
    client.force_login(world.user("reader"))
    response = client.get(reverse("members:representation") + "?term=x")
    assert response.status_code == 200
