"""Booleans for the menus, so no link leads a user to a page they may not open."""

from typing import Any

from django.http import HttpRequest

from jamkoll.dashboard import menu
from jamkoll.result_requests import permissions as demand_permissions


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    organisation = getattr(request, "organisation", None)
    if user is None or not user.is_authenticated or organisation is None:
        return {}
    return {
        "nav": {
            "answers_demands": demand_permissions.answers_anything(user, organisation),
            "assesses_demands": demand_permissions.assesses_anything(
                user, organisation
            ),
        },
        "main_menu": menu.build(
            user=user,  # type: ignore[arg-type]
            organisation=organisation,
            match=getattr(request, "resolver_match", None),
        ),
    }
