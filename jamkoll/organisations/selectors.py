"""Read paths for organisation pages."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.accounts.roles import BOARD_KINDS
from jamkoll.organisations.models import Organisation, RemitTask, Unit


@dataclass
class TreeNode:
    unit: Unit
    children: list["TreeNode"] = field(default_factory=list)


def unit_tree(*, organisation: Organisation) -> list[TreeNode]:
    """The organisation's units as a forest, built from one query."""
    units = list(
        Unit.objects.of(organisation)
        .order_by("kind", "name")
        .only("pk", "name", "kind", "parent_id", "is_active", "organisation_id")
    )
    nodes = {u.pk: TreeNode(u) for u in units}
    roots: list[TreeNode] = []
    kind_order = {k: i for i, k in enumerate(Unit.Kind.values)}
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent.children if parent else roots).append(nodes[unit.pk])
    for node in nodes.values():
        node.children.sort(key=lambda n: (kind_order[n.unit.kind], n.unit.name))
    return roots


def equality_bodies(*, organisation: Organisation) -> QuerySet[Unit]:
    return (
        Unit.objects.of(organisation)
        .equality_bodies()
        .select_related("parent")
        .prefetch_related(Prefetch("remit_tasks", queryset=RemitTask.objects.all()))
    )


def unit_detail(*, unit_id: int, visible: QuerySet[Unit]) -> Unit:
    return (
        visible.select_related("parent", "organisation")
        .prefetch_related("children", "remit_tasks")
        .annotate(member_count=Count("memberships"))
        .get(pk=unit_id)
    )


@dataclass
class UserRoles:
    user: User
    roles: list[str]
    units: list[Unit]
    # The person the user is in this organisation (members.Person, at most one).
    people: list[object] = field(default_factory=list)
    # The boards their current mandates give a board politician (not assigned).
    mandated_boards: list[Unit] = field(default_factory=list)


def users_with_roles(*, organisation: Organisation) -> list[UserRoles]:
    """Every user with a role in the organisation, their roles, managed units and the
    person they are linked to in it (a string lookup: `members` is a higher layer)."""
    assignments = (
        RoleAssignment.objects.filter(organisation=organisation)
        .select_related("user")
        .prefetch_related("units", "user__people")
        .order_by("user__last_name", "user__first_name", "user__username", "role")
    )
    rows: dict[int, UserRoles] = {}
    for assignment in assignments:
        user = assignment.user
        row = rows.get(user.pk)
        if row is None:
            people = [
                p for p in user.people.all() if p.organisation_id == organisation.pk
            ]
            row = rows[user.pk] = UserRoles(user, [], [], people)
        row.roles.append(assignment.role)
        row.units.extend(assignment.units.all())
    mandated = _mandated_boards_by_user(
        organisation=organisation,
        user_ids=[pk for pk, row in rows.items() if Role.BOARD_POLITICIAN in row.roles],
    )
    for pk, boards in mandated.items():
        rows[pk].mandated_boards = boards
    return list(rows.values())


def _current_board_mandates(organisation: Organisation) -> QuerySet[Unit]:
    """The organisation's boards and company boards, joined to their current
    mandates (the same rule as `accounts.roles.board_ids`; `members` is a higher
    layer, so the mandates are reached through the reverse relation)."""
    today = timezone.localdate()
    return Unit.objects.filter(
        Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today),
        organisation=organisation,
        kind__in=BOARD_KINDS,
        memberships__person__organisation=organisation,
    )


def _mandated_boards_by_user(
    *, organisation: Organisation, user_ids: list[int]
) -> dict[int, list[Unit]]:
    """User id → the boards of their current mandates, in one query."""
    if not user_ids:
        return {}
    found: dict[int, dict[int, Unit]] = {}
    rows = (
        _current_board_mandates(organisation)
        .filter(memberships__person__user_id__in=user_ids)
        .annotate(user_pk=F("memberships__person__user_id"))
        .order_by("name", "pk")
    )
    for unit in rows:
        found.setdefault(unit.user_pk, {})[unit.pk] = unit  # type: ignore[attr-defined]
    return {pk: list(units.values()) for pk, units in found.items()}


def mandated_boards(*, user: User, organisation: Organisation) -> list[Unit]:
    """The boards and company boards where the person linked to `user` holds a
    current mandate (ordinary or substitute): the boards a board politician acts
    for without their being named on the role."""
    return _mandated_boards_by_user(organisation=organisation, user_ids=[user.pk]).get(
        user.pk, []
    )


def linked_people(*, user: User, organisation: Organisation) -> list[object]:
    """The person (members.Person) `user` is linked to in the organisation, if any."""
    return list(user.people.filter(organisation=organisation))
