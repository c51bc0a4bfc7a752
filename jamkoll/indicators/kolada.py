"""A thin, synchronous client for the Kolada API v3 (https://api.kolada.se/v3/).

Pure Python on purpose (httpx, no Django), so it is fast to test and can be used
from an import command, a background task or a benchmark alike.

Shape of the API as used here (v3; v2 is switched off):

* metadata: ``GET kpi/{id,id,...}``, ``GET kpi?title=...``, ``GET municipality``,
  ``GET municipality/{id,...}``, ``GET municipality?title=...``;
* data: ``GET data/kpi/{kpis}/municipality/{municipalities}/year/{years}``, where
  one of the three dimensions may be left out (all of it is then returned);
* every answer is ``{"count": n, "values": [...], "next_url": url | null}``; a
  long answer continues at ``next_url`` (v2 called it ``next_page``; both are
  read);
* a data entry is ``{"kpi", "municipality", "period", "values": [{"gender":
  "T"|"K"|"M", "status", "count", "value"}]}`` with ``value`` ``null`` when the
  figure is missing or suppressed;
* the API refuses lists of more than 25 ids in one dimension, so longer lists are
  split into several requests.

Contract in short:

* ``null`` is kept as ``None`` (missing), never turned into 0;
* 429 and 5xx answers (and transport errors such as timeouts) are retried with
  exponential back-off, honouring ``Retry-After`` given in seconds, for at most
  ``max_attempts`` attempts; then :class:`KoladaUnavailable` is raised;
* ``next_url`` is followed only on the host of the configured base URL;
* every failure is a :class:`KoladaError` with a Swedish message meant for users.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import quote, urlencode, urljoin, urlsplit, urlunsplit

import httpx

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.kolada.se/v3/"
#: The public page of one KPI on kolada.se (free search with the KPI chosen).
KPI_PAGE_URL = "https://www.kolada.se/verktyg/fri-sokning/?kpis={id}"
#: The API answers 400 to lists longer than this in one URL dimension.
MAX_IDS_PER_REQUEST = 25
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_BACKOFF_BASE = 1.0
DEFAULT_BACKOFF_MAX = 60.0
#: A Retry-After longer than this is not waited for; the call gives up instead.
DEFAULT_MAX_RETRY_AFTER = 300.0
#: Guard against a server that never stops paginating.
DEFAULT_MAX_PAGES = 10_000
USER_AGENT = f"jamkoll-kolada/1.0 httpx/{httpx.__version__}"
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
GENDERS = ("T", "K", "M")

Gender = Literal["T", "K", "M"]

# Swedish messages, shown to users. Keep the placeholders when translating.
MSG_MALFORMED_JSON = "Kolada svarade med ogiltig JSON ({url}): {detail}."
MSG_UNEXPECTED_SHAPE = "Kolada svarade i ett oväntat format ({url}): {detail}."
MSG_UNAVAILABLE = (
    "Kolada går inte att nå just nu ({reason}). Vi försökte {attempts} gånger; "
    "försök igen senare. Adress: {url}"
)
MSG_RETRY_AFTER_TOO_LONG = (
    "Kolada bad oss vänta {seconds:g} sekunder, längre än tillåtna "
    "{limit:g} sekunder. Försök igen senare. Adress: {url}"
)
MSG_HTTP_ERROR = "Kolada svarade med felkod HTTP {status} för {url}."
MSG_FOREIGN_NEXT_URL = (
    "Kolada hänvisade nästa sida till en annan server ({host}) än den "
    "konfigurerade ({expected}). Länken följs inte: {url}"
)
MSG_PAGINATION_LOOP = "Kolada hänvisade tillbaka till en sida som redan hämtats: {url}"
MSG_TOO_MANY_PAGES = (
    "Kolada-svaret har fler än {limit} sidor; hämtningen avbröts: {url}"
)
MSG_UNKNOWN_KPI = "Nyckeltalet finns inte i Kolada: {ids}."
MSG_UNKNOWN_MUNICIPALITY = "Kommunen eller regionen finns inte i Kolada: {ids}."
MSG_TOO_FEW_DIMENSIONS = (
    "Ange minst två av nyckeltal, kommuner och år för att hämta data från Kolada."
)
MSG_EMPTY_ID = "Ett tomt id kan inte skickas till Kolada."
MSG_INVALID_BASE_URL = "Ogiltig adress till Kolada: {url}"


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


class KoladaError(Exception):
    """Base class for everything that goes wrong when talking to Kolada.

    ``str(error)`` is a Swedish sentence suitable for showing to a user;
    ``url`` is the address involved, when there is one.
    """

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class KoladaUnavailable(KoladaError):
    """Kolada is down, overloaded or unreachable after all retries."""

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        attempts: int = 0,
        status: int | None = None,
    ) -> None:
        super().__init__(message, url=url)
        self.attempts = attempts
        self.status = status


class KoladaHTTPError(KoladaError):
    """Kolada answered with a non-retryable error status (e.g. 400 or 404)."""

    def __init__(self, message: str, *, url: str, status: int) -> None:
        super().__init__(message, url=url)
        self.status = status


class MalformedResponse(KoladaError):
    """The answer was not JSON, or not shaped like a Kolada v3 answer."""


class ForeignNextUrl(KoladaError):
    """``next_url`` pointed at another host than the configured base URL."""


class UnknownKpi(KoladaError):
    """A KPI metadata lookup returned nothing for one or more ids."""

    def __init__(self, missing: Sequence[str], *, url: str | None = None) -> None:
        super().__init__(MSG_UNKNOWN_KPI.format(ids=", ".join(missing)), url=url)
        self.missing = tuple(missing)


class UnknownMunicipality(KoladaError):
    """A municipality metadata lookup returned nothing for one or more ids."""

    def __init__(self, missing: Sequence[str], *, url: str | None = None) -> None:
        super().__init__(
            MSG_UNKNOWN_MUNICIPALITY.format(ids=", ".join(missing)), url=url
        )
        self.missing = tuple(missing)


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KpiMeta:
    """Metadata of one KPI (``nyckeltal``).

    ``municipality_type`` is ``"K"`` (kommun), ``"L"`` (region) or ``"A"``
    (both). Fields Kolada did not send are ``None``; ``raw`` keeps the whole
    object for fields this class does not name.
    """

    id: str
    title: str
    description: str | None
    is_divided_by_gender: bool
    municipality_type: str | None
    operating_area: str | None = None
    has_ou_data: bool = False
    auspice: str | None = None
    publication_date: str | None = None
    prel_publication_date: str | None = None
    publ_period: str | None = None
    raw: Mapping[str, Any] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )


@dataclass(frozen=True, slots=True)
class Municipality:
    """A municipality (``type == "K"``) or region (``type == "L"``).

    ``0000`` is Riket (the whole country), typed ``"L"`` by Kolada.
    """

    id: str
    title: str
    type: str | None


@dataclass(frozen=True, slots=True)
class DataPoint:
    """One figure: a KPI for one municipality, year and gender.

    ``gender`` is ``"T"`` (total), ``"K"`` (kvinnor) or ``"M"`` (män).
    ``value`` is ``None`` when Kolada has no figure (``null``); it is never 0
    for a missing value. ``count`` is the number of members behind a value for
    a municipality group (1 otherwise); ``status`` is Kolada's status marker.
    """

    kpi: str
    municipality: str
    period: int
    gender: Gender
    value: float | None
    status: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class DataPage:
    """One page of a data answer, handed to ``on_page`` callbacks.

    ``request_index`` counts the batched requests (0-based) out of
    ``request_total``; ``page_number`` counts pages within one request (1-based).
    ``count`` is Kolada's own ``count`` field, or ``None`` when it was absent.
    """

    url: str
    request_index: int
    request_total: int
    page_number: int
    points: tuple[DataPoint, ...]
    count: int | None
    from_cache: bool


# --------------------------------------------------------------------------
# Cache
# --------------------------------------------------------------------------


class ResponseCache(Protocol):
    """Stores raw answer bodies keyed by full URL."""

    def get(self, url: str) -> bytes | None:
        """Return the stored body for ``url``, or ``None`` (missing or expired)."""
        ...

    def set(self, url: str, body: bytes) -> None:
        """Store ``body`` for ``url``."""
        ...


class MemoryCache:
    """A dict cache with an optional time-to-live in seconds.

    ``clock`` returns the current time in seconds (injectable for tests).
    """

    def __init__(
        self, ttl: float | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.ttl = ttl
        self._clock = clock
        self._items: dict[str, tuple[float, bytes]] = {}

    def get(self, url: str) -> bytes | None:
        """Return the body stored for ``url`` unless it is older than ``ttl``."""
        item = self._items.get(url)
        if item is None:
            return None
        stored_at, body = item
        if self.ttl is not None and self._clock() - stored_at > self.ttl:
            del self._items[url]
            return None
        return body

    def set(self, url: str, body: bytes) -> None:
        """Store ``body`` for ``url`` with the current time."""
        self._items[url] = (self._clock(), body)

    def __len__(self) -> int:
        return len(self._items)


class DirectoryCache:
    """An on-disk cache: one file per URL (named by its SHA-256) in ``directory``.

    Each file holds ``{"url", "stored_at", "body"}``; writes are atomic (temp file
    and rename), so concurrent readers never see half a file. Unreadable files
    count as misses.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        ttl: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.directory = Path(directory)
        self.ttl = ttl
        self._clock = clock
        self.directory.mkdir(parents=True, exist_ok=True)

    def _path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.directory / f"{digest}.json"

    def get(self, url: str) -> bytes | None:
        """Return the body stored for ``url`` unless missing, corrupt or expired."""
        path = self._path(url)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            stored_at = float(entry["stored_at"])
            body = str(entry["body"]).encode("utf-8")
            same_url = entry["url"] == url
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not same_url:
            return None
        if self.ttl is not None and self._clock() - stored_at > self.ttl:
            return None
        return body

    def set(self, url: str, body: bytes) -> None:
        """Store ``body`` (UTF-8 JSON text) for ``url``."""
        entry = {
            "url": url,
            "stored_at": self._clock(),
            "body": body.decode("utf-8"),
        }
        fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False)
            os.replace(tmp, self._path(url))
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise


