"""An in-process Kolada for import tests (httpx.MockTransport), generated on demand."""

import json
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

import httpx

from jamkoll.indicators.kolada import KoladaClient

BASE = "https://api.kolada.se/v3/"


def value_for(kpi: str, municipality: str, year: int, gender: str) -> float | None:
    base = int(kpi[1:]) % 50 + int(municipality) % 7
    return {"K": base + 10.0, "M": base + 4.0, "T": base + 7.0}[gender] + (
        year - 2015
    ) * 0.5


class FakeKolada:
    """Answers kpi/, municipality/ and data/ requests; ``fail`` decides 500s."""

    def __init__(
        self,
        *,
        unknown_kpis: set[str] | None = None,
        fail: Callable[[str], bool] = lambda url: False,
        not_split: set[str] | None = None,
    ) -> None:
        self.unknown_kpis = unknown_kpis or set()
        self.fail = fail
        self.not_split = not_split or set()
        self.requests: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.requests.append(url)
        if self.fail(url):
            return httpx.Response(503)
        parts = unquote(urlsplit(url).path).removeprefix("/v3/").split("/")
        if parts[0] == "kpi":
            values = [
                {
                    "id": k,
                    "title": f"Nyckeltal {k}",
                    "is_divided_by_gender": k not in self.not_split,
                }
                for k in parts[1].split(",")
                if k not in self.unknown_kpis
            ]
        elif parts[0] == "municipality":
            values = [
                {"id": m, "title": f"Kommun {m}", "type": "K"}
                for m in parts[1].split(",")
                if m != "9999"
            ]
        else:
            dims = dict(zip(parts[1::2], parts[2::2], strict=True))
            values = [
                {
                    "kpi": k,
                    "municipality": m,
                    "period": int(y),
                    "values": [
                        {
                            "gender": g,
                            "value": value_for(k, m, int(y), g),
                            "count": 1,
                            "status": "",
                        }
                        for g in (("T",) if k in self.not_split else ("K", "M", "T"))
                    ],
                }
                for k in dims["kpi"].split(",")
                for m in dims["municipality"].split(",")
                for y in dims["year"].split(",")
            ]
        body = {"count": len(values), "values": values, "next_url": None}
        return httpx.Response(200, content=json.dumps(body).encode())

    def client(self) -> KoladaClient:
        return KoladaClient(
            base_url=BASE,
            transport=httpx.MockTransport(self),
            sleep=lambda _s: None,
            max_attempts=2,
        )
