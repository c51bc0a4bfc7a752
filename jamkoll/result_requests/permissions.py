"""Who may see, raise, answer and assess demands (efterfrågningar).

Everyone holding a role in the organisation reads its demands, except a user who is
only a manager (chef): they see the demands addressed to the units they answer for.
"""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BODY_ROLES,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
    roles_in,
)
from jamkoll.core.ownership import organisation_id_of
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
        elif Role.MANAGER in roles:
            condition |= Q(
                organisation_id=org_id,
                addressed_to_id__in=managed_unit_ids(user, org_id),
            ) & ~Q(status=Status.DRAFT)
    return ResultRequest.objects.filter(condition)


def can_view(user: User, result_request: ResultRequest) -> bool:
    org_id = result_request.organisation_id
    if has_any_role(user, org_id, WIDE_READ_ROLES):
        return True
    return (
        result_request.status != Status.DRAFT
        and result_request.addressed_to_id in managed_unit_ids(user, org_id)
    )


def is_body(user: User | None, obj: object) -> bool:
    """The body's side (politicians, strategists, administrators) raises and assesses."""
    return has_any_role(user, organisation_id_of(obj), BODY_ROLES)


def reads_everything(user: User, organisation: Organisation) -> bool:
    return has_any_role(user, organisation.pk, WIDE_READ_ROLES)


def can_view_unit_demands(user: User, unit: Unit) -> bool:
    """A unit's demand page: for those who read every demand, and the unit's
    managers."""
    return reads_everything(user, unit.organisation) or unit.pk in managed_unit_ids(
        user, unit.organisation_id
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
    """Demands are raised by politicians, strategists and administrators."""
    return is_body(user, organisation)


def can_edit_draft(user: User, result_request: ResultRequest) -> bool:
    return result_request.status in workflow.EDITABLE and is_body(user, result_request)


def can_answer(user: User, result_request: ResultRequest) -> bool:
    """An answer is written while the demand is sent, overdue or answered (new version)."""
    return result_request.status in ANSWERABLE_STATUSES and is_answerer(
        user, result_request
    )


def can_assess(user: User, result_request: ResultRequest) -> bool:
    """The body assesses an answered demand."""
    return result_request.status in workflow.AWAITING_ASSESSMENT and is_body(
        user, result_request
    )


def can_close(user: User, result_request: ResultRequest) -> bool:
    return result_request.status in workflow.CLOSABLE and is_body(user, result_request)


def can_follow_up(user: User, result_request: ResultRequest) -> bool:
    """An insufficient answer (otillräcklig) lets the body ask a follow-up question."""
    return (
        result_request.status in workflow.ASSESSED_OR_LATER
        and result_request.outcome == Outcome.INSUFFICIENT
        and is_body(user, result_request)
    )


def can_request_due_change(user: User, result_request: ResultRequest) -> bool:
    """Whoever answers an open demand may ask for a new due date."""
    return result_request.status in workflow.AWAITING_ANSWER and is_answerer(
        user, result_request
    )


def can_decide_due_change(user: User, change: DueDateChange) -> bool:
    return change.decision == DueDateChange.Decision.PENDING and is_body(
        user, change.result_request
    )