# --------------------------------------------------------------------------
# Client
# --------------------------------------------------------------------------


def kpi_page_url(kpi_id: str) -> str:
    """The address of a KPI's public page on kolada.se, for people to follow."""
    return KPI_PAGE_URL.format(id=quote(kpi_id, safe=""))


_TITLE_UNIT = re.compile(
    r",\s*(kr(?:/[\w .åäö]+)?|tkr(?:/[\w .åäö]+)?|dagar|antal|poäng|år|timmar)\s*$",
    re.IGNORECASE,
)


def unit_from_title(title: str) -> str:
    """The unit Kolada writes at the end of a KPI's title: "Andel (%)" → "%",
    "…, kr/inv" → "kr/inv", "…, dagar" → "dagar"; "" when the title names none."""
    if "(%)" in title:
        return "%"
    match = _TITLE_UNIT.search(title)
    return match[1].strip() if match else ""


def chunked(items: Sequence[str], size: int = MAX_IDS_PER_REQUEST) -> list[list[str]]:
    """Split ``items`` into lists of at most ``size`` (60 ids -> 25, 25, 10)."""
    if size < 1:
        raise ValueError("size must be positive")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def parse_retry_after(header: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header, or ``None`` if absent or not seconds.

    Only the delta-seconds form is understood; an HTTP date falls back to the
    client's own back-off.
    """
    if header is None:
        return None
    try:
        seconds = float(header.strip())
    except ValueError:
        return None
    if not math.isfinite(seconds) or seconds < 0:
        return None
    return seconds


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is None:
        port = {"http": 80, "https": 443}.get(parts.scheme)
    return host, port


class KoladaClient:
    """Client for Kolada v3 metadata and data.

    Arguments (all keyword-only):

    * ``base_url``: API root, default ``https://api.kolada.se/v3/``;
    * ``client``: an ``httpx.Client`` to use (not closed by :meth:`close`);
      otherwise one is created, with ``transport`` if given (e.g.
      ``httpx.MockTransport`` in tests);
    * ``timeout``: per request, seconds or ``httpx.Timeout``;
    * ``max_attempts``: total tries per URL (>= 1) for 429/5xx/transport errors;
    * ``backoff_base``/``backoff_max``: wait ``base * 2**(n-1)`` seconds before
      retry *n*, capped at ``backoff_max``; a ``Retry-After`` in seconds wins;
    * ``max_retry_after``: a longer ``Retry-After`` raises
      :class:`KoladaUnavailable` at once instead of sleeping;
    * ``sleep``: called with the seconds to wait (inject a fake in tests);
    * ``cache``: a :class:`ResponseCache` (:class:`MemoryCache`,
      :class:`DirectoryCache`); only successfully parsed answers are stored;
    * ``per_page``: optional page size sent on the first request of each query.

    Use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff_base: float = DEFAULT_BACKOFF_BASE,
        backoff_max: float = DEFAULT_BACKOFF_MAX,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        sleep: Callable[[float], None] = time.sleep,
        cache: ResponseCache | None = None,
        per_page: int | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ValueError(MSG_INVALID_BASE_URL.format(url=base_url))
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self._origin = _origin(self.base_url)
        self.timeout = timeout
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self.cache = cache
        self.per_page = per_page
        self.max_pages = max_pages
        self._owns_client = client is None
        self._http = (
            client
            if client is not None
            else httpx.Client(
                transport=transport,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            )
        )

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_client:
            self._http.close()

    def __enter__(self) -> KoladaClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- metadata ----------------------------------------------------------

    def get_kpis(self, ids: Iterable[str]) -> list[KpiMeta]:
        """Metadata for the KPIs ``ids`` (batched 25 per request), in id order.

        Raises :class:`UnknownKpi` (with ``missing``) if any id is not returned.
        """
        wanted = _unique_ids(ids)
        found: dict[str, KpiMeta] = {}
        for batch in chunked(wanted):
            for raw in self._iter_values(self._url("kpi", batch)):
                kpi = _parse_kpi(raw, url=self.base_url + "kpi")
                found[kpi.id] = kpi
        missing = [kpi_id for kpi_id in wanted if kpi_id not in found]
        if missing:
            raise UnknownKpi(missing)
        return [found[kpi_id] for kpi_id in wanted]

    def get_kpi(self, kpi_id: str) -> KpiMeta:
        """Metadata for one KPI; :class:`UnknownKpi` if Kolada has none."""
        return self.get_kpis([kpi_id])[0]

    def search_kpis(self, title: str) -> list[KpiMeta]:
        """KPIs whose title matches ``title`` (Kolada's own search); may be empty."""
        url = self._url("kpi", params={"title": title})
        return [_parse_kpi(raw, url=url) for raw in self._iter_values(url)]

    def get_municipalities(
        self, ids: Iterable[str] | None = None
    ) -> list[Municipality]:
        """Municipalities and regions: all of them, or ``ids`` in id order.

        Raises :class:`UnknownMunicipality` if any requested id is not returned.
        """
        if ids is None:
            url = self._url("municipality")
            return [_parse_municipality(raw, url=url) for raw in self._iter_values(url)]
        wanted = _unique_ids(ids)
        found: dict[str, Municipality] = {}
        for batch in chunked(wanted):
            url = self._url("municipality", batch)
            for raw in self._iter_values(url):
                municipality = _parse_municipality(raw, url=url)
                found[municipality.id] = municipality
        missing = [m_id for m_id in wanted if m_id not in found]
        if missing:
            raise UnknownMunicipality(missing)
        return [found[m_id] for m_id in wanted]

    def get_municipality(self, municipality_id: str) -> Municipality:
        """One municipality or region; :class:`UnknownMunicipality` if none."""
        return self.get_municipalities([municipality_id])[0]

    def search_municipalities(self, title: str) -> list[Municipality]:
        """Municipalities and regions whose name matches ``title``; may be empty."""
        url = self._url("municipality", params={"title": title})
        return [_parse_municipality(raw, url=url) for raw in self._iter_values(url)]

    # -- data --------------------------------------------------------------

    def data_urls(
        self,
        kpis: Iterable[str] | None,
        municipalities: Iterable[str] | None,
        years: Iterable[int] | None,
    ) -> list[str]:
        """The first-page URLs a data query is split into (25 ids per dimension).

        A dimension given as ``None`` is left out of the URL (Kolada then returns
        all of it); at least two of the three must be given and non-empty.
        """
        dims: list[tuple[str, list[list[str]]]] = []
        for name, values in (
            ("kpi", None if kpis is None else _unique_ids(kpis)),
            (
                "municipality",
                None if municipalities is None else _unique_ids(municipalities),
            ),
            ("year", None if years is None else _unique_years(years)),
        ):
            if values is not None:
                dims.append((name, chunked(values)))
        if len(dims) < 2 or any(not batches for _, batches in dims):
            raise ValueError(MSG_TOO_FEW_DIMENSIONS)
        urls = []
        for combo in itertools.product(*(batches for _, batches in dims)):
            path = "/".join(
                f"{name}/{_join_ids(batch)}"
                for (name, _), batch in zip(dims, combo, strict=True)
            )
            urls.append(self._url("data/" + path))
        return urls

    def iter_pages(
        self,
        kpis: Iterable[str] | None,
        municipalities: Iterable[str] | None,
        years: Iterable[int] | None,
    ) -> Iterator[DataPage]:
        """Yield each page of data as a :class:`DataPage`, request after request.

        Lazy: nothing is fetched until iteration, and a page is parsed completely
        (so a malformed page raises before any of its points is handed out).
        """
        urls = self.data_urls(kpis, municipalities, years)
        for index, first_url in enumerate(urls):
            for number, (url, body, from_cache) in enumerate(
                self._iter_pages_raw(first_url), start=1
            ):
                points = tuple(_parse_data_values(body.get("values"), url=url))
                count = body.get("count")
                yield DataPage(
                    url=url,
                    request_index=index,
                    request_total=len(urls),
                    page_number=number,
                    points=points,
                    count=count if isinstance(count, int) else None,
                    from_cache=from_cache,
                )

    def iter_data(
        self,
        kpis: Iterable[str] | None,
        municipalities: Iterable[str] | None,
        years: Iterable[int] | None,
        on_page: Callable[[DataPage], None] | None = None,
    ) -> Iterator[DataPoint]:
        """Yield every :class:`DataPoint` for the query, page by page.

        ``on_page`` is called with each page *before* its points are yielded, so
        a caller can show progress or store a page at a time.
        """
        for page in self.iter_pages(kpis, municipalities, years):
            if on_page is not None:
                on_page(page)
            yield from page.points

    def get_data(
        self,
        kpis: Iterable[str] | None,
        municipalities: Iterable[str] | None,
        years: Iterable[int] | None,
    ) -> list[DataPoint]:
        """All data points for the query as a list (see :meth:`iter_data`)."""
        return list(self.iter_data(kpis, municipalities, years))

    # -- transport ---------------------------------------------------------

    def _url(
        self,
        path: str,
        ids: Sequence[str] | None = None,
        params: Mapping[str, str] | None = None,
    ) -> str:
        url = self.base_url + path
        if ids is not None:
            url += "/" + _join_ids(ids)
        if params:
            url += "?" + urlencode(params)
        return url

    def _with_per_page(self, url: str) -> str:
        if self.per_page is None:
            return url
        separator = "&" if "?" in url else "?"
        return f"{url}{separator}{urlencode({'per_page': self.per_page})}"

    def _iter_values(self, url: str) -> Iterator[Any]:
        for _, body, _ in self._iter_pages_raw(url):
            yield from body["values"]

    def _iter_pages_raw(self, url: str) -> Iterator[tuple[str, dict[str, Any], bool]]:
        """Yield ``(url, parsed body, from_cache)`` following ``next_url``."""
        current: str | None = self._with_per_page(url)
        seen: set[str] = set()
        while current is not None:
            if current in seen:
                raise KoladaError(MSG_PAGINATION_LOOP.format(url=current), url=current)
            if len(seen) >= self.max_pages:
                raise KoladaError(
                    MSG_TOO_MANY_PAGES.format(limit=self.max_pages, url=url), url=url
                )
            seen.add(current)
            body, from_cache = self._get_json(current)
            yield current, body, from_cache
            next_url = body.get("next_url", body.get("next_page"))
            current = self._checked_next_url(next_url, current)

    def _checked_next_url(self, next_url: object, current: str) -> str | None:
        """Resolve ``next_url`` against ``current``; refuse any other host.

        The host must be the base URL's host, and an explicit port must match.
        The link is fetched with the base URL's scheme and authority, so an
        ``http://`` link announced behind TLS termination is never a downgrade.
        """
        if next_url is None or next_url == "":
            return None
        if not isinstance(next_url, str):
            raise _shape_error(current, "'next_url' är ingen text")
        absolute = urljoin(current, next_url)
        parts = urlsplit(absolute)
        base = urlsplit(self.base_url)
        same_host = (parts.hostname or "").lower() == self._origin[0]
        explicit_port = parts.port is not None or base.port is not None
        if (
            parts.scheme not in {"http", "https"}
            or not same_host
            or (explicit_port and _origin(absolute) != self._origin)
        ):
            raise ForeignNextUrl(
                MSG_FOREIGN_NEXT_URL.format(
                    host=parts.netloc or "?", expected=base.netloc, url=absolute
                ),
                url=absolute,
            )
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

    def _get_json(self, url: str) -> tuple[dict[str, Any], bool]:
        """Fetch ``url`` (from the cache when possible) and parse it as a Kolada answer."""
        if self.cache is not None:
            cached = self.cache.get(url)
            if cached is not None:
                try:
                    return _decode_body(cached, url), True
                except MalformedResponse:
                    logger.warning("Ignoring unreadable cache entry for %s", url)
        body = self._fetch(url)
        parsed = _decode_body(body, url)
        if self.cache is not None:
            self.cache.set(url, body)
        return parsed, False

    def _fetch(self, url: str) -> bytes:
        """GET ``url`` with retries; return the body of a 2xx answer."""
        reason = ""
        status: int | None = None
        for attempt in range(1, self.max_attempts + 1):
            retry_after: float | None = None
            try:
                response = self._http.get(url, timeout=self.timeout)
            except httpx.TransportError as exc:
                reason = type(exc).__name__
                status = None
            else:
                if response.is_success:
                    return response.content
                status = response.status_code
                if status not in RETRYABLE_STATUSES:
                    raise KoladaHTTPError(
                        MSG_HTTP_ERROR.format(status=status, url=url),
                        url=url,
                        status=status,
                    )
                reason = f"HTTP {status}"
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if attempt == self.max_attempts:
                break
            if retry_after is not None and retry_after > self.max_retry_after:
                raise KoladaUnavailable(
                    MSG_RETRY_AFTER_TOO_LONG.format(
                        seconds=retry_after, limit=self.max_retry_after, url=url
                    ),
                    url=url,
                    attempts=attempt,
                    status=status,
                )
            delay = (
                retry_after
                if retry_after is not None
                else min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))
            )
            logger.info(
                "Kolada %s for %s; retry %d/%d in %.1f s",
                reason,
                url,
                attempt,
                self.max_attempts - 1,
                delay,
            )
            self._sleep(delay)
        raise KoladaUnavailable(
            MSG_UNAVAILABLE.format(reason=reason, attempts=self.max_attempts, url=url),
            url=url,
            attempts=self.max_attempts,
            status=status,
        )


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def _unique_ids(ids: Iterable[str]) -> list[str]:
    result: list[str] = []
    seen: set[str] = set()
    for raw in ids:
        item = str(raw).strip()
        if not item:
            raise ValueError(MSG_EMPTY_ID)
        if item not in seen:
            seen.add(item)
            result.append(item)
    return result


