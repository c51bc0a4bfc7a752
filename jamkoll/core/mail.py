"""Sending e-mail from services: after the commit, one message at a time.

A service queues its messages inside its transaction; they leave only if the
transaction commits. Each message is sent on its own, so one refused address or a
passing SMTP error costs that message only (it is logged) and never the rest.
"""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

logger = logging.getLogger(__name__)


# Where the current request came in ("http://127.0.0.1:8771"), set by
# `jamkoll.core.middleware.SiteAddressMiddleware`; empty outside a request.
_request_site: ContextVar[str] = ContextVar("jamkoll_request_site", default="")

DEVELOPMENT_ADDRESS = "http://127.0.0.1:8000"


@contextmanager
def request_site(address: str) -> Iterator[None]:
    """Within the block, links without a configured site address point at `address`."""
    token = _request_site.set(address.rstrip("/"))
    try:
        yield
    finally:
        _request_site.reset(token)


def site_address() -> str:
    """The site's address: `JAMKOLL_BASE_URL` when set (always in production), else
    the host the current request came to (development), else the development server."""
    configured = str(getattr(settings, "JAMKOLL_BASE_URL", "") or "").strip()
    return (configured or _request_site.get() or DEVELOPMENT_ADDRESS).rstrip("/")


def absolute_url(path: str) -> str:
    """The address of `path` as seen from outside (for e-mails and calendar files)."""
    return site_address() + path


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
