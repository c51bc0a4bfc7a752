import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from jamkoll.accounts.models import Role
from jamkoll.indicators import imports
from jamkoll.indicators.kolada import KoladaClient
from jamkoll.indicators.models import ImportRun, Indicator, LocalValue, Value
from jamkoll.indicators.tests.fake_kolada import BASE, FakeKolada
from jamkoll.indicators.tests.kolada_stub import KoladaStub

STUB_YEARS = [2019, 2021, 2023]
STUB_PLACES = ["0484", "2480", "1880", "0000"]


def _start(kpis, places=("0484", "0000"), years=(2020, 2021), base_url=BASE, **kw):
    return imports.start_kolada_import(
        by=None,
        organisation=None,
        kpis=list(kpis),
        municipalities=list(places),
        years=list(years),
        base_url=base_url,
        **kw,
    )


@pytest.mark.django_db
def test_import_from_recorded_answers_is_idempotent():
    with KoladaStub() as stub:
        for _ in range(2):
            run = _start(["N07609"], STUB_PLACES, STUB_YEARS, base_url=stub.base_url)
            with KoladaClient(base_url=stub.base_url) as client:
                run = imports.run_kolada_import(run=run, client=client)
            assert run.status == ImportRun.Status.DONE
    indicator = Indicator.objects.get(code="N07609")
    assert indicator.is_split_by_sex is True
    assert indicator.organisation is None
    rows = Value.objects.filter(indicator=indicator)
    # Three pages of recorded answers; a second import updates, never duplicates.
    assert rows.count() == run.values_saved
    assert (
        rows.filter(municipality__code="0484", period=2019, gender="K").get().value
        == 41.2
    )
    assert len({(v.municipality_id, v.period, v.gender) for v in rows}) == rows.count()


@pytest.mark.django_db
def test_reimport_updates_changed_figures():
    fake = FakeKolada()
    run = imports.run_kolada_import(run=_start(["N00001"]), client=fake.client())
    point = Value.objects.get(municipality__code="0484", period=2020, gender="K")
    point.value = 999
    point.save()
    imports.run_kolada_import(run=_start(["N00001"]), client=fake.client())
    point.refresh_from_db()
    assert point.value != 999
    assert Value.objects.count() == run.values_saved == 1 * 2 * 2 * 3


@pytest.mark.django_db
def test_missing_values_are_stored_as_missing_not_zero():
    with KoladaStub() as stub:
        run = _start(["N07609"], STUB_PLACES, STUB_YEARS, base_url=stub.base_url)
        with KoladaClient(base_url=stub.base_url) as client:
            imports.run_kolada_import(run=run, client=client)
    assert Value.objects.filter(value__isnull=True).exists()
    assert not Value.objects.filter(value=0).exists()


@pytest.mark.django_db
def test_partial_import_is_reported_and_resumes_without_refetching_done_batches():
    kpis = [f"N{i:05d}" for i in range(30)]  # two batches: 25 + 5 KPIs
    failing = {"on": True}
    fake = FakeKolada(
        fail=lambda url: failing["on"] and "N00025" in url and "/data/" in url
    )
    run = imports.run_kolada_import(run=_start(kpis), client=fake.client())
    assert run.status == ImportRun.Status.PARTIAL
    assert run.batches_total == 2
    assert len(run.done_batches) == 1
    assert "Kolada" in run.errors[-1]
    assert Value.objects.count() == 25 * 2 * 2 * 3

    failing["on"] = False
    fake.requests.clear()
    run = imports.run_kolada_import(run=run, client=fake.client())
    assert run.status == ImportRun.Status.DONE
    data_requests = [u for u in fake.requests if "/data/" in u]
    assert len(data_requests) == 1
    assert "N00025" in data_requests[0]
    assert Value.objects.count() == 30 * 2 * 2 * 3


@pytest.mark.django_db
def test_unknown_kpi_fails_with_a_clear_message_and_stores_nothing():
    fake = FakeKolada(unknown_kpis={"N99999"})
    run = imports.run_kolada_import(
        run=_start(["N00001", "N99999"]), client=fake.client()
    )
    assert run.status == ImportRun.Status.FAILED
    assert run.errors == [imports.UNKNOWN_KPI % {"ids": "N99999"}]
    assert Value.objects.count() == 0


@pytest.mark.django_db
def test_unknown_kpi_from_recorded_empty_answer():
    with KoladaStub() as stub:
        run = _start(["N00000"], ["0484"], [2020], base_url=stub.base_url)
        with KoladaClient(base_url=stub.base_url) as client:
            run = imports.run_kolada_import(run=run, client=client)
    assert run.status == ImportRun.Status.FAILED
    assert "N00000" in run.errors[0]


@pytest.mark.django_db
def test_unknown_municipality_fails_with_a_clear_message():
    run = imports.run_kolada_import(
        run=_start(["N00001"], ["9999"]), client=FakeKolada().client()
    )
    assert run.status == ImportRun.Status.FAILED
    assert run.errors == [imports.UNKNOWN_MUNICIPALITY % {"ids": "9999"}]


@pytest.mark.django_db
def test_kolada_down_fails_with_a_clear_message():
    fake = FakeKolada(fail=lambda url: True)
    run = imports.run_kolada_import(run=_start(["N00001"]), client=fake.client())
    assert run.status == ImportRun.Status.FAILED
    assert run.errors[0].startswith(str(imports.KOLADA_DOWN).split("(")[0].strip()[:20])
    assert run.can_resume


