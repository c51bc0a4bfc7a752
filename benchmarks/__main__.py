"""`make bench`: runs every benchmark module and prints its figures.

Each module in this package exposes `run()`; they are run in the order listed.
"""

import importlib
import sys
import time

MODULES = [
    "benchmarks.textanalysis_bench",
    "benchmarks.kolada_bench",
    "benchmarks.pages_bench",
    "benchmarks.indicators_bench",
    "benchmarks.reports_bench",
    "benchmarks.surveys_bench",
    "benchmarks.boards_bench",
]


def main() -> int:
    failures = 0
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        print(f"\n== {name.removeprefix('benchmarks.')} ==", flush=True)
        started = time.perf_counter()
        module.run()
        print(f"({time.perf_counter() - started:.1f} s)", flush=True)
    return failures


if __name__ == "__main__":
    sys.exit(main())
