"""The board level in the unit tree: which units are boards, each board's domain,
and what a board politician reads (`organisations/boards.py`)."""

import pytest

from jamkoll.organisations.boards import (
    acts_for_unit,
    board_level_condition,
    board_map,
    board_of,
    boards_of,
    domain_ids,
    is_other_boards,
)
from jamkoll.organisations.models import Unit

pytestmark = pytest.mark.django_db


def test_boards_are_the_boards_and_company_boards_not_ks_or_kf(world):
    own = world.own
    Unit.objects.create(
        organisation=own.organisation,
        name="Gamla nämnden",
        kind=Unit.Kind.BOARD,
        parent=own.council,
        is_active=False,
    )
    assert list(boards_of(own.organisation)) == [
        own.company,
        own.other_board,
        own.board,
    ]
    assert list(boards_of(own.organisation.pk)) == list(boards_of(own.organisation))


def test_board_map_puts_each_unit_under_its_board(world):
    own = world.own
    mapping = board_map(own.organisation.pk)
    assert mapping == {
        own.board.pk: own.board.pk,
        own.administration.pk: own.board.pk,
        own.other_board.pk: own.other_board.pk,
        own.company.pk: own.company.pk,
    }
    for overall in (own.council, own.executive_board, own.body):
        assert overall.pk not in mapping
    assert world.other.board.pk not in mapping


def test_board_of_and_domain(world):
    own = world.own
    assert board_of(own.administration) == own.board
    assert board_of(own.board) == own.board
    assert board_of(own.company) == own.company
    assert board_of(own.executive_board) is None
    assert board_of(own.council) is None
    assert board_of(own.body) is None
    assert board_of(None) is None
    assert domain_ids(own.board) == {own.board.pk, own.administration.pk}
    assert domain_ids(own.other_board) == {own.other_board.pk}


def test_the_board_level_condition_reads_own_board_and_the_overall_level(world):
    """Filtering the units themselves: the own board's domain and every unit in no
    board's domain; another board (and a company board) and the other organisation
    are left out."""
    own = world.own
    user = world.user("board_politician")
    seen = set(
        Unit.objects.filter(board_level_condition(user, own.organisation.pk, "pk"))
    )
    assert seen == {
        own.board,
        own.administration,
        own.council,
        own.executive_board,
        own.body,
    }


def test_objects_without_a_unit_are_organisation_wide(world):
    """A nullable unit field: an object without a unit (here the council, which has
    no parent) is an organisation-wide matter and is read."""
    own = world.own
    user = world.user("board_politician")
    culture_admin = Unit.objects.create(
        organisation=own.organisation,
        name="Kulturförvaltningen",
        kind=Unit.Kind.ADMINISTRATION,
        parent=own.other_board,
    )
    seen = set(
        Unit.objects.filter(board_level_condition(user, own.organisation.pk, "parent"))
    )
    assert own.council in seen  # no parent at all
    assert own.administration in seen  # parent: the own board
    assert own.body in seen  # parent: KS, the overall level
    assert culture_admin not in seen  # parent: another board
    assert not {u for u in seen if u.organisation_id != own.organisation.pk}


def test_acts_for_unit_and_other_boards(world):
    own = world.own
    user = world.user("board_politician")
    assert acts_for_unit(user, own.board)
    assert acts_for_unit(user, own.administration)
    assert not acts_for_unit(user, own.other_board)
    assert not acts_for_unit(user, own.council)
    assert not acts_for_unit(user, None)
    assert not acts_for_unit(user, world.other.board)
    assert is_other_boards(user, own.other_board)
    assert is_other_boards(user, own.company)
    assert not is_other_boards(user, own.administration)
    assert not is_other_boards(user, own.council)
    assert not is_other_boards(user, own.body)
    assert not is_other_boards(user, None)


def test_a_user_without_the_role_acts_for_no_board(world):
    own = world.own
    reader = world.user("reader")
    assert not acts_for_unit(reader, own.board)
    # Without boards of their own, every board is another board's.
    assert is_other_boards(reader, own.board)
