"""The report as a municipal document: the body named by its form and parent,
the proposed decision (förslag till beslut), and empty sections saying so."""

import pytest

from jamkoll.accounts.models import Role
from jamkoll.core.formatting import NBSP
from jamkoll.organisations import demo as organisations_demo
from jamkoll.reports import selectors, services
from jamkoll.reports.content import BulletList, Paragraph, Table
from jamkoll.reports.sections import action_plan

DEMO = {
    "Umeå kommun": (
        "Jämställdhetsutskottets årsrapport 2026",
        "Årsrapport till kommunfullmäktige, Umeå kommun",
        "Jämställdhetsutskottet föreslår kommunfullmäktige att lägga årsrapporten "
        "till handlingarna.",
        "Utskottet",
    ),
    "Örebro kommun": (
        "Jämställdhetsdelegationens årsrapport 2026",
        "Årsrapport till kommunstyrelsen, Örebro kommun",
        "Jämställdhetsdelegationen föreslår kommunstyrelsen att lägga årsrapporten "
        "till handlingarna.",
        "Delegationen",
    ),
    "Eskilstuna kommun": (
        "Jämställdhetsberedningens årsrapport 2026",
        "Årsrapport till kommunstyrelsen, Eskilstuna kommun",
        "Jämställdhetsberedningen föreslår kommunstyrelsen att lägga årsrapporten "
        "till handlingarna.",
        "Beredningen",
    ),
}


def _all_text(content):  # type: ignore[no-untyped-def]
    parts = [content.title, content.subtitle, content.status_note]
    for section in content.sections:
        parts += [section.heading, section.source]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, BulletList):
                parts += block.items
    return "\n".join(parts)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "plan", organisations_demo.PLANS, ids=[p.code for p in organisations_demo.PLANS]
)
def test_the_body_is_named_by_its_form_and_parent(plan):
    units = organisations_demo.build(plan)
    organisation = units["body"].organisation
    title, subtitle, proposal, form = DEMO[plan.name]

    content = selectors.assemble(organisation=organisation, year=2026)

    assert content.title == title
    assert content.subtitle == subtitle
    assert content.sections[0].heading == "Förslag till beslut"
    assert [b.text for b in content.sections[0].blocks] == [proposal]
    assert content.section("body").heading == plan.body_name
    meetings = content.section("meetings").blocks
    assert [b.text for b in meetings] == [
        f"{form} har inga sammanträden registrerade för 2026."
    ]
    text = _all_text(content)
    assert "till KS" not in text
    assert "organet" not in text
    if plan.body_reports_to == "council":
        assert "Beredningen" not in text
        assert "kommunstyrelsen att" not in text


def test_the_proposed_decision_has_one_att_sats_per_area(world):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2026, by=strategist
    )
    for title, unit in (
        ("Könsuppdelad statistik", world.own.board),
        ("Jämställd resursfördelning", None),
        ("Jämställda bolag", world.own.company),
    ):
        services.save_development_area(
            report=report, by=strategist, title=title, rationale="Saknas.", unit=unit
        )

    content = selectors.assemble(
        organisation=world.own.organisation, year=2026, report=report
    )

    proposal = content.section("proposal")
    assert content.sections[0] is proposal
    assert proposal.blocks[0].text == (
        "Jämställdhetsberedningen föreslår kommunstyrelsen"
    )
    assert proposal.blocks[1].items == [
        "att ge socialnämnden i uppdrag att utveckla arbetet med "
        "”Könsuppdelad statistik”",
        "att anta ”Jämställd resursfördelning” som utvecklingsområde i kommunens "
        "jämställdhetsarbete",
        "att ge Bostads AB i uppdrag att utveckla arbetet med ”Jämställda bolag”",
        "att i övrigt lägga årsrapporten till handlingarna",
    ]


def test_every_data_section_without_data_says_so_in_one_sentence(world):
    content = selectors.assemble(organisation=world.own.organisation, year=2026)

    keys = [s.key for s in content.sections]
    for key in (
        "meetings",
        "demands",
        "cases",
        "dialogues",
        "reviews",
        "indicators",
        "action_plan",
        "survey",
        "development_follow_up",
    ):
        assert key in keys
        section = content.section(key)
        if section.has_year_data:
            continue
        assert len(section.blocks) == 1, key
        assert isinstance(section.blocks[0], Paragraph), key
        assert section.blocks[0].text.endswith("."), key
        assert not any(isinstance(b, Table) for b in section.blocks)
    areas = content.section("development_areas")
    assert [b.text for b in areas.blocks] == [
        "Beredningen föreslår inga utvecklingsområden i år."
    ]


def test_the_action_plan_source_writes_one_percent_sign(world, monkeypatch):
    class Rollup:
        actions, done, progress = 2, 1, 50.0

    class Goal:
        rollup = Rollup()
        goal = type("G", (), {"title": "Jämställd service"})()

    monkeypatch.setattr(
        action_plan.selectors, "goal_list", lambda organisation: [Goal()]
    )
    monkeypatch.setattr(
        action_plan.selectors, "article_progress", lambda organisation: []
    )
    section = action_plan.build(world.own.organisation, 2026)
    assert "%%" not in section.source
    assert f"100{NBSP}%" in section.source
    assert section.source.startswith("Källa:")
