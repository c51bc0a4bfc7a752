from django.template.loader import render_to_string
from django.utils import translation

from jamkoll.core.charts import grouped_bar_chart


def test_bars_scale_to_the_maximum_and_missing_values_draw_nothing():
    chart = grouped_bar_chart(
        title="t",
        categories=["A", "B"],
        series=["K", "M"],
        values=[[50, 100], [None, 25]],
        max_value=100,
    )
    a, b = chart.groups
    assert a.bars[1].height == 2 * a.bars[0].height
    assert b.bars[0].height == 0
    assert b.bars[0].value is None
    assert chart.has_data


def test_all_missing_values_mean_no_data():
    chart = grouped_bar_chart(
        title="t", categories=["A"], series=["K"], values=[[None]]
    )
    assert not chart.has_data


def test_long_labels_are_rotated_and_the_chart_grows():
    short = grouped_bar_chart(title="t", categories=["A"], series=["K"], values=[[1]])
    long = grouped_bar_chart(
        title="t",
        categories=[f"Miljö- och räddningstjänstnämnden {i}" for i in range(10)],
        series=["K"],
        values=[[1]] * 10,
    )
    assert long.rotate_labels
    assert not short.rotate_labels
    assert long.height > short.height


def test_svg_coordinates_are_never_localised():
    chart = grouped_bar_chart(
        title="t",
        categories=["A", "B", "C"],
        series=["K", "M"],
        values=[[33.3, 66.7]] * 3,
    )
    with translation.override("sv"):
        html = render_to_string(
            "components/bar_chart.html",
            {"chart": chart, "caption": "c", "chart_id": "x"},
        )
    import re

    for attr in re.findall(r'(?:x|y|width|height)="([^"]*)"', html):
        assert "," not in attr


def test_tick_labels_are_swedish_with_the_fewest_decimals_that_show_each_step():
    from jamkoll.core.charts import tick_labels
    from jamkoll.core.formatting import NBSP

    assert [t for _, t in tick_labels([(0, 0), (1, 12.5), (2, 25), (3, 37.5)])] == [
        "0",
        "12,5",
        "25",
        "37,5",
    ]
    assert [t for _, t in tick_labels([(0, 0), (1, 1250), (2, 2500)])] == [
        "0",
        f"1{NBSP}250",
        f"2{NBSP}500",
    ]
    assert [t for _, t in tick_labels([(0, 0), (1, 0.25)])] == ["0", "0,25"]


def test_bar_titles_are_swedish_and_coordinates_stay_plain():
    chart = grouped_bar_chart(
        title="t", categories=["A"], series=["K"], values=[[33.3]], unit=" %"
    )
    with translation.override("sv"):
        html = render_to_string(
            "components/bar_chart.html",
            {"chart": chart, "caption": "c", "chart_id": "x"},
        )
    assert "A, K: 33,3\xa0%</title>" in html
    assert 'x1="48"' in html


def test_axes_step_in_round_numbers():
    from jamkoll.core.charts import tick_values

    assert tick_values(0, 5) == [0, 1, 2, 3, 4, 5]  # the survey's 1–5 scale
    assert tick_values(0, 4) == [0, 1, 2, 3, 4]  # review scores
    assert tick_values(0, 100) == [0, 20, 40, 60, 80, 100]
    assert tick_values(0, 250) == [0, 50, 100, 150, 200, 250]
    assert tick_values(-5, 10) == [-5, -2.5, 0, 2.5, 5, 7.5, 10]
