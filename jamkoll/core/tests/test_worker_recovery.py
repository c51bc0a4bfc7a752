"""Tasks whose worker died: a RUNNING task whose worker has no heartbeat is run again
when that is safe and attempts remain, else it ends FAILED ("Arbetsprocessen
avbröts"), and `jamkoll tasks --failed` shows it. One test kills a real worker."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from jamkoll.core import tasks
from jamkoll.core.models import WorkerHeartbeat
from jamkoll.core.tests import sleepy_tasks

ROOT = Path(settings.BASE_DIR)


def _running(task_path: str, workers: list[str], *, ago: int) -> DBTaskResult:
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [30], "kwargs": {}},
        task_path=task_path,
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        status="RUNNING",
        worker_ids=workers,
        started_at=timezone.now() - dt.timedelta(seconds=ago),
    )
    row.refresh_from_db()
    return row


def test_tasks_of_dead_workers_are_retried_or_failed_and_live_ones_are_left(
    db,
) -> None:
    tasks.beat("alive")
    sleeper = sleepy_tasks.sleep_for.module_path
    mail_task = tasks.send_email.module_path
    dead = _running(sleeper, ["gone"], ago=120)
    slow_but_alive = _running(sleeper, ["alive"], ago=600)
    mail = _running(mail_task, ["gone"], ago=120)
    mail_thrice = _running(mail_task, ["a", "b", "gone"], ago=120)
    just_started = _running(sleeper, ["new"], ago=5)

    found = tasks.recover_abandoned_tasks()

    assert {(f.task_id, f.retried) for f in found} == {
        (str(dead.pk), False),
        (str(mail.pk), True),
        (str(mail_thrice.pk), False),
    }
    for row in (dead, slow_but_alive, mail, mail_thrice, just_started):
        row.refresh_from_db()
    assert dead.status == "FAILED"
    assert dead.exception_class_path == tasks.WORKER_DIED_CLASS
    assert tasks.WORKER_DIED in dead.traceback
    assert mail.status == "READY"  # the next worker sends it again
    assert mail_thrice.status == "FAILED"
    assert slow_but_alive.status == "RUNNING"
    assert just_started.status == "RUNNING"
    # A second pass (another worker at the same time) changes nothing more.
    assert tasks.recover_abandoned_tasks() == []

    out = StringIO()
    call_command("tasks", "--failed", stdout=out)
    assert "Misslyckade uppgifter: 2" in out.getvalue()
    assert tasks.WORKER_DIED in out.getvalue()


def test_a_worker_restarting_with_the_same_id_recovers_its_own_tasks(db) -> None:
    tasks.beat("fixed-id")  # the old process's heartbeat is still fresh
    row = _running(sleepy_tasks.sleep_for.module_path, ["fixed-id"], ago=2)
    other = _running(sleepy_tasks.sleep_for.module_path, ["someone"], ago=2)
    [found] = tasks.recover_abandoned_tasks(restarted="fixed-id")
    assert found.task_id == str(row.pk)
    other.refresh_from_db()
    assert other.status == "RUNNING"


def test_the_stale_limit_is_configurable(db, settings) -> None:
    settings.JAMKOLL_WORKER_STALE_SECONDS = 600
    row = _running(sleepy_tasks.sleep_for.module_path, ["gone"], ago=120)
    assert tasks.recover_abandoned_tasks() == []
    row.refresh_from_db()
    assert row.status == "RUNNING"


# --- A real worker, killed -----------------------------------------------------------


def _worker_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
    }


def _worker(env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "jamkoll.cli", "db_worker", "--no-reload"),
            *("--no-startup-delay", "--interval", "0.2", "--heartbeat", "0.5"),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_task_leaves_the_task_failed_visibly(tmp_path) -> None:
    """Worker A takes a task that sleeps and is killed with SIGKILL; worker B finds
    A's heartbeat stale and ends the task FAILED with the reason."""
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [60], "kwargs": {}},
        task_path=sleepy_tasks.sleep_for.module_path,
        backend_name="default",
        run_after=get_date_max(),
    )
    if connection.vendor == "sqlite":
        # The test database lives in memory: hand the workers a file copy.
        path = tmp_path / "worker.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)  # type: ignore[union-attr]
        target.close()
        database_url = f"sqlite:///{path}"
        table = DBTaskResult._meta.db_table

        def status() -> tuple[str, str]:
            with sqlite3.connect(path, timeout=20) as db:
                found = db.execute(
                    f"SELECT status, traceback FROM {table} WHERE id = ?",  # noqa: S608
                    [row.pk.hex],
                ).fetchone()
            return found[0], found[1]
    else:
        s = connection.settings_dict
        database_url = (
            f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/"
            f"{s['NAME']}"
        )

        def status() -> tuple[str, str]:
            row.refresh_from_db()
            return row.status, row.traceback

    env = _worker_env(database_url)
    first = _worker(env, "--worker-id", "first")
    try:
        deadline = time.monotonic() + 30
        while status()[0] != "RUNNING":
            assert first.poll() is None, first.communicate()[0]
            assert time.monotonic() < deadline, "the worker never took the task"
            time.sleep(0.2)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert status()[0] == "RUNNING"  # left behind by the dead worker
    time.sleep(1.2)

    second = _worker(env, "--batch", "--stale-after", "1", "--worker-id", "second")
    output, _ = second.communicate(timeout=60)
    assert second.returncode == 0, output
    state, traceback = status()
    assert state == "FAILED", output
    assert tasks.WORKER_DIED in traceback
    assert "first" in traceback
    assert tasks.WORKER_DIED in output
    if connection.vendor != "sqlite":
        assert not WorkerHeartbeat.objects.filter(worker_id="second").exists()
