"""Loads the demo: three organisations, fictional people, demo users, and each app's
demo content. Idempotent: an organisation that already exists is left as it is."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.boards import demo as boards_demo
from jamkoll.cases import demo as cases_demo
from jamkoll.indicators import demo as indicators_demo
from jamkoll.meetings import demo as meetings_demo
from jamkoll.members import demo as members_demo
from jamkoll.members.models import Membership
from jamkoll.organisations import demo as organisations_demo
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports import demo as reports_demo
from jamkoll.result_requests import demo as result_requests_demo
from jamkoll.reviews import demo as reviews_demo
from jamkoll.surveys import demo as surveys_demo

DEMO_PASSWORD = "jamkoll-demo"  # noqa: S105 - documented demo login, never in production
DEMO_USERS = [
    ("admin", Role.ADMIN, "Alva", "Administratör"),
    ("strateg", Role.STRATEGIST, "Siri", "Strateg"),
    ("politiker", Role.POLITICIAN, "Pål", "Politiker"),
    ("chef", Role.MANAGER, "Cecilia", "Chef"),
    ("lasare", Role.READER, "Leo", "Läsare"),
    ("namnd", Role.BOARD_POLITICIAN, "Nadja", "Nämndpolitiker"),
]
# The board the demo board politician sits in through a mandate, in every
# organisation: the board the demo manager answers for, so the two meet.
BOARD_POLITICIANS_BOARD = "board2"


@dataclass
class DemoContext:
    """What each app's demo loader receives."""

    organisation: Organisation
    units: dict[str, Unit]
    users: dict[str, User]
    today: dt.date


# Each app's loader, in dependency order. The yearly report reads every other app's
# demo data, so it loads last.
LOADERS: list[Callable[[DemoContext], None]] = [
    meetings_demo.load,
    cases_demo.load,
    reviews_demo.load,
    result_requests_demo.load,
    boards_demo.load,
    surveys_demo.load,
    indicators_demo.load,
    reports_demo.load,
]


def demo_users() -> dict[str, User]:
    users = {}
    for username, _role, first, last in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.se",
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        users[username] = user
    return users


def _people(
    plan: organisations_demo.OrganisationPlan, units: dict[str, Unit], seed: int
) -> None:
    people = members_demo.PeopleFactory(units["council"].organisation, seed)
    current, previous = members_demo.terms(units["council"].organisation)
    council_size = 61 if plan.code == "2480" else 75
    for term, share in ((previous, 0.44), (current, 0.47)):
        kf = members_demo.seat(
            unit=units["council"],
            term=term,
            people=people,
            members=council_size,
            substitutes=0,
            share_women=share,
        )
        kf_people = [m.person for m in kf]
        body = units["body"]
        if plan.code == "2480":
            # Umeå: 7 members and 7 substitutes, all of them members of KF.
            members_demo.seat(
                unit=body,
                term=term,
                people=people,
                members=7,
                substitutes=7,
                share_women=0.6,
                pool=kf_people[10:24],
            )
        elif plan.code == "0484":
            # Eskilstuna: one member per party in KF (eight).
            pool = []
            for party in people.parties:
                candidate = next(
                    (p for p in kf_people if p.party_id == party.pk and p not in pool),
                    None,
                )
                pool.append(candidate or people.person(party=party))
            members_demo.seat(
                unit=body,
                term=term,
                people=people,
                members=8,
                substitutes=0,
                share_women=0.6,
                pool=pool,
            )
        else:
            members_demo.seat(
                unit=body,
                term=term,
                people=people,
                members=7,
                substitutes=3,
                share_women=0.55,
            )
    for key, unit in units.items():
        if key.startswith("board") or key == "executive_board":
            share = 0.62 if "omsorg" in unit.name or "Social" in unit.name else 0.42
            members_demo.seat(
                unit=unit,
                term=current,
                people=people,
                members=11 if key == "executive_board" else 9,
                substitutes=5,
                share_women=share,
            )
        elif key.startswith("company"):
            members_demo.seat(
                unit=unit,
                term=current,
                people=people,
                members=5,
                substitutes=0,
                share_women=0.3,
            )


def _roles(org: Organisation, units: dict[str, Unit], users: dict[str, User]) -> None:
    for username, role, _first, _last in DEMO_USERS:
        assignment, _ = RoleAssignment.objects.get_or_create(
            user=users[username], organisation=org, role=role
        )
        if role == Role.MANAGER:
            # The demo manager answers for one board in each organisation (its administration
            # falls under it automatically).
            assignment.units.set([units[BOARD_POLITICIANS_BOARD]])
    # The demo politician is the chair of the equality body in every organisation.
    chair = (
        Membership.objects.filter(unit=units["body"], role=Membership.Role.CHAIR)
        .order_by("-term__starts_on")
        .select_related("person")
        .first()
    )
    if chair is not None and chair.person.user_id is None:
        chair.person.user = users["politiker"]
        chair.person.save(update_fields=["user"])
    # The demo board politician acts for their board through a current mandate as an
    # ordinary member (no units on the role assignment).
    mandate = (
        Membership.objects.filter(
            unit=units[BOARD_POLITICIANS_BOARD],
            role=Membership.Role.MEMBER,
            ends_on__isnull=True,
            person__user__isnull=True,
        )
        .order_by("-term__starts_on", "pk")
        .select_related("person")
        .first()
    )
    if mandate is not None:
        mandate.person.user = users["namnd"]
        mandate.person.save(update_fields=["user"])


def load(
    *, today: dt.date, progress: Callable[[str], None] = lambda _m: None
) -> list[Organisation]:
    """Create whatever part of the demo is missing; returns the demo organisations."""
    users = demo_users()
    organisations = []
    for seed, plan in enumerate(organisations_demo.PLANS):
        existing = Organisation.objects.filter(code=plan.code).first()
        if existing is not None:
            progress(f"{plan.name}: finns redan")
            organisations.append(existing)
            continue
        with transaction.atomic():
            units = organisations_demo.build(plan)
            _people(plan, units, seed)
            org = units["council"].organisation
            _roles(org, units, users)
            context = DemoContext(
                organisation=org, units=units, users=users, today=today
            )
            for loader in LOADERS:
                loader(context)
        progress(f"{plan.name}: skapad")
        organisations.append(org)
    return organisations
