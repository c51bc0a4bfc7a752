"""Who may see and change council cases (ärenden) and their preparation."""

from django.db.models import QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import CONTENT_ROLES, has_any_role, organisation_ids_of
from jamkoll.cases.models import Case


def _org_id(obj: object) -> int | None:
    if hasattr(obj, "organisation_id"):
        return obj.organisation_id  # type: ignore[no-any-return]
    return getattr(obj, "pk", None)


def can_view(user: User, obj: object) -> bool:
    """Cases are public records: everyone holding a role in the organisation reads them."""
    return _org_id(obj) in organisation_ids_of(user)


def can_edit(user: User, obj: object) -> bool:
    """Cases, their preparation (beredning) and imports are kept by strategists and
    administrators."""
    return has_any_role(user, _org_id(obj), CONTENT_ROLES)


def cases_visible_to(user: User) -> QuerySet[Case]:
    return Case.objects.filter(organisation_id__in=organisation_ids_of(user))
