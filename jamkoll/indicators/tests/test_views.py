import pytest
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.indicators import selectors
from jamkoll.indicators.gaps import MSG_NOT_SPLIT_BY_SEX, Direction
from jamkoll.indicators.models import ImportRun, Indicator, LocalValue, Value
from jamkoll.indicators.tests.factories import KoladaIndicatorFactory, series
from jamkoll.indicators.tests.kolada_stub import KoladaStub

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(world):
    code = world.own.organisation.code
    narrowing = KoladaIndicatorFactory(code="N00001", title="Förvärvsarbetande")
    series(
        narrowing, code, {2019: (40, 30, 35), 2020: (38, 30, 34), 2021: (36, 30, 33)}
    )
    series(narrowing, "0000", {2021: (35, 31, 33)})
    series(narrowing, "0003", {2021: (30, 28, 29)})
    series(narrowing, "0004", {2021: (33, 29, 31)})
    widening = KoladaIndicatorFactory(code="N00002", title="Sjukpenningtal")
    series(widening, code, {2019: (25, 30, 27), 2021: (20, 35, 27)})
    total_only = KoladaIndicatorFactory(
        code="N00003", title="Invånare", is_split_by_sex=False
    )
    Value.objects.create(
        indicator=total_only,
        municipality=narrowing.values.first().municipality,
        period=2021,
        gender="T",
        value=100,
    )
    return {"narrowing": narrowing, "widening": widening, "total_only": total_only}


def test_gap_overview_sorts_by_largest_gap_with_direction_and_national_gap(
    world, figures
):
    overview = selectors.gap_overview(
        user=world.user(Role.READER), organisation=world.own.organisation
    )
    assert [r.indicator.code for r in overview.rows] == ["N00002", "N00001"]
    widening, narrowing = overview.rows
    assert (widening.gap, widening.period, widening.direction) == (
        -15,
        2021,
        Direction.WIDENING,
    )
    assert (narrowing.gap, narrowing.direction, narrowing.national_gap) == (
        6,
        Direction.NARROWING,
        4,
    )
    assert narrowing.ratio == 1.2
    assert overview.not_split == [figures["total_only"]]


def test_gap_overview_compares_with_the_group_mean(world, figures, client):
    from jamkoll.indicators import services

    services.save_comparison_group(
        organisation=world.own.organisation,
        by=world.user(Role.STRATEGIST),
        name="Liknande kommuner",
        codes=["0003", "0004"],
    )
    overview = selectors.gap_overview(
        user=world.user(Role.READER), organisation=world.own.organisation
    )
    assert overview.rows[1].group_gap == 3  # mean of 2 and 4


