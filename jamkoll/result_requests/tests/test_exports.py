"""The per-demand export for the report to KS, and the follow-up figures export."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from jamkoll.result_requests.models import Outcome
from jamkoll.result_requests.tests import factories

pytestmark = pytest.mark.django_db

HEADER = [
    "Rubrik",
    "Diarienummer",
    "Ställd till",
    "Status",
    "Fråga",
    "Skickad",
    "Svarsdag",
    "Besvarad",
    "Svar",
    "Bedömd",
    "Bedömning",
    "Kommentar till bedömningen",
]


def _xlsx_rows(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def _csv_rows(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_one_demand_as_excel_has_question_answer_assessment_and_dates(world, client):
    demand = factories.assess(
        factories.answer(factories.raise_demand(world.own, case_number="KS 2026/17"))
    )
    today = timezone.localdate()
    client.force_login(world.user("politician"))
    sheet, rows = _xlsx_rows(
        client.get(reverse("result_requests:detail_xlsx", args=[demand.pk]))
    )
    assert rows[0] == HEADER
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["E"].width > sheet.column_dimensions["F"].width
    row = rows[1]
    assert row[:5] == [
        demand.title,
        "KS 2026/17",
        world.own.board.name,
        "Bedömd",
        demand.question,
    ]
    sent, due, answered, assessed = row[5], row[6], row[7], row[9]
    assert all(isinstance(d, dt.datetime) for d in (sent, due, answered, assessed))
    assert sent.date() == today
    assert answered.date() == today
    assert assessed.date() == today
    assert due.date() == demand.due_on
    assert sheet.cell(row=2, column=7).number_format == "yyyy-mm-dd"
    assert row[8] == "Kvinnor beviljas i snitt 12 timmar, män 9 timmar."
    assert row[10] == "Otillräcklig"
    assert row[11] == "Analysen saknas."


def test_one_demand_as_csv_reads_back_with_swedish_settings(world, client):
    demand = factories.answer(factories.raise_demand(world.own))
    client.force_login(world.user("reader"))
    rows = _csv_rows(
        client.get(reverse("result_requests:detail_csv", args=[demand.pk]))
    )
    assert rows[0] == HEADER
    assert rows[1][6] == demand.due_on.isoformat()
    assert rows[1][3] == "Besvarad"
    assert rows[1][9] == ""  # not assessed yet


def test_a_formula_like_title_is_neutralised_in_both_formats(world, client):
    demand = factories.raise_demand(world.own, title='=HYPERLINK("x")')
    client.force_login(world.user("strategist"))
    _sheet, rows = _xlsx_rows(
        client.get(reverse("result_requests:detail_xlsx", args=[demand.pk]))
    )
    assert rows[1][0] == '\'=HYPERLINK("x")'
    rows = _csv_rows(client.get(reverse("result_requests:list_csv")))
    assert rows[1][0] == '\'=HYPERLINK("x")'


def test_list_export_follows_the_page_filters(world, client):
    factories.raise_demand(world.own, title="Hemtjänstens timmar")
    factories.assess(
        factories.answer(factories.raise_demand(world.own, title="Föreningsbidrag")),
        outcome=Outcome.ACCEPTED,
    )
    factories.raise_demand(world.other, title="Annan kommuns fråga")
    client.force_login(world.user("strategist"))
    _sheet, rows = _xlsx_rows(client.get(reverse("result_requests:list_xlsx")))
    titles = [r[0] for r in rows[1:]]
    assert sorted(titles) == ["Föreningsbidrag", "Hemtjänstens timmar"]
    _sheet, rows = _xlsx_rows(
        client.get(reverse("result_requests:list_xlsx") + "?q=förening")
    )
    assert [r[0] for r in rows[1:]] == ["Föreningsbidrag"]
    assert rows[1][10] == "Godkänd"
    _sheet, rows = _xlsx_rows(
        client.get(reverse("result_requests:list_xlsx") + "?status=sent")
    )
    assert [r[0] for r in rows[1:]] == ["Hemtjänstens timmar"]


def test_the_list_page_links_the_export_with_its_filters(world, client):
    factories.raise_demand(world.own, title="Hemtjänstens timmar")
    client.force_login(world.user("strategist"))
    page = client.get(reverse("result_requests:list") + "?q=hem").content.decode()
    assert f'href="{reverse("result_requests:list_xlsx")}?q=hem"' in page
    assert "Ladda ner efterfrågningarna som Excel" in page


def test_a_manager_exports_only_the_demands_to_their_units(world, client):
    factories.raise_demand(world.own, title="Till nämnden")
    hidden = factories.raise_demand(
        world.own, title="Till annan nämnd", unit=world.own.other_board
    )
    draft = factories.raise_demand(world.own, title="Utkast", send=False)
    client.force_login(world.user("manager"))
    _sheet, rows = _xlsx_rows(client.get(reverse("result_requests:list_xlsx")))
    assert [r[0] for r in rows[1:]] == ["Till nämnden"]
    for pk in (hidden.pk, draft.pk):
        url = reverse("result_requests:detail_xlsx", args=[pk])
        assert client.get(url).status_code == 404


def test_a_demand_of_another_organisation_is_not_found(world, client):
    theirs = factories.raise_demand(world.other)
    client.force_login(world.user("admin"))
    for name in ("result_requests:detail_xlsx", "result_requests:detail_csv"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404


def test_figures_export_is_formatted(world, client):
    factories.answer(factories.raise_demand(world.own))
    client.force_login(world.user("reader"))
    sheet, rows = _xlsx_rows(client.get(reverse("result_requests:figures_xlsx")))
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= len(world.own.board.name)
    assert sheet.cell(row=2, column=3).data_type == "n"
    assert sheet.cell(row=2, column=3).number_format == "0"
    rows = _csv_rows(client.get(reverse("result_requests:figures_csv")))
    assert rows[0][:3] == ["År", "Enhet", "Ställda"]
