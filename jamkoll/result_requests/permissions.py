"""Who may see, raise, answer and assess demands (efterfrågningar).

Everyone holding a role in the organisation reads its demands, except a user who is
only a manager (chef): they see the demands addressed to the units they answer for,
and a board politician (nämndpolitiker): the asker (`raised_for`) decides whose matter
a demand is. Their own board's demands they read and act on as the body does on its
own; demands raised for the body, KS, KF or no one are organisation-wide and
read-only to them; another board's demands are hidden (404).
"""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BOARD_KINDS,
    BODY_ROLES,
    CONTENT_ROLES,
    board_ids,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
    roles_in,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.organisations.boards import board_level_condition, domain_ids
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests import workflow
from jamkoll.result_requests.models import (
    DueDateChange,
    Outcome,
    ResultRequest,
    Status,
)

# Roles that read everything in their organisation's demands loop.
WIDE_READ_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER})
# The status rules come from the workflow table (`workflow.ALLOWED_TRANSITIONS`).
ANSWERABLE_STATUSES = workflow.ANSWERABLE


def result_requests_visible_to(user: User) -> QuerySet[ResultRequest]:
    """Demands of the user's organisations; managers-only see their units' demands
    once sent (a draft is the body's until it is sent)."""
    condition = Q(pk__in=[])
    for org_id in organisation_ids_of(user):
        roles = roles_in(user, org_id)
        if roles & WIDE_READ_ROLES:
            condition |= Q(organisation_id=org_id)
            continue
        if Role.BOARD_POLITICIAN in roles:
            condition |= board_level_condition(user, org_id, "raised_for_id")
        if Role.MANAGER in roles:
            condition |= Q(
                organisation_id=org_id,
                addressed_to_id__in=managed_unit_ids(user, org_id),
            ) & ~Q(status=Status.DRAFT)
    return ResultRequest.objects.filter(condition)


def can_view(user: User, result_request: ResultRequest) -> bool:
    org_id = result_request.organisation_id
    if has_any_role(user, org_id, WIDE_READ_ROLES):
        return True
    if result_request.status != Status.DRAFT and (
        result_request.addressed_to_id in managed_unit_ids(user, org_id)
    ):
        return True
    return bool(board_ids(user, org_id)) and (
        result_requests_visible_to(user).filter(pk=result_request.pk).exists()
    )


def is_body(user: User | None, obj: object) -> bool:
    """The body's side (politicians, strategists, administrators) raises and assesses."""
    return has_any_role(user, organisation_id_of(obj), BODY_ROLES)


def is_asker(user: User | None, result_request: ResultRequest) -> bool:
    """Who acts for the side that asked: the body's roles on every demand, and a
    board politician (nämndpolitiker) on the demands raised for one of their boards."""
    if is_body(user, result_request):
        return True
    return result_request.raised_for_id is not None and (
        result_request.raised_for_id in board_ids(user, result_request.organisation_id)
    )


def assesses_anything(user: User, organisation: Organisation) -> bool:
    """Whether the user has an "Att bedöma" inbox: the body's roles and board
    politicians (for their boards' demands)."""
    return is_body(user, organisation) or bool(board_ids(user, organisation.pk))


def reads_everything(user: User, organisation: Organisation) -> bool:
    return has_any_role(user, organisation.pk, WIDE_READ_ROLES)


def can_view_unit_demands(user: User, unit: Unit) -> bool:
    """A unit's demand page: for those who read every demand, board politicians
    (who see on it what they may read) and the unit's managers."""
    return (
        reads_everything(user, unit.organisation)
        or bool(board_ids(user, unit.organisation_id))
        or unit.pk in managed_unit_ids(user, unit.organisation_id)
    )


def is_answerer(user: User | None, result_request: ResultRequest) -> bool:
    """The manager (chef) of the addressed unit, or a strategist, answers a demand."""
    org_id = result_request.organisation_id
    if has_any_role(user, org_id, {Role.STRATEGIST}):
        return True
    return result_request.addressed_to_id in managed_unit_ids(user, org_id)


def answers_anything(user: User, organisation: Organisation) -> bool:
    return has_any_role(user, organisation.pk, {Role.STRATEGIST, Role.MANAGER})


def can_raise(user: User, organisation: Organisation) -> bool:
    """Demands are raised by politicians, strategists and administrators, and by
    board politicians for their own boards."""
    return is_body(user, organisation) or bool(board_ids(user, organisation.pk))


def askers_for(user: User, organisation: Organisation) -> QuerySet[Unit]:
    """On whose behalf the user may raise a demand ("Ställd av"): the body's
    politicians for the equality body, KS and KF; strategists and administrators
    also for any board or company board (staff support); a board politician for
    their own boards. Roles add up."""
    kinds: list[str] = []
    if is_body(user, organisation):
        kinds = [Unit.Kind.EQUALITY_BODY, Unit.Kind.EXECUTIVE_BOARD, Unit.Kind.COUNCIL]
    condition = Q(kind__in=kinds) | Q(pk__in=board_ids(user, organisation.pk))
    if has_any_role(user, organisation.pk, CONTENT_ROLES):
        condition |= Q(kind__in=BOARD_KINDS)
    return Unit.objects.of(organisation).filter(condition, is_active=True)


def board_addressees(board: Unit) -> frozenset[int]:
    """Whom a board asks: the administrations and companies directly under it."""
    return domain_ids(board) - {board.pk}


def addressees_for(user: User, organisation: Organisation) -> QuerySet[Unit]:
    """Whom the user may ask: the body's side every addressable unit; a board
    politician the administrations and companies under their own boards."""
    units = Unit.objects.of(organisation).addressable().filter(is_active=True)
    if is_body(user, organisation):
        return units
    return units.filter(parent_id__in=board_ids(user, organisation.pk))


def can_edit_draft(user: User, result_request: ResultRequest) -> bool:
    return result_request.status in workflow.EDITABLE and is_asker(user, result_request)


def can_answer(user: User, result_request: ResultRequest) -> bool:
    """An answer is written while the demand is sent, overdue or answered (new version)."""
    return result_request.status in ANSWERABLE_STATUSES and is_answerer(
        user, result_request
    )


def can_assess(user: User, result_request: ResultRequest) -> bool:
    """The body assesses an answered demand."""
    return result_request.status in workflow.AWAITING_ASSESSMENT and is_asker(
        user, result_request
    )


def can_close(user: User, result_request: ResultRequest) -> bool:
    return result_request.status in workflow.CLOSABLE and is_asker(user, result_request)


def can_follow_up(user: User, result_request: ResultRequest) -> bool:
    """An insufficient answer (otillräcklig) lets the body ask a follow-up question."""
    return (
        result_request.status in workflow.ASSESSED_OR_LATER
        and result_request.outcome == Outcome.INSUFFICIENT
        and is_asker(user, result_request)
    )


def can_request_due_change(user: User, result_request: ResultRequest) -> bool:
    """Whoever answers an open demand may ask for a new due date."""
    return result_request.status in workflow.AWAITING_ANSWER and is_answerer(
        user, result_request
    )


def can_decide_due_change(user: User, change: DueDateChange) -> bool:
    return change.decision == DueDateChange.Decision.PENDING and is_asker(
        user, change.result_request
    )