def test_gap_overview_page_shows_gaps_source_and_not_split(client_for, figures):
    response = client_for(Role.READER).get(reverse("indicators:gaps"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Sjukpenningtal") < html.index("Förvärvsarbetande")
    assert "Källa: Kolada" in html
    assert "Invånare" in html


def test_gap_overview_query_count_does_not_grow_with_indicators(
    world, figures, django_assert_max_num_queries
):
    code = world.own.organisation.code
    for n in range(10, 30):
        indicator = KoladaIndicatorFactory(code=f"N{n:05d}")
        series(indicator, code, {2020: (n, 10, 12), 2021: (n + 1, 10, 12)})
    with django_assert_max_num_queries(6):
        overview = selectors.gap_overview(
            user=world.user(Role.READER), organisation=world.own.organisation
        )
    assert len(overview.rows) == 22


def test_indicator_page_has_chart_table_text_alternative_and_riket(client_for, figures):
    response = client_for(Role.POLITICIAN).get(figures["narrowing"].get_absolute_url())
    html = response.content.decode()
    assert "<svg" in html
    assert "<table" in html
    assert "Källa: Kolada" in html
    assert "<desc" in html
    detail = response.context["detail"]
    assert [r.gap for r in detail.rows] == [10, 8, 6]
    assert detail.rows[-1].national_total == 33
    assert detail.direction == Direction.NARROWING
    assert detail.trend_per_year == -2


def test_indicator_not_split_by_sex_says_so(client_for, figures):
    response = client_for(Role.READER).get(figures["total_only"].get_absolute_url())
    assert response.context["detail"].is_split is False
    assert "Den här indikatorn är inte uppdelad på kön" in response.content.decode()
    assert "inte uppdelad på kön" in MSG_NOT_SPLIT_BY_SEX


def test_demo_values_are_labelled(client_for, figures):
    Indicator.objects.filter(pk=figures["narrowing"].pk).update(is_demo=True)
    html = (
        client_for(Role.READER)
        .get(figures["narrowing"].get_absolute_url())
        .content.decode()
    )
    assert "inte riktiga siffror från Kolada" in html


def test_local_indicator_of_another_organisation_is_hidden(client_for, world):
    other = Indicator.objects.create(
        organisation=world.other.organisation, source="local", code="X", title="Annan"
    )
    response = client_for(Role.ADMIN).get(other.get_absolute_url())
    assert response.status_code == 404


def test_web_import_runs_as_task_and_shows_status(client_for, settings, world):
    client = client_for(Role.STRATEGIST)
    with KoladaStub() as stub:
        settings.KOLADA_BASE_URL = stub.base_url
        response = client.post(
            reverse("indicators:import_start"),
            {
                "kpis": "N07609",
                "municipalities": "0484, 2480, 1880, 0000",
                "years": "2019, 2021, 2023",
            },
        )
    run = ImportRun.objects.get()
    assert response.status_code == 302
    assert run.status == ImportRun.Status.DONE
    assert run.organisation == world.own.organisation
    page = client.get(run.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert b"import-status" in page.content
    assert b"<html" not in page.content


def test_web_import_form_keeps_input_and_explains_bad_ids(client_for):
    response = client_for(Role.STRATEGIST).post(
        reverse("indicators:import_start"),
        {"kpis": "hej!", "municipalities": "12", "years": "2020"},
    )
    assert response.status_code == 400
    assert "hej!" in response.content.decode()
    assert response.context["form"].errors.keys() == {"kpis", "municipalities"}


def test_local_value_entry_and_file_import_pages(client_for, world):
    client = client_for(Role.STRATEGIST)
    response = client.post(
        reverse("indicators:local_create"),
        {
            "code": "L1",
            "title": "Andel kvinnor i chefsposition",
            "unit": "%",
            "period_kind": "tertial",
            "is_split_by_sex": "",
        },
    )
    indicator = Indicator.objects.get(code="L1")
    assert response.status_code == 302
    bad = client.post(
        reverse("indicators:value_create", args=[indicator.pk]),
        {"period": 2024, "sub_period": 5, "gender": "T", "value": "40"},
    )
    assert bad.status_code == 400
    ok = client.post(
        reverse("indicators:value_create", args=[indicator.pk]),
        {"period": 2024, "sub_period": 2, "gender": "T", "value": "40"},
    )
    assert ok.status_code == 302
    assert LocalValue.objects.get().sub_period == 2
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "v.csv", b"period,sub_period,gender,value\n2024,3,T,41\n2024,x,T,1\n"
    )
    response = client.post(
        reverse("indicators:local_import"), {"indicator": indicator.pk, "file": upload}
    )
    assert response.status_code == 400
    assert [e.row for e in response.context["result"].errors] == [3]
    assert LocalValue.objects.count() == 2


def test_readers_cannot_post_an_import(client_for):
    response = client_for(Role.READER).post(
        reverse("indicators:import_start"),
        {"kpis": "N07609", "municipalities": "0484", "years": "2020"},
    )
    assert response.status_code == 403
    assert not ImportRun.objects.exists()


def test_indicator_list_query_count(client_for, figures, django_assert_max_num_queries):
    client = client_for(Role.READER)
    client.get(reverse("indicators:list"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("indicators:list"))
    assert "N00001" in response.content.decode()
