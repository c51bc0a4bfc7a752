"""The status rules of permissions and services are derived from the workflow table."""

from jamkoll.result_requests import workflow
from jamkoll.result_requests.models import OPEN_STATUSES, Status


def test_the_derived_status_sets():
    assert {Status.SENT, Status.OVERDUE} == workflow.AWAITING_ANSWER
    assert {Status.ANSWERED} == workflow.AWAITING_ASSESSMENT
    assert {Status.SENT, Status.OVERDUE, Status.ANSWERED} == workflow.ANSWERABLE
    assert {Status.SENT, Status.OVERDUE, Status.ASSESSED} == workflow.CLOSABLE
    assert {Status.DRAFT} == workflow.EDITABLE
    assert {Status.ASSESSED, Status.CLOSED} == workflow.ASSESSED_OR_LATER
    assert {Status.SENT} == workflow.MAY_BECOME_OVERDUE


def test_open_demands_are_those_awaiting_an_answer():
    """`models.OPEN_STATUSES` (used by querysets, below the workflow) agrees."""
    assert OPEN_STATUSES == workflow.AWAITING_ANSWER


def test_removing_a_move_from_the_table_changes_the_rule(monkeypatch):
    table = dict(workflow.ALLOWED_TRANSITIONS)
    del table[(Status.SENT, Status.CLOSED)]
    monkeypatch.setattr(workflow, "ALLOWED_TRANSITIONS", table)
    assert Status.SENT not in workflow.statuses_that_may_become(
        Status.CLOSED, by=workflow.BODY
    )
