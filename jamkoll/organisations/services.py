"""State changes for organisations and units. Each takes the acting user (`by`)."""

from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.accounts.roles import BOARD_KINDS, forget
from jamkoll.organisations import permissions
from jamkoll.organisations.models import Organisation, RemitTask, Unit

CANNOT_REMOVE_OWN_ADMIN = _(
    "You cannot remove your own administrator role. Ask another administrator."
)
MANAGER_NEEDS_UNITS = _("Choose the units the manager answers for.")
ONLY_BOARDS = _(
    "A board politician acts for boards and company boards only: %(units)s is not "
    "one. The council, the executive board and the administrations are no boards."
)


@transaction.atomic
def save_unit(
    *,
    organisation: Organisation,
    by: User,
    unit: Unit | None = None,
    name: str,
    kind: str,
    parent: Unit | None,
    short_name: str = "",
    body_form: str = "",
    budget: Decimal | None = None,
    yearly_meeting_target: int | None = None,
    is_active: bool = True,
    remit: list[str] | None = None,
) -> Unit:
    """Create or change a unit in the tree; refuses cycles and cross-organisation parents.

    Raises PermissionDenied unless `by` may edit the structure, ValidationError on bad
    input (nothing is saved then).
    """
    if not permissions.can_edit_structure(by, organisation):
        raise PermissionDenied
    unit = unit or Unit(organisation=organisation)
    if unit.organisation_id != organisation.pk:
        raise PermissionDenied
    unit.name = name
    unit.kind = kind
    unit.parent = parent
    unit.short_name = short_name
    unit.body_form = body_form
    unit.budget = budget
    unit.yearly_meeting_target = yearly_meeting_target
    unit.is_active = is_active
    unit._history_user = by  # type: ignore[attr-defined]
    unit.full_clean()
    unit.save()
    if remit is not None:
        set_remit(unit=unit, tasks=remit, by=by)
    return unit


@transaction.atomic
def set_remit(*, unit: Unit, tasks: list[str], by: User) -> None:
    """Replace the body's remit (its list of tasks), keeping the order given."""
    if not permissions.can_edit_structure(by, unit):
        raise PermissionDenied
    cleaned = [t.strip() for t in tasks if t.strip()]
    existing = list(unit.remit_tasks.all())
    for task in existing[len(cleaned) :]:
        task._history_user = by  # type: ignore[attr-defined]
        task.delete()
    for position, text in enumerate(cleaned):
        task = existing[position] if position < len(existing) else RemitTask(unit=unit)
        if task.text != text or task.position != position:
            task.text, task.position = text, position
            task._history_user = by  # type: ignore[attr-defined]
            task.full_clean()
            task.save()


@transaction.atomic
def set_roles(
    *,
    organisation: Organisation,
    user: User,
    roles: list[str],
    managed_units: list[Unit],
    by: User,
    boards: Sequence[Unit] = (),
) -> None:
    """Give `user` exactly these roles in the organisation (and these units as manager,
    these boards as board politician, besides the boards of their mandates).

    Only administrators of the organisation may do this. An administrator cannot take
    away their own administrator role, so an organisation never locks itself out.
    Boards must be boards or company boards (`roles.BOARD_KINDS`); otherwise nothing
    is saved.
    """
    if not permissions.can_manage_users(by, organisation):
        raise PermissionDenied
    if by.pk == user.pk and Role.ADMIN not in roles:
        raise ValidationError({"roles": CANNOT_REMOVE_OWN_ADMIN})
    if any(
        unit.organisation_id != organisation.pk for unit in [*managed_units, *boards]
    ):
        raise PermissionDenied
    if Role.MANAGER in roles and not managed_units:
        raise ValidationError({"units": MANAGER_NEEDS_UNITS})
    not_boards = [unit.name for unit in boards if unit.kind not in BOARD_KINDS]
    if not_boards:
        raise ValidationError(
            {"boards": ONLY_BOARDS % {"units": ", ".join(not_boards)}}
        )
    existing = {
        a.role: a
        for a in RoleAssignment.objects.filter(user=user, organisation=organisation)
    }
    for role, assignment in existing.items():
        if role not in roles:
            assignment._history_user = by  # type: ignore[attr-defined]
            assignment.delete()
    for role in roles:
        assignment = existing.get(role) or RoleAssignment(
            user=user, organisation=organisation, role=role
        )
        assignment._history_user = by  # type: ignore[attr-defined]
        assignment.full_clean()
        assignment.save()
        units: dict[str, Sequence[Unit]] = {
            Role.MANAGER: managed_units,
            Role.BOARD_POLITICIAN: boards,
        }
        assignment.units.set(list(units.get(role, [])))
    forget(user)


@transaction.atomic
def create_user(
    *,
    organisation: Organisation,
    by: User,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    password: str,
    roles: list[str],
    managed_units: list[Unit],
    boards: Sequence[Unit] = (),
) -> User:
    """Create a log-in for a person and give them roles in this organisation."""
    if not permissions.can_manage_users(by, organisation):
        raise PermissionDenied
    user = User(
        username=username, first_name=first_name, last_name=last_name, email=email
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    set_roles(
        organisation=organisation,
        user=user,
        roles=roles,
        managed_units=managed_units,
        by=by,
        boards=boards,
    )
    return user
