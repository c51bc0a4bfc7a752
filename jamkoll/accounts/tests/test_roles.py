from jamkoll.accounts.roles import managed_unit_ids, organisation_ids_of, roles_in


def test_manager_scope_includes_the_administration_under_the_board(world):
    ids = managed_unit_ids(world.user("manager"), world.own.organisation.pk)
    assert ids == {world.own.board.pk, world.own.administration.pk}


def test_non_managers_have_no_unit_scope(world):
    assert (
        managed_unit_ids(world.user("politician"), world.own.organisation.pk)
        == frozenset()
    )


def test_roles_are_per_organisation(world):
    user = world.user("strategist")
    assert roles_in(user, world.own.organisation.pk) == {"strategist"}
    assert roles_in(user, world.other.organisation.pk) == frozenset()
    assert organisation_ids_of(user) == {world.own.organisation.pk}


def test_inactive_users_hold_no_roles(world):
    user = world.user("admin")
    user.is_active = False
    assert roles_in(user, world.own.organisation.pk) == frozenset()
