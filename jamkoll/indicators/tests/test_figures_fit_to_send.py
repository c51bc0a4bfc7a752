"""Issue 11, item 6: gaps comparable across units, a link to each KPI on Kolada, the
local trend per year, the "not split by sex" message only when true, the value grid,
and values that are not finite refused everywhere."""

import io
import math

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role
from jamkoll.indicators import gaps, imports, selectors, services
from jamkoll.indicators.models import ImportRun, Indicator, LocalValue, Value
from jamkoll.indicators.tests import fake_kolada
from jamkoll.indicators.tests.factories import KoladaIndicatorFactory, series

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def _local(world, *, code="L1", unit="", split=True, kind="year", org=None):
    return Indicator.objects.create(
        organisation=org or world.own.organisation,
        source="local",
        code=code,
        title="Andel kvinnor bland chefer",
        unit=unit,
        is_split_by_sex=split,
        period_kind=kind,
    )


def _store(indicator, rows, sub_period=0):
    """``{year: (women, men, total)}`` as organisation-wide local values."""
    for year, figures in rows.items():
        for gender, value in zip("KMT", figures, strict=True):
            if value is not None:
                LocalValue.objects.create(
                    indicator=indicator,
                    organisation=indicator.organisation,
                    period=year // 100 if sub_period else year,
                    sub_period=year % 100 if sub_period else 0,
                    gender=gender,
                    value=value,
                )


# --- gaps comparable across units ----------------------------------------------------


@pytest.fixture
def mixed_units(world):
    code = world.own.organisation.code
    merit = KoladaIndicatorFactory(code="N15413", title="Meritvärde åk 9", unit="poäng")
    series(merit, code, {2024: (238.0, 212.0, 225.0)})  # 26 points, 11,6 %
    employed = KoladaIndicatorFactory(
        code="N11800", title="Förvärvsarbetande, andel (%)", unit="%"
    )
    series(employed, code, {2024: (15.0, 5.0, 10.0)})  # 10 points of %, 100 %
    sick = KoladaIndicatorFactory(code="N00967", title="Sjukpenningtal", unit="dagar")
    series(sick, code, {2024: (13.5, 7.5, 10.5)})  # 6 days, 57,1 %
    return {"merit": merit, "employed": employed, "sick": sick}


def test_relative_gap_has_no_unit_and_is_missing_without_a_total():
    assert gaps.relative_gap(238, 212, 225) == pytest.approx(26 / 225)
    assert gaps.relative_gap(-5, 5, -10) == 1.0
    assert gaps.relative_gap(10, 5, None) is None
    assert gaps.relative_gap(10, 5, 0) is None
    assert gaps.relative_gap(None, 5, 7) is None


def test_gap_overview_ranks_on_the_gap_in_percent_of_the_total(world, mixed_units):
    overview = selectors.gap_overview(
        user=world.user(Role.READER), organisation=world.own.organisation
    )
    # By absolute size the meritvärde (26 points) would come first.
    assert [r.indicator.code for r in overview.rows] == ["N11800", "N00967", "N15413"]
    assert [round(r.relative_percent, 1) for r in overview.rows] == [100.0, 57.1, 11.6]


def test_gap_page_shows_each_gap_with_its_unit_and_says_how_it_ranks(
    client_for, mixed_units
):
    html = client_for(Role.READER).get(reverse("indicators:gaps")).content.decode()
    assert f"26{NBSP}poäng" in html
    assert f"6{NBSP}dagar" in html
    assert f"10{NBSP}procentenheter" in html
    assert f"57,1{NBSP}%" in html
    assert "rangordnas därför efter gapet i procent av totalen" in html
    assert html.index("Förvärvsarbetande") < html.index("Meritvärde")


def test_a_row_without_a_total_comes_last(world, mixed_units):
    code = world.own.organisation.code
    no_total = KoladaIndicatorFactory(code="N00001", title="Utan totalt", unit="%")
    series(no_total, code, {2024: (90.0, 10.0, None)})
    rows = selectors.gap_overview(
        user=world.user(Role.READER), organisation=world.own.organisation
    ).rows
    assert rows[-1].indicator == no_total
    assert rows[-1].relative is None


