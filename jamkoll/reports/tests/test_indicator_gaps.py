"""The report ranks indicator gaps on a measure without unit and shows each unit."""

from jamkoll.indicators.tests.factories import KoladaIndicatorFactory, series
from jamkoll.reports.sections import indicators

NB = "\xa0"


def test_gaps_in_different_units_are_ranked_by_their_share_of_the_total(world):
    code = world.own.organisation.code
    merit = KoladaIndicatorFactory(
        code="N15413", title="Meritvärde åk 9", unit="poäng", is_split_by_sex=True
    )
    # 20 points on a total of 230: large in points, under 9 % of the total.
    series(merit, code, {2025: (240.0, 220.0, 230.0)})
    share = KoladaIndicatorFactory(
        code="N00953", title="Eftergymnasial utbildning", unit="%", is_split_by_sex=True
    )
    # 8 percentage points on a total of 20: small in points, 40 % of the total.
    series(share, code, {2025: (24.0, 16.0, 20.0)})

    section = indicators.build(world.own.organisation, 2026)

    table = section.blocks[-1]
    assert [row[0].split()[0] for row in table.rows] == ["N00953", "N15413"]
    first, second = table.rows
    assert first[4] == f"8{NB}procentenheter"
    assert first[5] == f"40{NB}%"
    assert second[4] == f"20{NB}poäng"
    assert second[5] == f"8,7{NB}%"
    chart = section.blocks[1]
    assert chart.categories == ["N00953", "N15413"]
    assert chart.values[0][0] == 40.0
