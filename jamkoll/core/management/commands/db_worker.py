"""`jamkoll db_worker`: django_tasks_db's worker with heartbeats.

Each worker records its id and a heartbeat every `JAMKOLL_WORKER_HEARTBEAT_SECONDS`
(also while a task runs) and, as often, looks for RUNNING tasks whose worker has been
silent for more than `JAMKOLL_WORKER_STALE_SECONDS` (`--stale-after`): those are run
again when safe or end FAILED ("Arbetsprocessen avbröts"), see `jamkoll.core.tasks`.
This command replaces django_tasks_db's own `db_worker` (`jamkoll.core` is listed
before it in INSTALLED_APPS), so every worker started the documented way beats.
"""

import logging
import os
import threading
from argparse import ArgumentParser
from typing import Any

from django.db import close_old_connections, connection
from django.utils import autoreload
from django_tasks_db.management.commands import db_worker as base

from jamkoll.core import tasks

logger = logging.getLogger("django_tasks_db")


class HeartbeatWorker(base.Worker):
    def __init__(self, *, heartbeat: float, stale_after: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.heartbeat = heartbeat
        self.stale_after = stale_after
        self._stop = threading.Event()

    def _tick(self) -> None:
        close_old_connections()
        tasks.beat(self.worker_id)
        for found in tasks.recover_abandoned_tasks(stale_seconds=self.stale_after):
            logger.warning(
                "Task %s of worker %s: %s",
                found.task_id,
                found.worker_id,
                "ready again" if found.retried else tasks.WORKER_DIED,
            )

    def _beat_forever(self) -> None:
        try:
            while not self._stop.wait(self.heartbeat):
                try:
                    self._tick()
                except Exception:
                    logger.exception("Heartbeat of worker %s failed", self.worker_id)
        finally:
            connection.close()

    def run(self) -> None:
        # Tasks left RUNNING under this id belong to an earlier process with it.
        tasks.recover_abandoned_tasks(restarted=self.worker_id)
        self._tick()
        beating = threading.Thread(
            target=self._beat_forever, name="jamkoll-heartbeat", daemon=True
        )
        beating.start()
        try:
            super().run()
        finally:
            self._stop.set()
            beating.join(timeout=self.heartbeat + 5)
            try:
                tasks.forget_worker(self.worker_id)
            except Exception:
                logger.exception("Could not remove the heartbeat of %s", self.worker_id)


class Command(base.Command):
    help = "Run a database background worker that records heartbeats."

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--heartbeat",
            type=base.valid_interval,
            default=None,
            help="Seconds between heartbeats (default: JAMKOLL_WORKER_HEARTBEAT_SECONDS).",
        )
        parser.add_argument(
            "--stale-after",
            type=int,
            default=None,
            help="Seconds without a heartbeat after which a worker counts as dead "
            "(default: JAMKOLL_WORKER_STALE_SECONDS).",
        )

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        heartbeat: float | None = options.get("heartbeat")
        stale_after: int | None = options.get("stale_after")
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise base.CommandError(
                "--exclude-queues can only be used with --queue-name=*"
            )
        worker = HeartbeatWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            heartbeat=heartbeat or tasks.heartbeat_every(),
            stale_after=tasks.stale_after() if stale_after is None else stale_after,
        )
        if reload:
            if os.environ.get(autoreload.DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            autoreload.run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
