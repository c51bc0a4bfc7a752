import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from jamkoll.members.models import (
    MANDATE_END_BEFORE_START,
    TERM_END_BEFORE_START,
    Membership,
    Person,
    Term,
)


def test_term_cannot_end_before_it_starts(world):
    term = Term(
        organisation=world.own.organisation,
        starts_on=dt.date(2030, 1, 1),
        ends_on=dt.date(2029, 1, 1),
    )
    with pytest.raises(ValidationError) as info:
        term.full_clean()
    assert str(TERM_END_BEFORE_START) in info.value.message_dict["ends_on"]


def test_mandate_cannot_end_before_it_starts(world):
    mandate = Membership(
        person=world.own.person,
        unit=world.own.board,
        term=world.own.term,
        role=Membership.Role.MEMBER,
        starts_on=dt.date(2027, 5, 1),
        ends_on=dt.date(2027, 4, 1),
    )
    with pytest.raises(ValidationError) as info:
        mandate.full_clean()
    assert str(MANDATE_END_BEFORE_START) in info.value.message_dict["ends_on"]


def test_second_chair_in_the_same_body_and_term_names_the_sitting_chair(world):
    newcomer = Person.objects.create(
        organisation=world.own.organisation, first_name="Nils", last_name="Ek"
    )
    second = Membership(
        person=newcomer,
        unit=world.own.body,
        term=world.own.term,
        role=Membership.Role.CHAIR,
        starts_on=world.own.term.starts_on,
    )
    with pytest.raises(ValidationError) as info:
        second.full_clean()
    assert "Åsa Öberg" in info.value.message_dict["role"][0]


def test_a_new_chair_may_follow_one_whose_mandate_ended(world):
    world.own.membership.ends_on = dt.date(2027, 6, 30)
    world.own.membership.save()
    newcomer = Person.objects.create(
        organisation=world.own.organisation, first_name="Nils", last_name="Ek"
    )
    follower = Membership(
        person=newcomer,
        unit=world.own.body,
        term=world.own.term,
        role=Membership.Role.CHAIR,
        starts_on=dt.date(2027, 7, 1),
    )
    follower.full_clean()


def test_mandate_cannot_mix_organisations(world):
    mandate = Membership(
        person=world.other.person,
        unit=world.own.board,
        term=world.own.term,
        role=Membership.Role.MEMBER,
        starts_on=world.own.term.starts_on,
    )
    with pytest.raises(ValidationError) as info:
        mandate.full_clean()
    assert "unit" in info.value.message_dict


def test_mandate_outside_its_term_is_refused(world):
    mandate = Membership(
        person=world.own.person,
        unit=world.own.board,
        term=world.own.term,
        role=Membership.Role.MEMBER,
        starts_on=dt.date(2031, 1, 1),
    )
    with pytest.raises(ValidationError):
        mandate.full_clean()
