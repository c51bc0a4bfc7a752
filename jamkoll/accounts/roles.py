"""Which roles a user holds where. The single source for every permission rule."""

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User

_CACHE_ATTR = "_jamkoll_roles"
_UNITS_ATTR = "_jamkoll_managed_units"
_BOARDS_ATTR = "_jamkoll_boards"

# Units with their own elected board, each with its own place at board level: the
# boards (nämnder) and the companies (bolagsstyrelser). The executive board and the
# council are the overall level.
BOARD_KINDS = frozenset({"board", "company"})

CONTENT_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST})
BODY_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN})
ALL_ROLES = frozenset(Role)


def _role_map(user: User) -> dict[int, frozenset[str]]:
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        pairs: dict[int, set[str]] = {}
        for org_id, role in RoleAssignment.objects.filter(user=user).values_list(
            "organisation_id", "role"
        ):
            pairs.setdefault(org_id, set()).add(role)
        cached = {k: frozenset(v) for k, v in pairs.items()}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def roles_in(user: User | None, organisation_id: int | None) -> frozenset[str]:
    """The roles `user` holds in the organisation (empty for anonymous users)."""
    if user is None or not user.is_authenticated or organisation_id is None:
        return frozenset()
    if not user.is_active:
        return frozenset()
    return _role_map(user).get(organisation_id, frozenset())


def organisation_ids_of(user: User | None) -> set[int]:
    """Every organisation the user holds any role in."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    return set(_role_map(user))


def has_any_role(
    user: User | None, organisation_id: int | None, roles: Iterable[str]
) -> bool:
    return bool(roles_in(user, organisation_id) & set(roles))


def managed_unit_ids(user: User | None, organisation_id: int | None) -> frozenset[int]:
    """Units a manager answers for, including administrations under a managed board."""
    if Role.MANAGER not in roles_in(user, organisation_id):
        return frozenset()
    assert user is not None  # noqa: S101 - roles_in returned roles, so user is set
    cache: dict[int, frozenset[int]] = getattr(user, _UNITS_ATTR, {})
    if organisation_id not in cache:
        unit_model = apps.get_model("organisations", "Unit")
        direct = set(
            RoleAssignment.units.through.objects.filter(
                roleassignment__user=user,
                roleassignment__organisation_id=organisation_id,
                roleassignment__role=Role.MANAGER,
            ).values_list("unit_id", flat=True)
        )
        children = set(
            unit_model.objects.filter(parent_id__in=direct).values_list("pk", flat=True)
        )
        cache[organisation_id] = frozenset(direct | children)
        setattr(user, _UNITS_ATTR, cache)
    return cache[organisation_id]


def board_ids(user: User | None, organisation_id: int | None) -> frozenset[int]:
    """The boards a board politician (nämndpolitiker) acts for: those named on the
    role, and the boards and companies of the user's current mandates (the person
    linked to the account, ordinary member or substitute, not ended; a mandate for a
    term about to start counts, so a newly elected member can prepare). Empty without
    the role."""
    if Role.BOARD_POLITICIAN not in roles_in(user, organisation_id):
        return frozenset()
    assert user is not None  # noqa: S101 - roles_in returned roles, so user is set
    cache: dict[int, tuple[frozenset[int], frozenset[int]]] = getattr(
        user, _BOARDS_ATTR, {}
    )
    if organisation_id not in cache:
        unit_model = apps.get_model("organisations", "Unit")
        membership_model = apps.get_model("members", "Membership")
        today = timezone.localdate()
        assigned = set(
            RoleAssignment.units.through.objects.filter(
                roleassignment__user=user,
                roleassignment__organisation_id=organisation_id,
                roleassignment__role=Role.BOARD_POLITICIAN,
                unit__organisation_id=organisation_id,
                unit__kind__in=BOARD_KINDS,
            ).values_list("unit_id", flat=True)
        )
        mandated = set(
            membership_model.objects.filter(
                Q(ends_on__isnull=True) | Q(ends_on__gte=today),
                person__user=user,
                person__organisation_id=organisation_id,
                unit__organisation_id=organisation_id,
                unit__kind__in=BOARD_KINDS,
            ).values_list("unit_id", flat=True)
        )
        boards = frozenset(assigned | mandated)
        children = set(
            unit_model.objects.filter(parent_id__in=boards).values_list("pk", flat=True)
        )
        cache[organisation_id] = (boards, frozenset(boards | children))
        setattr(user, _BOARDS_ATTR, cache)
    return cache[organisation_id][0]


def board_scope_ids(user: User | None, organisation_id: int | None) -> frozenset[int]:
    """The units a board politician acts on: their boards and the administrations
    and companies directly under them."""
    if not board_ids(user, organisation_id):
        return frozenset()
    assert user is not None  # noqa: S101 - board_ids filled the cache
    return getattr(user, _BOARDS_ATTR)[organisation_id][1]


def forget(user: User) -> None:
    """Drop cached roles, e.g. after assignments change within a request."""
    for attr in (_CACHE_ATTR, _UNITS_ATTR, _BOARDS_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)
