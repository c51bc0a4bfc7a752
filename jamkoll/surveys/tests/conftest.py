import datetime as dt

import pytest

from jamkoll.members.models import Membership, Person, Sex


def seat_people(org_world, count: int, *, prefix: str = "p") -> list[Person]:  # type: ignore[no-untyped-def]
    """People with e-mail and a current mandate on the own organisation's board."""
    people = []
    for i in range(count):
        person = Person.objects.create(
            organisation=org_world.organisation,
            first_name=f"Förnamn{i}",
            last_name=f"Efternamn{prefix}{i}",
            sex=Sex.WOMAN if i % 2 else Sex.MAN,
            party=org_world.party,
            email=f"{prefix}{i}@example.se",
        )
        Membership.objects.create(
            person=person,
            unit=org_world.board,
            term=org_world.term,
            role=Membership.Role.MEMBER,
            starts_on=org_world.term.starts_on,
        )
        people.append(person)
    return people


@pytest.fixture
def politicians(world):  # type: ignore[no-untyped-def]
    return seat_people(world.own, 8)


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 11, 10)
