"""The board level: every board (nämnd) and company board, with the administrations
and companies directly under it (its domain).

A board politician (`Role.BOARD_POLITICIAN`) acts on their own boards' domain
(`accounts.roles.board_scope_ids`) and reads what belongs to no board at all, the
organisation-wide matters (the council's, the executive board's and the
gender-equality body's). Another board's matters are hidden from them.
"""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import BOARD_KINDS, board_scope_ids
from jamkoll.organisations.models import Organisation, Unit


def boards_of(organisation: Organisation | int) -> QuerySet[Unit]:
    """The organisation's active boards and company boards, by name."""
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    return Unit.objects.filter(
        organisation_id=org_id, kind__in=BOARD_KINDS, is_active=True
    ).order_by("name")


def board_map(organisation_id: int) -> dict[int, int]:
    """Unit id → the id of the board whose domain it is in, for every board-level
    unit and the units directly under one (one query)."""
    mapping: dict[int, int] = {}
    rows = Unit.objects.filter(organisation_id=organisation_id).filter(
        Q(kind__in=BOARD_KINDS) | Q(parent__kind__in=BOARD_KINDS)
    )
    for pk, kind, parent_id in rows.values_list("pk", "kind", "parent_id"):
        mapping[pk] = pk if kind in BOARD_KINDS else parent_id
    return mapping


def board_of(unit: Unit | None) -> Unit | None:
    """The board whose domain `unit` is in, or None for the overall level."""
    if unit is None:
        return None
    if unit.kind in BOARD_KINDS:
        return unit
    parent = unit.parent
    if parent is not None and parent.kind in BOARD_KINDS:
        return parent
    return None


def domain_ids(board: Unit) -> frozenset[int]:
    """The board and the units directly under it."""
    return frozenset(
        {board.pk, *Unit.objects.filter(parent=board).values_list("pk", flat=True)}
    )


def board_level_condition(user: User, organisation_id: int, unit_field: str) -> Q:
    """What a board politician reads in one organisation, as a filter on the object's
    unit: their own boards' domain, and objects whose unit is in no board's domain."""
    in_any_board = list(board_map(organisation_id))
    own = board_scope_ids(user, organisation_id)
    return Q(organisation_id=organisation_id) & (
        Q(**{f"{unit_field}__in": own}) | ~Q(**{f"{unit_field}__in": in_any_board})
    )


def acts_for_unit_id(
    user: User, organisation_id: int | None, unit_id: int | None
) -> bool:
    """Whether the unit is in the domain of one of the user's boards."""
    return unit_id is not None and unit_id in board_scope_ids(user, organisation_id)


def acts_for_unit(user: User, unit: Unit | None) -> bool:
    """`acts_for_unit_id` for a unit at hand."""
    return unit is not None and acts_for_unit_id(user, unit.organisation_id, unit.pk)


def is_other_boards(user: User, unit: Unit | None) -> bool:
    """Whether `unit` belongs to a board the user does not act for (hidden from a
    board politician)."""
    board = board_of(unit)
    return board is not None and board.pk not in board_scope_ids(
        user, board.organisation_id
    )
