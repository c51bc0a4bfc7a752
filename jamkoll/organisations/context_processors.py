from typing import Any

from django.http import HttpRequest

from jamkoll.accounts.roles import roles_in
from jamkoll.organisations.permissions import organisations_visible_to


def active_organisation(request: HttpRequest) -> dict[str, Any]:
    """The active organisation, the user's other organisations and roles, for the header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    org = getattr(request, "organisation", None)
    return {
        "active_organisation": org,
        "my_organisations": organisations_visible_to(user),  # type: ignore[arg-type]
        "my_roles": sorted(roles_in(user, org.pk if org else None)),  # type: ignore[arg-type]
    }
