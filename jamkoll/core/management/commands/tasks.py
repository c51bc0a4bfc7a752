"""`jamkoll tasks`: background tasks for administrators.

`--failed` lists tasks that ended FAILED (e-mail given up after its last attempt,
tasks whose worker died, …) with the reason, never a message's content;
`--running` lists running tasks and whose heartbeat they depend on; `--workers`
lists workers and when each was last heard from; `--recover` runs the dead-worker
check once (every `jamkoll db_worker` also does it by itself).
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jamkoll.core import formatting, tasks
from jamkoll.core.models import WorkerHeartbeat


def reason(result: DBTaskResult) -> str:
    """The last line of the error: the exception and its message."""
    lines = [line for line in (result.traceback or "").splitlines() if line.strip()]
    return lines[-1].strip() if lines else result.exception_class_path


class Command(BaseCommand):
    help = "List failed or running background tasks and the workers' heartbeats."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="Failed tasks.")
        parser.add_argument("--running", action="store_true", help="Running tasks.")
        parser.add_argument("--workers", action="store_true", help="Workers.")
        parser.add_argument(
            "--recover",
            action="store_true",
            help="Retry or fail tasks whose worker stopped sending heartbeats.",
        )
        parser.add_argument("--limit", type=int, default=50)

    def handle(self, *args: Any, **options: Any) -> None:
        limit = max(1, options["limit"])
        if not any(options[k] for k in ("failed", "running", "workers", "recover")):
            options["failed"] = True
        if options["recover"]:
            found = tasks.recover_abandoned_tasks()
            for item in found:
                outcome = "körs igen" if item.retried else tasks.WORKER_DIED
                self.stdout.write(f"{item.task_id} {item.task_path}: {outcome}")
            self.stdout.write(f"Återställda uppgifter: {len(found)}")
        if options["failed"]:
            failed = DBTaskResult.objects.failed().order_by("-finished_at")
            self.stdout.write(f"Misslyckade uppgifter: {failed.count()}")
            for result in failed[:limit]:
                finished = formatting.datetime(result.finished_at) or "–"
                self.stdout.write(
                    f"{result.pk}  {result.task_path}  {finished}  "
                    f"försök {len(result.worker_ids)}  {reason(result)}"
                )
        if options["running"]:
            running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
            self.stdout.write(f"Pågående uppgifter: {running.count()}")
            for result in running.order_by("started_at")[:limit]:
                worker = result.worker_ids[-1] if result.worker_ids else "?"
                self.stdout.write(f"{result.pk}  {result.task_path}  {worker}")
        if options["workers"]:
            workers = WorkerHeartbeat.objects.order_by("-seen_at")
            self.stdout.write(f"Arbetsprocesser: {workers.count()}")
            now = timezone.now()
            for heartbeat in workers[:limit]:
                age = int((now - heartbeat.seen_at).total_seconds())
                self.stdout.write(
                    f"{heartbeat.worker_id}  {heartbeat.host}:{heartbeat.pid}  "
                    f"hördes senast för {age} s sedan"
                )
