"""How long a login lasts: an idle timeout and an absolute lifetime.

`SessionLifetimeMiddleware` keeps two timestamps in a logged-in session, when it
started (set at login) and when the user was last active. A request after
`JAMKOLL_SESSION_IDLE_MINUTES` without activity, or `JAMKOLL_SESSION_MAX_HOURS` after
login, logs the user out and sends them to the login page with a message saying why;
an htmx request gets `HX-Redirect` so the whole page goes there, not a fragment.
`SESSION_COOKIE_AGE` equals the absolute lifetime, so the browser forgets the cookie
then too.

A page that only polls (htmx `hx-trigger="every 2s"` on a status box) is not
activity: `static/js/jamkoll.js` marks such requests with `POLL_HEADER`, so a
review's analysis page left open in a tab does not keep the session alive for ever.
The header can only make a session expire sooner, so a client cannot gain by sending it.

The last-activity stamp is written at most once a minute (`WRITE_EVERY_SECONDS`), so
an ordinary page view costs no session write; the idle timeout is thus exact to
within a minute.
"""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.translation import ngettext

STARTED_KEY = "_jamkoll_session_started"
ACTIVE_KEY = "_jamkoll_session_active"
POLL_HEADER = "X-Jamkoll-Poll"
WRITE_EVERY_SECONDS = 60


def idle_seconds() -> int:
    return int(settings.JAMKOLL_SESSION_IDLE_MINUTES) * 60


def max_seconds() -> int:
    return int(settings.JAMKOLL_SESSION_MAX_HOURS) * 3600


def is_poll(request: HttpRequest) -> bool:
    """A status refresh that the browser sends by itself, not something the user did."""
    return request.headers.get(POLL_HEADER) == "1"


def start(request: HttpRequest) -> None:
    """Stamp a fresh login (connected to `user_logged_in`)."""
    now = int(time.time())
    request.session[STARTED_KEY] = now
    request.session[ACTIVE_KEY] = now


def _on_login(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        start(request)


def connect() -> None:
    """Called from `CoreConfig.ready()`."""
    user_logged_in.connect(_on_login, dispatch_uid="jamkoll.core.sessions.start")


def _expired_message(*, idle: bool) -> str:
    if idle:
        minutes = int(settings.JAMKOLL_SESSION_IDLE_MINUTES)
        return ngettext(
            "You were logged out after %(minutes)d minute without activity.",
            "You were logged out after %(minutes)d minutes without activity.",
            minutes,
        ) % {"minutes": minutes}
    hours = int(settings.JAMKOLL_SESSION_MAX_HOURS)
    return ngettext(
        "You were logged out because you had been logged in for %(hours)d hour. "
        "Log in again to continue.",
        "You were logged out because you had been logged in for %(hours)d hours. "
        "Log in again to continue.",
        hours,
    ) % {"hours": hours}


class SessionLifetimeMiddleware:
    """Log out after the idle timeout or the absolute lifetime (see module doc).

    Sits after the authentication and message middleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        session = request.session
        now = int(time.time())
        started = session.get(STARTED_KEY)
        active = session.get(ACTIVE_KEY)
        if not isinstance(started, int) or not isinstance(active, int):
            # A session from before this middleware (or forced in a test): start now.
            start(request)
        elif now - active > idle_seconds():
            return self._expire(request, idle=True)
        elif now - started > max_seconds():
            return self._expire(request, idle=False)
        elif not is_poll(request) and now - active >= WRITE_EVERY_SECONDS:
            session[ACTIVE_KEY] = now
        return self.get_response(request)

    def _expire(self, request: HttpRequest, *, idle: bool) -> HttpResponse:
        logout(request)
        messages.info(request, _expired_message(idle=idle))
        login_url = resolve_url(settings.LOGIN_URL)
        if request.headers.get("HX-Request") == "true":
            # The page the fragment belongs to is where the user returns after login.
            page = urlsplit(request.headers.get("HX-Current-URL", "")).path or "/"
            response = HttpResponse(status=204)
            response["HX-Redirect"] = redirect_to_login(page, login_url)["Location"]
            return response
        if request.method == "GET":
            return redirect_to_login(request.get_full_path(), login_url)
        return redirect_to_login(request.path, login_url)
