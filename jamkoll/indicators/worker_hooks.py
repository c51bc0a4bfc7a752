"""What happens to an import whose worker died (`jamkoll.core.tasks`).

The task is not run again by itself (a run that killed its worker could do so
again). A Kolada `ImportRun` is marked partly done or failed with the reason, so the
status page stops showing "running" and offers to resume where it stopped; a
`LocalImport` ends failed as if it had crashed (`core.tables.fail_when_abandoned`).
"""

from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from jamkoll.core import tables
from jamkoll.core import tasks as core_tasks
from jamkoll.indicators.models import ImportRun, LocalImport

WORKER_DIED = gettext_noop(
    "The background worker stopped during the import; it can be resumed."
)


def import_abandoned(args: list[Any], kwargs: dict[str, Any], retried: bool) -> None:
    run_id = kwargs.get("run_id", args[0] if args else None)
    if retried or run_id is None:
        return
    run = ImportRun.objects.filter(
        pk=run_id, status__in=[ImportRun.Status.RUNNING, ImportRun.Status.PENDING]
    ).first()
    if run is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        run.errors = [*run.errors, gettext(WORKER_DIED)]
    run.status = (
        ImportRun.Status.PARTIAL if run.done_batches else ImportRun.Status.FAILED
    )
    run.finished_at = timezone.now()
    run.save()


def register() -> None:
    from jamkoll.indicators import tasks

    core_tasks.on_abandoned(
        tasks.run_import.module_path, retry=False, then=import_abandoned
    )
    tables.fail_when_abandoned(LocalImport, tasks.run_local_import.module_path)
