"""A form sent twice is handled once (`core.idempotency`).

The race runs on whichever database the suite uses, PostgreSQL in CI
(`DATABASE_URL`) and SQLite. On SQLite it runs on a file copy of the test database,
as the app runs (WAL, busy timeout): Django's in-memory test database is a shared
cache whose table locks ("database table is locked") ignore the busy timeout, so
twenty threads there fail in the session middleware before reaching the form.
"""

import datetime as dt
import re
import sqlite3
import threading
from http.cookies import SimpleCookie

import pytest
from django.apps import apps
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jamkoll.core import idempotency
from jamkoll.core.models import Submission

CREATE = "result_requests:create"
# The demand form stands for every form; core reaches it by name, never by import.
ResultRequest = apps.get_model("result_requests", "ResultRequest")


def _data(world, token: str, title: str = "Könsuppdelad statistik") -> dict:
    return {
        "csrfmiddlewaretoken": token,
        "title": title,
        "question": "Hur fördelas beviljade timmar mellan kvinnor och män?",
        "occasion": "budget_dialogue",
        "due_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        "addressees": [world.own.board.pk],
    }


def _rendered_form(client: Client) -> str:
    """Open the demand form as a browser would; the token of this rendering."""
    response = client.get(reverse(CREATE))
    assert response.status_code == 200
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
    assert match
    return match.group(1)


def _browser(world, role: str = "politician") -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user(role))
    return client


def _same_browser(client: Client) -> Client:
    """Another connection from the same browser: same session and CSRF cookies."""
    twin = Client(enforce_csrf_checks=True)
    twin.cookies = SimpleCookie(client.cookies)
    return twin


@pytest.fixture
def shared_database(world, tmp_path):
    """A database that threads can share as the app would (module doc)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    memory = connection.connection
    path = tmp_path / "race.sqlite3"
    copy = sqlite3.connect(path)
    memory.backup(copy)
    copy.close()
    name = connection.settings_dict["NAME"]
    connection.connection = None  # keep the in-memory database alive, unused
    connection.settings_dict["NAME"] = str(path)  # shared by every thread's wrapper
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
        connection.connection = memory


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_identical_submits_create_one_demand(world, shared_database):
    browser = _browser(world)
    data = _data(world, _rendered_form(browser))
    clients = [_same_browser(browser) for _ in range(20)]
    barrier = threading.Barrier(len(clients))
    responses: list = [None] * len(clients)

    def submit(index: int) -> None:
        try:
            barrier.wait()
            responses[index] = clients[index].post(reverse(CREATE), data)
        except Exception as error:  # noqa: BLE001 - reported by the asserts below
            responses[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    demand = ResultRequest.objects.get()  # exactly one
    statuses = [getattr(r, "status_code", r) for r in responses]
    assert statuses == [302] * 20
    assert {r["Location"] for r in responses} == {demand.get_absolute_url()}
    # Where the redirect leads, the user sees the one demand they raised.
    page = browser.get(demand.get_absolute_url())
    assert "Könsuppdelad statistik" in page.text


@pytest.mark.django_db
def test_a_double_click_lands_where_the_first_submit_led(world):
    browser = _browser(world)
    data = _data(world, _rendered_form(browser))
    first = browser.post(reverse(CREATE), data)
    second = _same_browser(browser).post(reverse(CREATE), data)
    demand = ResultRequest.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == demand.get_absolute_url()


@pytest.mark.django_db
def test_two_freshly_rendered_forms_with_the_same_data_create_two(world):
    browser = _browser(world)
    browser.post(reverse(CREATE), _data(world, _rendered_form(browser)))
    browser.post(reverse(CREATE), _data(world, _rendered_form(browser)))
    assert ResultRequest.objects.count() == 2


@pytest.mark.django_db
def test_different_data_from_one_rendering_is_not_a_duplicate(world):
    browser = _browser(world)
    token = _rendered_form(browser)
    browser.post(reverse(CREATE), _data(world, token, title="Första frågan"))
    browser.post(reverse(CREATE), _data(world, token, title="Andra frågan"))
    assert set(ResultRequest.objects.values_list("title", flat=True)) == {
        "Första frågan",
        "Andra frågan",
    }


@pytest.mark.django_db
def test_a_refused_submit_is_not_blocked_on_retry(world):
    browser = _browser(world)
    data = _data(world, _rendered_form(browser))
    data["due_on"] = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    for _attempt in range(2):
        response = browser.post(reverse(CREATE), data)
        assert response.status_code == 400  # the form again, with its message
        assert "Svarsdagen kan inte ligga bakåt i tiden." in response.text
        assert "Könsuppdelad statistik" in response.text  # what was typed
    assert not ResultRequest.objects.exists()
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_htmx_requests_are_left_alone(world):
    browser = _browser(world)
    data = _data(world, _rendered_form(browser))
    for _attempt in range(2):
        browser.post(reverse(CREATE), data, headers={"HX-Request": "true"})
    assert ResultRequest.objects.count() == 2
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_posts_without_a_csrf_token_behave_as_before(world, client):
    client.force_login(world.user("politician"))
    data = _data(world, "")
    del data["csrfmiddlewaretoken"]
    client.post(reverse(CREATE), data)
    client.post(reverse(CREATE), data)
    assert ResultRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_duplicate_of_a_submit_still_running_is_told_so(world, settings, monkeypatch):
    settings.JAMKOLL_SUBMISSION_WAIT_SECONDS = 0
    browser = _browser(world)
    data = _data(world, _rendered_form(browser))

    def taken(key: str) -> bool:  # the first is still at work on this key
        Submission.objects.get_or_create(key=key, created_at=timezone.now())
        return False

    monkeypatch.setattr(idempotency, "_claim", taken)
    response = browser.post(reverse(CREATE), data)
    assert response.status_code == 409
    assert "Formuläret skickas redan" in response.text
    assert not ResultRequest.objects.exists()


@pytest.mark.django_db
def test_old_keys_expire(world):
    stale = Submission.objects.create(
        key="x" * 64,
        created_at=timezone.now() - dt.timedelta(hours=1),
        location="/",
        finished=True,
    )
    browser = _browser(world)
    browser.post(reverse(CREATE), _data(world, _rendered_form(browser)))
    assert not Submission.objects.filter(pk=stale.pk).exists()
    assert Submission.objects.count() == 1


@pytest.mark.django_db
def test_views_open_without_login_store_nothing(world):
    """Such as the survey answered through its link: no trace of a respondent here."""
    browser = _browser(world)
    token = _rendered_form(browser)
    for _attempt in range(2):
        response = browser.post(
            reverse("set_language"),
            {"csrfmiddlewaretoken": token, "language": "sv", "next": "/"},
        )
        assert response.status_code == 302
    assert not Submission.objects.exists()
