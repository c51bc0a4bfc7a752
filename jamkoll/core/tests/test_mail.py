"""`absolute_url`: the configured site address, else the request's host, else the
development server."""

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.test.utils import override_settings

from jamkoll.core import mail
from jamkoll.core.middleware import SiteAddressMiddleware


def _seen_by_view(host: str) -> str:
    seen = {}

    def view(_request: HttpRequest) -> HttpResponse:
        seen["url"] = mail.absolute_url("/svara/abc/")
        return HttpResponse()

    SiteAddressMiddleware(view)(RequestFactory().get("/", HTTP_HOST=host))
    return seen["url"]


@override_settings(JAMKOLL_BASE_URL="", ALLOWED_HOSTS=["jamkoll.example"])
def test_without_a_setting_a_request_gives_its_own_host() -> None:
    assert (
        _seen_by_view("jamkoll.example:8123")
        == "http://jamkoll.example:8123/svara/abc/"
    )
    # After the request, nothing is left behind.
    assert mail.absolute_url("/x/") == "http://127.0.0.1:8000/x/"


@override_settings(
    JAMKOLL_BASE_URL="https://jamkoll.kommun.se/", ALLOWED_HOSTS=["a.se"]
)
def test_the_setting_wins_over_the_request() -> None:
    assert _seen_by_view("a.se") == "https://jamkoll.kommun.se/svara/abc/"


@override_settings(JAMKOLL_BASE_URL="", ALLOWED_HOSTS=["jamkoll.example"])
def test_a_host_outside_allowed_hosts_never_gets_into_a_link() -> None:
    assert _seen_by_view("evil.example") == "http://127.0.0.1:8000/svara/abc/"
