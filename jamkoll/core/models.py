"""Abstract models shared by every domain app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    """Adds creation and change timestamps (stored in UTC)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Submission(models.Model):
    """One form submission being handled or just handled (`core.idempotency`).

    Holds only a keyed hash of the submission (never who sent what) and where its
    answer led, for a few minutes, so that a double click lands where the first led.
    """

    key = models.CharField(max_length=64, primary_key=True)
    created_at = models.DateTimeField(db_index=True)
    # The first submission's redirect once it has finished; empty while it runs.
    location = models.TextField(blank=True)
    finished = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.key


class WorkerHeartbeat(models.Model):
    """A background worker's sign of life: `jamkoll db_worker` writes `seen_at` every
    few seconds, so a task left running by a worker that died can be told apart
    from one that is merely slow (`jamkoll.core.tasks.recover_abandoned_tasks`)."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
