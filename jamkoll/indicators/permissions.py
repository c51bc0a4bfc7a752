"""Who may see and change indicators, imports, goals and the action plan.

Kolada figures are public and shared; an organisation's local indicators, imports,
goals and actions are seen only inside that organisation.
"""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import (
    ALL_ROLES,
    CONTENT_ROLES,
    has_any_role,
    organisation_ids_of,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.indicators.models import (
    Action,
    Goal,
    ImportRun,
    Indicator,
    LocalImport,
    Milestone,
)


def can_view(user: User, obj: object) -> bool:
    """Everyone holding a role in the organisation reads its figures and plans."""
    return has_any_role(user, organisation_id_of(obj), ALL_ROLES)


def can_manage(user: User, obj: object) -> bool:
    """Administrators and strategists manage indicators, imports, goals and actions."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def indicators_visible_to(user: User) -> QuerySet[Indicator]:
    """Shared Kolada indicators, plus the local ones of the user's organisations."""
    return Indicator.objects.filter(
        Q(organisation__isnull=True) | Q(organisation_id__in=organisation_ids_of(user))
    )


def import_runs_visible_to(user: User) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(organisation_id__in=organisation_ids_of(user))


def local_imports_visible_to(user: User) -> QuerySet[LocalImport]:
    return LocalImport.objects.filter(organisation_id__in=organisation_ids_of(user))


def goals_visible_to(user: User) -> QuerySet[Goal]:
    return Goal.objects.filter(organisation_id__in=organisation_ids_of(user))


def actions_visible_to(user: User) -> QuerySet[Action]:
    return Action.objects.filter(organisation_id__in=organisation_ids_of(user))


def milestones_visible_to(user: User) -> QuerySet[Milestone]:
    return Milestone.objects.filter(
        action__organisation_id__in=organisation_ids_of(user)
    )
