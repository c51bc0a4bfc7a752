import pytest

from jamkoll.result_requests import permissions
from jamkoll.result_requests.tests import factories


@pytest.fixture
def demands(world):
    return {
        "board": factories.raise_demand(world.own, unit=world.own.board),
        "other_board": factories.raise_demand(world.own, unit=world.own.other_board),
        "other_org": factories.raise_demand(world.other, unit=world.other.board),
    }


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("admin", {"board", "other_board"}),
        ("strategist", {"board", "other_board"}),
        ("politician", {"board", "other_board"}),
        ("reader", {"board", "other_board"}),
        ("manager", {"board"}),
    ],
)
def test_each_role_sees_only_its_share_and_nothing_of_another_organisation(
    world, demands, role, visible
):
    seen = set(permissions.result_requests_visible_to(world.user(role)))
    assert seen == {demands[key] for key in visible}


def test_outsider_sees_only_the_other_organisation(world, demands):
    assert list(permissions.result_requests_visible_to(world.outsider)) == [
        demands["other_org"]
    ]


@pytest.mark.parametrize(
    ("role", "answer", "assess_roles"),
    [
        ("manager", True, False),
        ("strategist", True, True),
        ("politician", False, True),
        ("admin", False, True),
        ("reader", False, False),
    ],
)
def test_who_answers_and_who_assesses(world, demands, role, answer, assess_roles):
    user = world.user(role)
    assert permissions.can_answer(user, demands["board"]) is answer
    answered = factories.answer(factories.raise_demand(world.own))
    assert permissions.can_assess(user, answered) is assess_roles


def test_manager_of_board_a_cannot_answer_board_b(world, demands):
    assert not permissions.can_answer(world.user("manager"), demands["other_board"])
    assert not permissions.can_view(world.user("manager"), demands["other_board"])
