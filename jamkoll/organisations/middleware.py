"""Puts the user's active organisation on the request (`request.organisation`)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from jamkoll.organisations.models import Organisation
from jamkoll.organisations.permissions import organisations_visible_to

SESSION_KEY = "active_organisation_id"


def active_organisation(request: HttpRequest) -> Organisation | None:
    """The organisation chosen in the session, or the user's first one."""
    user = request.user
    if not user.is_authenticated:
        return None
    visible = organisations_visible_to(user)  # type: ignore[arg-type]
    chosen = request.session.get(SESSION_KEY)
    organisation = visible.filter(pk=chosen).first() if chosen else None
    return organisation or visible.order_by("name").first()


class ActiveOrganisationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.organisation = active_organisation(request)  # type: ignore[attr-defined]
        return self.get_response(request)
