"""State changes for organisations and units. Each takes the acting user (`by`)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from jamkoll.accounts.models import User
from jamkoll.organisations import permissions
from jamkoll.organisations.models import Organisation, RemitTask, Unit


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
