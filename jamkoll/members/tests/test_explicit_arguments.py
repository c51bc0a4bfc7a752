"""`save_person`, `save_term` and `save_membership` take the fields a user may
change, nothing else; a seat in another organisation cannot be taken over."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from jamkoll.members import services
from jamkoll.members.models import Membership, Person, Term


def _row(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


@pytest.mark.parametrize("smuggled", ["organisation", "id", "is_demo"])
def test_save_person_refuses_fields_outside_its_signature(world, smuggled):
    person = world.own.person
    before = _row(Person, person.pk)
    value = world.other.organisation if smuggled == "organisation" else 1
    with pytest.raises(TypeError):
        services.save_person(
            organisation=world.own.organisation,
            by=world.user("admin"),
            person=person,
            first_name="Bo",
            **{smuggled: value},
        )
    assert _row(Person, person.pk) == before


def test_save_person_changes_only_the_fields_given(world):
    services.save_person(
        organisation=world.own.organisation,
        by=world.user("admin"),
        person=world.own.person,
        first_name="Anna",
    )
    stored = Person.objects.get(pk=world.own.person.pk)
    assert (stored.first_name, stored.last_name) == ("Anna", "Öberg")


def test_save_term_refuses_the_organisation(world):
    with pytest.raises(TypeError):
        services.save_term(  # type: ignore[call-arg]
            organisation=world.own.organisation,
            by=world.user("admin"),
            starts_on=dt.date(2030, 10, 15),
            ends_on=dt.date(2034, 10, 14),
            organisation_id=world.other.organisation.pk,
        )
    assert Term.objects.count() == 2  # one per organisation, from the fixture


@pytest.mark.parametrize("smuggled", ["id", "history", "organisation"])
def test_save_membership_refuses_fields_outside_its_signature(world, smuggled):
    membership = world.own.membership
    before = _row(Membership, membership.pk)
    with pytest.raises(TypeError):
        services.save_membership(
            by=world.user("admin"),
            membership=membership,
            role=Membership.Role.MEMBER,
            **{smuggled: world.other.organisation},
        )
    assert _row(Membership, membership.pk) == before


def test_a_seat_of_another_organisation_cannot_be_moved_in(world):
    theirs = world.other.membership
    before = _row(Membership, theirs.pk)
    with pytest.raises(PermissionDenied):
        services.save_membership(
            by=world.user("admin"),
            membership=theirs,
            unit=world.own.body,
            term=world.own.term,
        )
    assert _row(Membership, theirs.pk) == before