def test_malformed_ids_are_refused_before_asking_kolada():
    with pytest.raises(ValidationError) as error:
        imports.validate_request(["n07609x!"], ["484"], [1800])
    assert set(error.value.message_dict) == {"kpis", "municipalities", "years"}


def test_years_are_parsed_from_ranges_and_lists():
    assert imports.parse_years("2015-2017, 2020") == [2015, 2016, 2017, 2020]
    assert imports.parse_ids("n07609, N07609 u00011") == ["N07609", "U00011"]


@pytest.mark.django_db
def test_a_user_without_the_manage_role_cannot_start_an_import(world):
    with pytest.raises(PermissionDenied):
        imports.start_kolada_import(
            by=world.user(Role.POLITICIAN),
            organisation=world.own.organisation,
            kpis=["N00001"],
            municipalities=["0001"],
            years=[2020],
            base_url=BASE,
        )


@pytest.mark.django_db
def test_command_imports_with_a_progress_bar_and_reports_unknown_kpi():
    with KoladaStub() as stub:
        out, err = io.StringIO(), io.StringIO()
        call_command(
            "kolada",
            "import",
            "--kpi",
            "N07609",
            "--municipality",
            "0484,2480,1880,0000",
            "--years",
            "2019,2021,2023",
            "--base-url",
            stub.base_url,
            stdout=out,
            stderr=err,
        )
        assert Value.objects.filter(indicator__code="N07609").exists()
        assert str(ImportRun.objects.get().values_saved) in out.getvalue()
        with pytest.raises(CommandError, match="N00000"):
            call_command(
                "kolada",
                "import",
                "--kpi",
                "N00000",
                "--municipality",
                "0484",
                "--years",
                "2020",
                "--base-url",
                stub.base_url,
                "--no-progress",
                stdout=io.StringIO(),
                stderr=io.StringIO(),
            )


@pytest.mark.django_db
def test_command_reads_the_base_url_setting_at_call_time(settings):
    with KoladaStub() as stub:
        settings.KOLADA_BASE_URL = stub.base_url
        call_command(
            "kolada",
            "import",
            "--kpi",
            "N07609",
            "--municipality",
            "0484,2480,1880,0000",
            "--years",
            "2019,2021,2023",
            "--no-progress",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        assert ImportRun.objects.get().base_url == stub.base_url


@pytest.mark.django_db
def test_command_reports_a_partial_import_and_how_to_resume(settings):
    with (
        KoladaStub(
            routes={
                "kpi/N07609": "kpi_N07609.json",
                "municipality/0484": "municipality_0484_2480_1880_0000.json",
            }
        ) as stub,
        pytest.raises(CommandError, match="Kolada"),
    ):
        call_command(
            "kolada",
            "import",
            "--kpi",
            "N07609",
            "--municipality",
            "0484",
            "--years",
            "2020",
            "--base-url",
            stub.base_url,
            "--no-progress",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


@pytest.mark.django_db
def test_export_writes_rows_with_empty_cells_for_missing_values(tmp_path):
    run = imports.run_kolada_import(
        run=_start(["N00001"]), client=FakeKolada().client()
    )
    assert run.status == ImportRun.Status.DONE
    Value.objects.filter(period=2020, gender="M", municipality__code="0484").update(
        value=None
    )
    path = tmp_path / "out.csv"
    call_command(
        "indicators",
        "export",
        "--municipality",
        "0484",
        "--format",
        "csv",
        "--output",
        str(path),
        stderr=io.StringIO(),
    )
    lines = path.read_text().splitlines()
    assert lines[0] == "kpi,municipality,period,gender,value"
    assert "N00001,0484,2020,M," in lines
    assert len(lines) == 1 + 2 * 3
    xlsx = tmp_path / "out.xlsx"
    call_command(
        "indicators",
        "export",
        "--municipality",
        "0484",
        "--kpi",
        "N00001",
        "--format",
        "xlsx",
        "--output",
        str(xlsx),
        stderr=io.StringIO(),
    )
    from openpyxl import load_workbook

    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[0] == ("kpi", "municipality", "period", "gender", "value")
    assert len(rows) == 7


@pytest.mark.django_db
def test_local_import_keeps_good_rows_and_reports_bad_ones_by_row(world):
    org = world.own.organisation
    indicator = Indicator.objects.create(
        organisation=org, source="local", code="L1", title="Lokal"
    )
    text = (
        "period;gender;value\n2023;K;12,5\ntjugo;K;1\n2023;X;1\n2023;M;abc\n2024;T;\n"
    )
    rows = imports.read_table("v.csv", io.BytesIO(text.encode()))
    result = imports.import_local_values(
        indicator=indicator, by=world.user(Role.STRATEGIST), rows=rows
    )
    assert result.saved == 2
    assert [e.row for e in result.errors] == [3, 4, 5]
    assert "tjugo" in result.errors[0].reason
    assert LocalValue.objects.get(period=2023, gender="K").value == 12.5
    assert LocalValue.objects.get(period=2024, gender="T").value is None


@pytest.mark.django_db
def test_local_import_refuses_a_file_without_the_needed_columns(world):
    org = world.own.organisation
    indicator = Indicator.objects.create(
        organisation=org, source="local", code="L1", title="Lokal"
    )
    with pytest.raises(ValidationError):
        imports.import_local_values(
            indicator=indicator,
            by=world.user(Role.STRATEGIST),
            rows=[["year", "amount"]],
        )
