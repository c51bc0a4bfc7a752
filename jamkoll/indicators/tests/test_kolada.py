"""Tests for the Kolada v3 client: no network, no Django.

Answers come from ``fixtures/`` (hand-written, shaped like real v3 answers; the
figures are illustrative) through ``httpx.MockTransport``, and once through the
real-HTTP stub in ``kolada_stub.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from jamkoll.indicators.kolada import (
    DEFAULT_BASE_URL,
    MAX_IDS_PER_REQUEST,
    DataPage,
    DataPoint,
    DirectoryCache,
    ForeignNextUrl,
    KoladaClient,
    KoladaError,
    KoladaHTTPError,
    KoladaUnavailable,
    MalformedResponse,
    MemoryCache,
    Municipality,
    UnknownKpi,
    UnknownMunicipality,
    chunked,
    parse_retry_after,
)
from jamkoll.indicators.tests.kolada_stub import (
    DEFAULT_ROUTES,
    FIXTURES_DIR,
    KoladaStub,
    StubResponse,
)

BASE = DEFAULT_BASE_URL
DATA_QUERY = "data/kpi/N07609/municipality/0484,2480,1880,0000/year/2019,2021,2023"
FOUR = ["0484", "2480", "1880", "0000"]
YEARS = [2019, 2021, 2023]

Handler = Callable[[httpx.Request], httpx.Response]


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES_DIR / name).read_bytes()


def json_response(payload: object, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(payload).encode(), headers=headers)


class Recorder:
    """A MockTransport handler serving the recorded fixtures, logging every URL.

    ``overrides`` maps a full URL to a list of responses served in turn (the
    last one repeats); anything else falls back to the default fixture routes.
    """

    def __init__(
        self, overrides: dict[str, list[httpx.Response]] | None = None
    ) -> None:
        self.urls: list[str] = []
        self.overrides = overrides or {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.urls.append(url)
        queue = self.overrides.get(url)
        if queue:
            return queue.pop(0) if len(queue) > 1 else queue[0]
        fixture = DEFAULT_ROUTES.get(url.removeprefix(BASE))
        if fixture is None:
            return json_response({"count": 0, "values": [], "next_url": None}, 404)
        return httpx.Response(200, content=fixture_bytes(fixture))


class FakeSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
def make_client(sleep: FakeSleep) -> Iterator[Callable[..., KoladaClient]]:
    clients: list[KoladaClient] = []

    def factory(handler: Handler, **kwargs: Any) -> KoladaClient:
        kwargs.setdefault("sleep", sleep)
        client = KoladaClient(transport=httpx.MockTransport(handler), **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


# -- metadata -----------------------------------------------------------------


def test_get_kpi_parses_v3_metadata(make_client: Callable[..., KoladaClient]) -> None:
    recorder = Recorder()
    kpi = make_client(recorder).get_kpi("N07609")

    assert recorder.urls == [BASE + "kpi/N07609"]
    assert kpi.id == "N07609"
    assert kpi.title.startswith("Invånare 16-84 år som känner sig otrygga")
    assert kpi.is_divided_by_gender is True
    assert kpi.municipality_type == "K"
    assert kpi.has_ou_data is False
    assert kpi.operating_area == "Trygghet och säkerhet"
    assert kpi.publication_date == "2024-06-18"
    assert kpi.raw["perspective"] == "Resultat"


def test_unknown_kpi_raises_with_swedish_message(
    make_client: Callable[..., KoladaClient],
) -> None:
    with pytest.raises(UnknownKpi) as info:
        make_client(Recorder()).get_kpi("N00000")

    assert info.value.missing == ("N00000",)
    assert str(info.value) == "Nyckeltalet finns inte i Kolada: N00000."
    assert isinstance(info.value, KoladaError)


def test_get_municipalities_in_requested_order(
    make_client: Callable[..., KoladaClient],
) -> None:
    recorder = Recorder()
    result = make_client(recorder).get_municipalities(FOUR)

    assert recorder.urls == [BASE + "municipality/0484,2480,1880,0000"]
    assert result == [
        Municipality("0484", "Eskilstuna", "K"),
        Municipality("2480", "Umeå", "K"),
        Municipality("1880", "Örebro", "K"),
        Municipality("0000", "Riket", "L"),
    ]


def test_unknown_municipality_lists_only_the_missing_ids(
    make_client: Callable[..., KoladaClient],
) -> None:
    url = BASE + "municipality/0484,9999"
    body = {"count": 1, "values": [{"id": "0484", "title": "Eskilstuna", "type": "K"}]}
    recorder = Recorder({url: [json_response(body)]})

    with pytest.raises(UnknownMunicipality) as info:
        make_client(recorder).get_municipalities(["0484", "9999"])

    assert info.value.missing == ("9999",)
    assert "9999" in str(info.value)
    assert "Kommunen eller regionen finns inte i Kolada" in str(info.value)


def test_search_kpis_sends_title_query(
    make_client: Callable[..., KoladaClient],
) -> None:
    url = BASE + "kpi?title=otrygga+kv%C3%A4ll"
    recorder = Recorder(
        {url: [httpx.Response(200, content=fixture_bytes("kpi_N07609.json"))]}
    )

    result = make_client(recorder).search_kpis("otrygga kväll")

    assert recorder.urls == [url]
    assert [k.id for k in result] == ["N07609"]


def test_v2_style_fields_are_still_understood(
    make_client: Callable[..., KoladaClient],
) -> None:
    kpi_url = BASE + "kpi/N00945"
    data_url = BASE + "data/kpi/N00945/municipality/1860/year/2009"
    kpi = {"id": "N00945", "title": "x", "is_divided_by_gender": 1}
    entry = {
        "kpi": "N00945",
        "municipality": "1860",
        "period": "2009",
        "values": [{"gender": "T", "status": None, "count": 1, "value": 3}],
    }
    recorder = Recorder(
        {
            kpi_url: [json_response({"count": 1, "values": [kpi]})],
            data_url: [
                json_response({"count": 1, "values": [entry], "next_page": None})
            ],
        }
    )
    client = make_client(recorder)

    assert client.get_kpi("N00945").is_divided_by_gender is True
    assert client.get_data(["N00945"], ["1860"], [2009]) == [
        DataPoint("N00945", "1860", 2009, "T", 3.0, None, 1)
    ]


# -- data and pagination ----------------------------------------------------------


def test_pagination_follows_next_url_across_three_pages(
    make_client: Callable[..., KoladaClient],
) -> None:
    recorder = Recorder()
    pages: list[DataPage] = []

    points = list(
        make_client(recorder).iter_data(["N07609"], FOUR, YEARS, on_page=pages.append)
    )

    assert recorder.urls == [
        BASE + DATA_QUERY,
        BASE + DATA_QUERY + "?page=2",
        BASE + DATA_QUERY + "?page=3",
    ]
    assert [p.page_number for p in pages] == [1, 2, 3]
    assert [len(p.points) for p in pages] == [9, 9, 6]
    assert [p.count for p in pages] == [3, 3, 2]
    assert all(p.request_index == 0 and p.request_total == 1 for p in pages)
    assert len(points) == 24
    assert points[0] == DataPoint("N07609", "0484", 2019, "K", 41.2, None, 1)
    assert {p.municipality for p in points} == set(FOUR)


def test_on_page_is_called_before_the_page_points_are_yielded(
    make_client: Callable[..., KoladaClient],
) -> None:
    events: list[str] = []
    iterator = make_client(Recorder()).iter_data(
        ["N07609"],
        FOUR,
        YEARS,
        on_page=lambda page: events.append(f"page{page.page_number}"),
    )

    assert events == []  # lazy: nothing fetched yet
    next(iterator)
    assert events == ["page1"]


def test_null_values_are_kept_as_missing_not_zero(
    make_client: Callable[..., KoladaClient],
) -> None:
    points = make_client(Recorder()).get_data(["N07609"], FOUR, YEARS)
    orebro_2023 = {p.gender: p.value for p in points if p.municipality == "1880"}

    assert orebro_2023 == {"K": None, "M": 12.9, "T": 24.3}
    assert sum(1 for p in points if p.value is None) == 1
    assert all(p.value != 0 for p in points)


def test_sixty_kpis_are_batched_into_three_requests(
    make_client: Callable[..., KoladaClient],
) -> None:
    kpis = [f"N{i:05d}" for i in range(60)]
    recorder = Recorder()

    def handler(request: httpx.Request) -> httpx.Response:
        recorder(request)
        return json_response({"count": 0, "values": [], "next_url": None})

    pages: list[DataPage] = []
    make_client(handler).get_data(kpis, ["0484"], [2023])
    list(make_client(handler).iter_data(kpis, ["0484"], [2023], on_page=pages.append))

    first_three = recorder.urls[:3]
    sizes = [len(url.split("/kpi/")[1].split("/")[0].split(",")) for url in first_three]
    assert sizes == [25, 25, 10]
    assert len(recorder.urls) == 6
    sent = [
        k for url in first_three for k in url.split("/kpi/")[1].split("/")[0].split(",")
    ]
    assert sent == kpis
    assert [(p.request_index, p.request_total) for p in pages] == [
        (0, 3),
        (1, 3),
        (2, 3),
    ]


def test_batching_applies_to_every_dimension(
    make_client: Callable[..., KoladaClient],
) -> None:
    client = make_client(Recorder())
    urls = client.data_urls(
        ["N07609"], [f"{i:04d}" for i in range(30)], range(1990, 2020)
    )

    assert len(urls) == 4  # 2 municipality batches x 2 year batches
    assert chunked([str(i) for i in range(60)]) == [
        [str(i) for i in range(25)],
        [str(i) for i in range(25, 50)],
        [str(i) for i in range(50, 60)],
    ]
    assert MAX_IDS_PER_REQUEST == 25


def test_data_query_needs_two_dimensions(
    make_client: Callable[..., KoladaClient],
) -> None:
    client = make_client(Recorder())

    assert client.data_urls(["N07609"], None, [2023]) == [
        BASE + "data/kpi/N07609/year/2023"
    ]
    with pytest.raises(ValueError, match="minst två"):
        client.data_urls(["N07609"], None, None)
    with pytest.raises(ValueError, match="minst två"):
        client.data_urls(["N07609"], [], [2023])


def test_ids_are_quoted_so_they_cannot_change_the_path(
    make_client: Callable[..., KoladaClient],
) -> None:
    client = make_client(Recorder())

    assert client.data_urls(["N0/../x"], ["0484"], [2023]) == [
        BASE + "data/kpi/N0%2F..%2Fx/municipality/0484/year/2023"
    ]


def test_per_page_is_sent_on_the_first_request_only(
    make_client: Callable[..., KoladaClient],
) -> None:
    first = BASE + DATA_QUERY + "?per_page=2"
    page1 = fixture_bytes("data_N07609_page1.json")
    recorder = Recorder({first: [httpx.Response(200, content=page1)]})

    make_client(recorder, per_page=2).get_data(["N07609"], FOUR, YEARS)

    assert recorder.urls == [
        first,
        BASE + DATA_QUERY + "?page=2",
        BASE + DATA_QUERY + "?page=3",
    ]


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example.org/v3/data?page=2",
        "https://api.kolada.se.evil.example.org/v3/data?page=2",
        "https://api.kolada.se:8443/v3/data?page=2",
        "//evil.example.org/v3/data?page=2",
        "ftp://api.kolada.se/v3/data?page=2",
    ],
)
def test_next_url_to_another_host_is_refused(
    make_client: Callable[..., KoladaClient], next_url: str
) -> None:
    url = BASE + "data/kpi/N07609/year/2023"
    recorder = Recorder(
        {url: [json_response({"count": 0, "values": [], "next_url": next_url})]}
    )

    with pytest.raises(ForeignNextUrl, match="annan server") as info:
        make_client(recorder).get_data(["N07609"], None, [2023])

    assert recorder.urls == [url]
    assert isinstance(info.value, KoladaError)


@pytest.mark.parametrize(
    ("next_url", "followed"),
    [
        ("?page=2", BASE + "data/kpi/N07609/year/2023?page=2"),
        (
            "/v3/data/kpi/N07609/year/2023?page=2",
            BASE + "data/kpi/N07609/year/2023?page=2",
        ),
        # announced as http:// behind TLS termination: fetched over https
        (
            "http://api.kolada.se/v3/data/kpi/N07609/year/2023?page=2",
            BASE + "data/kpi/N07609/year/2023?page=2",
        ),
    ],
)
def test_next_url_on_the_same_host_is_followed(
    make_client: Callable[..., KoladaClient], next_url: str, followed: str
) -> None:
    url = BASE + "data/kpi/N07609/year/2023"
    recorder = Recorder(
        {
            url: [json_response({"count": 0, "values": [], "next_url": next_url})],
            followed: [json_response({"count": 0, "values": [], "next_url": None})],
        }
    )

    make_client(recorder).get_data(["N07609"], None, [2023])

    assert recorder.urls == [url, followed]


def test_pagination_loop_is_reported(make_client: Callable[..., KoladaClient]) -> None:
    url = BASE + "data/kpi/N07609/year/2023"
    recorder = Recorder(
        {url: [json_response({"count": 0, "values": [], "next_url": url})]}
    )

    with pytest.raises(KoladaError, match="redan hämtats"):
        make_client(recorder).get_data(["N07609"], None, [2023])


# -- retries --------------------------------------------------------------------


def test_429_with_retry_after_is_retried_after_that_many_seconds(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    url = BASE + "kpi/N07609"
    recorder = Recorder(
        {
            url: [
                json_response({}, 429, **{"Retry-After": "7"}),
                httpx.Response(200, content=fixture_bytes("kpi_N07609.json")),
            ]
        }
    )

    kpi = make_client(recorder).get_kpi("N07609")

    assert kpi.id == "N07609"
    assert sleep.calls == [7.0]
    assert recorder.urls == [url, url]


def test_500_then_success_backs_off_once(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    url = BASE + "kpi/N07609"
    recorder = Recorder(
        {
            url: [
                httpx.Response(500, text="Internal Server Error"),
                httpx.Response(200, content=fixture_bytes("kpi_N07609.json")),
            ]
        }
    )

    make_client(recorder, backoff_base=0.5).get_kpi("N07609")

    assert sleep.calls == [0.5]


def test_persistent_503_gives_kolada_unavailable(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    url = BASE + "kpi/N07609"
    recorder = Recorder({url: [httpx.Response(503, text="Service Unavailable")]})

    with pytest.raises(KoladaUnavailable) as info:
        make_client(
            recorder, max_attempts=4, backoff_base=1.0, backoff_max=3.0
        ).get_kpi("N07609")

    assert len(recorder.urls) == 4
    assert sleep.calls == [1.0, 2.0, 3.0]  # exponential, capped at backoff_max
    assert info.value.attempts == 4
    assert info.value.status == 503
    assert "Kolada går inte att nå just nu (HTTP 503)" in str(info.value)


def test_too_long_retry_after_gives_up_without_sleeping(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    url = BASE + "kpi/N07609"
    recorder = Recorder({url: [json_response({}, 429, **{"Retry-After": "3600"})]})

    with pytest.raises(KoladaUnavailable, match="vänta 3600 sekunder"):
        make_client(recorder, max_retry_after=60).get_kpi("N07609")

    assert sleep.calls == []
    assert len(recorder.urls) == 1


def test_timeouts_are_retried(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise httpx.ReadTimeout("too slow", request=request)
        return httpx.Response(200, content=fixture_bytes("kpi_N07609.json"))

    assert make_client(handler).get_kpi("N07609").id == "N07609"
    assert sleep.calls == [1.0]


@pytest.mark.parametrize("status", [400, 404])
def test_client_errors_are_not_retried(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep, status: int
) -> None:
    url = BASE + "kpi/N07609"
    recorder = Recorder({url: [json_response({}, status)]})

    with pytest.raises(KoladaHTTPError, match=f"HTTP {status}") as info:
        make_client(recorder).get_kpi("N07609")

    assert info.value.status == status
    assert sleep.calls == []
    assert len(recorder.urls) == 1


def test_parse_retry_after() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after(None) is None
    assert parse_retry_after("-1") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") is None


# -- malformed answers -----------------------------------------------------------


def test_malformed_json_is_reported_in_swedish(
    make_client: Callable[..., KoladaClient], sleep: FakeSleep
) -> None:
    url = BASE + "kpi/N07609"
    cache = MemoryCache()
    recorder = Recorder({url: [httpx.Response(200, text='{"count": 1, "values": [')]})

    with pytest.raises(
        MalformedResponse, match="Kolada svarade med ogiltig JSON"
    ) as info:
        make_client(recorder, cache=cache).get_kpi("N07609")

    assert info.value.url == url
    assert len(cache) == 0  # never cached
    assert sleep.calls == []


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2, 3],
        {"count": 0},
        {"values": [{"kpi": "N07609", "municipality": "0484", "period": 2023}]},
        {
            "values": [
                {
                    "kpi": "N07609",
                    "municipality": "0484",
                    "period": 2023,
                    "values": [{"gender": "X", "value": 1.0}],
                }
            ]
        },
        {
            "values": [
                {
                    "kpi": "N07609",
                    "municipality": "0484",
                    "period": 2023,
                    "values": [{"gender": "K", "value": "12,5"}],
                }
            ]
        },
    ],
)
def test_unexpected_shapes_are_reported(
    make_client: Callable[..., KoladaClient], payload: object
) -> None:
    url = BASE + "data/kpi/N07609/municipality/0484/year/2023"
    recorder = Recorder({url: [json_response(payload)]})

    with pytest.raises(MalformedResponse, match="oväntat format"):
        make_client(recorder).get_data(["N07609"], ["0484"], [2023])


# -- cache ----------------------------------------------------------------------


def test_memory_cache_hit_avoids_a_second_request(
    make_client: Callable[..., KoladaClient],
) -> None:
    recorder = Recorder()
    client = make_client(recorder, cache=MemoryCache())

    first = client.get_data(["N07609"], FOUR, YEARS)
    pages: list[DataPage] = []
    second = list(client.iter_data(["N07609"], FOUR, YEARS, on_page=pages.append))

    assert first == second
    assert len(recorder.urls) == 3  # three pages, fetched once
    assert all(page.from_cache for page in pages)


def test_memory_cache_expires_after_ttl(
    make_client: Callable[..., KoladaClient],
) -> None:
    now = [1000.0]
    recorder = Recorder()
    client = make_client(recorder, cache=MemoryCache(ttl=60, clock=lambda: now[0]))

    client.get_kpi("N07609")
    now[0] += 59
    client.get_kpi("N07609")
    assert len(recorder.urls) == 1
    now[0] += 2
    client.get_kpi("N07609")
    assert len(recorder.urls) == 2


def test_directory_cache_survives_a_new_client(
    make_client: Callable[..., KoladaClient], tmp_path: Path
) -> None:
    recorder = Recorder()
    make_client(recorder, cache=DirectoryCache(tmp_path)).get_kpi("N07609")
    kpi = make_client(recorder, cache=DirectoryCache(tmp_path)).get_kpi("N07609")

    assert kpi.title.startswith("Invånare")
    assert len(recorder.urls) == 1
    assert len(list(tmp_path.glob("*.json"))) == 1


def test_directory_cache_ignores_corrupt_and_expired_entries(tmp_path: Path) -> None:
    now = [0.0]
    cache = DirectoryCache(tmp_path, ttl=10, clock=lambda: now[0])
    cache.set("https://x/a", b'{"values": []}')
    assert cache.get("https://x/a") == b'{"values": []}'
    now[0] = 11
    assert cache.get("https://x/a") is None
    next(tmp_path.glob("*.json")).write_text("not json", encoding="utf-8")
    assert cache.get("https://x/a") is None


# -- configuration and real HTTP -----------------------------------------------------


def test_invalid_configuration_is_refused() -> None:
    with pytest.raises(ValueError, match="Ogiltig adress"):
        KoladaClient(base_url="api.kolada.se/v3")
    with pytest.raises(ValueError, match="max_attempts"):
        KoladaClient(max_attempts=0)


def test_injected_httpx_client_is_used_and_left_open() -> None:
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with KoladaClient(client=http) as client:
        client.get_kpi("N07609")
    assert not http.is_closed
    http.close()
    assert recorder.urls == [BASE + "kpi/N07609"]


def test_stub_server_over_real_http() -> None:
    with (
        KoladaStub() as stub,
        KoladaClient(base_url=stub.base_url, timeout=5) as client,
    ):
        kpi = client.get_kpi("N07609")
        places = client.get_municipalities(FOUR)
        pages: list[DataPage] = []
        points = list(client.iter_data(["N07609"], FOUR, YEARS, on_page=pages.append))
        stub.add_route("kpi/N99999", StubResponse(status=503, body=b"{}"))
        with pytest.raises(KoladaUnavailable):
            KoladaClient(
                base_url=stub.base_url, max_attempts=2, sleep=lambda _: None
            ).get_kpi("N99999")

    assert kpi.id == "N07609"
    assert [m.title for m in places] == ["Eskilstuna", "Umeå", "Örebro", "Riket"]
    assert len(pages) == 3
    assert len(points) == 24
    assert stub.requests == [
        "/v3/kpi/N07609",
        "/v3/municipality/0484,2480,1880,0000",
        "/v3/" + DATA_QUERY,
        "/v3/" + DATA_QUERY + "?page=2",
        "/v3/" + DATA_QUERY + "?page=3",
        "/v3/kpi/N99999",
        "/v3/kpi/N99999",
    ]
