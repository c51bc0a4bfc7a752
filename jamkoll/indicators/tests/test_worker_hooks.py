"""A Kolada import whose worker died is shown as failed and resumable, not as
"running" for ever (`indicators/worker_hooks.py`, called by `core.tasks`)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from jamkoll.core import tasks as core_tasks
from jamkoll.indicators import tasks
from jamkoll.indicators.models import ImportRun


def test_an_import_whose_worker_died_becomes_resumable(world, client_for) -> None:
    run = ImportRun.objects.create(
        organisation=world.own.organisation,
        kpis=["N07609"],
        municipalities=[world.own.organisation.code],
        years=[2020],
        base_url="https://api.kolada.se/v3/",
        status=ImportRun.Status.RUNNING,
        done_batches=["kpi/N07609/municipality/0001/year/2020"],
    )
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [run.pk], "kwargs": {}},
        task_path=tasks.run_import.module_path,
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        status="RUNNING",
        worker_ids=["killed-worker"],
        started_at=timezone.now() - dt.timedelta(minutes=5),
    )

    [found] = core_tasks.recover_abandoned_tasks()

    assert found.retried is False
    row.refresh_from_db()
    assert row.status == "FAILED"
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PARTIAL
    assert run.can_resume
    page = client_for("strategist").get(
        reverse("indicators:import_detail", args=[run.pk])
    )
    html = page.content.decode()
    assert "Arbetsprocessen avbröts under importen; den kan återupptas." in html
    assert "Återuppta importen" in html


def test_a_local_import_whose_worker_died_ends_failed(world) -> None:
    from jamkoll.indicators.models import Indicator, LocalImport

    indicator = Indicator.objects.create(
        organisation=world.own.organisation, source="local", code="L1", title="Lokal"
    )
    job = LocalImport.objects.create(
        organisation=world.own.organisation,
        indicator=indicator,
        filename="varden.csv",
        kind="csv",
        status=LocalImport.Status.RUNNING,
    )
    row = DBTaskResult.objects.create(
        args_kwargs={"args": [job.pk], "kwargs": {}},
        task_path=tasks.run_local_import.module_path,
        backend_name="default",
        run_after=get_date_max(),
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        status="RUNNING",
        worker_ids=["killed-worker"],
        started_at=timezone.now() - dt.timedelta(minutes=5),
    )

    core_tasks.recover_abandoned_tasks()

    job.refresh_from_db()
    assert job.status == LocalImport.Status.FAILED
    assert job.fatal.startswith("Importen")
