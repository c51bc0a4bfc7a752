"""A tiny recorded-response Kolada server for tests, import commands and benchmarks.

``KoladaStub`` serves JSON fixtures over real HTTP on ``127.0.0.1`` (a random free
port) from a background thread. Fixtures are written with real Kolada addresses
(``https://api.kolada.se/v3/...``); the stub rewrites that prefix to its own
``base_url`` when serving, so ``next_url`` links lead back to the stub.

    with KoladaStub() as stub:
        client = KoladaClient(base_url=stub.base_url)
        ...
        assert stub.requests == ["/v3/kpi/N07609"]

Routes map the request target below ``/v3/`` (path plus query, e.g.
``"kpi/N07609"`` or ``"data/...?page=2"``) to a fixture file name or to a
:class:`StubResponse`. Unknown targets get 404 with a Kolada-like empty body.
Pure standard library; no Django.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
RECORDED_PREFIX = "https://api.kolada.se/v3/"
API_PATH = "/v3/"

_DATA_QUERY = "data/kpi/N07609/municipality/0484,2480,1880,0000/year/2019,2021,2023"

#: The recorded answers in ``fixtures/``, by request target below ``/v3/``.
DEFAULT_ROUTES: dict[str, str] = {
    "kpi/N07609": "kpi_N07609.json",
    "kpi/N00000": "kpi_empty.json",
    "municipality/0484,2480,1880,0000": "municipality_0484_2480_1880_0000.json",
    _DATA_QUERY: "data_N07609_page1.json",
    f"{_DATA_QUERY}?page=2": "data_N07609_page2.json",
    f"{_DATA_QUERY}?page=3": "data_N07609_page3.json",
}


@dataclass(frozen=True)
class StubResponse:
    """A canned answer: status, body (bytes) and extra headers."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"


class KoladaStub:
    """Serve recorded Kolada answers on ``127.0.0.1``; see the module docstring.

    ``routes`` replaces :data:`DEFAULT_ROUTES` when given; ``fixtures_dir`` is
    where fixture file names are looked up. :meth:`add_route` adds or replaces
    one route at any time (thread-safe). Every request target received is
    appended to :attr:`requests` (path and query, e.g. ``"/v3/kpi/N07609"``).
    """

    def __init__(
        self,
        routes: Mapping[str, str | StubResponse] | None = None,
        fixtures_dir: Path = FIXTURES_DIR,
    ) -> None:
        self.fixtures_dir = fixtures_dir
        self._routes: dict[str, str | StubResponse] = dict(
            DEFAULT_ROUTES if routes is None else routes
        )
        self._lock = threading.Lock()
        self.requests: list[str] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>/v3/``; only valid while started."""
        if self._server is None:
            raise RuntimeError("KoladaStub is not started")
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}{API_PATH}"

    def add_route(self, target: str, answer: str | StubResponse) -> None:
        """Serve ``answer`` (fixture file name or response) for ``target``."""
        with self._lock:
            self._routes[target] = answer

    def start(self) -> KoladaStub:
        """Bind a free port and serve from a daemon thread; returns ``self``."""
        if self._server is not None:
            return self
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stub._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                """Keep test output quiet."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="kolada-stub",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port (safe to call twice)."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> KoladaStub:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _answer_for(self, target: str) -> StubResponse:
        with self._lock:
            self.requests.append(target)
            answer = self._routes.get(target.removeprefix(API_PATH))
        if answer is None:
            body = json.dumps({"count": 0, "values": [], "next_url": None})
            return StubResponse(status=404, body=body.encode())
        if isinstance(answer, StubResponse):
            return answer
        text = (self.fixtures_dir / answer).read_text(encoding="utf-8")
        return StubResponse(body=text.replace(RECORDED_PREFIX, self.base_url).encode())

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        answer = self._answer_for(handler.path)
        handler.send_response(answer.status)
        handler.send_header("Content-Type", answer.content_type)
        handler.send_header("Content-Length", str(len(answer.body)))
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(answer.body)
