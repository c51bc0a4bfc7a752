"""No page or download Jamkoll renders may be kept in a browser's or proxy's cache.

Every GET URL of the permission matrix, opened by a role that may open it, answers
`Cache-Control: private, no-store` (pages, XLSX/CSV/DOCX/PDF/ICS downloads,
attachments); so do the pages reached without login (survey answers, the calendar
feed, the login page). Static files keep their own caching.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.matrix import ALL
from tests.test_permission_matrix import CASES, PUBLIC


def _no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives and not any(
        d.startswith("max-age=") and d != "max-age=0" for d in directives
    )


def _allowed_role(case) -> str | None:
    return next((role for role in ALL if case.expected[role] == 200), None)


CRAWLED = [case for case in CASES if _allowed_role(case) is not None]


@pytest.mark.parametrize("case", CRAWLED, ids=lambda c: f"{c.name}{c.query}")
def test_every_page_and_download_for_a_logged_in_user_is_not_stored(
    case, world, client
):
    extra = case.setup(world) if case.setup else None
    client.force_login(world.user(_allowed_role(case)))
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    response = client.get(url)
    assert response.status_code == 200, url
    assert _no_store(response), (url, response.get("Cache-Control"))


@pytest.mark.parametrize(
    "case",
    [case for case in CRAWLED if case.name in PUBLIC],
    ids=lambda c: f"{c.name}{c.query}",
)
def test_pages_without_login_are_not_stored_either(case, world):
    extra = case.setup(world) if case.setup else None
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    response = Client().get(url)
    assert _no_store(response), (url, response.get("Cache-Control"))


def test_a_redirect_to_log_in_is_not_stored(db):
    response = Client().get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert _no_store(response)


def test_static_files_keep_their_caching(db):
    response = Client().get("/static/css/jamkoll.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
