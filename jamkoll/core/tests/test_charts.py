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
