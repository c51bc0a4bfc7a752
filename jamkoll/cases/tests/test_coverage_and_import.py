import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jamkoll.cases import selectors, services
from jamkoll.cases.models import Case

HEADER = "Diarienummer;Rubrik;Beslutande organ;Sammanträdesdatum;Ansvarig nämnd\n"


def _year_of_cases(org_world, by):
    """40 cases over four council meetings: 25 prepared, 10 not relevant, 5 not given."""
    meetings = [dt.date(2026, m, 20) for m in (2, 4, 6, 9)]
    outcomes = ["prepared"] * 25 + ["not_relevant"] * 10 + ["not_given_chance"] * 5
    for i, outcome in enumerate(outcomes):
        case = services.save_case(
            organisation=org_world.organisation,
            by=by,
            case_number=f"KS 2026/{i + 1:04d}",
            title=f"Ärende {i + 1} om äldreomsorg",
            deciding_body=org_world.council,
            meeting_on=meetings[i % 4],
        )
        services.record_preparation(
            case=case,
            by=by,
            preparation=outcome,
            statement="Yttrande",
            gender_assessment="Bedömning",
            not_relevant_reason="Rör inte jämställdhet",
            noticed_on=dt.date(2026, 1, 30),
        )


def test_coverage_figures_for_a_constructed_year(world):
    _year_of_cases(world.own, world.user("strategist"))
    total, meetings = selectors.coverage(organisation=world.own.organisation, year=2026)
    assert (
        total.total,
        total.prepared,
        total.not_relevant,
        total.not_given_chance,
    ) == (40, 25, 10, 5)
    assert total.share_prepared == 83  # 25 of 30 relevant
    assert [m.total for m in meetings] == [10, 10, 10, 10]
    assert sum(m.not_given_chance for m in meetings) == 5
    other_total, _ = selectors.coverage(
        organisation=world.other.organisation, year=2026
    )
    assert other_total.total == 0


def test_printed_list_contains_exactly_the_five(world, client_for):
    _year_of_cases(world.own, world.user("strategist"))
    html = (
        client_for("politician")
        .get(reverse("cases:not_given_print") + "?year=2026")
        .content.decode()
    )
    expected = set(
        Case.objects.not_given_chance().values_list("case_number", flat=True)
    )
    assert len(expected) == 5
    listed = {
        f"KS 2026/{i:04d}" for i in range(1, 41) if f"<td>KS 2026/{i:04d}</td>" in html
    }
    assert listed == expected


def test_preparation_needs_its_details(world):
    case = services.save_case(
        organisation=world.own.organisation,
        by=world.user("admin"),
        case_number="KF 1",
        title="Taxa",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 5, 1),
    )
    by = world.user("strategist")
    for outcome in ("prepared", "not_relevant", "not_given_chance"):
        with pytest.raises(ValidationError):
            services.record_preparation(case=case, by=by, preparation=outcome)
    with pytest.raises(PermissionDenied):
        services.record_preparation(
            case=case,
            by=world.user("politician"),
            preparation="not_relevant",
            not_relevant_reason="x",
        )


def test_deciding_body_must_be_council_or_executive_board(world):
    with pytest.raises(ValidationError):
        services.save_case(
            organisation=world.own.organisation,
            by=world.user("admin"),
            case_number="X",
            title="T",
            deciding_body=world.own.board,
            meeting_on=dt.date(2026, 5, 1),
        )


def _import(world, content: bytes, name="arenden.csv"):
    return services.import_cases(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        filename=name,
        content=content,
    )


def test_import_keeps_good_rows_and_reports_bad_ones_by_row(world):
    Case.objects.create(
        organisation=world.own.organisation,
        case_number="KS 2026/0009",
        title="Finns",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 4, 20),
    )
    content = (
        HEADER
        + "KS 2026/0001;Budget 2027;Kommunfullmäktige;2026-04-20;Socialnämnden\n"
        + "KS 2026/0002;Översiktsplan;KF;2026-04-20;\n"
        + "KS 2026/0001;Dubblett;KF;2026-04-20;\n"
        + "KS 2026/0003;Fel datum;KF;20 april;\n"
        + "KS 2026/0009;Redan registrerat;KF;2026-04-20;\n"
        + "KS 2026/0004;Okänd nämnd;KS;2026-06-15;Rymdnämnden\n"
    ).encode()
    report = _import(world, content)
    assert report.created == 2
    assert [(e.number, e.reason) for e in report.errors] == [
        (4, "case number KS 2026/0001 already appears on row 2"),
        (5, "“20 april” is not a date (write it as 2026-03-16)"),
        (6, "case number KS 2026/0009 is already registered"),
        (7, "unknown responsible board “Rymdnämnden”"),
    ] or [e.number for e in report.errors] == [4, 5, 6, 7]
    assert set(
        Case.objects.filter(organisation=world.own.organisation).values_list(
            "case_number", flat=True
        )
    ) == {
        "KS 2026/0001",
        "KS 2026/0002",
        "KS 2026/0009",
    }
    assert (
        Case.objects.get(case_number="KS 2026/0001").responsible_board
        == world.own.board
    )


