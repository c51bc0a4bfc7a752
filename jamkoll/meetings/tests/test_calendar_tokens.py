"""Calendar addresses: the secret is shown once and stored only as a hash."""

import importlib
import re

from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.urls import reverse

from jamkoll.meetings.models import CalendarFeed

FEED_URL = re.compile(r'value="(http://testserver/[^"]+\.ics)"')


def _create(client):
    response = client.post(reverse("meetings:calendar_feeds"))
    assert response.status_code == 200
    html = response.content.decode()
    match = FEED_URL.search(html)
    assert match, html
    return match.group(1), html


def _database_text() -> str:
    """Every value of every table, and every session decoded, as one string."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            query = f"SELECT * FROM {connection.ops.quote_name(table)}"  # noqa: S608
            cursor.execute(query)
            parts.extend(repr(row) for row in cursor.fetchall())
    parts.extend(repr(s.get_decoded()) for s in Session.objects.all())
    return "\n".join(parts)


def test_a_new_address_is_shown_once_and_works(world, client_for):
    reader = client_for("reader")
    url, html = _create(reader)
    assert "visas bara den här gången" in html
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == CalendarFeed.hash_token(token)
    # Round trip: the address as shown gives the year wheel to a calendar program.
    calendar = Client().get(url)
    assert calendar.status_code == 200
    assert calendar["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in calendar.content
    # Shown only in the answer to the POST: the page later does not have it.
    later = reader.get(reverse("meetings:calendar_feeds")).content.decode()
    assert token not in later
    assert "Används" in later


def test_the_secret_is_nowhere_in_the_database(world, client_for):
    url, _html = _create(client_for("reader"))
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 40
    assert token not in _database_text()


def test_anyone_with_the_address_gets_the_feed_and_a_guess_does_not(world, client_for):
    url, _html = _create(client_for("reader"))
    client = Client()
    assert client.get(url).status_code == 200
    assert client.get(url.replace(".ics", "x.ics")).status_code == 404
    # The stored hash is not a key to the feed either.
    stored = CalendarFeed.objects.get().token_hash
    hashed = reverse("meetings:calendar_feed", args=[stored])
    assert client.get(hashed).status_code == 404


def test_a_revoked_address_is_404(world, client_for):
    reader = client_for("reader")
    url, _html = _create(reader)
    assert Client().get(url).status_code == 200
    feed = CalendarFeed.objects.get()
    reader.post(reverse("meetings:calendar_feed_revoke", args=[feed.pk]))
    assert Client().get(url).status_code == 404


def test_the_migration_hashes_existing_tokens_so_subscriptions_keep_working(
    world, client
):
    migration = importlib.import_module(
        "jamkoll.meetings.migrations.0006_hashed_calendar_tokens"
    )
    # Before the migration the column (then `token`) held the plain secret.
    CalendarFeed.objects.create(
        organisation=world.own.organisation,
        user=world.user("reader"),
        token_hash="gammal-hemlig-token",
    )
    migration.hash_tokens(apps, None)
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == CalendarFeed.hash_token("gammal-hemlig-token")
    url = reverse("meetings:calendar_feed", args=["gammal-hemlig-token"])
    assert client.get(url).status_code == 200
