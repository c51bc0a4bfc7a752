"""Content numbers for a constructed year, section by section."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from jamkoll.accounts.models import Role
from jamkoll.cases.models import Case
from jamkoll.meetings.models import Commitment, Meeting
from jamkoll.members.models import Membership, Person, Sex
from jamkoll.reports.content import Table
from jamkoll.reports.sections import body, cases, demands, dialogues
from jamkoll.reports.selectors import assemble
from jamkoll.result_requests.models import ResultRequest, Status


@pytest.fixture(autouse=True)
def swedish():
    with translation.override("sv"):
        yield


def _seat(org_world, first, sex, role=Membership.Role.MEMBER):
    person = Person.objects.create(
        organisation=org_world.organisation, first_name=first, last_name="Test", sex=sex
    )
    return Membership.objects.create(
        person=person,
        unit=org_world.body,
        term=org_world.term,
        role=role,
        starts_on=org_world.term.starts_on,
    )


def _tables(section):
    return [b for b in section.blocks if isinstance(b, Table)]


def test_body_section_counts_members_and_substitutes_by_sex(world):
    own = world.own  # the fixture seats a woman as chair
    _seat(own, "Anna", Sex.WOMAN)
    _seat(own, "Bo", Sex.MAN)
    _seat(own, "Carl", Sex.MAN)
    _seat(own, "Dana", Sex.WOMAN, Membership.Role.SUBSTITUTE)
    section = body.build(own.organisation, 2026)
    composition = _tables(section)[0]
    assert composition.rows[0][1:] == ["2", "2", "0", "4", "50\xa0%"]
    assert composition.rows[1][1:] == ["1", "0", "0", "1", "100\xa0%"]
    assert any(
        "Ordförande är en kvinna." in getattr(b, "text", "") for b in section.blocks
    )


def test_body_section_for_a_year_before_any_term_says_there_are_no_mandates(world):
    section = body.build(world.own.organisation, 2015)
    assert section.has_year_data is False


def test_cases_section_counts_preparation_and_lists_cases_not_given(world):
    own = world.own
    for number, preparation in enumerate(
        ["prepared", "prepared", "not_relevant", "not_given_chance", "unhandled"]
    ):
        Case.objects.create(
            organisation=own.organisation,
            case_number=f"KS 2026/{number}",
            title=f"Ärende {number}",
            deciding_body=own.council,
            meeting_on=dt.date(2026, 5, 10),
            preparation=preparation,
        )
    Case.objects.create(
        organisation=world.other.organisation,
        case_number="X 1",
        title="Annan kommun",
        deciding_body=world.other.council,
        meeting_on=dt.date(2026, 5, 10),
        preparation="not_given_chance",
    )
    section = cases.build(own.organisation, 2026)
    chart = section.charts()[0]
    assert chart.values == [[2.0], [1.0], [1.0], [1.0]]
    missed = _tables(section)[0]
    assert missed.rows == [
        ["KS 2026/3", "Ärende 3", "Kommunfullmäktige", "10 maj 2026"]
    ]
    assert cases.build(own.organisation, 2025) is None


def _demand(
    org_world, by, unit, *, sent, due, answered=None, outcome="", status=Status.SENT
):
    return ResultRequest.objects.create(
        organisation=org_world.organisation,
        raised_by=by,
        addressed_to=unit,
        title="Könsuppdelad statistik",
        question="Hur fördelas insatserna mellan kvinnor och män?",
        occasion="budget_dialogue",
        due_on=due,
        status=status,
        sent_at=timezone.make_aware(dt.datetime(2026, *sent, 10)),
        first_answered_at=timezone.make_aware(dt.datetime(2026, *answered, 10))
        if answered
        else None,
        first_outcome=outcome,
    )


def test_demands_section_has_rates_per_unit_and_names_best_and_worst(world):
    own, by = world.own, world.user(Role.STRATEGIST)
    board, company = own.board, own.company
    _demand(
        own,
        by,
        board,
        sent=(2, 1),
        due=dt.date(2026, 3, 1),
        answered=(2, 20),
        outcome="accepted",
        status=Status.ASSESSED,
    )
    _demand(
        own,
        by,
        board,
        sent=(3, 1),
        due=dt.date(2026, 4, 1),
        answered=(3, 25),
        outcome="insufficient",
        status=Status.ASSESSED,
    )
    _demand(
        own,
        by,
        company,
        sent=(2, 1),
        due=dt.date(2026, 3, 1),
        answered=(4, 1),
        status=Status.ANSWERED,
    )
    _demand(own, by, company, sent=(2, 1), due=dt.date(2026, 3, 1))
    section = demands.build(own.organisation, 2026)
    table = _tables(section)[0]
    by_unit = {row[0]: row[1:] for row in table.rows}
    assert by_unit["Socialnämnden"] == ["2", "2 (100\xa0%)", "1", "0"]
    assert by_unit["Bostads AB"][0] == "2"
    assert by_unit["Bostads AB"][1] == "0 (0\xa0%)"
    assert by_unit["Totalt"][0] == "4"
    summary = " ".join(getattr(b, "text", "") for b in section.blocks)
    assert "Socialnämnden (100\xa0%)" in summary
    assert "Bostads AB (0\xa0%)" in summary


def test_dialogue_section_counts_meetings_and_commitments(world):
    own = world.own
    meeting = Meeting.objects.create(
        organisation=own.organisation,
        body=own.body,
        kind=Meeting.Kind.DIALOGUE,
        held_on=dt.date(2026, 4, 2),
        starts_at=dt.time(13),
        counterpart=own.board,
    )
    Commitment.objects.create(
        meeting=meeting,
        text="Ta fram könsuppdelad statistik",
        owner="Förvaltningschef",
        due_on=dt.date(2026, 6, 1),
        completed_on=dt.date(2026, 5, 20),
    )
    Commitment.objects.create(
        meeting=meeting,
        text="Analysera resursfördelningen",
        owner="Förvaltningschef",
        due_on=dt.date(2099, 6, 1),
    )
    section = dialogues.build(own.organisation, 2026)
    meetings_table, commitments_table = _tables(section)
    assert meetings_table.rows == [["2 april 2026", "Socialnämnden", "2"]]
    assert [row[-1] for row in commitments_table.rows] == ["Uppfyllt", "Pågår"]


def test_assembled_report_orders_written_parts_data_and_areas(world):
    content = assemble(organisation=world.own.organisation, year=2026)
    keys = [s.key for s in content.sections]
    assert keys[:2] == ["proposal", "introduction"]
    assert keys[-1] == "development_areas"
    assert "body" in keys
    # Nothing raised: the section says so in one sentence, without a table.
    assert [b.text for b in content.section("demands").blocks] == [
        "Beredningen skickade inga efterfrågningar 2026."
    ]
