"""Swedish unless the user chose otherwise; links in e-mail to the right host; no
dynamic response in a cache; the client's real address behind a trusted proxy."""

import ipaddress
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from jamkoll.core.mail import request_site


class ChosenLanguageMiddleware:
    """Activate the language from the language cookie, else LANGUAGE_CODE (Swedish).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: a
    Swedish public service speaks Swedish by default; English is chosen in the footer.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SiteAddressMiddleware:
    """Remember where the request came in, for links in e-mail (`mail.absolute_url`).

    Used only when `JAMKOLL_BASE_URL` is not set, that is in development: a mail sent
    while serving http://127.0.0.1:8771/ links there, not to port 8000. The host has
    passed ALLOWED_HOSTS (`get_host`), so a forged Host header cannot get into a mail.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            address = f"{request.scheme}://{request.get_host()}"
        except DisallowedHost:
            return self.get_response(request)
        with request_site(address):
            return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: private, no-store` on every response Jamkoll renders.

    Logged-in pages, downloads (XLSX, CSV, DOCX, PDF, attachments, the calendar
    feed) and the survey answer pages must never be kept by a browser's or a
    proxy's cache, where the next user of a shared computer could find them. Rather
    than deciding which response is one of those, every dynamic response is marked:
    the rest (the login page, error pages) lose nothing by it. Static files are
    served by WhiteNoise, which sits before this middleware and answers first, so
    they keep their long cache lifetimes.
    """

    VALUE = "private, no-store"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(f"/{settings.STATIC_URL.lstrip('/')}"):
            response["Cache-Control"] = self.VALUE
        return response


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _networks(setting: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in setting)


def trusted_proxies() -> tuple[Network, ...]:
    """`JAMKOLL_TRUSTED_PROXIES` as networks (a bare address is a /32 or /128)."""
    return _networks(tuple(settings.JAMKOLL_TRUSTED_PROXIES))


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The address of the client that sent the request.

    `REMOTE_ADDR`, unless that is one of `JAMKOLL_TRUSTED_PROXIES`: then the
    right-most address in `X-Forwarded-For` that is not a trusted proxy (each proxy
    appends the address it was reached from, so everything left of that is what the
    client claimed and is not believed). A client that sends `X-Forwarded-For` itself,
    not through a trusted proxy, is known by its own `REMOTE_ADDR`. Used by
    django-axes (`AXES_CLIENT_IP_CALLABLE`) so a lockout hits one real client, not
    everyone behind the proxy.
    """
    remote = request.META.get("REMOTE_ADDR")
    networks = trusted_proxies()
    if not remote or not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            # Garbage in the header: stop here rather than skip past it.
            return remote
        if not _is_trusted(hop, networks):
            return hop
    return hops[0] if hops else remote
