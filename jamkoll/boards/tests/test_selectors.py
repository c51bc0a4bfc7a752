"""The board comparison through the selector, with real rows."""

import datetime as dt

import pytest

from jamkoll.boards import selectors
from jamkoll.boards.tests import factories as f
from jamkoll.organisations.models import Unit
from jamkoll.result_requests.models import Status

pytestmark = pytest.mark.django_db


def _rows(world, year=2026):  # type: ignore[no-untyped-def]
    return {r.board_name: r for r in selectors.board_rows(world.own.organisation, year)}


def _constructed_year(world):  # type: ignore[no-untyped-def]
    """Socialnämnden's 2026 and 2025 with known counts (see test_figures)."""
    board, administration = world.own.board, world.own.administration
    by = world.user("board_politician")
    d = dt.date
    for due, answered in [
        (d(2026, 3, 31), d(2026, 3, 20)),
        (d(2026, 6, 30), d(2026, 6, 30)),
        (d(2026, 9, 30), d(2026, 10, 2)),
        (d(2026, 11, 30), None),
        (d(2025, 3, 31), d(2025, 3, 1)),
        (d(2025, 4, 30), d(2025, 4, 1)),
        (d(2025, 5, 31), d(2025, 6, 1)),
        (d(2025, 6, 30), None),
        (d(2025, 8, 31), None),
    ]:
        f.demand(board, administration, by, due_on=due, answered_on=answered)
    # Not counted: a draft, a demand of the body (no board), another organisation's.
    f.demand(board, administration, by, due_on=d(2026, 5, 1), status=Status.DRAFT)
    f.demand(world.own.body, administration, by, due_on=d(2026, 5, 1))
    f.demand(
        world.other.board,
        world.other.administration,
        world.outsider,
        due_on=d(2026, 5, 1),
        answered_on=d(2026, 4, 1),
    )
    for b1, b3 in [("yes", "yes"), ("yes", "partly"), ("no", "no"), ("", "")]:
        f.decision_document(administration, 2026, b1, b3)
    f.decision_document(board, 2026, "not_relevant", "")
    f.decision_document(world.own.body, 2026, "yes", "yes")  # the body's: no board
    f.board_self_assessment(board, 2026, ["1", "1", "1"], completed_on=d(2026, 2, 1))
    f.board_self_assessment(
        board, 2026, ["3", "4", "not_relevant", ""], completed_on=d(2026, 11, 1)
    )
    f.board_self_assessment(board, 2026, ["4", "4"], done=False)  # not done
    f.board_self_assessment(board, 2025, ["2", "2"])
    f.need(administration, 2026)
    f.need(board, 2026)
    for _ in range(3):
        f.need(administration, 2025)
    f.need(world.own.body, 2026)  # organisation-wide


def test_known_counts_give_known_shares_through_the_selector(world):
    _constructed_year(world)

    rows = _rows(world)
    social = rows["Socialnämnden"]
    now, before = social.current, social.previous

    assert (now.demands, now.answered_on_time, now.on_time) == (4, 2, 50.0)
    assert (before.demands, before.on_time) == (5, 40.0)
    assert (now.decisions, now.statistics, now.analysis) == (5, 40.0, 20.0)
    assert before.statistics is None
    assert (now.self_assessment, before.self_assessment) == (3.5, 2.0)
    assert (now.needs, before.needs) == (2, 3)
    # Every board and company board is a row, with nothing to divide: no shares.
    assert set(rows) == {"Socialnämnden", "Kulturnämnden", "Bostads AB"}
    culture = rows["Kulturnämnden"].current
    assert (culture.demands, culture.on_time, culture.statistics) == (0, None, None)


def test_the_figures_take_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    _constructed_year(world)
    for name in ("Miljönämnden", "Tekniska nämnden", "Barn- och utbildningsnämnden"):
        board = Unit.objects.create(
            organisation=world.own.organisation,
            name=name,
            kind=Unit.Kind.BOARD,
            parent=world.own.council,
        )
        administration = Unit.objects.create(
            organisation=world.own.organisation,
            name=name.replace("nämnden", "förvaltningen"),
            kind=Unit.Kind.ADMINISTRATION,
            parent=board,
        )
        f.demand(
            board,
            administration,
            world.user("strategist"),
            due_on=dt.date(2026, 4, 1),
            answered_on=dt.date(2026, 3, 1),
        )
        f.decision_document(administration, 2026, "yes", "no")
        f.need(administration, 2026)

    with django_assert_max_num_queries(8):
        rows = selectors.board_rows(world.own.organisation, 2026)

    assert len(rows) == 6
    environment = next(r for r in rows if r.board_name == "Miljönämnden").current
    assert (environment.on_time, environment.statistics, environment.needs) == (
        100.0,
        100.0,
        1,
    )
