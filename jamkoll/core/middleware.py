"""Swedish unless the user chose otherwise; links in e-mail to the right host."""

from collections.abc import Callable

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