def _unique_years(years: Iterable[int]) -> list[str]:
    return _unique_ids(str(int(year)) for year in years)


def _join_ids(ids: Sequence[str]) -> str:
    # Quote each id so a stray "/" or "?" cannot change the path.
    return ",".join(quote(item, safe="") for item in ids)


def _decode_body(body: bytes, url: str) -> dict[str, Any]:
    try:
        parsed = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedResponse(
            MSG_MALFORMED_JSON.format(url=url, detail=str(exc)), url=url
        ) from exc
    if not isinstance(parsed, dict):
        raise _shape_error(url, "svaret är inget JSON-objekt")
    if not isinstance(parsed.get("values"), list):
        raise _shape_error(url, "fältet 'values' saknas eller är ingen lista")
    return parsed


def _shape_error(url: str, detail: str) -> MalformedResponse:
    return MalformedResponse(
        MSG_UNEXPECTED_SHAPE.format(url=url, detail=detail), url=url
    )


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _flag(value: object) -> bool:
    # v3 sends booleans; v2 sent 0/1.
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true"}
    return False


def _parse_kpi(raw: object, *, url: str) -> KpiMeta:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise _shape_error(url, "nyckeltal utan id")
    return KpiMeta(
        id=raw["id"],
        title=str(raw.get("title") or ""),
        description=_opt_str(raw.get("description")),
        is_divided_by_gender=_flag(raw.get("is_divided_by_gender")),
        municipality_type=_opt_str(raw.get("municipality_type")),
        operating_area=_opt_str(raw.get("operating_area")),
        has_ou_data=_flag(raw.get("has_ou_data")),
        auspice=_opt_str(raw.get("auspice", raw.get("auspices"))),
        publication_date=_opt_str(raw.get("publication_date")),
        prel_publication_date=_opt_str(raw.get("prel_publication_date")),
        publ_period=_opt_str(raw.get("publ_period")),
        raw=raw,
    )


