"""Shared fixtures: a small organisation world with one user per role.

`world` builds two organisations ("own" and "other") with the same roles, so every
test can check both that a role may act in its own organisation and that it sees
nothing of the other.
"""

import datetime as dt
from dataclasses import dataclass

import pytest

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.members.models import Membership, Party, Person, Sex, Term
from jamkoll.organisations.models import Organisation, Unit

ROLES = [
    Role.ADMIN,
    Role.STRATEGIST,
    Role.POLITICIAN,
    Role.MANAGER,
    Role.READER,
    Role.BOARD_POLITICIAN,
]


@dataclass
class OrgWorld:
    organisation: Organisation
    council: Unit
    executive_board: Unit
    body: Unit
    board: Unit
    administration: Unit
    other_board: Unit
    company: Unit
    term: Term
    party: Party
    person: Person
    membership: Membership


@dataclass
class World:
    own: OrgWorld
    other: OrgWorld
    users: dict[str, User]
    outsider: User

    def user(self, role: str) -> User:
        return self.users[role]


def _unit(
    org: Organisation, name: str, kind: str, parent: Unit | None = None, **kw
) -> Unit:
    return Unit.objects.create(
        organisation=org, name=name, kind=kind, parent=parent, **kw
    )


def make_org(name: str, code: str) -> OrgWorld:
    org = Organisation.objects.create(name=name, code=code)
    council = _unit(org, "Kommunfullmäktige", Unit.Kind.COUNCIL)
    ks = _unit(org, "Kommunstyrelsen", Unit.Kind.EXECUTIVE_BOARD, council)
    body = _unit(
        org,
        "Jämställdhetsberedningen",
        Unit.Kind.EQUALITY_BODY,
        ks,
        body_form=Unit.BodyForm.DRAFTING_COMMITTEE,
        yearly_meeting_target=10,
    )
    board = _unit(org, "Socialnämnden", Unit.Kind.BOARD, council)
    administration = _unit(org, "Socialförvaltningen", Unit.Kind.ADMINISTRATION, board)
    other_board = _unit(org, "Kulturnämnden", Unit.Kind.BOARD, council)
    company = _unit(org, "Bostads AB", Unit.Kind.COMPANY, ks)
    term = Term.objects.create(
        organisation=org, starts_on=dt.date(2026, 10, 15), ends_on=dt.date(2030, 10, 14)
    )
    party = Party.objects.create(organisation=org, name="Partiet", abbreviation="P")
    person = Person.objects.create(
        organisation=org,
        first_name="Åsa",
        last_name="Öberg",
        sex=Sex.WOMAN,
        party=party,
    )
    membership = Membership.objects.create(
        person=person,
        unit=body,
        term=term,
        role=Membership.Role.CHAIR,
        starts_on=term.starts_on,
    )
    return OrgWorld(
        org,
        council,
        ks,
        body,
        board,
        administration,
        other_board,
        company,
        term,
        party,
        person,
        membership,
    )


@pytest.fixture(autouse=True)
def _swedish():
    """Every test starts in Swedish, the product's language, whatever ran before."""
    from django.utils import translation

    with translation.override("sv"):
        yield


@pytest.fixture
def world(db) -> World:
    own = make_org("Egen kommun", "0001")
    other = make_org("Annan kommun", "0002")
    users: dict[str, User] = {}
    for role in ROLES:
        user = User.objects.create_user(username=f"u-{role}", password="pw-test-123456")
        for org_world in (own,):
            assignment = RoleAssignment.objects.create(
                user=user, organisation=org_world.organisation, role=role
            )
            if role == Role.MANAGER:
                assignment.units.set([org_world.board])
            if role == Role.BOARD_POLITICIAN:
                # Acts for Socialnämnden through a mandate, not through the role:
                # the board level follows the person's seats.
                Membership.objects.create(
                    person=Person.objects.create(
                        organisation=org_world.organisation,
                        first_name="Nils",
                        last_name="Nämndledamot",
                        sex=Sex.MAN,
                        user=user,
                    ),
                    unit=org_world.board,
                    term=org_world.term,
                    role=Membership.Role.MEMBER,
                    starts_on=org_world.term.starts_on,
                )
        users[role] = user
    outsider = User.objects.create_user(username="outsider", password="pw-test-123456")
    RoleAssignment.objects.create(
        user=outsider, organisation=other.organisation, role=Role.ADMIN
    )
    return World(own=own, other=other, users=users, outsider=outsider)


@pytest.fixture
def client_for(client, world):
    """Return a logged-in test client for a role in the own organisation."""

    def _login(role: str):
        client.force_login(world.user(role))
        return client

    return _login


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db") if item is not None else None
    return bool(marker and marker.kwargs.get("transaction"))


# Data migrations whose rows other tests rely on: (module, function).
DATA_MIGRATIONS = [
    ("jamkoll.reviews.migrations.0002_shipped_checklists", "forward"),
    ("jamkoll.reviews.migrations.0005_board_self_assessment", "forward"),
    ("jamkoll.surveys.migrations.0002_default_questions", "forward"),
    ("jamkoll.indicators.migrations.0002_load_goal_catalogues", "load"),
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Run the data migrations again after a transactional test has emptied the tables.

    A transactional test ends by flushing every table, which also removes the shipped
    checklists, question bank and goal catalogues that any later test in the same
    worker expects from the migrations.
    """
    yield
    if not _is_transactional(item):
        return
    import importlib

    from django.apps import apps
    from django.db import transaction
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
        for module_name, function in DATA_MIGRATIONS:
            getattr(importlib.import_module(module_name), function)(apps, None)