def test_import_without_a_required_column_saves_nothing(world):
    content = "Diarienummer;Rubrik;Sammanträdesdatum\nKS 1;Budget;2026-04-20\n".encode()
    report = _import(world, content)
    assert report.fatal
    assert (
        "Nothing was imported" in report.fatal or "Inget importerades" in report.fatal
    )
    assert Case.objects.count() == 0


def test_import_reads_cp1252_from_excel(world):
    content = (
        HEADER
        + "KS 2026/0100;Äldreomsorg för kvinnor och män;Kommunfullmäktige;2026-04-20;Socialnämnden\n"
    ).encode("cp1252")
    report = _import(world, content)
    assert report.created == 1
    assert not report.errors
    assert report.notes  # says the file was Windows-1252
    case = Case.objects.get(case_number="KS 2026/0100")
    assert case.title == "Äldreomsorg för kvinnor och män"


def test_import_reads_excel(world):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Dnr", "Ärende", "Instans", "Datum"])
    sheet.append(["KS 2026/0200", "Lokalförsörjning", "KS", dt.datetime(2026, 5, 4)])
    sheet.append(["KS 2026/0201", "", "KS", "x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = _import(world, buffer.getvalue(), name="lista.xlsx")
    assert report.created == 1
    assert [e.number for e in report.errors] == [3]
    assert (
        Case.objects.get(case_number="KS 2026/0200").deciding_body
        == world.own.executive_board
    )


def test_import_page_shows_the_report(world, client_for):
    content = (HEADER + "KS 1;Budget;KF;2026-04-20;\nKS 2;Budget;KF;fel;\n").encode()
    response = client_for("strategist").post(
        reverse("cases:import"),
        {"file": SimpleUploadedFile("a.csv", content, "text/csv")},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<td class="num">3</td>' in html


def test_import_page_rejects_missing_column_with_400(world, client_for):
    response = client_for("strategist").post(
        reverse("cases:import"),
        {"file": SimpleUploadedFile("a.csv", b"Rubrik\nx\n", "text/csv")},
    )
    assert response.status_code == 400
    assert Case.objects.count() == 0


def test_politician_cannot_import(world, client_for):
    response = client_for("politician").post(
        reverse("cases:import"),
        {"file": SimpleUploadedFile("a.csv", HEADER.encode(), "text/csv")},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("n", [2, 12])
def test_case_list_and_coverage_query_counts(
    world, client_for, django_assert_max_num_queries, n
):
    for i in range(n):
        Case.objects.create(
            organisation=world.own.organisation,
            case_number=f"KS {i}",
            title="T",
            deciding_body=world.own.council,
            meeting_on=dt.date(2026, 1 + i % 12, 3),
            responsible_board=world.own.board,
        )
    client = client_for("reader")
    with django_assert_max_num_queries(9):
        assert client.get(reverse("cases:list") + "?year=2026").status_code == 200
    with django_assert_max_num_queries(9):
        assert client.get(reverse("cases:coverage") + "?year=2026").status_code == 200
    with django_assert_max_num_queries(9):
        assert (
            client.get(reverse("cases:not_given_print") + "?year=2026").status_code
            == 200
        )


def test_cases_suggested_for_the_agenda(world):
    from jamkoll.cases.providers import cases_to_prepare

    today = dt.date(2026, 4, 1)
    Case.objects.create(
        organisation=world.own.organisation,
        case_number="KS 5",
        title="Budget",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 4, 20),
    )
    Case.objects.create(
        organisation=world.own.organisation,
        case_number="KS 4",
        title="Gammalt",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 3, 20),
    )
    refs = [
        s.title
        for s in cases_to_prepare(
            world.own.organisation, today, user=world.user("strategist")
        )
    ]
    assert len(refs) == 1
    assert refs[0].startswith("KS 5")
