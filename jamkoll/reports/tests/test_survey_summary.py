"""The survey in the report: a short summary in the report, every table in an appendix
placed after the report itself."""

import datetime as dt

import pytest
from django.utils import translation

from jamkoll.reports.content import BulletList, Chart, Paragraph, Table
from jamkoll.reports.sections import survey
from jamkoll.surveys.selectors import (
    BreakdownResult,
    GroupResult,
    QuestionResult,
    SurveyResults,
)

SCALE_LABELS = ["1", "2", "3", "4", "5"]


def _group(key: str, shares: list[float] | None, respondents: int = 10) -> GroupResult:
    if shares is None:
        return GroupResult(key, key, True, None, None, None, None)
    mean = sum((i + 1) * s for i, s in enumerate(shares)) / 100
    return GroupResult(key, key, False, respondents, [0] * 5, shares, mean)


def _question(
    position: int, text: str, women: list[float] | None, men: list[float] | None
) -> QuestionResult:
    by_sex = BreakdownResult("sex", "Kön", [_group("woman", women), _group("man", men)])
    return QuestionResult(
        version_id=position,
        position=position,
        text=text,
        kind="scale",
        labels=SCALE_LABELS,
        total=_group("all", [10, 10, 20, 30, 30], 20),
        by_sex=by_sex,
        by_role_level=BreakdownResult("role", "Uppdrag", []),
    )


def _results(questions: list[QuestionResult]) -> SurveyResults:
    return SurveyResults(
        survey_id=1,
        title="Enkät 2026",
        year=2026,
        status="closed",
        opens_on=dt.date(2026, 11, 1),
        closes_on=dt.date(2026, 11, 30),
        min_group_size=5,
        invited=61,
        responded=41,
        response_rate=67.2,
        questions=questions,
    )


QUESTIONS = [
    # Women 30 % agree, men 70 %: a notable difference.
    _question(
        2, "Jag har tillräckligt med tid.", [20, 20, 30, 20, 10], [0, 10, 20, 40, 30]
    ),
    # 50 % and 45 %: not notable.
    _question(
        3, "Handlingarna kommer i tid.", [10, 10, 30, 30, 20], [10, 15, 30, 25, 20]
    ),
    # Women hidden: never notable.
    _question(4, "Sammanträdestiderna fungerar.", None, [0, 0, 0, 50, 50]),
]


@pytest.fixture
def results(monkeypatch):
    def fake(*, organisation, year):  # type: ignore[no-untyped-def]
        return _results(QUESTIONS)

    monkeypatch.setattr(survey, "survey_results_for_report", fake)


def test_the_summary_shows_the_share_agreeing_by_sex_and_the_notable_difference(
    results,
):
    with translation.override("sv"):
        section = survey.build(None, 2026)  # type: ignore[arg-type]
    assert section is not None
    assert not section.appendix
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert texts[0] == "41 av 61 inbjudna politiker svarade (67\u00a0%)."
    assert "finns i bilagan ”Bilaga: enkätens alla svar”" in texts[1]
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.header == ["Fråga", "Alla", "Kvinnor", "Män"]
    assert table.rows[0] == [
        "2. Jag har tillräckligt med tid.",
        "60\u00a0%",
        "30\u00a0%",
        "70\u00a0%",
    ]
    assert table.rows[2][2] == "–"
    (notable,) = [b for b in section.blocks if isinstance(b, BulletList)]
    assert notable.items == [
        "Fråga 2, ”Jag har tillräckligt med tid”: 30\u00a0% av kvinnorna och "
        "70\u00a0% av männen instämmer."
    ]
    assert len([b for b in section.blocks if isinstance(b, Chart)]) == 1


def test_the_summary_says_so_when_no_difference_is_notable(monkeypatch):
    monkeypatch.setattr(
        survey,
        "survey_results_for_report",
        lambda *, organisation, year: _results(QUESTIONS[1:]),
    )
    with translation.override("sv"):
        section = survey.build(None, 2026)  # type: ignore[arg-type]
    assert section is not None
    assert not [b for b in section.blocks if isinstance(b, BulletList)]
    assert any(
        isinstance(b, Paragraph) and b.text.startswith("På ingen fråga skiljer sig")
        for b in section.blocks
    )


def test_the_appendix_has_every_question_table_and_comes_last(results):
    with translation.override("sv"):
        summary = survey.build(None, 2026)  # type: ignore[arg-type]
        appendix = survey.build_appendix(None, 2026)  # type: ignore[arg-type]
    assert appendix is not None
    assert appendix.appendix
    assert appendix.heading == "Bilaga: enkätens alla svar"
    tables = [b for b in appendix.blocks if isinstance(b, Table)]
    assert len(tables) == len(QUESTIONS)
    assert tables[0].header[:2] == ["Grupp", "Svarande"]
    # The summary itself has one table, however many questions there are.
    assert summary is not None
    assert len([b for b in summary.blocks if isinstance(b, Table)]) == 1


def test_nobody_answered_gives_no_appendix(monkeypatch):
    empty = _results([])
    object.__setattr__(empty, "responded", 0)
    monkeypatch.setattr(
        survey, "survey_results_for_report", lambda *, organisation, year: empty
    )
    assert survey.build_appendix(None, 2026) is None  # type: ignore[arg-type]
