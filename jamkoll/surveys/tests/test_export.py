"""The survey workbook: every figure under its own heading, formatted for Excel."""

import datetime as dt
from io import BytesIO

from django.utils import translation
from openpyxl import load_workbook

from jamkoll.surveys.export import results_workbook
from jamkoll.surveys.selectors import (
    BreakdownResult,
    GroupResult,
    QuestionResult,
    SurveyResults,
)


def _group(label: str, counts: list[int] | None, mean: float | None) -> GroupResult:
    return GroupResult(
        key=label,
        label=label,
        hidden=counts is None,
        respondents=sum(counts) if counts else None,
        counts=counts,
        shares=None,
        mean=mean,
    )


def _question(position: int, labels: list[str], counts: list[int], mean):  # type: ignore[no-untyped-def]
    return QuestionResult(
        version_id=position,
        position=position,
        text=f"Fråga {position}",
        kind="scale" if mean is not None else "single",
        labels=labels,
        total=_group("Alla", counts, mean),
        by_sex=BreakdownResult("sex", "Efter kön", [_group("Man", None, None)]),
        by_role_level=BreakdownResult("role", "Efter uppdrag", []),
    )


RESULTS = SurveyResults(
    survey_id=1,
    title='=Enkät "2026"',
    year=2026,
    status="closed",
    opens_on=dt.date(2026, 10, 1),
    closes_on=dt.date(2026, 10, 31),
    min_group_size=5,
    invited=40,
    responded=12,
    response_rate=30.0,
    questions=[
        # Seven options first, then a scale of five: the mean must not slide left.
        _question(1, ["A", "B", "C", "D", "E", "F", "G"], [3, 2, 2, 1, 1, 2, 1], None),
        _question(2, ["1", "2", "3", "4", "5"], [1, 2, 3, 4, 2], 3.333),
    ],
)


def _book():  # type: ignore[no-untyped-def]
    with translation.override("sv"):
        return load_workbook(BytesIO(results_workbook(RESULTS)))


def test_the_mean_is_always_in_the_mean_column() -> None:
    sheet = _book()["Resultat"]
    header = [c.value for c in sheet[1]]
    mean_column = header.index("Medelvärde (1–5)")
    assert mean_column == len(header) - 1
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    scale_total = next(r for r in rows if r[0] == 2 and r[2] == "Totalt")
    assert scale_total[mean_column] == 3.333
    assert list(scale_total[5:10]) == [1, 2, 3, 4, 2]
    assert scale_total[10] is None
    assert scale_total[11] is None
    choice_total = next(r for r in rows if r[0] == 1 and r[2] == "Totalt")
    assert list(choice_total[5:12]) == [3, 2, 2, 1, 1, 2, 1]
    assert choice_total[mean_column] is None
    hidden = next(r for r in rows if r[0] == 2 and r[3] == "Man")
    assert hidden[mean_column] is None
    assert hidden[4:10] == ("dolt",) * 6
    assert hidden[10:12] == (None, None)


def test_the_workbook_is_formatted() -> None:
    book = _book()
    assert book.sheetnames == ["Om", "Resultat"]
    sheet = book["Resultat"]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])
    assert sheet.column_dimensions["B"].width >= len("Fråga 2")
    total = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == "Totalt")
    assert total[4].data_type == "n"
    assert total[4].number_format == "0"
    about = {r[0]: r[1] for r in book["Om"].iter_rows(min_row=2, values_only=True)}
    assert about["Öppnar"] == dt.datetime(2026, 10, 1)
    assert about["Svar"] == 12
    # The title starts with "=": it stays text.
    assert about["Enkätomgång"] == '\'=Enkät "2026"'
