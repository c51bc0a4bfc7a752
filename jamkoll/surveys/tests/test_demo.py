import datetime as dt
from types import SimpleNamespace

import pytest

from jamkoll.members.models import Membership, Person, Sex, Term
from jamkoll.surveys import demo, selectors
from jamkoll.surveys.models import Response, Survey

pytestmark = pytest.mark.django_db


def test_demo_builds_two_closed_rounds_with_shown_and_hidden_groups(world):
    org = world.own.organisation
    term = Term.objects.create(
        organisation=org, starts_on=dt.date(2022, 10, 15), ends_on=dt.date(2026, 10, 14)
    )
    for i in range(60):
        person = Person.objects.create(
            organisation=org,
            first_name=f"Namn{i}",
            last_name=f"Exempelsson{i}",
            sex=Sex.WOMAN if i % 5 < 3 else Sex.MAN,
        )
        Membership.objects.create(
            person=person,
            unit=world.own.council,
            term=term,
            role=Membership.Role.SUBSTITUTE if i > 50 else Membership.Role.MEMBER,
            starts_on=term.starts_on,
        )
    ctx = SimpleNamespace(
        organisation=org,
        units={},
        users={"strateg": world.user("strategist"), "admin": world.user("admin")},
        today=dt.date(2026, 11, 23),
    )
    demo.load(ctx)
    demo.load(ctx)  # idempotent
    rounds = list(Survey.objects.filter(organisation=org).order_by("year"))
    assert [(s.year, s.status) for s in rounds] == [(2025, "closed"), (2026, "closed")]
    assert Response.objects.filter(survey=rounds[0]).count() > 25
    results = selectors.survey_results(survey=rounds[1])
    groups = [g for q in results.questions for b in q.breakdowns for g in b.groups]
    assert any(g.hidden for g in groups)
    assert any(not g.hidden for g in groups)
    assert any(q.earlier for q in results.questions)
