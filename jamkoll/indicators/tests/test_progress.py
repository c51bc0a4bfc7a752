from jamkoll.indicators.progress import Rollup, rollup, rollup_by


def test_rollup_averages_progress_counting_done_as_100_and_leaving_out_cancelled():
    result = rollup(
        [("planned", 0), ("in_progress", 50), ("done", 80), ("cancelled", 10)]
    )
    assert result == Rollup(actions=4, done=1, cancelled=1, progress=50)


def test_rollup_of_nothing_has_no_progress():
    assert rollup([]).progress is None
    assert rollup([("cancelled", 40)]).progress is None


def test_rollup_by_groups_per_key():
    result = rollup_by([(1, "in_progress", 20), (2, "done", 0), (1, "in_progress", 41)])
    assert result[1].progress == 30
    assert result[2].progress == 100
