"""Who may see and change council cases (ärenden) and their preparation."""

from django.db.models import QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import CONTENT_ROLES, has_any_role, organisation_ids_of
from jamkoll.cases.models import Case, CaseImport
from jamkoll.core.ownership import organisation_id_of


def can_view(user: User, obj: object) -> bool:
    """Cases are public records: everyone holding a role in the organisation reads them."""
    return organisation_id_of(obj) in organisation_ids_of(user)


def can_edit(user: User, obj: object) -> bool:
    """Cases, their preparation (beredning) and imports are kept by strategists and
    administrators."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def cases_visible_to(user: User) -> QuerySet[Case]:
    return Case.objects.filter(organisation_id__in=organisation_ids_of(user))


def case_imports_visible_to(user: User) -> QuerySet[CaseImport]:
    """Background imports of the case list, in the user's organisations (the view
    then asks `can_edit`)."""
    return CaseImport.objects.filter(organisation_id__in=organisation_ids_of(user))
