"""Which roles a user holds where. The single source for every permission rule."""

from collections.abc import Iterable

from jamkoll.accounts.models import Role, RoleAssignment, User

_CACHE_ATTR = "_jamkoll_roles"
_UNITS_ATTR = "_jamkoll_managed_units"

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
        from django.apps import apps

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


def forget(user: User) -> None:
    """Drop cached roles, e.g. after assignments change within a request."""
    for attr in (_CACHE_ATTR, _UNITS_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)
