"""Sending e-mail from services: after the commit, one message at a time.

A service queues its messages inside its transaction; they leave only if the
transaction commits. Each message is sent on its own, so one refused address or a
passing SMTP error costs that message only (it is logged) and never the rest.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    """The address of `path` as seen from outside (for e-mails and calendar files)."""
    return settings.JAMKOLL_BASE_URL.rstrip("/") + path


def send_now(messages: Iterable[EmailMessage]) -> int:
    """Send each message; returns how many left. Failures are logged, not raised."""
    sent = 0
    for message in messages:
        try:
            sent += message.send(fail_silently=False)
        except Exception:
            logger.exception(
                "Could not send e-mail %r to %s", message.subject, message.to
            )
    return sent


def send_after_commit(messages: Iterable[EmailMessage]) -> None:
    """Queue messages to be sent once the current transaction commits."""
    batch = [m for m in messages if m.to]
    if batch:
        transaction.on_commit(lambda: send_now(batch))