# --- a link to each KPI on Kolada ----------------------------------------------------


def test_kolada_kpi_links_to_its_page_on_kolada_and_local_indicators_do_not(
    client_for, world, mixed_units
):
    client = client_for(Role.READER)
    html = client.get(mixed_units["merit"].get_absolute_url()).content.decode()
    assert (
        '<a href="https://www.kolada.se/verktyg/fri-sokning/?kpis=N15413" '
        'rel="external">Meritvärde åk 9 (N15413) på Kolada</a>'
    ) in html
    gaps_html = client.get(reverse("indicators:gaps")).content.decode()
    assert "?kpis=N11800" in gaps_html
    assert ">N11800 på Kolada</a>" in gaps_html
    local = _local(world)
    assert local.kolada_url == ""
    assert "kolada.se" not in client.get(local.get_absolute_url()).content.decode()


# --- the local indicator's trend per year --------------------------------------------


def test_local_trend_is_per_year_not_per_period_key(client_for, world):
    indicator = _local(world, unit="%")
    _store(indicator, {2022: (10, 8, 9), 2023: (12, 8, 10), 2024: (14, 8, 11)})
    response = client_for(Role.READER).get(indicator.get_absolute_url())
    detail = response.context["detail"]
    assert [r.gap for r in detail.rows] == [2, 4, 6]
    assert detail.trend_per_year == 2.0  # was 0.02: the key is year × 100
    assert f"trend för gapet kvinnor − män: 2{NBSP}procentenheter per år" in (
        response.content.decode()
    )


def test_local_trend_per_year_for_tertials(world):
    indicator = _local(world, kind="tertial")
    # The gap grows by 1 each tertial, so by 3 a year; across the new year too.
    _store(
        indicator,
        {202301: (1, 0, 1), 202302: (2, 0, 1), 202303: (3, 0, 2), 202401: (4, 0, 2)},
        sub_period=True,
    )
    detail = selectors.indicator_detail(
        indicator=indicator, organisation=world.own.organisation
    )
    assert [r.label for r in detail.rows] == [
        "2023 T1",
        "2023 T2",
        "2023 T3",
        "2024 T1",
    ]
    assert detail.trend_per_year == 3.0


# --- "not split by sex" only when true ------------------------------------------------


NOT_SPLIT = "Den här indikatorn är inte uppdelad på kön"


def test_not_split_message_only_when_there_are_no_figures_for_women_and_men(
    client_for, world
):
    client = client_for(Role.READER)
    flagged_but_split = _local(world, code="L1", split=False)
    _store(flagged_but_split, {2024: (40, 60, 50)})
    response = client.get(flagged_but_split.get_absolute_url())
    assert response.context["detail"].is_split is True
    assert NOT_SPLIT not in response.content.decode()

    empty = _local(world, code="L2")
    html = client.get(empty.get_absolute_url()).content.decode()
    assert NOT_SPLIT not in html

    total_only = _local(world, code="L3")
    _store(total_only, {2024: (None, None, 50)})
    response = client.get(total_only.get_absolute_url())
    assert response.context["detail"].not_split is True
    assert NOT_SPLIT in response.content.decode()


def test_gap_overview_uses_the_figures_not_the_flag(world):
    code = world.own.organisation.code
    flagged = KoladaIndicatorFactory(
        code="N00002", title="Flagga", is_split_by_sex=False
    )
    series(flagged, code, {2024: (30.0, 20.0, 25.0)})
    overview = selectors.gap_overview(
        user=world.user(Role.READER), organisation=world.own.organisation
    )
    assert [r.indicator for r in overview.rows] == [flagged]
    assert overview.not_split == []


# --- the year × K/M/T grid -----------------------------------------------------------


def _grid_url(indicator):
    return reverse("indicators:value_grid", args=[indicator.pk])


