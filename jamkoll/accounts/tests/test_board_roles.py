"""The boards a board politician (nämndpolitiker) acts for: assigned on the role or
given by the current mandates of the person linked to the account."""

import datetime as dt

import pytest
from django.apps import apps

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.accounts.roles import board_ids, board_scope_ids, forget

pytestmark = pytest.mark.django_db

# Higher layers, reached by name (accounts imports neither).
Membership = apps.get_model("members", "Membership")
Person = apps.get_model("members", "Person")
Unit = apps.get_model("organisations", "Unit")


def _fresh(user: User) -> User:
    forget(user)
    return user


def _board_politician(world, username: str = "u-ny") -> User:
    user = User.objects.create_user(username=username, password="pw-test-123456")
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.BOARD_POLITICIAN
    )
    return user


def _person(org_world, user: User | None):  # -> members.Person
    return Person.objects.create(
        organisation=org_world.organisation,
        first_name="Karin",
        last_name="Ledamot",
        sex="woman",
        user=user,
    )


def _mandate(person, unit, org_world, **kw):  # -> members.Membership
    return Membership.objects.create(
        person=person,
        unit=unit,
        term=org_world.term,
        role=kw.pop("role", Membership.Role.MEMBER),
        starts_on=org_world.term.starts_on,
        **kw,
    )


def test_a_mandate_in_a_board_gives_that_board(world):
    user = world.user("board_politician")
    own = world.own
    assert board_ids(user, own.organisation.pk) == {own.board.pk}
    assert board_scope_ids(user, own.organisation.pk) == {
        own.board.pk,
        own.administration.pk,
    }


def test_boards_named_on_the_role_are_added_to_the_mandated_ones(world):
    user = world.user("board_politician")
    own = world.own
    assignment = RoleAssignment.objects.get(user=user, role=Role.BOARD_POLITICIAN)
    assignment.units.set([own.other_board])
    assert board_ids(_fresh(user), own.organisation.pk) == {
        own.board.pk,
        own.other_board.pk,
    }


def test_assigned_boards_alone_are_enough(world):
    user = _board_politician(world)
    own = world.own
    RoleAssignment.objects.get(user=user).units.set([own.other_board, own.company])
    assert board_ids(user, own.organisation.pk) == {
        own.other_board.pk,
        own.company.pk,
    }


def test_assigned_units_that_are_not_boards_give_nothing(world):
    """The council and the executive board are the overall level, not boards; an
    administration or the equality body is no board either."""
    user = _board_politician(world)
    own = world.own
    RoleAssignment.objects.get(user=user).units.set(
        [own.council, own.executive_board, own.body, own.administration]
    )
    assert board_ids(user, own.organisation.pk) == frozenset()
    assert board_scope_ids(user, own.organisation.pk) == frozenset()


def test_a_substitute_mandate_counts(world):
    user = _board_politician(world)
    _mandate(
        _person(world.own, user),
        world.own.other_board,
        world.own,
        role=Membership.Role.SUBSTITUTE,
    )
    assert board_ids(user, world.own.organisation.pk) == {world.own.other_board.pk}


def test_a_company_board_mandate_counts(world):
    user = _board_politician(world)
    _mandate(_person(world.own, user), world.own.company, world.own)
    assert board_ids(user, world.own.organisation.pk) == {world.own.company.pk}


def test_an_ended_mandate_does_not_count_but_one_ending_today_does(world):
    user = _board_politician(world)
    person = _person(world.own, user)
    today = dt.date.today()  # noqa: DTZ011 - the clock `roles.board_ids` reads
    _mandate(
        person,
        world.own.other_board,
        world.own,
        ends_on=today - dt.timedelta(days=1),
    )
    assert board_ids(user, world.own.organisation.pk) == frozenset()
    _mandate(person, world.own.company, world.own, ends_on=today)
    assert board_ids(_fresh(user), world.own.organisation.pk) == {world.own.company.pk}


@pytest.mark.parametrize("unit", ["council", "executive_board", "body"])
def test_mandates_at_the_overall_level_give_no_board(world, unit):
    user = _board_politician(world)
    _mandate(_person(world.own, user), getattr(world.own, unit), world.own)
    assert board_ids(user, world.own.organisation.pk) == frozenset()


def test_mandates_in_another_organisation_do_not_count(world):
    """The same account linked to a person in another organisation, with a seat in
    that organisation's board: nothing here, and nothing there without a role."""
    user = _board_politician(world)
    other = world.other
    _mandate(_person(other, user), other.board, other)
    assert board_ids(user, world.own.organisation.pk) == frozenset()
    assert board_ids(user, other.organisation.pk) == frozenset()
    # A seat in another organisation's board, wrongly stored on a person of this
    # one (the form refuses it), gives no board either.
    _mandate(_person(world.own, user), other.other_board, world.own)
    assert board_ids(_fresh(user), world.own.organisation.pk) == frozenset()


def test_another_organisations_boards_on_the_role_do_not_count(world):
    user = _board_politician(world)
    RoleAssignment.objects.get(user=user).units.set([world.other.board])
    assert board_ids(user, world.own.organisation.pk) == frozenset()


def test_without_the_role_a_mandate_gives_no_board(world):
    """A politician of the body who also sits in a board acts for it only when given
    the board-politician role."""
    user = world.user("politician")
    _mandate(_person(world.own, user), world.own.board, world.own)
    assert board_ids(user, world.own.organisation.pk) == frozenset()
    assert board_scope_ids(user, world.own.organisation.pk) == frozenset()
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.BOARD_POLITICIAN
    )
    assert board_ids(_fresh(user), world.own.organisation.pk) == {world.own.board.pk}


def test_an_inactive_account_acts_for_no_board(world):
    user = world.user("board_politician")
    user.is_active = False
    user.save()
    assert board_ids(_fresh(user), world.own.organisation.pk) == frozenset()
    assert board_ids(None, world.own.organisation.pk) == frozenset()


def test_the_scope_holds_the_units_directly_under_the_boards(world):
    own = world.own
    user = world.user("board_politician")
    company = Unit.objects.create(
        organisation=own.organisation,
        name="Omsorgsbolaget AB",
        kind=Unit.Kind.COMPANY,
        parent=own.board,
    )
    unit_below = Unit.objects.create(
        organisation=own.organisation,
        name="Äldreomsorgsavdelningen",
        kind=Unit.Kind.ADMINISTRATION,
        parent=own.administration,
    )
    scope = board_scope_ids(user, own.organisation.pk)
    assert scope == {own.board.pk, own.administration.pk, company.pk}
    assert unit_below.pk not in scope
    assert own.other_board.pk not in scope
    assert own.council.pk not in scope
