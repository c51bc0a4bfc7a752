"""Reliable background work: e-mail as tasks with retries, and tasks whose worker died.

E-mail: `core.mail.send_after_commit` turns every message into its own `send_email`
task. The message is sealed (encrypted with a key derived from `SECRET_KEY`) before
it is stored in the task table, so a database reader or a backup never sees a
subject, a body or a personal link; logs name only the task, the attempt and the
error. A failed attempt schedules the next one after a growing delay
(`JAMKOLL_MAIL_RETRY_DELAYS`, seconds); after the last one the task ends FAILED
(`jamkoll tasks --failed`, and the Django admin's task list).

Dead workers: `jamkoll db_worker` (`core/management/commands/db_worker.py`) writes a
`WorkerHeartbeat` every few seconds. `recover_abandoned_tasks` finds RUNNING tasks
whose worker has been silent longer than `JAMKOLL_WORKER_STALE_SECONDS`: a task
registered as safe to repeat goes back to READY while attempts remain, anything else
ends FAILED with "Arbetsprocessen avbröts", and the owning app's hook (registered
with `on_abandoned`, e.g. the Kolada import marking its run resumable) is called.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email import message_from_string
from email.mime.base import MIMEBase
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskContext, TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from jamkoll.core import sealing
from jamkoll.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)
DEFAULT_STALE_SECONDS = 60
DEFAULT_HEARTBEAT_SECONDS = 5
DEFAULT_MAX_RECOVERIES = 3
# The reason a task ends with when its worker died (Swedish: shown to administrators).
WORKER_DIED = "Arbetsprocessen avbröts"
WORKER_DIED_CLASS = "jamkoll.core.tasks.WorkerDied"


class MailNotSent(Exception):
    """The last attempt to send a message failed; the task ends FAILED."""


class WorkerDied(Exception):
    """The worker running a task stopped sending heartbeats."""


def retry_delays() -> tuple[int, ...]:
    """Seconds to wait before attempt 2, 3, …; one more attempt than delays."""
    return tuple(getattr(settings, "JAMKOLL_MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


# --- Sealing: message content never lies readable in the task table -----------------


MAIL_LABEL = b"jamkoll.core.tasks.mail.v1"


def seal(data: dict[str, Any]) -> str:
    return sealing.seal(data, label=MAIL_LABEL)


def unseal(token: str) -> dict[str, Any]:
    result: dict[str, Any] = sealing.open_sealed(token, label=MAIL_LABEL)
    return result


# --- Messages to and from plain data -------------------------------------------------


def message_to_data(message: EmailMessage) -> dict[str, Any]:
    """Everything needed to build the same message again (attachments included)."""
    attachments: list[dict[str, Any]] = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": attachment.as_string()})
        else:
            filename, content, mimetype = attachment
            if isinstance(content, bytes):
                attachments.append(
                    {
                        "filename": filename,
                        "bytes": base64.b64encode(content).decode(),
                        "mimetype": mimetype,
                    }
                )
            else:
                attachments.append(
                    {"filename": filename, "text": content, "mimetype": mimetype}
                )
    alternatives = [
        [content, mimetype]
        for content, mimetype in getattr(message, "alternatives", [])
        if isinstance(content, str)
    ]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": alternatives,
        "attachments": attachments,
    }


def _mime_part(text: str) -> MIMEBase:
    parsed = message_from_string(text)
    part = MIMEBase(parsed.get_content_maintype(), parsed.get_content_subtype())
    for header in list(part.keys()):
        del part[header]
    for header, value in parsed.items():
        part[header] = value
    part.set_payload(parsed.get_payload())
    return part


def message_from_data(data: dict[str, Any]) -> EmailMessage:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data.get("from_email"),
        to=data.get("to") or [],
        cc=data.get("cc") or [],
        bcc=data.get("bcc") or [],
        reply_to=data.get("reply_to") or [],
        headers=data.get("headers") or {},
    )
    message.content_subtype = data.get("content_subtype") or "plain"
    for content, mimetype in data.get("alternatives") or []:
        message.attach_alternative(content, mimetype)
    for attachment in data.get("attachments") or []:
        if "mime" in attachment:
            message.attach(_mime_part(attachment["mime"]))
        elif "bytes" in attachment:
            message.attach(
                attachment["filename"],
                base64.b64decode(attachment["bytes"]),
                attachment["mimetype"],
            )
        else:
            message.attach(
                attachment["filename"], attachment["text"], attachment["mimetype"]
            )
    return message


# --- The e-mail task -------------------------------------------------------------------


def _scrub(context: TaskContext) -> None:
    """Once a message has left (or moved on to its next attempt's task), its sealed
    content is not kept in this task's row."""
    if not isinstance(send_email.get_backend(), DatabaseBackend):
        return
    DBTaskResult.objects.filter(pk=context.task_result.id).update(
        args_kwargs={"args": [], "kwargs": {"sealed": "", "attempt": 0}}
    )


@task(takes_context=True)
def send_email(context: TaskContext, *, sealed: str, attempt: int = 1) -> str:
    """Send one message; on failure schedule the next attempt, after the last raise."""
    try:
        message = message_from_data(unseal(sealed))
    except (sealing.InvalidToken, ValueError, KeyError) as error:
        # The key changed (new SECRET_KEY) or the content was removed: nothing to send.
        raise MailNotSent(
            f"Meddelandet kunde inte läsas: {type(error).__name__}"
        ) from None
    try:
        message.send(fail_silently=False)
    except Exception as error:
        delays = retry_delays()
        reason = f"{type(error).__name__}: {error}"
        if attempt > len(delays):
            logger.error(
                "E-mail task %s: attempt %d of %d failed, giving up (%s)",
                context.task_result.id,
                attempt,
                len(delays) + 1,
                reason,
            )
            raise MailNotSent(
                f"Försök {attempt} av {len(delays) + 1} misslyckades: {reason}"
            ) from error
        logger.warning(
            "E-mail task %s: attempt %d of %d failed, retrying in %d s (%s)",
            context.task_result.id,
            attempt,
            len(delays) + 1,
            delays[attempt - 1],
            reason,
        )
        retry = send_email
        if send_email.get_backend().supports_defer:
            retry = send_email.using(
                run_after=timezone.now() + dt.timedelta(seconds=delays[attempt - 1])
            )
        retry.enqueue(sealed=sealed, attempt=attempt + 1)
        _scrub(context)  # the next attempt's task holds the message now
        return f"retry {attempt + 1}"
    _scrub(context)
    return "sent"


def enqueue_email(message: EmailMessage) -> None:
    send_email.enqueue(sealed=seal(message_to_data(message)))


def queue_messages(messages: list[EmailMessage]) -> None:
    """One task per message. With the database backend the tasks are written in the
    current transaction (they exist exactly when the change commits, and survive a
    crash right after the commit); other backends enqueue after the commit."""
    if not messages:
        return
    if isinstance(send_email.get_backend(), DatabaseBackend):
        for message in messages:
            enqueue_email(message)
        return

    def enqueue_all() -> None:
        for message in messages:
            try:
                enqueue_email(message)
            except Exception:
                logger.exception("Could not queue an e-mail task")

    transaction.on_commit(enqueue_all)


# --- Daily jobs: one transaction per organisation ------------------------------------


ResultT = TypeVar("ResultT")
OrgT = TypeVar("OrgT")


@dataclass
class DailyRun(Generic[OrgT, ResultT]):
    """What a daily job did: results per organisation, and the organisations whose
    transaction was rolled back with the error."""

    done: list[tuple[OrgT, ResultT]] = field(default_factory=list)
    failed: list[tuple[OrgT, Exception]] = field(default_factory=list)


def run_per_organisation(
    organisations: Iterable[OrgT], job: Callable[[OrgT], ResultT], *, name: str
) -> DailyRun[OrgT, ResultT]:
    """Run `job(organisation)` for each organisation in its own transaction: an
    error rolls back that organisation's changes and mails only, is logged, and the
    others still commit."""
    outcome: DailyRun[OrgT, ResultT] = DailyRun()
    for organisation in organisations:
        try:
            with transaction.atomic():
                result = job(organisation)
        except Exception as error:
            logger.exception(
                "%s failed for organisation %s", name, getattr(organisation, "pk", "?")
            )
            outcome.failed.append((organisation, error))
        else:
            outcome.done.append((organisation, result))
    return outcome


def failure_summary(outcome: DailyRun[Any, Any]) -> str:
    """The closing line of a daily command when some organisation failed ("" if
    none did); the command then exits with an error."""
    if not outcome.failed:
        return ""
    names = ", ".join(
        f"{organisation} ({type(error).__name__})"
        for organisation, error in outcome.failed
    )
    return (
        f"Misslyckades för {len(outcome.failed)} av "
        f"{len(outcome.failed) + len(outcome.done)} organisationer: {names}. "
        "Övriga organisationers ändringar är sparade."
    )


# --- Heartbeats and tasks whose worker died --------------------------------------------


@dataclass(frozen=True)
class AbandonedPolicy:
    """What to do with a task of one kind whose worker died: `retry` when running it
    again is safe; `then(args, kwargs, retried)` lets the owning app update its own
    records (called after the task was set READY or FAILED)."""

    retry: bool = False
    then: Callable[[list[Any], dict[str, Any], bool], None] | None = None


_policies: dict[str, AbandonedPolicy] = {}


def on_abandoned(
    task_path: str,
    *,
    retry: bool = False,
    then: Callable[[list[Any], dict[str, Any], bool], None] | None = None,
) -> None:
    """Register how a task (by its module path, `Task.module_path`) is recovered."""
    _policies[task_path] = AbandonedPolicy(retry=retry, then=then)


def stale_after() -> int:
    return int(getattr(settings, "JAMKOLL_WORKER_STALE_SECONDS", DEFAULT_STALE_SECONDS))


def heartbeat_every() -> float:
    return float(
        getattr(settings, "JAMKOLL_WORKER_HEARTBEAT_SECONDS", DEFAULT_HEARTBEAT_SECONDS)
    )


def beat(worker_id: str, *, started_at: dt.datetime | None = None) -> None:
    """Record that `worker_id` is alive now."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={
            "seen_at": now,
            "started_at": started_at or now,
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def forget_worker(worker_id: str) -> None:
    """A worker that stops cleanly removes its heartbeat."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


@dataclass(frozen=True)
class Recovered:
    task_id: str
    task_path: str
    worker_id: str
    retried: bool


def _last_worker(result: DBTaskResult) -> str:
    return str(result.worker_ids[-1]) if result.worker_ids else ""


def recover_abandoned_tasks(
    *,
    now: dt.datetime | None = None,
    stale_seconds: int | None = None,
    restarted: str = "",
) -> list[Recovered]:
    """Set every RUNNING task whose worker has no heartbeat for `stale_seconds`
    (default `JAMKOLL_WORKER_STALE_SECONDS`) back to READY or to FAILED.

    `restarted` is the id of a worker that is just starting: tasks still RUNNING
    under that id were left by an earlier process with the same id, whatever its
    heartbeat says.

    Safe with several workers doing it at once: each task changes with a conditional
    update on its status and worker list, so only one of them acts on it.
    """
    now = now or timezone.now()
    limit = now - dt.timedelta(
        seconds=stale_after() if stale_seconds is None else stale_seconds
    )
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=limit).values_list(
            "worker_id", flat=True
        )
    )
    max_attempts = int(
        getattr(settings, "JAMKOLL_WORKER_MAX_RECOVERIES", DEFAULT_MAX_RECOVERIES)
    )
    alive.discard(restarted)
    candidates = DBTaskResult.objects.running()
    if not restarted:
        candidates = candidates.filter(started_at__lt=limit)
    recovered = []
    for result in candidates:
        worker_id = _last_worker(result)
        if worker_id in alive:
            continue
        if worker_id != restarted and result.started_at >= limit:
            continue
        policy = _policies.get(result.task_path, AbandonedPolicy())
        retried = policy.retry and len(result.worker_ids) < max_attempts
        same = DBTaskResult.objects.filter(
            pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
        )
        if retried:
            changed = same.update(status=TaskResultStatus.READY, started_at=None)
        else:
            changed = same.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_DIED_CLASS,
                traceback=(
                    f"{WORKER_DIED}: arbetsprocessen {worker_id or '?'} har inte "
                    f"hörts av sedan {limit:%Y-%m-%d %H:%M:%S} UTC "
                    f"(försök {len(result.worker_ids)}).\n"
                ),
                return_value=None,
            )
        if not changed:
            continue
        logger.warning(
            "Task %s (%s): worker %s stopped, task %s",
            result.pk,
            result.task_path,
            worker_id,
            "set to run again" if retried else "failed",
        )
        recovered.append(
            Recovered(str(result.pk), result.task_path, worker_id, retried)
        )
        if policy.then is not None:
            args_kwargs = result.args_kwargs or {}
            try:
                policy.then(
                    list(args_kwargs.get("args", [])),
                    dict(args_kwargs.get("kwargs", {})),
                    retried,
                )
            except Exception:
                logger.exception("Hook for abandoned task %s failed", result.pk)
    # Heartbeats of workers long gone are only noise.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - dt.timedelta(days=1)).delete()
    return recovered


# A message is sent at least once: a worker killed mid-send repeats it.
on_abandoned(send_email.module_path, retry=True)
