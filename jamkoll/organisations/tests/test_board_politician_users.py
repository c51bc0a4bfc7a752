"""The user administration gives the board-politician role (nämndpolitiker) with
boards, and shows the boards a user acts for through their mandates."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from jamkoll.accounts.models import Role, RoleAssignment
from jamkoll.accounts.roles import board_ids, forget, roles_in
from jamkoll.organisations import selectors, services


def _assigned(user, organisation) -> set[int]:
    return set(
        RoleAssignment.units.through.objects.filter(
            roleassignment__user=user, roleassignment__organisation=organisation
        ).values_list("unit_id", flat=True)
    )


def _checked(html: str, name: str) -> set[str]:
    return set(
        re.findall(rf'<input[^>]*name="{name}"[^>]*value="(\d+)"[^>]*checked', html)
    )


def test_admin_gives_the_role_with_a_board_and_sees_it_chosen_again(client_for, world):
    own = world.own
    reader = world.user("reader")
    client = client_for("admin")
    response = client.post(
        reverse("organisations:user_roles", args=[reader.pk]),
        {"roles": ["reader", "board_politician"], "boards": [own.other_board.pk]},
    )
    assert response.status_code == 302
    forget(reader)
    assert roles_in(reader, own.organisation.pk) == {"reader", "board_politician"}
    assert board_ids(reader, own.organisation.pk) == {own.other_board.pk}
    # The page offers the boards again with the chosen one ticked.
    html = client.get(
        reverse("organisations:user_roles", args=[reader.pk])
    ).content.decode()
    assert _checked(html, "boards") == {str(own.other_board.pk)}
    assert _checked(html, "units") == set()
    assert "Nämnder som nämndpolitikern företräder" in html


def test_a_council_chosen_as_board_is_refused_in_swedish_and_nothing_saved(
    client_for, world
):
    own = world.own
    reader = world.user("reader")
    response = client_for("admin").post(
        reverse("organisations:user_roles", args=[reader.pk]),
        {"roles": ["reader", "board_politician"], "boards": [own.council.pk]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Välj bara nämnder eller bolagsstyrelser i den här organisationen." in html
    # What the administrator chose is kept.
    assert re.search(r'value="board_politician"[^>]*checked', html)
    forget(reader)
    assert roles_in(reader, own.organisation.pk) == {"reader"}
    assert _assigned(reader, own.organisation) == set()


@pytest.mark.parametrize("unit", ["council", "executive_board", "administration"])
def test_the_service_refuses_units_that_are_not_boards(world, unit):
    own = world.own
    reader = world.user("reader")
    with pytest.raises(ValidationError) as refused:
        services.set_roles(
            organisation=own.organisation,
            user=reader,
            roles=[Role.READER, Role.BOARD_POLITICIAN],
            managed_units=[],
            boards=[own.board, getattr(own, unit)],
            by=world.user("admin"),
        )
    message = " ".join(refused.value.message_dict["boards"])
    assert "bara knytas till nämnder och bolagsstyrelser" in message
    assert getattr(own, unit).name in message
    forget(reader)
    assert roles_in(reader, own.organisation.pk) == {"reader"}
    assert _assigned(reader, own.organisation) == set()


def test_another_organisations_board_cannot_be_given(world):
    reader = world.user("reader")
    with pytest.raises(PermissionDenied):
        services.set_roles(
            organisation=world.own.organisation,
            user=reader,
            roles=[Role.BOARD_POLITICIAN],
            managed_units=[],
            boards=[world.other.board],
            by=world.user("admin"),
        )
    assert _assigned(reader, world.own.organisation) == set()


def test_boards_stay_apart_from_a_managers_units(world):
    """A user who is both manager and board politician keeps the two lists apart."""
    own = world.own
    user = world.user("reader")
    services.set_roles(
        organisation=own.organisation,
        user=user,
        roles=[Role.MANAGER, Role.BOARD_POLITICIAN],
        managed_units=[own.administration],
        boards=[own.company],
        by=world.user("admin"),
    )
    units = dict(RoleAssignment.objects.filter(user=user).values_list("role", "units"))
    assert units == {
        Role.MANAGER: own.administration.pk,
        Role.BOARD_POLITICIAN: own.company.pk,
    }
    assert board_ids(user, own.organisation.pk) == {own.company.pk}
    # Taking the role away takes its boards with it.
    services.set_roles(
        organisation=own.organisation,
        user=user,
        roles=[Role.MANAGER],
        managed_units=[own.administration],
        by=world.user("admin"),
    )
    forget(user)
    assert board_ids(user, own.organisation.pk) == frozenset()
    assert _assigned(user, own.organisation) == {own.administration.pk}


def test_a_new_user_can_be_made_board_politician(client_for, world):
    response = client_for("admin").post(
        reverse("organisations:user_create"),
        {
            "username": "ny.ledamot",
            "first_name": "Vera",
            "last_name": "Öhman",
            "email": "vera@example.se",
            "password": "ett-långt-lösenord-2026",
            "roles": ["board_politician"],
            "boards": [world.own.other_board.pk],
        },
    )
    assert response.status_code == 302
    user = RoleAssignment.objects.get(user__username="ny.ledamot").user
    assert board_ids(user, world.own.organisation.pk) == {world.own.other_board.pk}


def test_the_pages_show_the_boards_given_by_mandates(client_for, world):
    own = world.own
    target = world.user("board_politician")
    client = client_for("admin")
    html = client.get(
        reverse("organisations:user_roles", args=[target.pk])
    ).content.decode()
    assert "Nämnder genom mandat" in html
    assert "Genom mandat: " in html
    assert f'<a href="{own.board.get_absolute_url()}">Socialnämnden</a>' in html
    # The mandate is not an assignment: the board is not ticked on the role.
    assert _checked(html, "boards") == set()
    listing = client.get(reverse("organisations:user_list")).content.decode()
    assert "Nämndpolitiker" in listing
    assert "Genom mandat: Socialnämnden" in listing
    # Others have no mandate in a board.
    html = client.get(
        reverse("organisations:user_roles", args=[world.user("reader").pk])
    ).content.decode()
    assert "Inget pågående mandat i en nämnd eller bolagsstyrelse." in html


def test_mandated_boards_follow_the_same_rule_as_the_role(world):
    """The page's list of mandated boards is what `roles.board_ids` counts from
    mandates (the world's board politician has no assigned board)."""
    own = world.own
    user = world.user("board_politician")
    assert [
        u.pk
        for u in selectors.mandated_boards(user=user, organisation=own.organisation)
    ] == sorted(board_ids(user, own.organisation.pk))
    assert (
        selectors.mandated_boards(user=user, organisation=world.other.organisation)
        == []
    )
