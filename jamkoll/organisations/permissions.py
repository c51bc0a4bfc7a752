"""Who may see and change organisations and units.

Rules are named once here (django-rules) and used by views, services and templates
(through booleans passed from views).
"""

import rules
from django.db.models import QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    ALL_ROLES,
    CONTENT_ROLES,
    has_any_role,
    organisation_ids_of,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.organisations.models import Organisation, Unit


@rules.predicate
def is_member_of_organisation(user: User, obj: object) -> bool:
    """Anyone holding a role in the object's organisation can read it."""
    return has_any_role(user, organisation_id_of(obj), ALL_ROLES)


@rules.predicate
def is_content_editor(user: User, obj: object) -> bool:
    """Administrators and strategists manage the organisation's content."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


@rules.predicate
def is_administrator(user: User, obj: object) -> bool:
    return has_any_role(user, organisation_id_of(obj), {Role.ADMIN})


rules.add_perm("organisations.view", is_member_of_organisation)
rules.add_perm("organisations.edit_structure", is_content_editor)
rules.add_perm("organisations.manage_users", is_administrator)
rules.add_perm("audit.view_history", is_content_editor)


def can_view(user: User, obj: object) -> bool:
    """An organisation's data is read by everyone holding a role in it."""
    return bool(is_member_of_organisation(user, obj))


def can_edit_structure(user: User, obj: object) -> bool:
    """Units, people and mandates are changed by administrators and strategists."""
    return bool(is_content_editor(user, obj))


def can_view_history(user: User, obj: object) -> bool:
    """The audit trail of an object is read by administrators and strategists."""
    return bool(is_content_editor(user, obj))


def can_manage_users(user: User, obj: object) -> bool:
    """Log-ins and roles of an organisation are managed by its administrators."""
    return bool(is_administrator(user, obj))


def users_of(organisation: Organisation) -> QuerySet[User]:
    """Users holding any role in the organisation."""
    return User.objects.filter(role_assignments__organisation=organisation).distinct()


def organisations_visible_to(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=organisation_ids_of(user))


def units_visible_to(user: User) -> QuerySet[Unit]:
    return Unit.objects.filter(organisation_id__in=organisation_ids_of(user))
