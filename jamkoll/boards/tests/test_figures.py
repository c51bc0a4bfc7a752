"""The board comparison figures for a constructed year: known counts, known shares
(pure, no database)."""

import datetime as dt

from jamkoll.boards import figures
from jamkoll.boards.figures import (
    DecisionFact,
    DemandFact,
    NeedFact,
    SelfAssessmentFact,
)

SOCIAL, CULTURE, UNKNOWN = 1, 2, 99
BOARDS = [(SOCIAL, "Socialnämnden"), (CULTURE, "Kulturnämnden")]


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def constructed_year() -> list[figures.BoardRow]:
    demands = [
        # 2026: four demands, two answered on time (one on the due date itself).
        DemandFact(SOCIAL, d(2026, 3, 31), d(2026, 3, 20)),
        DemandFact(SOCIAL, d(2026, 6, 30), d(2026, 6, 30)),
        DemandFact(SOCIAL, d(2026, 9, 30), d(2026, 10, 2)),  # late
        DemandFact(SOCIAL, d(2026, 11, 30), None),  # not answered
        # 2025: five demands, two on time.
        DemandFact(SOCIAL, d(2025, 3, 31), d(2025, 3, 1)),
        DemandFact(SOCIAL, d(2025, 4, 30), d(2025, 4, 1)),
        DemandFact(SOCIAL, d(2025, 5, 31), d(2025, 6, 1)),
        DemandFact(SOCIAL, d(2025, 6, 30), None),
        DemandFact(SOCIAL, d(2025, 8, 31), None),
        # Ignored: another year, a unit that is no board in the list.
        DemandFact(SOCIAL, d(2024, 3, 31), d(2024, 3, 1)),
        DemandFact(UNKNOWN, d(2026, 3, 31), d(2026, 3, 1)),
    ]
    decisions = [
        DecisionFact(SOCIAL, 2026, "yes", "yes"),
        DecisionFact(SOCIAL, 2026, "yes", "partly"),
        DecisionFact(SOCIAL, 2026, "no", "no"),
        DecisionFact(SOCIAL, 2026, "not_relevant", ""),
        DecisionFact(SOCIAL, 2026, "", ""),
    ]
    assessments = [
        # Two in 2026: the latest counts; "not relevant" and unanswered are left out.
        SelfAssessmentFact(SOCIAL, 2026, (d(2026, 2, 1), 10), ("1", "1", "1")),
        SelfAssessmentFact(
            SOCIAL, 2026, (d(2026, 11, 1), 11), ("3", "4", "not_relevant", "")
        ),
        SelfAssessmentFact(SOCIAL, 2025, (d(2025, 11, 1), 5), ("2", "2")),
    ]
    needs = [
        NeedFact(SOCIAL, 2026),
        NeedFact(SOCIAL, 2026),
        NeedFact(SOCIAL, 2025),
        NeedFact(SOCIAL, 2025),
        NeedFact(SOCIAL, 2025),
        NeedFact(CULTURE, 2024),
    ]
    return figures.board_rows(
        BOARDS,
        2026,
        demands=demands,
        decisions=decisions,
        self_assessments=assessments,
        needs=needs,
    )


def test_known_counts_give_known_shares():
    social, culture = constructed_year()
    now, before = social.current, social.previous

    assert (now.demands, now.answered_on_time, now.on_time) == (4, 2, 50.0)
    assert (before.demands, before.answered_on_time, before.on_time) == (5, 2, 40.0)
    assert (now.decisions, now.with_statistics, now.statistics) == (5, 2, 40.0)
    assert (now.with_analysis, now.analysis) == (1, 20.0)
    assert now.self_assessment == 3.5
    assert before.self_assessment == 2.0
    assert (now.needs, before.needs) == (2, 3)

    assert culture.board_name == "Kulturnämnden"
    assert (culture.current.demands, culture.current.needs) == (0, 0)


def test_shares_are_none_when_there_is_nothing_to_divide():
    social, culture = constructed_year()

    assert social.previous.decisions == 0
    assert social.previous.statistics is None
    assert social.previous.analysis is None
    assert culture.current.on_time is None
    assert culture.current.self_assessment is None
    assert culture.current.is_empty


def test_each_figure_is_compared_with_the_previous_year():
    social, culture = constructed_year()

    assert social.trend("on_time") == figures.Trend(figures.UP, 40.0)
    assert social.trend("demands") == figures.Trend(figures.DOWN, 5)
    assert social.trend("self_assessment") == figures.Trend(figures.UP, 2.0)
    assert social.trend("needs") == figures.Trend(figures.DOWN, 3)
    # No decision documents the year before: no share to compare with.
    assert social.trend("statistics").direction == figures.NONE
    assert culture.trend("needs") == figures.Trend(figures.SAME, 0)
    assert culture.trend("on_time").direction == figures.NONE


def test_sorting_puts_boards_without_a_value_last_in_either_direction():
    rows = figures.board_rows(
        [
            (1, "Barn- och utbildningsnämnden"),
            (2, "Kulturnämnden"),
            (3, "Miljönämnden"),
        ],
        2026,
        demands=[
            DemandFact(1, d(2026, 3, 1), d(2026, 2, 1)),
            DemandFact(3, d(2026, 3, 1), None),
        ],
    )

    def names(column: str, descending: bool) -> list[str]:
        return [r.board_name for r in figures.sort_rows(rows, column, descending)]

    assert names("on_time", True) == [
        "Barn- och utbildningsnämnden",
        "Miljönämnden",
        "Kulturnämnden",
    ]
    assert names("on_time", False) == [
        "Miljönämnden",
        "Barn- och utbildningsnämnden",
        "Kulturnämnden",
    ]
    assert names("board", True) == [
        "Miljönämnden",
        "Kulturnämnden",
        "Barn- och utbildningsnämnden",
    ]
