import datetime as dt

from jamkoll.result_requests.figures import DemandFact, figure_rows, totals

TODAY = dt.date(2027, 6, 1)


def fact(
    unit=1,
    sent=(2027, 1, 10),
    due=(2027, 2, 10),
    answered=None,
    outcome="",
    is_open=False,
):
    return DemandFact(
        unit_id=unit,
        unit_name=f"Nämnd {unit}",
        sent_on=dt.date(*sent),
        due_on=dt.date(*due),
        first_answered_on=dt.date(*answered) if answered else None,
        first_outcome=outcome,
        is_open=is_open,
    )


def test_figures_count_per_unit_and_year():
    rows = figure_rows(
        [
            fact(answered=(2027, 1, 20), outcome="accepted"),
            fact(answered=(2027, 3, 1), outcome="insufficient"),
            fact(is_open=True),
            fact(sent=(2026, 5, 1), due=(2026, 6, 1), answered=(2026, 5, 11)),
            fact(unit=2, is_open=True, due=(2027, 7, 1)),
        ],
        today=TODAY,
    )
    by_key = {(r.unit_id, r.year): r for r in rows}
    row = by_key[(1, 2027)]
    assert (
        row.raised,
        row.answered,
        row.answered_on_time,
        row.accepted_first,
        row.open_overdue,
    ) == (3, 2, 1, 1, 1)
    assert row.median_days == 30.0  # 10 and 50 days
    assert row.share_on_time == 33
    assert by_key[(1, 2026)].median_days == 10.0
    assert by_key[(2, 2027)].open_overdue == 0  # not yet due
    assert [(r.year, r.unit_id) for r in rows] == [(2027, 1), (2027, 2), (2026, 1)]


def test_totals_sum_one_year():
    rows = figure_rows([fact(), fact(unit=2), fact(sent=(2026, 1, 1))], today=TODAY)
    total = totals(rows, year=2027)
    assert total.raised == 2
    assert total.median_days is None


def test_no_facts_give_no_rows():
    assert figure_rows([], today=TODAY) == []
