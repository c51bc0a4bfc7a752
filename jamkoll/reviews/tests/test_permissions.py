import pytest

from jamkoll.accounts.models import Role
from jamkoll.reviews import permissions


@pytest.fixture
def reviews(make_review, world):
    return {
        "board": make_review(unit=world.own.board),
        "administration": make_review(unit=world.own.administration),
        "culture": make_review(unit=world.own.other_board),
        "other": make_review(world.other),
    }


@pytest.mark.parametrize(
    "role", [Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER]
)
def test_body_roles_and_readers_see_every_review_of_their_organisation(
    reviews, world, role
):
    visible = set(permissions.reviews_visible_to(world.user(role)))
    assert visible == {reviews["board"], reviews["administration"], reviews["culture"]}


def test_a_manager_sees_only_reviews_of_managed_units_and_their_administrations(
    reviews, world
):
    visible = set(permissions.reviews_visible_to(world.user(Role.MANAGER)))
    assert visible == {reviews["board"], reviews["administration"]}


def test_a_review_of_one_organisation_is_invisible_to_another(reviews, world):
    assert set(permissions.reviews_visible_to(world.outsider)) == {reviews["other"]}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.ADMIN, True),
        (Role.STRATEGIST, True),
        (Role.POLITICIAN, False),
        (Role.MANAGER, False),
        (Role.READER, False),
    ],
)
def test_who_edits_reviews(reviews, world, role, allowed):
    assert permissions.can_edit_reviews(world.user(role), reviews["board"]) is allowed
    assert permissions.can_edit_reviews(world.user(role), reviews["other"]) is False


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.STRATEGIST, True),
        (Role.POLITICIAN, True),
        (Role.MANAGER, False),
        (Role.READER, False),
    ],
)
def test_who_raises_a_demand_from_a_review(reviews, world, role, allowed):
    assert permissions.can_raise_demand(world.user(role), reviews["board"]) is allowed
