"""A person's mandates give their account the boards it acts for as a board
politician (nämndpolitiker), shown on the person's page."""

import datetime as dt

import pytest
from django.urls import reverse

from jamkoll.accounts.roles import board_ids, forget
from jamkoll.members.models import Membership


def _person_page(client, person) -> str:
    return client.get(
        reverse("members:person_detail", args=[person.pk])
    ).content.decode()


def _nils(world):
    return world.user("board_politician").people.get()


def test_the_person_page_shows_the_boards_the_mandates_give(client_for, world):
    html = _person_page(client_for("reader"), _nils(world))
    assert "Nämndpolitiker för" in html
    assert f'<a href="{world.own.board.get_absolute_url()}">Socialnämnden</a>' in html
    # A person whose account holds no board-politician role: nothing of the kind.
    assert "Nämndpolitiker för" not in _person_page(
        client_for("reader"), world.own.person
    )


def test_ending_a_mandate_takes_the_board_away(client_for, world):
    user = world.user("board_politician")
    org_id = world.own.organisation.pk
    assert board_ids(user, org_id) == {world.own.board.pk}
    mandate = Membership.objects.get(person__user=user)
    mandate.ends_on = dt.date.today() - dt.timedelta(days=1)  # noqa: DTZ011 - as `roles.board_ids`
    mandate.save()
    forget(user)
    assert board_ids(user, org_id) == frozenset()
    assert "Nämndpolitiker för" not in _person_page(client_for("reader"), _nils(world))


@pytest.mark.parametrize("unit", ["council", "body"])
def test_a_mandate_in_the_council_or_the_equality_body_gives_no_board(
    client_for, world, unit
):
    user = world.user("board_politician")
    mandate = Membership.objects.get(person__user=user)
    mandate.unit = getattr(world.own, unit)
    mandate.save()
    forget(user)
    assert board_ids(user, world.own.organisation.pk) == frozenset()
    assert "Nämndpolitiker för" not in _person_page(client_for("admin"), _nils(world))
