from jamkoll.reviews.trend import mean_score, share_met, unit_trend


def test_share_met_counts_yes_as_one_and_partly_as_half():
    assert share_met(["yes", "partly", "no", "no"]) == 37.5


def test_share_met_leaves_out_not_relevant_and_unanswered():
    assert share_met(["yes", "not_relevant", ""]) == 100.0


def test_share_met_is_none_without_relevant_answers():
    assert share_met(["not_relevant"]) is None


def test_mean_score_averages_scores_and_ignores_other_values():
    assert mean_score(["1", "4", "", "yes"]) == 2.5


def test_unit_trend_gives_one_value_per_year_and_gaps_as_none():
    answers = [
        (1, "Socialnämnden", 2024, "no"),
        (1, "Socialnämnden", 2025, "yes"),
        (1, "Socialnämnden", 2025, "partly"),
        (2, "Kulturnämnden", 2025, "yes"),
    ]
    years, rows = unit_trend(answers)
    assert years == [2024, 2025]
    assert [(r.unit_name, r.values) for r in rows] == [
        ("Kulturnämnden", [None, 100.0]),
        ("Socialnämnden", [0.0, 75.0]),
    ]


def test_unit_trend_uses_mean_score_when_scored():
    _years, rows = unit_trend([(1, "KS", 2025, "2"), (1, "KS", 2025, "3")], scored=True)
    assert rows[0].values == [2.5]
