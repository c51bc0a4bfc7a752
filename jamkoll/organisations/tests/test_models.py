import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from jamkoll.organisations.models import (
    ADMINISTRATION_NEEDS_BOARD,
    EQUALITY_BODY_NEEDS_PARENT,
    PARENT_IN_OTHER_ORGANISATION,
    UNIT_CANNOT_BE_OWN_ANCESTOR,
    Organisation,
    Unit,
)


def _errors(unit: Unit) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        unit.full_clean()
    return info.value.message_dict


def test_unit_cannot_be_moved_under_its_own_child(world):
    board, administration = world.own.board, world.own.administration
    board.parent = administration
    assert str(UNIT_CANNOT_BE_OWN_ANCESTOR) in _errors(board)["parent"]


def test_unit_cannot_be_its_own_parent(world):
    board = world.own.board
    board.parent = board
    assert str(UNIT_CANNOT_BE_OWN_ANCESTOR) in _errors(board)["parent"]


def test_deep_cycle_is_refused(world):
    council = world.own.council
    council.parent = world.own.administration  # council → board → administration
    assert str(UNIT_CANNOT_BE_OWN_ANCESTOR) in _errors(council)["parent"]


def test_parent_from_another_organisation_is_refused(world):
    board = world.own.board
    board.parent = world.other.council
    assert str(PARENT_IN_OTHER_ORGANISATION) in _errors(board)["parent"]


def test_administration_must_sit_under_a_board(world):
    unit = Unit(
        organisation=world.own.organisation,
        name="Lös förvaltning",
        kind=Unit.Kind.ADMINISTRATION,
        parent=world.own.council,
    )
    assert str(ADMINISTRATION_NEEDS_BOARD) in _errors(unit)["parent"]


def test_equality_body_reports_to_council_or_executive_board(world):
    body = world.own.body
    body.parent = world.own.board
    assert str(EQUALITY_BODY_NEEDS_PARENT) in _errors(body)["parent"]


def test_equality_body_gets_the_default_meeting_target(world):
    unit = Unit(
        organisation=world.own.organisation,
        name="Jämställdhetsutskottet",
        kind=Unit.Kind.EQUALITY_BODY,
        parent=world.own.council,
        body_form=Unit.BodyForm.COMMITTEE,
    )
    unit.full_clean()
    assert unit.yearly_meeting_target == 10


def test_body_fields_are_refused_on_an_ordinary_board(world):
    board = world.own.board
    board.yearly_meeting_target = 4
    assert "body_form" in _errors(board)


@pytest.mark.django_db
def test_organisation_code_must_be_four_digits():
    with pytest.raises(IntegrityError):
        Organisation.objects.create(name="Fel", code="12a4")


def test_ancestors_walk_up_to_the_council(world):
    assert world.own.administration.ancestors() == [world.own.board, world.own.council]