def _parse_municipality(raw: object, *, url: str) -> Municipality:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise _shape_error(url, "kommun utan id")
    return Municipality(
        id=raw["id"], title=str(raw.get("title") or ""), type=_opt_str(raw.get("type"))
    )


def _parse_period(value: object, url: str) -> int:
    # v3 sends an integer year; v2 sent a string.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise _shape_error(url, f"ogiltig period {value!r}")


def _parse_value(value: object, url: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _shape_error(url, f"ogiltigt värde {value!r}")
    return float(value)


def _parse_data_values(values: object, *, url: str) -> Iterator[DataPoint]:
    if not isinstance(values, list):
        raise _shape_error(url, "fältet 'values' saknas eller är ingen lista")
    for entry in values:
        if not isinstance(entry, dict):
            raise _shape_error(url, "datapost är inget objekt")
        kpi = entry.get("kpi")
        municipality = entry.get("municipality")
        if not isinstance(kpi, str) or not isinstance(municipality, str):
            raise _shape_error(url, "datapost utan nyckeltal eller kommun")
        period = _parse_period(entry.get("period"), url)
        items = entry.get("values")
        if not isinstance(items, list):
            raise _shape_error(
                url, f"datapost {kpi}/{municipality}/{period} utan värden"
            )
        for item in items:
            if not isinstance(item, dict):
                raise _shape_error(url, "värde är inget objekt")
            gender = item.get("gender")
            if gender not in GENDERS:
                raise _shape_error(url, f"okänt kön {gender!r}")
            count = item.get("count")
            yield DataPoint(
                kpi=kpi,
                municipality=municipality,
                period=period,
                gender=gender,
                value=_parse_value(item.get("value"), url),
                status=_opt_str(item.get("status")) or None,
                count=count
                if isinstance(count, int) and not isinstance(count, bool)
                else None,
            )
