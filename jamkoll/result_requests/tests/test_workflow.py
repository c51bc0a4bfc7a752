"""The state machine: every allowed move by every allowed role, every other refused."""

import itertools

import pytest

from jamkoll.result_requests import workflow
from jamkoll.result_requests.models import Status, Transition
from jamkoll.result_requests.tests import factories
from jamkoll.result_requests.workflow import ALLOWED_TRANSITIONS, InvalidTransition
from tests.matrix import ALL

# What each role of the world fixture is towards a demand to world.own.board.
KINDS_BY_ROLE = {
    "admin": {workflow.BODY},
    "strategist": {workflow.BODY, workflow.ANSWERER},
    "politician": {workflow.BODY},
    "manager": {workflow.ANSWERER},
    "reader": set(),
    # The demand is the body's (no board asks): read-only at board level.
    "board_politician": set(),
}


def _in_state(world, status):
    result_request = factories.raise_demand(world.own, world.user("strategist"))
    # Put the row in the wanted state directly: only the move itself is under test.
    result_request.status = status
    result_request.save()
    return result_request


ALLOWED_CASES = [
    (source, target, role)
    for (source, target), kinds in ALLOWED_TRANSITIONS.items()
    for role in ALL
    if kinds & KINDS_BY_ROLE[role]
]
FORBIDDEN_BY_ROLE = [
    (source, target, role)
    for (source, target), kinds in ALLOWED_TRANSITIONS.items()
    for role in ALL
    if not kinds & KINDS_BY_ROLE[role]
]
NOT_IN_TABLE = [
    (source, target)
    for source, target in itertools.product(Status.values, Status.values)
    if (source, target) not in ALLOWED_TRANSITIONS
]


@pytest.mark.parametrize(("source", "target", "role"), ALLOWED_CASES)
def test_allowed_transition_is_made_and_logged(world, source, target, role):
    result_request = _in_state(world, source)
    version = result_request.version
    transition = workflow.transition_to(result_request, target, by=world.user(role))
    result_request.refresh_from_db()
    assert result_request.status == target
    assert result_request.version == version + 1
    assert (transition.from_status, transition.to_status, transition.by) == (
        source,
        target,
        world.user(role),
    )


@pytest.mark.parametrize(("source", "target", "role"), FORBIDDEN_BY_ROLE)
def test_transition_by_a_role_without_the_right_is_refused(world, source, target, role):
    result_request = _in_state(world, source)
    with pytest.raises(InvalidTransition):
        workflow.transition_to(result_request, target, by=world.user(role))
    result_request.refresh_from_db()
    assert result_request.status == source


def test_overdue_is_set_only_by_the_daily_job(world):
    result_request = _in_state(world, Status.SENT)
    transition = workflow.transition_to(result_request, Status.OVERDUE, by=None)
    assert transition.by is None
    assert result_request.status == Status.OVERDUE


@pytest.mark.parametrize(("source", "target"), NOT_IN_TABLE)
def test_transition_not_in_the_table_is_refused_for_everyone(world, source, target):
    result_request = _in_state(world, source)
    logged = Transition.objects.count()
    for user in [world.user("strategist"), None]:
        with pytest.raises(InvalidTransition) as error:
            workflow.transition_to(result_request, target, by=user)
        assert error.value.messages[0].startswith("En efterfrågan som är")
    assert Transition.objects.count() == logged
    result_request.refresh_from_db()
    assert result_request.status == source


def test_user_of_another_organisation_cannot_move_a_demand(world):
    result_request = _in_state(world, Status.ANSWERED)
    with pytest.raises(InvalidTransition):
        workflow.transition_to(result_request, Status.ASSESSED, by=world.outsider)