def test_grid_shows_years_and_stored_figures_with_decimal_comma(client_for, world):
    indicator = _local(world)
    _store(indicator, {2019: (12.5, 10, None)})
    response = client_for(Role.STRATEGIST).get(_grid_url(indicator))
    form = response.context["form"]
    this_year = timezone.localdate().year
    assert form.years == list(range(2019, this_year + 1))
    html = response.content.decode()
    assert 'name="v-2019-K" value="12,5"' in html
    assert 'name="v-2019-M" value="10"' in html
    assert '<th scope="col">Kvinnor</th>' in html
    assert 'class="visually-hidden">Kvinnor 2019</label>' in html


def test_grid_saves_typed_figures_and_removes_emptied_ones(client_for, world):
    indicator = _local(world)
    _store(indicator, {2024: (1, 2, 3)})
    response = client_for(Role.STRATEGIST).post(
        _grid_url(indicator),
        {"v-2024-K": "", "v-2024-M": "2", "v-2024-T": "3", "v-2025-K": "1 234,5"},
    )
    assert response.status_code == 302
    stored = selectors.local_year_figures(indicator=indicator)
    assert stored == {(2024, "M"): 2.0, (2024, "T"): 3.0, (2025, "K"): 1234.5}
    # What the user sees on the other side: the indicator page with the figures.
    page = client_for(Role.STRATEGIST).get(response["Location"])
    assert "1\xa0234,5" in page.content.decode()


@pytest.mark.parametrize("typed", ["abc", "NaN", "inf", "-Infinity", "1e999", "12,5,3"])
def test_grid_refuses_a_bad_cell_keeps_what_was_typed_and_saves_nothing(
    client_for, world, typed
):
    indicator = _local(world)
    response = client_for(Role.STRATEGIST).post(
        _grid_url(indicator), {"v-2024-K": "40,5", "v-2024-M": typed}
    )
    assert response.status_code == 400
    assert not LocalValue.objects.exists()
    html = response.content.decode()
    assert 'name="v-2024-K" value="40,5"' in html
    assert f'name="v-2024-M" value="{typed}"' in html
    errors = response.context["form"].errors["v-2024-M"]
    assert errors[0].startswith(typed)
    assert "Skriv" in errors[0]
    assert 'aria-describedby="id_v-2024-M_error"' in html
    assert '<a href="#id_v-2024-M">Män 2024:' in html


def test_grid_for_an_indicator_not_split_by_sex_has_only_a_total_column(
    client_for, world
):
    indicator = _local(world, split=False)
    form = client_for(Role.STRATEGIST).get(_grid_url(indicator)).context["form"]
    assert [g for g, _label in form.genders] == ["T"]


def test_grid_of_another_organisation_is_404_and_readers_are_refused(client_for, world):
    other = _local(world, org=world.other.organisation)
    assert client_for(Role.ADMIN).get(_grid_url(other)).status_code == 404
    own = _local(world)
    response = client_for(Role.READER).post(_grid_url(own), {"v-2024-T": "1"})
    assert response.status_code == 403
    assert not LocalValue.objects.exists()


def test_grid_service_is_all_or_nothing(world):
    indicator = _local(world)
    with pytest.raises(ValidationError):
        services.save_local_year_values(
            indicator=indicator,
            by=world.user(Role.STRATEGIST),
            figures={(2024, "K"): 1.0, (2024, "M"): math.inf},
        )
    assert not LocalValue.objects.exists()


# --- values that are not finite refused everywhere -----------------------------------


@pytest.mark.parametrize("typed", ["nan", "inf", "1e999", "-1E999"])
def test_parse_number_refuses_values_that_are_not_finite(typed):
    with pytest.raises(ValidationError) as error:
        imports.parse_number(typed)
    assert error.value.code == "not_finite"


def test_parse_number_reads_swedish_figures():
    assert imports.parse_number("1 234,5") == 1234.5
    assert imports.parse_number("1\xa0234,5") == 1234.5
    assert imports.parse_number("−3,25") == -3.25
    assert imports.parse_number("12.5") == 12.5
    assert imports.parse_number("  ") is None
    with pytest.raises(ValidationError):
        imports.parse_number("1_000")


