import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from jamkoll.result_requests import services
from jamkoll.result_requests.models import (
    Assessment,
    DueDateChange,
    Occasion,
    Outcome,
    Reply,
    ResultRequest,
    Status,
)
from jamkoll.result_requests.tests import factories

TODAY = timezone.localdate


def _create(world, role="politician", **overrides):
    values = {
        "organisation": world.own.organisation,
        "by": world.user(role),
        "addressees": [world.own.board, world.own.company],
        "title": "Könsuppdelad statistik",
        "question": "Hur fördelas insatserna?",
        "occasion": Occasion.BUDGET_DIALOGUE,
        "due_on": TODAY() + dt.timedelta(days=14),
        "evidence_required": ["statistics", "analysis"],
    }
    values.update(overrides)
    return services.create_result_requests(**values)


def test_several_addressees_give_one_sent_demand_each_in_one_group(world):
    created = _create(world)
    assert [r.addressed_to for r in created] == [world.own.board, world.own.company]
    assert len({r.group for r in created}) == 1
    assert all(r.status == Status.SENT and r.sent_at for r in created)
    assert all(r.transitions.get().to_status == Status.SENT for r in created)


def test_saved_draft_is_not_sent(world):
    [draft] = _create(world, addressees=[world.own.board], send=False)
    assert draft.status == Status.DRAFT
    services.send_result_request(result_request=draft, by=world.user("admin"))
    draft.refresh_from_db()
    assert draft.status == Status.SENT


def test_a_draft_is_hidden_from_the_addressed_manager_until_it_is_sent(world):
    from jamkoll.result_requests.permissions import (
        can_view,
        result_requests_visible_to,
    )

    [draft] = _create(world, addressees=[world.own.board], send=False)
    manager = world.user("manager")
    assert not can_view(manager, draft)
    assert draft not in result_requests_visible_to(manager)
    services.send_result_request(result_request=draft, by=world.user("admin"))
    draft.refresh_from_db()
    assert can_view(manager, draft)
    assert draft in result_requests_visible_to(manager)


@pytest.mark.parametrize("role", ["manager", "reader"])
def test_manager_and_reader_cannot_raise_a_demand(world, role):
    with pytest.raises(PermissionDenied):
        _create(world, role=role)
    assert not ResultRequest.objects.exists()


def test_due_date_in_the_past_is_refused(world):
    with pytest.raises(ValidationError) as error:
        _create(world, due_on=TODAY() - dt.timedelta(days=1))
    assert error.value.message_dict["due_on"] == [str(services.DUE_DATE_IN_PAST)]
    assert not ResultRequest.objects.exists()


def test_no_addressee_is_refused(world):
    with pytest.raises(ValidationError) as error:
        _create(world, addressees=[])
    assert error.value.message_dict["addressees"] == [str(services.NO_ADDRESSEE)]


def test_addressee_from_another_organisation_is_refused_and_nothing_is_saved(world):
    with pytest.raises(ValidationError) as error:
        _create(world, addressees=[world.own.board, world.other.board])
    assert "addressees" in error.value.message_dict
    assert not ResultRequest.objects.exists()


def test_unknown_evidence_is_refused(world):
    with pytest.raises(ValidationError):
        _create(world, evidence_required=["rumours"])


def test_draft_answer_is_kept_and_submitting_never_overwrites_a_version(world):
    result_request = factories.raise_demand(world.own)
    manager = world.user("manager")
    services.save_reply(
        result_request=result_request, by=manager, text="Utkast", submit=False
    )
    services.save_reply(
        result_request=result_request, by=manager, text="Utkast 2", submit=False
    )
    assert Reply.objects.get().text == "Utkast 2"
    result_request.refresh_from_db()
    assert result_request.status == Status.SENT
    first = services.save_reply(
        result_request=result_request, by=manager, text="Svar 1", submit=True
    )
    second = services.save_reply(
        result_request=result_request, by=manager, text="Svar 2", submit=True
    )
    first.refresh_from_db()
    assert (first.number, first.text, second.number) == (1, "Svar 1", 2)
    result_request.refresh_from_db()
    assert result_request.status == Status.ANSWERED
    assert result_request.first_answered_at == first.submitted_at


def test_answer_after_the_demand_was_closed_is_refused(world):
    result_request = factories.raise_demand(world.own)
    services.close_result_request(
        result_request=result_request, by=world.user("politician")
    )
    with pytest.raises(ValidationError) as error:
        services.save_reply(
            result_request=result_request,
            by=world.user("manager"),
            text="Sent svar",
            submit=True,
        )
    assert error.value.messages == [str(services.CANNOT_ANSWER_CLOSED_REQUEST)]
    assert not Reply.objects.exists()


