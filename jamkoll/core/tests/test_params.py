"""`jamkoll.core.params`: every query parameter gives a usable value."""

import datetime as dt

from django.http import QueryDict

from jamkoll.core import params


def _q(text: str) -> QueryDict:
    return QueryDict(text)


def test_text_param_removes_nul_and_control_characters_and_caps_length():
    query = _q("q=%00J%C3%A4m%07st%C3%A4lld%0A+&long=" + "x" * 500)
    assert params.text_param(query, "q") == "Jämställd"
    assert len(params.text_param(query, "long", max_length=200)) == 200
    assert params.text_param(query, "missing", default="alla") == "alla"


def test_int_param_gives_the_default_for_bad_or_out_of_range_values():
    for bad in ["x", "", "1e5", "²", "9" * 40, "1.5", "%00", "-1"]:
        assert params.int_param(_q(f"n={bad}"), "n", 7, 0, 100) == 7, bad
    assert params.int_param(_q("n=42"), "n", 7, 0, 100) == 42
    assert params.year_param(_q("year=99999999999")) is None
    assert params.year_param(_q("year=2026")) == 2026


def test_pk_param_fits_a_database_key():
    assert params.pk_param(_q("term=x"), "term") is None
    assert params.pk_param(_q(f"term={2**63}"), "term") is None
    assert params.pk_param(_q("term=0"), "term") is None
    assert params.pk_param(_q("term=12"), "term") == 12


def test_date_param_only_real_dates():
    assert params.date_param(_q("d=2026-02-30"), "d") is None
    assert params.date_param(_q("d=2026-10-13"), "d") == dt.date(2026, 10, 13)
    assert params.date_param(_q("d=%00"), "d", dt.date(2026, 1, 1)) == dt.date(
        2026, 1, 1
    )


def test_page_number_is_always_usable():
    assert params.page_number(_q("page=-1")) == 1
    assert params.page_number(_q("page=x")) == 1
    assert params.page_number(_q(f"page=-1&page={10**30}")) == params.MAX_PAGE
    assert params.page_number(_q("page=3")) == 3


def test_choice_param():
    assert params.choice_param(_q("s=open"), "s", ["open", "closed"]) == "open"
    assert params.choice_param(_q("s=<script>"), "s", [("open", "Öppen")]) == ""
