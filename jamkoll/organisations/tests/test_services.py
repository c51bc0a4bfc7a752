import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jamkoll.organisations import services
from jamkoll.organisations.models import Unit


def test_strategist_creates_a_board_and_history_records_who(world):
    strategist = world.user("strategist")
    unit = services.save_unit(
        organisation=world.own.organisation,
        by=strategist,
        name="Äldrenämnden",
        kind=Unit.Kind.BOARD,
        parent=world.own.council,
    )
    record = unit.history.latest()
    assert record.history_type == "+"
    assert record.history_user == strategist


@pytest.mark.parametrize("role", ["politician", "manager", "reader"])
def test_only_editors_change_the_structure(world, role):
    with pytest.raises(PermissionDenied):
        services.save_unit(
            organisation=world.own.organisation,
            by=world.user(role),
            name="Ny nämnd",
            kind=Unit.Kind.BOARD,
            parent=world.own.council,
        )


def test_admin_of_another_organisation_cannot_change_ours(world):
    with pytest.raises(PermissionDenied):
        services.save_unit(
            organisation=world.own.organisation,
            by=world.outsider,
            unit=world.own.board,
            name="Kapad",
            kind=Unit.Kind.BOARD,
            parent=world.own.council,
        )


def test_failed_move_leaves_the_unit_untouched(world):
    with pytest.raises(ValidationError):
        services.save_unit(
            organisation=world.own.organisation,
            by=world.user("admin"),
            unit=world.own.board,
            name="Socialnämnden",
            kind=Unit.Kind.BOARD,
            parent=world.own.administration,
        )
    world.own.board.refresh_from_db()
    assert world.own.board.parent == world.own.council


def test_remit_is_replaced_in_order(world):
    admin = world.user("admin")
    services.set_remit(unit=world.own.body, tasks=["Första", "", "Andra"], by=admin)
    services.set_remit(unit=world.own.body, tasks=["Andra", "Tredje"], by=admin)
    assert [t.text for t in world.own.body.remit_tasks.all()] == ["Andra", "Tredje"]