def test_empty_answer_cannot_be_submitted(world):
    result_request = factories.raise_demand(world.own)
    with pytest.raises(ValidationError):
        services.save_reply(
            result_request=result_request,
            by=world.user("manager"),
            text=" ",
            submit=True,
        )


def test_manager_of_another_board_cannot_answer(world):
    result_request = factories.raise_demand(world.own, unit=world.own.other_board)
    with pytest.raises(PermissionDenied):
        services.save_reply(
            result_request=result_request,
            by=world.user("manager"),
            text="x",
            submit=True,
        )


def test_manager_answers_for_the_administration_under_the_board(world):
    result_request = factories.raise_demand(world.own, unit=world.own.administration)
    factories.answer(result_request, world.user("manager"))
    assert result_request.status == Status.ANSWERED


def test_second_assessor_gets_a_conflict_and_nothing_is_overwritten(world):
    result_request = factories.answer(factories.raise_demand(world.own))
    seen = result_request.version
    services.assess_reply(
        result_request=result_request,
        by=world.user("politician"),
        outcome=Outcome.ACCEPTED,
        expected_version=seen,
    )
    with pytest.raises(ValidationError) as error:
        services.assess_reply(
            result_request=result_request,
            by=world.user("strategist"),
            outcome=Outcome.INSUFFICIENT,
            expected_version=seen,
        )
    assert error.value.messages == [str(services.ASSESSMENT_CONFLICT)]
    assert error.value.messages[0].startswith("Någon annan")
    result_request.refresh_from_db()
    assert result_request.outcome == Outcome.ACCEPTED
    assert Assessment.objects.get().outcome == Outcome.ACCEPTED


def test_follow_up_links_to_the_insufficient_demand_and_closes_it(world):
    parent = factories.assess(factories.answer(factories.raise_demand(world.own)))
    follow_up = services.raise_follow_up(
        parent=parent,
        by=world.user("politician"),
        title="Följdfråga",
        question="Varför?",
        occasion=Occasion.DIALOGUE_MEETING,
        due_on=TODAY() + dt.timedelta(days=10),
    )
    parent.refresh_from_db()
    assert follow_up.follows_up == parent
    assert follow_up.addressed_to == parent.addressed_to
    assert parent.status == Status.CLOSED
    assert parent.first_outcome == Outcome.INSUFFICIENT


def test_follow_up_on_an_accepted_answer_is_refused(world):
    parent = factories.assess(
        factories.answer(factories.raise_demand(world.own)), outcome=Outcome.ACCEPTED
    )
    with pytest.raises(ValidationError):
        services.raise_follow_up(
            parent=parent,
            by=world.user("politician"),
            title="x",
            question="y",
            occasion=Occasion.OTHER,
            due_on=TODAY() + dt.timedelta(days=1),
        )


def test_accepted_new_due_date_reopens_an_overdue_demand(world):
    result_request = factories.raise_demand(world.own, due_in=3)
    change = services.request_due_date_change(
        result_request=result_request,
        by=world.user("manager"),
        requested_due_on=TODAY() + dt.timedelta(days=20),
        reason="Statistiken dröjer.",
    )
    with pytest.raises(ValidationError):
        services.request_due_date_change(
            result_request=result_request,
            by=world.user("manager"),
            requested_due_on=TODAY() + dt.timedelta(days=30),
            reason="Igen",
        )
    ResultRequest.objects.filter(pk=result_request.pk).update(status=Status.OVERDUE)
    with pytest.raises(PermissionDenied):
        services.decide_due_date_change(
            change=change, by=world.user("manager"), accept=True
        )
    services.decide_due_date_change(
        change=change, by=world.user("politician"), accept=True
    )
    result_request.refresh_from_db()
    assert result_request.due_on == TODAY() + dt.timedelta(days=20)
    assert result_request.status == Status.SENT
    assert DueDateChange.objects.get().decision == DueDateChange.Decision.ACCEPTED


def test_declined_due_date_keeps_the_old_one(world):
    result_request = factories.raise_demand(world.own, due_in=3)
    change = services.request_due_date_change(
        result_request=result_request,
        by=world.user("manager"),
        requested_due_on=TODAY() + dt.timedelta(days=20),
        reason="Dröjer.",
    )
    services.decide_due_date_change(change=change, by=world.user("admin"), accept=False)
    result_request.refresh_from_db()
    assert result_request.due_on == TODAY() + dt.timedelta(days=3)
    with pytest.raises(ValidationError):
        services.decide_due_date_change(
            change=change, by=world.user("admin"), accept=True
        )