def test_service_refuses_a_value_that_is_not_finite(world):
    indicator = _local(world)
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValidationError) as error:
            services.save_local_value(
                indicator=indicator,
                by=world.user(Role.STRATEGIST),
                period=2024,
                gender="T",
                value=bad,
            )
        assert "ändligt tal" in " ".join(error.value.messages)
    assert not LocalValue.objects.exists()


def test_single_value_form_refuses_infinity_and_accepts_a_decimal_comma(
    client_for, world
):
    indicator = _local(world)
    client = client_for(Role.STRATEGIST)
    url = reverse("indicators:value_create", args=[indicator.pk])
    data = {"period": "2024", "sub_period": "0", "gender": "T"}
    bad = client.post(url, {**data, "value": "1e999"})
    assert bad.status_code == 400
    assert "1e999 är inget ändligt tal" in bad.content.decode()
    assert not LocalValue.objects.exists()
    assert client.post(url, {**data, "value": "17,5"}).status_code == 302
    assert LocalValue.objects.get().value == 17.5


def test_file_import_reports_values_that_are_not_finite_by_row(world):
    indicator = _local(world)
    text = (
        "år;kön;värde\n2023;K;12,5\n2023;M;NaN\n2023;T;1e999\n1e999;T;1\n2024;T;inf\n"
    )
    result = imports.import_local_values(
        indicator=indicator,
        by=world.user(Role.STRATEGIST),
        rows=imports.read_table("v.csv", io.BytesIO(text.encode())),
    )
    assert result.saved == 1
    assert [(e.row, e.reason) for e in result.errors] == [
        (3, "värdet NaN är inget ändligt tal"),
        (4, "värdet 1e999 är inget ändligt tal"),
        (5, "perioden 1e999 är inget årtal"),
        (6, "värdet inf är inget ändligt tal"),
    ]
    assert list(LocalValue.objects.values_list("value", flat=True)) == [12.5]


def test_file_import_from_excel_refuses_infinity(world):
    from openpyxl import Workbook

    indicator = _local(world)
    book = Workbook()
    sheet = book.active
    sheet.append(["period", "gender", "value"])
    sheet.append([2023, "K", 12.5])
    sheet.append([2023, "M", "1e999"])
    handle = io.BytesIO()
    book.save(handle)
    handle.seek(0)
    result = imports.import_local_values(
        indicator=indicator,
        by=world.user(Role.STRATEGIST),
        rows=imports.read_table("v.xlsx", handle),
    )
    assert result.saved == 1
    assert [e.row for e in result.errors] == [3]


def test_kolada_sync_skips_values_that_are_not_finite_with_a_reason(monkeypatch):
    real = fake_kolada.value_for

    def value_for(kpi, municipality, year, gender):
        if (municipality, year, gender) == ("0484", 2020, "K"):
            return math.nan
        if (municipality, year, gender) == ("0000", 2021, "M"):
            return math.inf
        return real(kpi, municipality, year, gender)

    monkeypatch.setattr(fake_kolada, "value_for", value_for)
    run = imports.start_kolada_import(
        by=None,
        organisation=None,
        kpis=["N00001"],
        municipalities=["0484", "0000"],
        years=[2020, 2021],
        base_url=fake_kolada.BASE,
    )
    run = imports.run_kolada_import(run=run, client=fake_kolada.FakeKolada().client())
    assert run.status == ImportRun.Status.DONE
    assert Value.objects.count() == run.values_saved == 2 * 2 * 3 - 2
    assert all(math.isfinite(v) for v in Value.objects.values_list("value", flat=True))
    assert not Value.objects.filter(
        municipality__code="0484", period=2020, gender="K"
    ).exists()
    assert len(run.errors) == 2
    assert run.errors[0].startswith(
        "Kolada gav ett värde som inte är ett ändligt tal för N00001, 0484, 2020, K"
    )
    assert run.errors[0].endswith("värdet hoppades över.")
