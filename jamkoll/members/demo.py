"""Fictional people and mandates for the demo organisations (deterministic)."""

import datetime as dt
import random

from jamkoll.members.models import Membership, Party, Person, Sex, Term
from jamkoll.organisations.models import Organisation, Unit

PARTIES = [
    ("Socialdemokraterna", "S"),
    ("Moderaterna", "M"),
    ("Vänsterpartiet", "V"),
    ("Centerpartiet", "C"),
    ("Liberalerna", "L"),
    ("Kristdemokraterna", "KD"),
    ("Miljöpartiet", "MP"),
    ("Sverigedemokraterna", "SD"),
]
WOMEN = [
    "Anna",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Elin",
    "Johanna",
    "Ida",
    "Eva",
    "Sofia",
    "Hanna",
    "Linnea",
    "Maja",
    "Amira",
    "Fatima",
    "Ebba",
    "Frida",
    "Helena",
    "Kristina",
    "Malin",
    "Nora",
    "Sanna",
    "Tove",
    "Åsa",
    "Ylva",
]
MEN = [
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Mikael",
    "Nils",
    "Jonas",
    "Ali",
    "Oskar",
    "Gustav",
    "Fredrik",
    "Henrik",
    "Magnus",
    "Mats",
    "Olof",
    "Petter",
    "Rasmus",
    "Stefan",
    "Tobias",
    "Ulf",
    "Viktor",
    "Åke",
    "Hassan",
    "Emil",
]
SURNAMES = [
    "Andersson",
    "Berg",
    "Carlsson",
    "Dahl",
    "Ek",
    "Forsberg",
    "Gran",
    "Holm",
    "Isaksson",
    "Jönsson",
    "Karlsson",
    "Lund",
    "Lindqvist",
    "Mattsson",
    "Nordin",
    "Olsson",
    "Persson",
    "Rydén",
    "Sjöberg",
    "Strand",
    "Törnqvist",
    "Ulander",
    "Vik",
    "Wallin",
    "Åberg",
    "Öberg",
    "Nyström",
    "Hägg",
    "Björk",
    "Sandberg",
]

CURRENT_TERM = (dt.date(2026, 10, 15), dt.date(2030, 10, 14))
PREVIOUS_TERM = (dt.date(2022, 10, 15), dt.date(2026, 10, 14))


class PeopleFactory:
    """Makes fictional people with a given share of women, reproducibly."""

    def __init__(self, organisation: Organisation, seed: int) -> None:
        self.organisation = organisation
        self.random = random.Random(seed)  # noqa: S311 - demo names, not security
        self.parties = [
            Party.objects.get_or_create(
                organisation=organisation, abbreviation=abbr, defaults={"name": name}
            )[0]
            for name, abbr in PARTIES
        ]

    def person(
        self, *, share_women: float = 0.47, party: Party | None = None
    ) -> Person:
        is_woman = self.random.random() < share_women
        first = self.random.choice(WOMEN if is_woman else MEN)
        return Person.objects.create(
            organisation=self.organisation,
            first_name=first,
            last_name=self.random.choice(SURNAMES),
            sex=Sex.WOMAN if is_woman else Sex.MAN,
            party=party or self.random.choice(self.parties),
        )


def seat(
    *,
    unit: Unit,
    term: Term,
    people: PeopleFactory,
    members: int,
    substitutes: int,
    share_women: float,
    pool: list[Person] | None = None,
) -> list[Membership]:
    """Fill a body with a chair, a vice chair, members and substitutes."""
    created = []
    roles = (
        [Membership.Role.CHAIR, Membership.Role.VICE_CHAIR]
        + [Membership.Role.MEMBER] * (members - 2)
        + [Membership.Role.SUBSTITUTE] * substitutes
    )
    for index, role in enumerate(roles):
        person = (
            pool[index]
            if pool and index < len(pool)
            else people.person(share_women=share_women)
        )
        created.append(
            Membership.objects.create(
                person=person, unit=unit, term=term, role=role, starts_on=term.starts_on
            )
        )
    return created


def terms(organisation: Organisation) -> tuple[Term, Term]:
    current = Term.objects.get_or_create(
        organisation=organisation,
        starts_on=CURRENT_TERM[0],
        defaults={"ends_on": CURRENT_TERM[1]},
    )[0]
    previous = Term.objects.get_or_create(
        organisation=organisation,
        starts_on=PREVIOUS_TERM[0],
        defaults={"ends_on": PREVIOUS_TERM[1]},
    )[0]
    return current, previous
