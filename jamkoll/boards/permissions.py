"""Who may see the board level's pages.

The comparison of all boards is for the gender-equality body's side and the
strategists: administrators, strategists, politicians and readers of the
organisation. One board's page is also read by the board politicians of that board
and by managers of a unit in its domain; a board politician of another board, and
anyone of another organisation, gets 404.
"""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BOARD_KINDS,
    board_ids,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
    roles_in,
)
from jamkoll.organisations.boards import board_map
from jamkoll.organisations.models import Organisation, Unit

OVERVIEW_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER})


def can_view_overview(user: User, organisation: Organisation) -> bool:
    """Every board side by side is read by administrators, strategists, politicians
    and readers of the organisation (not by managers or board politicians alone)."""
    return has_any_role(user, organisation.pk, OVERVIEW_ROLES)


def boards_visible_to(user: User) -> QuerySet[Unit]:
    """The boards whose page the user may open: every board of an organisation where
    they read everything; their own boards as a board politician; the boards of the
    units they manage as a manager (roles add up)."""
    condition = Q(pk__in=[])
    for org_id in organisation_ids_of(user):
        roles = roles_in(user, org_id)
        if roles & OVERVIEW_ROLES:
            condition |= Q(organisation_id=org_id)
            continue
        own: set[int] = set(board_ids(user, org_id))
        managed = managed_unit_ids(user, org_id)
        if managed:
            mapping = board_map(org_id)
            own |= {mapping[pk] for pk in managed if pk in mapping}
        if own:
            condition |= Q(organisation_id=org_id, pk__in=own)
    return Unit.objects.filter(condition, kind__in=BOARD_KINDS)


def is_board_politician(user: User, organisation: Organisation) -> bool:
    return Role.BOARD_POLITICIAN in roles_in(user, organisation.pk)
