"""Read paths for organisation pages."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from jamkoll.accounts.models import RoleAssignment, User
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
    return list(rows.values())


def linked_people(*, user: User, organisation: Organisation) -> list[object]:
    """The person (members.Person) `user` is linked to in the organisation, if any."""
    return list(user.people.filter(organisation=organisation))
