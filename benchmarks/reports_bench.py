"""Yearly report generation (DOCX and PDF) for a full year of demo data.

Run: ``.venv/bin/python -m benchmarks.reports_bench``. The demo is loaded into a
throw-away SQLite database in a temporary JAMKOLL_VAR_DIR (in a child process, so the
benchmark never touches var/), then each demo organisation's report for the demo year
is generated in both formats and timed. The target is well under ten seconds.
"""

import os
import subprocess
import sys
import tempfile
import time

ROUNDS = 3


def _worker() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from jamkoll.dashboard import demo
    from jamkoll.reports.output import generate

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    organisations = demo.load(today=timezone.localdate())
    print(f"demo loaded in {time.perf_counter() - started:.1f} s", flush=True)
    year = timezone.localdate().year
    worst = 0.0
    for organisation in organisations:
        for fmt in ("docx", "pdf"):
            timings = []
            for _round in range(ROUNDS):
                started = time.perf_counter()
                result = generate(organisation=organisation, year=year, fmt=fmt)
                timings.append(time.perf_counter() - started)
            best, slowest = min(timings), max(timings)
            worst = max(worst, slowest)
            print(
                f"{organisation.name} {year} {fmt}: {best:.2f} s best, "
                f"{slowest:.2f} s slowest of {ROUNDS} ({len(result.data) // 1024} kB)",
                flush=True,
            )
    print(f"slowest generation: {worst:.2f} s (target: well under 10 s)", flush=True)


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="jamkoll-bench-reports-") as var_dir:
        env = {
            **os.environ,
            "JAMKOLL_VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        }
        subprocess.run(
            [sys.executable, "-m", "benchmarks.reports_bench", "--worker"],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    if "--worker" in sys.argv:
        _worker()
    else:
        run()
