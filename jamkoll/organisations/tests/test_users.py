import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from jamkoll.accounts.models import RoleAssignment, User
from jamkoll.accounts.roles import managed_unit_ids, roles_in
from jamkoll.organisations import services


def test_admin_creates_a_manager_who_answers_for_a_board(client_for, world):
    response = client_for("admin").post(
        reverse("organisations:user_create"),
        {
            "username": "ny.chef",
            "first_name": "Nora",
            "last_name": "Åström",
            "email": "nora@example.se",
            "password": "ett-långt-lösenord-2026",
            "roles": ["manager"],
            "units": [world.own.board.pk],
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="ny.chef")
    assert user.check_password("ett-långt-lösenord-2026")
    assert roles_in(user, world.own.organisation.pk) == {"manager"}
    assert managed_unit_ids(user, world.own.organisation.pk) == {
        world.own.board.pk,
        world.own.administration.pk,
    }


def test_taken_username_and_weak_password_are_refused_and_input_kept(client_for, world):
    response = client_for("admin").post(
        reverse("organisations:user_create"),
        {
            "username": "u-reader",
            "first_name": "Östen",
            "last_name": "X",
            "email": "o@example.se",
            "password": "kort",
            "roles": ["reader"],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Användarnamnet är upptaget" in html
    assert 'value="Östen"' in html
    assert not User.objects.filter(first_name="Östen").exists()


def test_manager_role_without_units_is_refused(world):
    with pytest.raises(ValidationError):
        services.set_roles(
            organisation=world.own.organisation,
            user=world.user("reader"),
            roles=["manager"],
            managed_units=[],
            by=world.user("admin"),
        )


def test_admin_cannot_remove_their_own_admin_role(world):
    admin = world.user("admin")
    with pytest.raises(ValidationError):
        services.set_roles(
            organisation=world.own.organisation,
            user=admin,
            roles=["reader"],
            managed_units=[],
            by=admin,
        )
    assert roles_in(admin, world.own.organisation.pk) == {"admin"}


def test_units_of_another_organisation_cannot_be_given(world):
    with pytest.raises(PermissionDenied):
        services.set_roles(
            organisation=world.own.organisation,
            user=world.user("reader"),
            roles=["manager"],
            managed_units=[world.other.board],
            by=world.user("admin"),
        )


def test_removing_every_role_ends_access_and_is_audited(client_for, world):
    reader = world.user("reader")
    response = client_for("admin").post(
        reverse("organisations:user_roles", args=[reader.pk]), {"roles": []}
    )
    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(user=reader).exists()
    record = RoleAssignment.history.filter(user_id=reader.pk).latest()
    assert record.history_type == "-"
    assert record.history_user == world.user("admin")


def test_admin_of_another_organisation_cannot_change_our_roles(world):
    with pytest.raises(PermissionDenied):
        services.set_roles(
            organisation=world.own.organisation,
            user=world.user("reader"),
            roles=["admin"],
            managed_units=[],
            by=world.outsider,
        )
