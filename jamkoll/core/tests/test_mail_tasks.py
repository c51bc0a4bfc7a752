"""E-mail as background tasks: one task per message, retries with a growing delay,
then FAILED and listed for administrators; the content never lies readable in the
task table or the log."""

import datetime as dt
import logging
import smtplib
from collections.abc import Sequence
from email.mime.text import MIMEText
from io import StringIO

import pytest
import time_machine
from cryptography.fernet import InvalidToken
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from jamkoll.core import tasks
from jamkoll.core.mail import send_after_commit

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SECRET_SUBJECT = "Din personliga enkätlänk"
SECRET_BODY = "Svara här: http://127.0.0.1:8000/enkat/svara/HEMLIG-TOKEN-123/"

attempts: list[str] = []


class RefusingBackend(BaseEmailBackend):
    """Refuses every recipient whose address starts with "nej"; the rest reach the
    locmem outbox."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            attempts.append(message.to[0])
            refused = [a for a in message.recipients() if a.startswith("nej")]
            if refused:
                raise smtplib.SMTPRecipientsRefused(
                    dict.fromkeys(refused, (550, b"No such user"))
                )
            sent += LocmemBackend().send_messages([message])
        return sent


@pytest.fixture(autouse=True)
def _fresh_attempts() -> None:
    attempts.clear()


def _message(to: str) -> EmailMessage:
    return EmailMessage(subject=SECRET_SUBJECT, body=SECRET_BODY, to=[to])


def _run_worker() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="testworker",
        excluded_queue_names=[],
    ).run()


@override_settings(EMAIL_BACKEND="jamkoll.core.tests.test_mail_tasks.RefusingBackend")
def test_one_refused_address_does_not_stop_the_others_and_is_retried(
    db, django_capture_on_commit_callbacks, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="jamkoll.core.tasks")
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(
            [
                _message("anna@example.se"),
                _message("nej@example.se"),
                _message("bo@example.se"),
            ]
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.se", "bo@example.se"]
    # Five attempts for the refused one (the ImmediateBackend cannot wait between
    # them), then it gives up; the others went on the first try.
    assert attempts.count("nej@example.se") == 5
    assert attempts.count("anna@example.se") == 1
    assert "giving up" in caplog.text
    assert SECRET_SUBJECT not in caplog.text
    assert "HEMLIG-TOKEN" not in caplog.text


def test_nothing_is_queued_when_the_transaction_rolls_back(
    db, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_after_commit([_message("anna@example.se")])
                raise RuntimeError("rollback")
        except RuntimeError:
            pass
    assert mail.outbox == []


def test_a_message_keeps_its_recipients_and_calendar_attachment(
    db, django_capture_on_commit_callbacks
) -> None:
    message = EmailMessage(
        subject="Kallelse: kommunstyrelsen 13 oktober 2026",
        body="Välkommen till sammanträdet.",
        to=["anna@example.se"],
        cc=["bo@example.se"],
        reply_to=["sekreterare@example.se"],
    )
    part = MIMEText("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n", "calendar", "utf-8")
    part.set_param("method", "REQUEST")
    part.add_header("Content-Disposition", "attachment", filename="kallelse.ics")
    message.attach(part)
    message.attach("protokoll.txt", "Paragraf 1", "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit([message])
    (sent,) = mail.outbox
    assert sent.subject == "Kallelse: kommunstyrelsen 13 oktober 2026"
    assert (sent.to, sent.cc, sent.reply_to) == (
        ["anna@example.se"],
        ["bo@example.se"],
        ["sekreterare@example.se"],
    )
    raw = sent.message().as_string()
    assert 'filename="kallelse.ics"' in raw
    assert "method=" in raw.lower()
    calendar = next(
        p for p in sent.message().walk() if p.get_content_type() == "text/calendar"
    )
    assert "METHOD:REQUEST" in calendar.get_payload(decode=True).decode()
    assert ("protokoll.txt", "Paragraf 1", "text/plain") in [
        tuple(a) for a in sent.attachments if not hasattr(a, "get_payload")
    ]


@override_settings(
    TASKS=DATABASE_TASKS,
    EMAIL_BACKEND="jamkoll.core.tests.test_mail_tasks.RefusingBackend",
)
def test_with_the_database_backend_a_failing_message_is_retried_later_then_failed_and_listed(
    db, monkeypatch
) -> None:
    # The worker runs in the test's transaction: it must not close the connection.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        lambda: None,
    )
    with transaction.atomic():
        send_after_commit([_message("anna@example.se"), _message("nej@example.se")])
    # Written in the transaction, one task per message, content sealed.
    stored = DBTaskResult.objects.all()
    assert stored.count() == 2
    for row in stored:
        text = str(row.args_kwargs)
        assert "HEMLIG-TOKEN" not in text
        assert SECRET_SUBJECT not in text
        assert "example.se" not in text

    start = timezone.now()
    _run_worker()
    assert [m.to[0] for m in mail.outbox] == ["anna@example.se"]
    retry = DBTaskResult.objects.ready().count()
    assert retry == 0  # the second attempt waits a minute
    waiting = DBTaskResult.objects.filter(status="READY").get()
    assert waiting.run_after >= start + dt.timedelta(seconds=59)

    # Each later attempt waits longer: 1 min, 5 min, 30 min, 2 h.
    for hours in (0.1, 0.5, 1.5, 4):
        with time_machine.travel(start + dt.timedelta(hours=hours), tick=False):
            _run_worker()
    assert attempts.count("nej@example.se") == 5
    assert len(mail.outbox) == 1
    (failed,) = DBTaskResult.objects.failed()
    assert failed.exception_class_path == "jamkoll.core.tasks.MailNotSent"
    assert "Försök 5 av 5" in failed.traceback
    assert DBTaskResult.objects.filter(status="READY").count() == 0
    # Only the failed task keeps the (sealed) message: the one that left and the
    # earlier attempts do not.
    sealed = [row.args_kwargs["kwargs"]["sealed"] for row in DBTaskResult.objects.all()]
    assert [s for s in sealed if s] == [failed.args_kwargs["kwargs"]["sealed"]]
    assert DBTaskResult.objects.successful().count() == 5

    out = StringIO()
    call_command("tasks", "--failed", stdout=out)
    listing = out.getvalue()
    assert "Misslyckade uppgifter: 1" in listing
    assert str(failed.pk) in listing
    assert "SMTPRecipientsRefused" in listing
    assert SECRET_SUBJECT not in listing


def test_a_sealed_message_cannot_be_read_with_another_key() -> None:
    sealed = tasks.seal(tasks.message_to_data(_message("anna@example.se")))
    assert "HEMLIG" not in sealed
    with (
        override_settings(SECRET_KEY="another-key"),
        pytest.raises(InvalidToken),
    ):
        tasks.unseal(sealed)
