import datetime as dt
import math
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from jamkoll.core import formatting

NB = "\xa0"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (750000, 1, f"750{NB}000"),
        (17.5, 1, "17,5"),
        (17.0, 1, "17"),
        (1234.567, 2, f"1{NB}234,57"),
        (-0.04, 1, "0"),
        (-2.25, 1, "-2,3"),
        (30.25, 1, "30,3"),
        (0.625, 2, "0,63"),
        (Decimal("3.10"), 2, "3,10"),
        (None, 1, "–"),
        (math.nan, 1, "–"),
        (math.inf, 1, "–"),
    ],
)
def test_number_is_written_the_swedish_way(value, decimals, expected):
    assert formatting.number(value, decimals) == expected


def test_percent_money_and_units_keep_a_no_break_space():
    assert formatting.percent(55.4) == f"55{NB}%"
    assert formatting.money(750000) == f"750{NB}000{NB}kr"
    assert formatting.with_unit(230.5, "poäng") == f"230,5{NB}poäng"
    assert formatting.with_unit(None, "%") == "–"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(244.0, "244"), (12.5, "12.5"), (1 / 3, "0.33"), (None, "0"), (math.nan, "0")],
)
def test_svg_numbers_are_never_localised(value, expected):
    with translation.override("sv"):
        assert formatting.svg(value) == expected


def test_dates_and_times_follow_one_swedish_style():
    with translation.override("sv"):
        assert formatting.date(dt.date(2026, 11, 8)) == "8 november 2026"
        assert formatting.time(dt.time(13, 0)) == "13.00"
        moment = dt.datetime(2026, 10, 20, 10, 30)
        assert formatting.datetime(moment) == "20 oktober 2026 kl. 10.30"
        assert formatting.quoted("Svarande") == "”Svarande”"


def test_template_filters_write_coordinates_plainly_and_figures_in_swedish():
    template = Template(
        '{% load sv %}<line y1="{{ y|svg }}" x2="{{ x|svg_add:-4 }}">'
        "{{ v|number }} {{ d|sv_date }} {{ d }}"
    )
    with translation.override("sv"):
        html = template.render(
            Context({"y": 244.0, "x": 10.5, "v": 1234.5, "d": dt.date(2026, 11, 8)})
        )
    assert 'y1="244"' in html
    assert 'x2="6.5"' in html
    assert f"1{NB}234,5" in html
    assert html.count("8 november 2026") == 2
