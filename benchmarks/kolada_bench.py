"""Benchmarks for the Kolada client (no network).

Run: ``.venv/bin/python -m benchmarks.kolada_bench``.
The DB import benchmark is added separately.
"""

from __future__ import annotations

import json
import time

import httpx

from jamkoll.indicators.kolada import MAX_IDS_PER_REQUEST, KoladaClient

N_KPIS = 500
FIRST_YEAR = 2004
N_YEARS = 20
MUNICIPALITY = "0484"
ROUNDS = 3


def _answer(kpis: list[str], years: list[int]) -> bytes:
    """A v3-shaped data answer for one municipality, every KPI, year and gender."""
    values = [
        {
            "kpi": kpi,
            "municipality": MUNICIPALITY,
            "period": year,
            "values": [
                {"count": 1, "gender": gender, "status": "", "value": value}
                for gender, value in (
                    ("K", None if (k + year) % 97 == 0 else 30.0 + k % 17 + year % 7),
                    ("M", 20.0 + k % 13 + year % 5),
                    ("T", 25.0 + k % 11 + year % 3),
                )
            ],
        }
        for k, kpi in enumerate(kpis)
        for year in years
    ]
    return json.dumps(
        {"count": len(values), "values": values, "next_url": None}
    ).encode()


def parse_throughput() -> None:
    """Print values/second for parsing 500 KPIs x 20 years x 3 genders.

    The answers are generated and serialised up front; the timed part is the
    client's work through ``httpx.MockTransport``: request, JSON decoding,
    validation and building ``DataPoint`` objects (20 requests of 25 KPIs).
    """
    kpis = [f"N{i:05d}" for i in range(N_KPIS)]
    years = list(range(FIRST_YEAR, FIRST_YEAR + N_YEARS))
    bodies: dict[str, bytes] = {}
    with KoladaClient(
        transport=httpx.MockTransport(lambda _: httpx.Response(404))
    ) as c:
        for url in c.data_urls(kpis, [MUNICIPALITY], years):
            batch = url.split("/kpi/")[1].split("/")[0].split(",")
            bodies[url] = _answer(batch, years)
    total_bytes = sum(len(body) for body in bodies.values())

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=bodies[str(request.url)])

    best = float("inf")
    count = 0
    with KoladaClient(transport=httpx.MockTransport(handler)) as client:
        for _ in range(ROUNDS):
            start = time.perf_counter()
            count = sum(1 for _ in client.iter_data(kpis, [MUNICIPALITY], years))
            best = min(best, time.perf_counter() - start)
    expected = N_KPIS * N_YEARS * 3
    assert count == expected, (count, expected)  # noqa: S101
    requests = -(-N_KPIS // MAX_IDS_PER_REQUEST)
    print(
        f"kolada parse: {count} values ({N_KPIS} KPIs x {N_YEARS} years x 3 genders, "
        f"{requests} requests, {total_bytes / 1e6:.1f} MB JSON) "
        f"in {best * 1000:.0f} ms (best of {ROUNDS}): "
        f"{count / best:,.0f} values/s"
    )


if __name__ == "__main__":
    parse_throughput()


def run() -> None:
    parse_throughput()
