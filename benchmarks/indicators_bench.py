"""Indicator benchmarks: Kolada import throughput and the gender-gap overview.

Run: ``.venv/bin/python -m benchmarks.indicators_bench`` (or ``make bench``).
Each database is measured in a fresh subprocess (Django is configured once per
process): a temporary SQLite file always, and PostgreSQL when
``BENCH_DATABASE_URL`` is set (the database is migrated and its indicator tables
emptied first, so point it at a scratch database).

1. import: 500 KPIs × 20 years × 2 municipalities (0484 and Riket) × 3 genders
   = 60 000 values, served as recorded answers by the local Kolada stub (20 data
   requests of 25 KPIs and both municipalities), imported twice (insert, then upsert of the same rows);
2. gap overview: ``selectors.gap_overview`` for 0484 over the same 500 KPIs ×
   20 years, best of 5.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_KPIS = 500
YEARS = list(range(2004, 2024))
PLACES = ["0484", "0000"]
ROUNDS = 5


def _answer_for(kpis: list[str], places: list[str]) -> bytes:
    values = [
        {
            "kpi": kpi,
            "municipality": place,
            "period": year,
            "values": [
                {
                    "count": 1,
                    "gender": "K",
                    "status": "",
                    "value": None if (k + year) % 97 == 0 else 30.0 + k % 17 + year % 7,
                },
                {
                    "count": 1,
                    "gender": "M",
                    "status": "",
                    "value": 20.0 + k % 13 + year % 5,
                },
                {
                    "count": 1,
                    "gender": "T",
                    "status": "",
                    "value": 25.0 + k % 11 + year % 3,
                },
            ],
        }
        for k, kpi in enumerate(kpis)
        for place in places
        for year in YEARS
    ]
    return json.dumps(
        {"count": len(values), "values": values, "next_url": None}
    ).encode()


def _worker() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.core.management import call_command

    from jamkoll.accounts.models import Role, RoleAssignment, User
    from jamkoll.indicators import imports, kolada, selectors
    from jamkoll.indicators.models import ImportRun, Indicator, Value
    from jamkoll.indicators.tests.kolada_stub import KoladaStub, StubResponse
    from jamkoll.organisations.models import Organisation

    call_command("migrate", verbosity=0)
    Value.objects.all().delete()
    ImportRun.objects.all().delete()
    Indicator.objects.filter(source="kolada").delete()
    kpis = [f"N{i:05d}" for i in range(N_KPIS)]
    routes: dict[str, str | StubResponse] = {}
    for batch in kolada.chunked(kpis):
        ids = ",".join(batch)
        meta = [
            {"id": k, "title": f"Nyckeltal {k}", "is_divided_by_gender": True}
            for k in batch
        ]
        routes[f"kpi/{ids}"] = StubResponse(
            body=json.dumps(
                {"count": len(meta), "values": meta, "next_url": None}
            ).encode()
        )
        routes[
            f"data/kpi/{ids}/municipality/{','.join(PLACES)}/year/{','.join(map(str, YEARS))}"
        ] = StubResponse(body=_answer_for(batch, PLACES))
    places = [
        {"id": "0484", "title": "Eskilstuna", "type": "K"},
        {"id": "0000", "title": "Riket", "type": "L"},
    ]
    routes["municipality/0484,0000"] = StubResponse(
        body=json.dumps({"count": 2, "values": places, "next_url": None}).encode()
    )
    timings = []
    with KoladaStub(routes=routes) as stub:
        for _ in range(2):
            run = imports.start_kolada_import(
                by=None,
                organisation=None,
                kpis=kpis,
                municipalities=PLACES,
                years=YEARS,
                base_url=stub.base_url,
            )
            started = time.perf_counter()
            with kolada.KoladaClient(base_url=stub.base_url) as client:
                run = imports.run_kolada_import(run=run, client=client)
            timings.append(time.perf_counter() - started)
            assert run.status == "done", run.errors  # noqa: S101
    stored = Value.objects.count()
    organisation = Organisation.objects.get_or_create(
        code="0484", defaults={"name": "Eskilstuna kommun"}
    )[0]
    user = User.objects.get_or_create(username="bench")[0]
    RoleAssignment.objects.get_or_create(
        user=user, organisation=organisation, role=Role.READER
    )
    best = float("inf")
    rows = 0
    for _ in range(ROUNDS):
        started = time.perf_counter()
        overview = selectors.gap_overview(user=user, organisation=organisation)
        best = min(best, time.perf_counter() - started)
        rows = len(overview.rows)
    print(
        json.dumps(
            {
                "insert_s": timings[0],
                "upsert_s": timings[1],
                "values": stored,
                "overview_s": best,
                "overview_rows": rows,
            }
        )
    )


def _measure(label: str, database_url: str) -> None:
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.test",
    )
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.indicators_bench", "--worker"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if result.returncode != 0:
        print(f"indicators {label}: failed\n{result.stderr[-2000:]}")
        return
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    values = figures["values"]
    print(
        f"indicators import into {label}: {values} values; "
        f"insert {figures['insert_s']:.2f} s ({values / figures['insert_s']:,.0f} values/s), "
        f"re-import/upsert {figures['upsert_s']:.2f} s ({values / figures['upsert_s']:,.0f} values/s)"
    )
    print(
        f"indicators gap overview on {label}: {N_KPIS} KPIs x {len(YEARS)} years, "
        f"{figures['overview_rows']} rows in {figures['overview_s'] * 1000:.0f} ms (best of {ROUNDS})"
    )


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="jamkoll-bench-") as tmp:
        _measure("SQLite", f"sqlite:///{tmp}/bench.sqlite3")
    if os.environ.get("BENCH_DATABASE_URL"):
        _measure("PostgreSQL", os.environ["BENCH_DATABASE_URL"])
    else:
        print("indicators on PostgreSQL: skipped (set BENCH_DATABASE_URL to measure)")


if __name__ == "__main__":
    if "--worker" in sys.argv:
        _worker()
    else:
        run()
