"""What KS or KF decided on the proposed development areas, their follow-up, and the
hand-offs to next year's report and to the dashboard."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.members.models import Person
from jamkoll.reports import selectors, services
from jamkoll.reports.models import AreaDecision, AreaFollowUp
from jamkoll.reports.output import generate
from jamkoll.reports.tests.helpers import adopt, docx_part, pdf_text

ADOPTED_ON = dt.date(2026, 2, 10)
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def area(world):
    return adopted_area(world)


def adopted_area(world):
    """An area in the adopted yearly report 2025 of the own organisation."""
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2025, by=strategist
    )
    area = services.save_development_area(
        report=report,
        by=strategist,
        title="Könsuppdelad statistik i verksamhetsplanerna",
        rationale="Nämndernas verksamhetsplaner saknar statistik per kön.",
        unit=world.own.board,
    )
    adopt(report, by=strategist, org_world=world.own, on=ADOPTED_ON)
    area.refresh_from_db()
    return area


def _decide(world, area, **overrides):
    values = {
        "area": area,
        "outcome": AreaDecision.Outcome.APPROVED,
        "decided_by": world.own.executive_board,
        "decided_on": dt.date(2026, 3, 16),
        "paragraph": "KS § 45",
        "follow_up_unit": world.own.board,
        "responsible": world.own.person,
        "due_on": dt.date(2026, 12, 31),
        "by": world.user(Role.STRATEGIST),
        "today": TODAY,
    }
    values.update(overrides)
    return services.record_area_decision(**values)


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_an_approval_starts_the_follow_up_with_its_owner(world, area):
    decision = _decide(world, area)

    follow_up = AreaFollowUp.objects.get(area=area)
    assert follow_up.decision == decision
    assert follow_up.unit == world.own.board
    assert follow_up.responsible == world.own.person
    assert follow_up.status == AreaFollowUp.Status.IN_PROGRESS
    assert decision.get_outcome_display() == "Bifall"
    assert decision.history.first().history_user == world.user(Role.STRATEGIST)


@pytest.mark.parametrize(
    "outcome", [AreaDecision.Outcome.REJECTED, AreaDecision.Outcome.REFERRED_BACK]
)
def test_a_rejection_or_referral_back_is_not_followed_up(world, area, outcome):
    _decide(world, area, outcome=outcome, follow_up_unit=None, due_on=None)

    assert not AreaFollowUp.objects.filter(area=area).exists()


def test_a_decision_before_the_report_is_adopted_is_refused(world):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2026, by=strategist
    )
    draft_area = services.save_development_area(
        report=report,
        by=strategist,
        title="Jämställd budget",
        rationale="Saknas.",
        unit=None,
    )
    with pytest.raises(ValidationError) as error:
        _decide(world, draft_area)

    assert "Årsrapporten 2026 är inte fastställd än" in _messages(error.value)
    assert not AreaDecision.objects.exists()


def test_a_second_decision_is_refused_and_names_the_first(world, area):
    _decide(world, area)

    with pytest.raises(ValidationError) as error:
        _decide(
            world,
            area,
            outcome=AreaDecision.Outcome.REJECTED,
            decided_on=dt.date(2026, 4, 1),
            paragraph="KS § 60",
        )

    message = _messages(error.value)
    assert "redan registrerat: bifall, Kommunstyrelsen, 16 mars 2026 (KS § 45)" in (
        message
    )
    assert "Ingenting sparades" in message
    assert list(area.decisions.values_list("paragraph", flat=True)) == ["KS § 45"]


def test_after_a_referral_back_a_new_decision_is_kept_with_the_first(world, area):
    _decide(
        world,
        area,
        outcome=AreaDecision.Outcome.REFERRED_BACK,
        paragraph="KS § 45",
        follow_up_unit=None,
        due_on=None,
    )
    _decide(
        world,
        area,
        outcome=AreaDecision.Outcome.PARTLY_APPROVED,
        decided_on=dt.date(2026, 5, 4),
        paragraph="KS § 71",
    )

    outcome = selectors.area_outcome(area=area)
    assert [d.paragraph for d in outcome.decisions] == ["KS § 45", "KS § 71"]
    assert outcome.decision.outcome == AreaDecision.Outcome.PARTLY_APPROVED
    assert outcome.follow_up.decision == outcome.decision


def test_a_decision_dated_in_the_future_is_refused(world, area):
    with pytest.raises(ValidationError) as error:
        _decide(world, area, decided_on=TODAY + dt.timedelta(days=1))

    assert "Beslutsdatumet kan inte ligga i framtiden" in _messages(error.value)
    assert not AreaDecision.objects.exists()


def test_a_decision_dated_before_the_adoption_is_refused(world, area):
    with pytest.raises(ValidationError) as error:
        _decide(world, area, decided_on=dt.date(2026, 1, 5))

    assert "före den dag rapporten fastställdes (10 februari 2026)" in _messages(
        error.value
    )


def test_an_approval_without_owner_or_due_date_saves_nothing(world, area):
    with pytest.raises(ValidationError) as error:
        _decide(world, area, follow_up_unit=None, due_on=None)

    assert set(error.value.message_dict) == {"follow_up_unit", "due_on"}
    assert not AreaDecision.objects.exists()
    assert not AreaFollowUp.objects.exists()


def test_a_due_date_before_the_decision_saves_nothing(world, area):
    with pytest.raises(ValidationError) as error:
        _decide(world, area, due_on=dt.date(2026, 3, 1))

    assert "måste komma efter beslutsdatumet" in _messages(error.value)
    assert not AreaDecision.objects.exists()


def test_only_ks_or_kf_of_the_organisation_decide(world, area):
    for body in (world.own.board, world.other.executive_board):
        with pytest.raises(ValidationError) as error:
            _decide(world, area, decided_by=body)
        assert "Välj kommunstyrelsen eller kommunfullmäktige" in _messages(error.value)
    assert not AreaDecision.objects.exists()


def test_a_person_of_another_organisation_cannot_be_responsible(world, area):
    stranger = Person.objects.create(
        organisation=world.other.organisation, first_name="Per", last_name="Persson"
    )
    with pytest.raises(ValidationError):
        _decide(world, area, responsible=stranger)
    assert not AreaDecision.objects.exists()


@pytest.mark.parametrize("role", [Role.POLITICIAN, Role.MANAGER, Role.READER])
def test_only_administrators_and_strategists_record_decisions(world, area, role):
    with pytest.raises(PermissionDenied):
        _decide(world, area, by=world.user(role))
    with pytest.raises(PermissionDenied):
        _decide(world, area, by=world.outsider)
    assert not AreaDecision.objects.exists()


def test_a_follow_up_is_finished_once(world, area):
    _decide(world, area)
    follow_up = AreaFollowUp.objects.get(area=area)
    admin = world.user(Role.ADMIN)

    services.finish_follow_up(
        follow_up=follow_up,
        done_on=dt.date(2026, 10, 1),
        report_text="Alla nämnder redovisar statistik per kön.",
        by=admin,
        today=TODAY,
    )
    with pytest.raises(ValidationError) as error:
        services.finish_follow_up(
            follow_up=follow_up,
            done_on=dt.date(2026, 11, 1),
            report_text="Igen.",
            by=admin,
            today=TODAY,
        )

    assert "markerades redan som klar den 1 oktober 2026" in _messages(error.value)
    follow_up.refresh_from_db()
    assert (follow_up.done_on, follow_up.report_text) == (
        dt.date(2026, 10, 1),
        "Alla nämnder redovisar statistik per kön.",
    )


def test_a_follow_up_cannot_be_finished_in_the_future_or_without_report(world, area):
    _decide(world, area)
    follow_up = AreaFollowUp.objects.get(area=area)

    with pytest.raises(ValidationError) as error:
        services.finish_follow_up(
            follow_up=follow_up,
            done_on=TODAY + dt.timedelta(days=3),
            report_text=" ",
            by=world.user(Role.STRATEGIST),
            today=TODAY,
        )

    assert set(error.value.message_dict) == {"done_on", "report_text"}
    follow_up.refresh_from_db()
    assert follow_up.status == AreaFollowUp.Status.IN_PROGRESS


# --- Hand-offs ------------------------------------------------------------------


def test_the_decision_reaches_next_years_report_section(world, area):
    _decide(world, area)

    content = selectors.assemble(organisation=world.own.organisation, year=2026)

    section = content.section("development_follow_up")
    assert section.heading == "Vad hände med förra årets utvecklingsområden"
    table = next(b for b in section.blocks if b.kind == "table")
    assert table.rows == [
        [
            "Könsuppdelad statistik i verksamhetsplanerna",
            "Bifall",
            "Kommunstyrelsen, 16 mars 2026, KS § 45",
            "Pågår, ska vara klar 31 december 2026 – Socialnämnden (Åsa Öberg)",
        ]
    ]
    keys = [s.key for s in content.sections]
    assert keys.index("development_follow_up") == keys.index("development_areas") - 1


def test_next_years_section_shows_the_referral_back_and_the_report(world, area):
    _decide(
        world,
        area,
        outcome=AreaDecision.Outcome.REFERRED_BACK,
        follow_up_unit=None,
        due_on=None,
    )
    _decide(world, area, decided_on=dt.date(2026, 5, 4), paragraph="KS § 71")
    services.finish_follow_up(
        follow_up=AreaFollowUp.objects.get(area=area),
        done_on=dt.date(2026, 10, 1),
        report_text="Alla nämnder redovisar statistik per kön.",
        by=world.user(Role.STRATEGIST),
        today=TODAY,
    )

    section = selectors.assemble(
        organisation=world.own.organisation, year=2026
    ).section("development_follow_up")

    table = next(b for b in section.blocks if b.kind == "table")
    assert table.rows[0][1] == "Bifall (efter återremiss 16 mars 2026, KS § 45)"
    assert table.rows[0][3].startswith("Klar 1 oktober 2026")
    assert any(
        "Alla nämnder redovisar statistik per kön." in getattr(b, "text", "")
        for b in section.blocks
    )


def test_no_section_when_last_years_report_was_not_adopted(world):
    strategist = world.user(Role.STRATEGIST)
    report = services.start_report(
        organisation=world.own.organisation, year=2025, by=strategist
    )
    services.save_development_area(
        report=report,
        by=strategist,
        title="Jämställd budget",
        rationale="Saknas.",
        unit=None,
    )

    content = selectors.assemble(organisation=world.own.organisation, year=2026)

    section = content.section("development_follow_up")
    assert [b.text for b in section.blocks] == [
        "Det finns ingen fastställd årsrapport för 2025 vars utvecklingsområden kan "
        "följas upp."
    ]


def test_the_section_renders_in_word_and_pdf(world, area):
    _decide(world, area)

    docx = generate(organisation=world.own.organisation, year=2026, fmt="docx")
    pdf = generate(organisation=world.own.organisation, year=2026, fmt="pdf")

    document = docx_part(docx.data, "word/document.xml")
    assert "Vad hände med förra årets utvecklingsområden" in document
    assert "Könsuppdelad statistik i verksamhetsplanerna" in document
    assert "Kommunstyrelsen, 16 mars 2026, KS § 45" in document
    # The PDF wraps the table's cells, so its text is compared word by word.
    words = " ".join(pdf_text(pdf.data).split())
    assert "Vad hände med förra årets utvecklingsområden" in words
    assert "Utvecklingsområden 2025 och vad som beslutades" in words
    for word in ("Könsuppdelad", "Bifall", "Kommunstyrelsen,", "Socialnämnden"):
        assert word in words


def test_the_follow_up_is_listed_for_the_dashboard_with_its_overdue_flag(world, area):
    _decide(world, area, due_on=dt.date(2026, 6, 30))

    items = selectors.development_follow_ups(world.own.organisation, TODAY)

    assert [(i.title, i.is_overdue, i.unit_name, i.url) for i in items] == [
        (
            "Könsuppdelad statistik i verksamhetsplanerna",
            True,
            "Socialnämnden",
            reverse("reports:area_detail", args=[area.pk]),
        )
    ]


def test_a_finished_follow_up_leaves_the_dashboard(world, area):
    _decide(world, area)
    services.finish_follow_up(
        follow_up=AreaFollowUp.objects.get(area=area),
        done_on=dt.date(2026, 10, 1),
        report_text="Klart.",
        by=world.user(Role.STRATEGIST),
        today=TODAY,
    )

    assert selectors.development_follow_ups(world.own.organisation, TODAY) == []


# --- Pages ------------------------------------------------------------------------


def test_the_decision_form_shows_a_swedish_error_and_saves_nothing(
    world, area, client_for
):
    client = client_for(Role.STRATEGIST)
    response = client.post(
        reverse("reports:area_decide", args=[area.pk]),
        {
            "outcome": "approved",
            "decided_by": world.own.executive_board.pk,
            "decided_on": "2026-03-16",
            "paragraph": "KS § 45",
        },
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Välj den enhet som ansvarar för att följa upp" in body
    assert "Ange när det bifallna området senast ska vara uppföljt." in body
    assert not AreaDecision.objects.exists()


def test_the_decision_form_starts_from_ks_and_the_unit_concerned(
    world, area, client_for
):
    response = client_for(Role.STRATEGIST).get(
        reverse("reports:area_decide", args=[area.pk])
    )

    form = response.context["form"]
    assert form.initial["decided_by"] == world.own.executive_board.pk
    assert form.initial["follow_up_unit"] == world.own.board.pk
    assert set(form.fields["decided_by"].queryset) == {
        world.own.council,
        world.own.executive_board,
    }


def test_everyone_in_the_organisation_reads_the_decision(world, area, client_for):
    _decide(world, area)

    response = client_for(Role.READER).get(
        reverse("reports:area_detail", args=[area.pk])
    )

    body = response.content.decode()
    assert "KS § 45" in body
    assert "Pågår" in body
    assert "Registrera beslut" not in body
    assert "Markera uppföljningen som klar" not in body


def test_the_adopted_report_page_lists_the_decisions(world, area, client_for):
    _decide(world, area)

    response = client_for(Role.STRATEGIST).get(reverse("reports:detail", args=[2025]))

    body = response.content.decode()
    assert "Beslut om utvecklingsområdena" in body
    assert "Bifall, Kommunstyrelsen, 16 mars 2026, KS § 45" in body


# --- The chair's raising of the not-given list, in the council-cases section -------


def test_the_cases_section_shows_when_the_chair_raised_the_list(world):
    from jamkoll.cases.models import Case, NotGivenListRaising
    from jamkoll.reports.sections import cases

    own = world.own
    Case.objects.create(
        organisation=own.organisation,
        case_number="KS 2026/14",
        title="Budget 2027",
        deciding_body=own.council,
        meeting_on=dt.date(2026, 5, 10),
        preparation="not_given_chance",
    )
    section = cases.build(own.organisation, 2026)
    texts = [getattr(b, "text", "") for b in section.blocks]
    assert "Det finns ingen registrering av att listan har tagits upp" in " ".join(
        texts
    )

    NotGivenListRaising.objects.create(
        organisation=own.organisation,
        year=2026,
        body=own.council,
        raised_on=dt.date(2026, 6, 15),
        paragraph_reference="KF § 112",
        raised_by=own.person,
    )
    section = cases.build(own.organisation, 2026)

    table = [b for b in section.blocks if b.kind == "table"][-1]
    assert table.header == ["Lyft i", "Datum", "Paragraf", "Lyft av"]
    assert table.rows == [
        ["Kommunfullmäktige", "15 juni 2026", "KF § 112", "Åsa Öberg"]
    ]
