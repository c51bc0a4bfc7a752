"""A form sent twice (double click, retry) is handled once.

`IdempotentSubmitMiddleware` works for every POST form without touching templates:
the key of a submission is a keyed hash of the user, the session, the path, the
CSRF token as the form sent it and the form's fields (uploaded files by name and
size). Django masks the CSRF token afresh for every rendered page, so a double click
or a retry of the *same* rendered form gives the same key, while the same data sent
from a freshly rendered form is a new submission.

The first request inserts the key in its own short transaction (primary key, so
exactly one wins on SQLite and PostgreSQL). A duplicate that finds the key waits
until the first has finished and answers with the first's redirect, so the user
lands where the first submission led. A first submission that does not end in a
redirect (a form shown again with errors, a refusal, a crash) removes its key, so a
retry runs normally. Keys live `JAMKOLL_SUBMISSION_TTL_SECONDS` (10 minutes).

Left alone: anonymous requests, htmx requests (partial updates that are safe to
repeat and expect fragments back), requests without a masked CSRF token (the test
client, scripts), and views open without login (`login_not_required`: the login
form, a survey answered through its link — nothing about a respondent is stored
here).

What is stored is only the hash, a time and the redirect's address: the hash is
keyed with SECRET_KEY and covers the per-page CSRF mask, so a database reader cannot
recompute it for a user and learn what they sent.
"""

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CSRF_TOKEN_LENGTH
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac

from jamkoll.core.models import Submission

_SALT = "jamkoll.core.idempotency.submission"
_POLL_SECONDS = 0.1


def _ttl() -> dt.timedelta:
    return dt.timedelta(
        seconds=getattr(settings, "JAMKOLL_SUBMISSION_TTL_SECONDS", 600)
    )


def _wait_seconds() -> float:
    return float(getattr(settings, "JAMKOLL_SUBMISSION_WAIT_SECONDS", 10))


def _sent_token(request: HttpRequest) -> str:
    """The masked CSRF token the form (or header) sent, else "".

    Only a masked token (one per rendered page) tells one rendering from another;
    the bare secret is the same on every page and would merge separate submissions.
    """
    token = request.POST.get("csrfmiddlewaretoken", "") or request.META.get(
        settings.CSRF_HEADER_NAME, ""
    )
    return token if len(token) == CSRF_TOKEN_LENGTH else ""


def submission_key(request: HttpRequest) -> str | None:
    """The key of this POST, or None when it is not deduplicated."""
    user = getattr(request, "user", None)
    if request.method != "POST" or user is None or not user.is_authenticated:
        return None
    if request.headers.get("HX-Request") == "true":
        return None
    token = _sent_token(request)
    if not token:
        return None
    digest = hashlib.sha256()
    for part in (
        str(user.pk),
        request.session.session_key or "",
        request.get_full_path(),
        token,
    ):
        digest.update(part.encode() + b"\0")
    for name, values in sorted(request.POST.lists()):
        for value in values:
            digest.update(f"{name}={value}".encode() + b"\0")
    for name, files in sorted(request.FILES.lists()):
        for upload in files:
            digest.update(f"{name}:{upload.name}:{upload.size}".encode() + b"\0")
    return salted_hmac(_SALT, digest.hexdigest(), algorithm="sha256").hexdigest()


def _claim(key: str) -> bool:
    """Insert the key; False when another submission holds it already."""
    now = timezone.now()
    try:
        with transaction.atomic():
            Submission.objects.filter(created_at__lt=now - _ttl()).delete()
            Submission.objects.create(key=key, created_at=now)
    except IntegrityError:
        return False
    return True


def _finish(key: str, response: HttpResponse) -> None:
    if 300 <= response.status_code < 400 and response.get("Location"):
        Submission.objects.filter(key=key).update(
            location=response["Location"], finished=True
        )
    else:
        Submission.objects.filter(key=key).delete()


def _first_outcome(key: str) -> Submission | None:
    """Wait for the first submission; None when it vanished (so run this one)."""
    deadline = time.monotonic() + _wait_seconds()
    while True:
        try:
            first = Submission.objects.filter(key=key).first()
        except DatabaseError:  # SQLite's shared test cache: table locked, retry
            first = Submission(key=key, created_at=timezone.now())
        if first is None or first.finished:
            return first
        if time.monotonic() >= deadline:
            return first
        time.sleep(_POLL_SECONDS)


def _still_running(request: HttpRequest) -> HttpResponse:
    return render(request, "core/submission_running.html", status=409)


class IdempotentSubmitMiddleware:
    """Handle a repeated submission of the same rendered form once (module doc).

    Runs in `process_view`, after CSRF and login checks have passed, so only real
    submissions to real views claim a key; `__call__` records how the first ended.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_jamkoll_submission_key", None)
        if key:
            _finish(key, response)
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if getattr(view_func, "login_required", True) is False:
            return None
        key = submission_key(request)
        if key is None:
            return None
        # A bounded number of turns: claim, or wait for the holder; a holder that
        # failed removed its key, so the next turn claims it and runs normally.
        for _turn in range(25):
            if _claim(key):
                request._jamkoll_submission_key = key  # type: ignore[attr-defined]
                return None
            first = _first_outcome(key)
            if first is None:
                continue
            if first.finished:
                return HttpResponseRedirect(first.location)
            return _still_running(request)
        return _still_running(request)
