"""Issue 12: the local-figures import is bounded while reading, large files go to a
task with a progress page, and values that are not finite are refused by row."""

import time
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.core import tables
from jamkoll.core.tests.big_sheets import ROWS, RowSpy, big_xlsx
from jamkoll.indicators import imports, tasks
from jamkoll.indicators.models import Indicator, LocalImport, LocalValue

BIG = (("period", "gender", "value"), (2024, "T", 12.5))


@pytest.fixture
def indicator(world):
    return Indicator.objects.create(
        organisation=world.own.organisation,
        source=Indicator.Source.LOCAL,
        code="L1",
        title="Andel kvinnor bland chefer",
        period_kind=Indicator.PeriodKind.MONTH,
    )


def _post(client, indicator, content: bytes, name: str):
    return client.post(
        reverse("indicators:local_import"),
        {"indicator": indicator.pk, "file": SimpleUploadedFile(name, content)},
    )


def test_a_200_000_row_sheet_is_answered_within_a_second_then_refused_by_the_task(
    world, client_for, indicator, monkeypatch
):
    content = big_xlsx(*BIG)
    client = client_for(Role.STRATEGIST)
    assert client.get(reverse("indicators:local_import")).status_code == 200
    with mock.patch("jamkoll.indicators.views.tasks") as queue:
        started = time.perf_counter()
        response = _post(client, indicator, content, "varden.xlsx")
        elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"the request took {elapsed:.2f} s"
    job = LocalImport.objects.get()
    assert response.status_code == 303
    assert response["Location"] == reverse(
        "indicators:local_import_detail", args=[job.pk]
    )
    queue.run_local_import.enqueue.assert_called_once_with(job.pk)
    assert (job.status, job.indicator) == (LocalImport.Status.PENDING, indicator)
    assert not LocalValue.objects.exists()

    spy = RowSpy(tables.iter_rows)
    monkeypatch.setattr(tables, "iter_rows", spy)
    tasks.run_local_import.call(job.pk)
    assert spy.pulled <= 1 + imports.MAX_LOCAL_ROWS + 1 < ROWS
    job.refresh_from_db()
    assert job.status == LocalImport.Status.FAILED
    assert not LocalValue.objects.exists()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Filen har fler än 5\xa0000 rader: rad 5\xa0002" in html


def _csv(rows: int) -> str:
    lines = ["år;månad;kön;värde"]
    for n in range(rows):
        year, month = 2000 + n // 36, 1 + (n // 3) % 12
        lines.append(f"{year};{month};{'TKM'[n % 3]};{n},5")
    return "\n".join(lines) + "\n"


def test_a_file_of_600_rows_is_imported_by_a_task_and_its_page_shows_the_result(
    world, client_for, indicator
):
    text = _csv(597) + "2030;1;T;inf\n2030;2;T;nan\n2030;3;T;1e309\n"
    client = client_for(Role.STRATEGIST)
    response = _post(client, indicator, text.encode(), "varden.csv")
    job = LocalImport.objects.get()
    assert response.status_code == 303
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == LocalImport.Status.DONE
    assert (job.rows_total, job.rows_saved) == (600, 597)
    assert [e["row"] for e in job.errors] == [599, 600, 601]
    assert LocalValue.objects.filter(indicator=indicator).count() == 597
    html = client.get(response["Location"]).content.decode()
    assert "600 av 600 rader behandlade: 597 sparade, 3 inte sparade." in html
    assert "värdet inf är inget ändligt tal" in html
    assert "värdet nan är inget ändligt tal" in html
    assert "värdet 1e309 är inget ändligt tal" in html
    assert 'aria-live="polite"' in html
    assert 'hx-trigger="every 2s"' not in html


def test_values_that_are_not_finite_are_refused_by_row_in_the_request(
    world, client_for, indicator
):
    text = "år;månad;kön;värde\n2023;1;K;12,5\n2023;1;M;inf\n2024;1;K;nan\n2024;1;M;1e309\n"
    response = _post(
        client_for(Role.STRATEGIST), indicator, text.encode(), "varden.csv"
    )
    assert response.status_code == 400
    assert [(e.row, e.reason) for e in response.context["result"].errors] == [
        (3, "värdet inf är inget ändligt tal"),
        (4, "värdet nan är inget ändligt tal"),
        (5, "värdet 1e309 är inget ändligt tal"),
    ]
    assert list(LocalValue.objects.values_list("value", flat=True)) == [12.5]
    assert not LocalImport.objects.exists()


def test_a_file_beyond_the_limit_is_refused_naming_limit_and_row(world, indicator):
    from django.core.exceptions import ValidationError

    text = _csv(imports.MAX_LOCAL_ROWS + 1)
    import io

    with pytest.raises(ValidationError) as error:
        imports.read_table("v.csv", io.BytesIO(text.encode()))
    assert error.value.messages[0].startswith(
        "Filen har fler än 5\xa0000 rader: rad 5\xa0002"
    )


def test_the_progress_page_of_another_organisation_is_a_404(
    world, client_for, indicator
):
    other = Indicator.objects.create(
        organisation=world.other.organisation, source="local", code="L9", title="X"
    )
    job = imports.queue_local_import(
        indicator=other, by=world.outsider, filename="a.csv", kind="csv", content=b"x"
    )
    assert client_for(Role.STRATEGIST).get(job.get_absolute_url()).status_code == 404
    assert client_for(Role.READER).get(job.get_absolute_url()).status_code == 404


def test_a_reader_may_not_queue_an_import(world, indicator):
    with pytest.raises(PermissionDenied):
        imports.queue_local_import(
            indicator=indicator,
            by=world.user(Role.READER),
            filename="a.csv",
            kind="csv",
            content=b"x",
        )
    assert not LocalImport.objects.exists()
