"""Tests for gender-gap computations with known numbers (pure Python)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from jamkoll.indicators.gaps import (
    MSG_NOT_SPLIT_BY_SEX,
    Direction,
    GapPoint,
    MixedSeries,
    NotSplitBySex,
    gap,
    gap_direction,
    gap_series,
    gap_trend,
    linear_trend,
    ratio,
)
from jamkoll.indicators.kolada import DataPoint, Gender


def points(
    municipality: str, rows: dict[int, tuple[float | None, ...]]
) -> list[DataPoint]:
    """DataPoints of N07609 from ``{period: (K, M, T)}``."""
    genders: tuple[Gender, ...] = ("K", "M", "T")
    result = []
    for period, values in rows.items():
        for gender, value in zip(genders, values, strict=False):
            result.append(DataPoint("N07609", municipality, period, gender, value))
    return result


def series(*gaps: tuple[int, float | None]) -> list[GapPoint]:
    return [GapPoint(period, None, None, None, value, None) for period, value in gaps]


# Eskilstuna in fixtures/data_N07609_page1.json
ESKILSTUNA = points(
    "0484",
    {2019: (41.2, 16.8, 29.1), 2021: (39.5, 17.1, 28.4), 2023: (36.8, 17.4, 27.2)},
)


def test_gap_and_ratio_basic() -> None:
    assert gap(41.2, 16.8) == pytest.approx(24.4)
    assert gap(10.0, 12.5) == pytest.approx(-2.5)
    assert ratio(30.0, 12.0) == pytest.approx(2.5)
    assert ratio(0.0, 4.0) == 0.0


@pytest.mark.parametrize(("women", "men"), [(None, 1.0), (1.0, None), (None, None)])
def test_missing_values_give_missing_gap_and_ratio(
    women: float | None, men: float | None
) -> None:
    assert gap(women, men) is None
    assert ratio(women, men) is None


def test_ratio_is_missing_when_men_is_zero() -> None:
    assert ratio(5.0, 0.0) is None
    assert gap(5.0, 0.0) == 5.0


def test_gap_series_with_known_numbers() -> None:
    result = gap_series(reversed(ESKILSTUNA))

    assert [p.period for p in result] == [2019, 2021, 2023]
    assert [p.gap for p in result] == pytest.approx([24.4, 22.4, 19.4])
    assert [p.ratio for p in result] == pytest.approx(
        [41.2 / 16.8, 39.5 / 17.1, 36.8 / 17.4]
    )
    assert result[0].women == 41.2
    assert result[0].men == 16.8
    assert result[0].total == 29.1


def test_gap_series_keeps_missing_values_missing() -> None:
    orebro = points("1880", {2021: (33.0, 12.0, 22.4), 2023: (None, 12.9, 24.3)})

    result = gap_series(orebro)

    assert result[1].women is None
    assert result[1].gap is None
    assert result[1].ratio is None
    assert result[0].gap == pytest.approx(21.0)


def test_gap_on_a_series_without_women_and_men_is_refused() -> None:
    totals_only = [
        DataPoint("N01951", "0484", 2022, "T", 106_000.0),
        DataPoint("N01951", "0484", 2023, "T", 107_000.0),
    ]

    with pytest.raises(NotSplitBySex) as info:
        gap_series(totals_only)

    assert str(info.value) == MSG_NOT_SPLIT_BY_SEX
    assert "inte uppdelad på kön" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_empty_series_is_not_split_by_sex() -> None:
    with pytest.raises(NotSplitBySex):
        gap_series([])


def test_mixed_municipalities_are_refused() -> None:
    mixed = ESKILSTUNA + points("2480", {2023: (31.0, 11.2, 21.1)})

    with pytest.raises(MixedSeries, match="municipality: 0484, 2480"):
        gap_series(mixed)


def test_duplicate_period_and_gender_is_refused() -> None:
    with pytest.raises(MixedSeries, match="år 2019 och kön K"):
        gap_series([*ESKILSTUNA, DataPoint("N07609", "0484", 2019, "K", 40.0)])


def test_linear_trend_exact_line() -> None:
    trend = linear_trend([(2020, 5.0), (2021, 7.0), (2022, 9.0), (2023, None)])

    assert trend is not None
    assert trend.slope == pytest.approx(2.0)
    assert trend.intercept == pytest.approx(-4035.0)
    assert trend.n == 3
    assert trend.at(2024) == pytest.approx(13.0)


def test_gap_trend_with_known_numbers() -> None:
    # x: 2019, 2021, 2023 (mean 2021); y: 24.4, 22.4, 19.4 (mean 22.0667)
    # Sxx = 8, Sxy = -2*2.3333 + 2*-2.6667 = -10 -> slope -1.25 per year
    trend = gap_trend(gap_series(ESKILSTUNA))

    assert trend is not None
    assert trend.slope == pytest.approx(-1.25)
    assert trend.at(2021) == pytest.approx(66.2 / 3)
    assert trend.n == 3


@pytest.mark.parametrize(
    "pairs",
    [[], [(2020, 1.0)], [(2020, 1.0), (2021, None)], [(2020, 1.0), (2020, 2.0)]],
)
def test_linear_trend_needs_two_distinct_periods(
    pairs: list[tuple[int, float | None]],
) -> None:
    assert linear_trend(pairs) is None


def test_direction_narrowing_for_eskilstuna() -> None:
    result = gap_series(ESKILSTUNA)

    assert gap_direction(result) is Direction.NARROWING
    assert gap_direction(result, method="trend") is Direction.NARROWING
    # change is 19.4 - 24.4 = -5.0 points
    assert gap_direction(result, threshold=5.0) is Direction.STABLE
    assert gap_direction(result, threshold=4.9) is Direction.NARROWING


def test_direction_widening_and_stable() -> None:
    assert gap_direction(series((2019, 2.0), (2023, 3.5))) is Direction.WIDENING
    assert gap_direction(series((2019, -2.0), (2023, -3.5))) is Direction.WIDENING
    assert gap_direction(series((2019, 2.0), (2023, 2.0))) is Direction.STABLE
    assert (
        gap_direction(series((2019, 2.0), (2023, 2.4)), threshold=0.5)
        is Direction.STABLE
    )


def test_direction_uses_the_size_of_the_gap() -> None:
    # women ahead by 6, then men ahead by 2: the gap narrowed
    assert gap_direction(series((2019, 6.0), (2023, -2.0))) is Direction.NARROWING


def test_direction_skips_missing_periods() -> None:
    data = series((2017, None), (2019, 10.0), (2021, None), (2023, 12.0), (2025, None))

    assert gap_direction(data) is Direction.WIDENING


def test_trend_method_is_robust_to_one_odd_endpoint() -> None:
    # steady narrowing 10 -> 7, but the last year jumps back up to 10.5
    data = series((2019, 10.0), (2020, 9.0), (2021, 8.0), (2022, 7.0), (2023, 10.5))

    assert gap_direction(data, method="endpoints") is Direction.WIDENING
    # slope of |gap| = -0.25/year -> change over 4 years = -1.0
    assert gap_direction(data, method="trend") is Direction.NARROWING
    assert gap_direction(data, method="trend", threshold=1.0) is Direction.STABLE


@pytest.mark.parametrize(
    "data",
    [series(), series((2019, 3.0)), series((2019, 3.0), (2021, None))],
)
def test_direction_needs_two_periods_with_a_gap(data: list[GapPoint]) -> None:
    assert gap_direction(data) is Direction.INSUFFICIENT_DATA
    assert gap_direction(data, method="trend") is Direction.INSUFFICIENT_DATA


def test_negative_threshold_is_refused() -> None:
    with pytest.raises(ValueError, match="Tröskeln"):
        gap_direction(series((2019, 1.0), (2020, 2.0)), threshold=-0.1)


def test_any_object_with_period_gender_value_works() -> None:
    @dataclass
    class Row:
        period: int
        gender: str
        value: float | None

    result = gap_series([Row(2023, "K", 3.0), Row(2023, "M", 1.0)])

    assert result == [GapPoint(2023, 3.0, 1.0, None, 2.0, 3.0)]
