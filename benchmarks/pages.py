"""What the page benchmarks share: a throwaway test database and the median render
time of a URL."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def test_database() -> Iterator[None]:
    """Django set up with the test settings and a fresh test database, removed after."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def median_ms(client, url: str, rounds: int) -> float:  # type: ignore[no-untyped-def]
    """The median of `rounds` renders of `url` in milliseconds (each must answer 200)."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)  # noqa: S101
    return statistics.median(timings)
