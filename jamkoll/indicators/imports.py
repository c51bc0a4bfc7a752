"""Kolada imports, local file imports and the open-data export.

A Kolada import is an :class:`ImportRun`: created by :func:`start_kolada_import`
(permission checked), carried out by :func:`run_kolada_import` batch by batch.
Each batch (at most 25 ids per dimension, one request plus its pages) is stored in
its own transaction with one bulk upsert, then ticked off in
``ImportRun.done_batches``; an error stops the run as *partial* and a later run of
:func:`run_kolada_import` on the same row skips the batches already stored.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.core import tables
from jamkoll.core.formatting import is_finite, number
from jamkoll.core.numbers import parse_optional_number
from jamkoll.indicators import kolada, permissions
from jamkoll.indicators.models import (
    ImportRun,
    Indicator,
    LocalImport,
    Value,
)
from jamkoll.indicators.services import municipality_for_code, save_local_value
from jamkoll.organisations.models import Organisation

KPI_ID = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")
MUNICIPALITY_CODE = re.compile(r"^[0-9]{4}$")
FIRST_YEAR, LAST_YEAR = 1970, 2100
UPSERT_BATCH_SIZE = 5000

NO_KPIS = gettext_lazy("Give at least one KPI id.")
BAD_KPI = gettext_lazy("Not a Kolada KPI id: %(ids)s (expected e.g. N07609).")
NO_MUNICIPALITIES = gettext_lazy("Give at least one municipality code.")
BAD_MUNICIPALITY = gettext_lazy(
    "Not a municipality code: %(ids)s (expected four digits, e.g. 0484)."
)
NO_YEARS = gettext_lazy("Give at least one year.")
BAD_YEAR = gettext_lazy("Years must lie between %(first)s and %(last)s.")
UNKNOWN_KPI = gettext_lazy("Kolada does not know these KPI ids: %(ids)s.")
UNKNOWN_MUNICIPALITY = gettext_lazy(
    "Kolada does not know these municipality codes: %(ids)s."
)
KOLADA_DOWN = gettext_lazy(
    "Kolada could not be reached; nothing more was imported. Try again later. "
    "(%(detail)s)"
)
KOLADA_FAILED = gettext_lazy("Kolada answered with an error: %(detail)s")
NOT_RESUMABLE = gettext_lazy("Only a partly done or failed import can be resumed.")
KOLADA_NOT_FINITE = gettext_lazy(
    "Kolada gave a value that is not a finite number for %(kpi)s, %(municipality)s, "
    "%(period)s, %(gender)s (%(value)s); it was skipped."
)


NOT_A_NUMBER = gettext_lazy("%(value)s is not a number. Write it like 12,5.")
NOT_FINITE = gettext_lazy(
    "%(value)s is not a finite number. Write a figure like 12,5 or leave it empty."
)


def parse_number(text: str) -> float | None:
    """A figure as people type it: "12,5", "12.5", "1 234,5", "−3"; "" is ``None``.

    Refuses text that is not a number and numbers that are not finite ("NaN",
    "inf", "1e999") with a Swedish message, so no such value is ever stored.
    Kept for the figure grid's `forms.FigureField` (strict: "12,5,3" is refused,
    its messages start with what was typed); file imports use
    `jamkoll.core.numbers.parse_optional_number`.
    """
    shown = text.strip()
    cleaned = (
        shown.replace("\u00a0", "")
        .replace("\u202f", "")
        .replace(" ", "")
        .replace("\u2212", "-")
        .replace(",", ".")
    )
    if not cleaned:
        return None
    try:
        if "_" in cleaned:
            raise ValueError(cleaned)
        value = float(cleaned)
    except ValueError:
        raise ValidationError(NOT_A_NUMBER % {"value": shown}, code="invalid") from None
    if not is_finite(value):
        raise ValidationError(NOT_FINITE % {"value": shown}, code="not_finite")
    return value


def parse_ids(text: str | Iterable[str]) -> list[str]:
    """Ids from "N07609, N00953" or a list; upper-cased, unique, in order."""
    items = re.split(r"[\s,;]+", text) if isinstance(text, str) else list(text)
    result: list[str] = []
    for item in items:
        item = item.strip().upper()
        if item and item not in result:
            result.append(item)
    return result


def parse_years(text: str | Iterable[int | str]) -> list[int]:
    """Years from "2015-2025", "2019, 2021" or a list; sorted and unique."""
    parts = (
        re.split(r"[\s,;]+", text) if isinstance(text, str) else [str(y) for y in text]
    )
    years: set[int] = set()
    for part in parts:
        part = part.strip()
        if not part:
            continue
        match = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", part)
        try:
            if match:
                first, last = int(match[1]), int(match[2])
                years.update(range(min(first, last), max(first, last) + 1))
            else:
                years.add(int(part))
        except ValueError:
            raise ValidationError(
                {"years": BAD_YEAR % {"first": FIRST_YEAR, "last": LAST_YEAR}}
            ) from None
    return sorted(years)


def validate_request(
    kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]
) -> None:
    """Raise ValidationError (per field) for ids that cannot be Kolada ids."""
    errors: dict[str, Any] = {}
    bad = [k for k in kpis if not KPI_ID.match(k)]
    if not kpis:
        errors["kpis"] = NO_KPIS
    elif bad:
        errors["kpis"] = BAD_KPI % {"ids": ", ".join(bad)}
    bad = [m for m in municipalities if not MUNICIPALITY_CODE.match(m)]
    if not municipalities:
        errors["municipalities"] = NO_MUNICIPALITIES
    elif bad:
        errors["municipalities"] = BAD_MUNICIPALITY % {"ids": ", ".join(bad)}
    if not years:
        errors["years"] = NO_YEARS
    elif not all(FIRST_YEAR <= y <= LAST_YEAR for y in years):
        errors["years"] = BAD_YEAR % {"first": FIRST_YEAR, "last": LAST_YEAR}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def start_kolada_import(
    *,
    by: User | None,
    organisation: Organisation | None,
    kpis: Sequence[str],
    municipalities: Sequence[str],
    years: Sequence[int],
    base_url: str,
) -> ImportRun:
    """Register an import of Kolada figures; :func:`run_kolada_import` carries it out.

    ``by=None`` is the command line (an operator on the server), which needs no
    role; a user must be able to manage the organisation's indicators.
    """
    if by is not None and (
        organisation is None or not permissions.can_manage(by, organisation)
    ):
        raise PermissionDenied
    kpis, municipalities = parse_ids(kpis), parse_ids(municipalities)
    years = sorted(set(years))
    validate_request(kpis, municipalities, years)
    run = ImportRun(
        organisation=organisation,
        started_by=by,
        kpis=kpis,
        municipalities=municipalities,
        years=years,
        base_url=base_url,
    )
    run._history_user = by  # type: ignore[attr-defined]
    run.full_clean()
    run.save()
    return run


@dataclass(frozen=True)
class Batch:
    key: str
    kpis: list[str]
    municipalities: list[str]
    years: list[int]


def batches_of(run: ImportRun) -> list[Batch]:
    """The run split into requests of at most 25 ids per dimension, in a fixed order."""
    result = []
    for kpis in kolada.chunked(run.kpis):
        for municipalities in kolada.chunked(run.municipalities):
            for years in kolada.chunked([str(y) for y in run.years]):
                key = "kpi/{}/municipality/{}/year/{}".format(
                    ",".join(kpis), ",".join(municipalities), ",".join(years)
                )
                result.append(Batch(key, kpis, municipalities, [int(y) for y in years]))
    return result


def _fail(run: ImportRun, message: str) -> ImportRun:
    run.errors = [*run.errors, message]
    run.status = (
        ImportRun.Status.PARTIAL if run.done_batches else ImportRun.Status.FAILED
    )
    run.finished_at = timezone.now()
    run.save()
    return run


def _error_message(error: kolada.KoladaError) -> str:
    if isinstance(error, kolada.UnknownKpi):
        return str(UNKNOWN_KPI % {"ids": ", ".join(error.missing)})
    if isinstance(error, kolada.UnknownMunicipality):
        return str(UNKNOWN_MUNICIPALITY % {"ids": ", ".join(error.missing)})
    if isinstance(error, kolada.KoladaUnavailable):
        return str(KOLADA_DOWN % {"detail": str(error)})
    return str(KOLADA_FAILED % {"detail": str(error)})


def _store_metadata(
    run: ImportRun, client: kolada.KoladaClient
) -> tuple[dict[str, int], dict[str, int]]:
    metas = client.get_kpis(run.kpis)
    places = client.get_municipalities(run.municipalities)
    indicator_ids: dict[str, int] = {}
    with transaction.atomic():
        for meta in metas:
            indicator = Indicator.objects.filter(
                code=meta.id, organisation=None
            ).first()
            indicator = indicator or Indicator(
                code=meta.id, source=Indicator.Source.KOLADA
            )
            indicator.title = meta.title[:300]
            indicator.description = meta.description or ""
            indicator.is_split_by_sex = meta.is_divided_by_gender
            indicator.unit = indicator.unit or kolada.unit_from_title(meta.title)[:40]
            indicator.is_demo = False
            indicator._history_user = run.started_by  # type: ignore[attr-defined]
            indicator.save()
            indicator_ids[meta.id] = indicator.pk
        municipality_ids = {
            place.id: municipality_for_code(place.id, place.title).pk
            for place in places
        }
    return indicator_ids, municipality_ids


def store_points(
    points: Iterable[kolada.DataPoint],
    indicator_ids: dict[str, int],
    municipality_ids: dict[str, int],
    skipped: list[str] | None = None,
) -> int:
    """Upsert Kolada points (one row per KPI, municipality, year, gender); returns rows.

    A value that is not a finite number (NaN, infinity) is never stored: the point
    is skipped and the reason, in Swedish, appended to ``skipped``.
    """
    rows: dict[tuple[int, int, int, str], Value] = {}
    for point in points:
        if point.value is not None and not is_finite(point.value):
            if skipped is not None:
                skipped.append(
                    str(
                        KOLADA_NOT_FINITE
                        % {
                            "kpi": point.kpi,
                            "municipality": point.municipality,
                            "period": point.period,
                            "gender": point.gender,
                            "value": point.value,
                        }
                    )
                )
            continue
        indicator_id = indicator_ids.get(point.kpi)
        if indicator_id is None:
            continue
        municipality_id = municipality_ids.get(point.municipality)
        if municipality_id is None:
            municipality_id = municipality_for_code(point.municipality).pk
            municipality_ids[point.municipality] = municipality_id
        key = (indicator_id, municipality_id, point.period, point.gender)
        rows[key] = Value(
            indicator_id=indicator_id,
            municipality_id=municipality_id,
            period=point.period,
            gender=point.gender,
            value=point.value,
        )
    Value.objects.bulk_create(
        list(rows.values()),
        update_conflicts=True,
        unique_fields=["indicator", "municipality", "period", "gender"],
        update_fields=["value"],
        batch_size=UPSERT_BATCH_SIZE,
    )
    return len(rows)


def run_kolada_import(
    *,
    run: ImportRun,
    client: kolada.KoladaClient | None = None,
    on_progress: Callable[[ImportRun], None] | None = None,
) -> ImportRun:
    """Fetch and store every batch of ``run`` not stored yet; never raises KoladaError.

    Unknown KPI ids or municipalities stop the run before anything is stored
    (status *failed*). Kolada failing midway leaves the stored batches in place
    and the run *partial*, with the reason in ``errors``; calling this again
    resumes with the remaining batches. Not atomic as a whole, on purpose.
    """
    own_client = client is None
    client = client or kolada.KoladaClient(base_url=run.base_url)
    try:
        if run.status == ImportRun.Status.DONE:
            return run
        run.status = ImportRun.Status.RUNNING
        run.finished_at = None
        batches = batches_of(run)
        run.batches_total = len(batches)
        run.save()
        try:
            indicator_ids, municipality_ids = _store_metadata(run, client)
        except kolada.KoladaError as error:
            return _fail(run, _error_message(error))
        for batch in batches:
            if batch.key in run.done_batches:
                continue
            try:
                points = list(
                    client.iter_data(batch.kpis, batch.municipalities, batch.years)
                )
            except kolada.KoladaError as error:
                return _fail(run, _error_message(error))
            with transaction.atomic():
                skipped: list[str] = []
                saved = store_points(points, indicator_ids, municipality_ids, skipped)
                run.errors = [*run.errors, *skipped]
                run.done_batches = [*run.done_batches, batch.key]
                run.values_saved += saved
                run.save()
            if on_progress is not None:
                on_progress(run)
        run.status = ImportRun.Status.DONE
        run.finished_at = timezone.now()
        run.save()
        return run
    finally:
        if own_client:
            client.close()


def resume_kolada_import(*, run: ImportRun, by: User) -> ImportRun:
    """Mark a partial or failed run for another attempt (the task carries it out)."""
    if not permissions.can_manage(by, run):
        raise PermissionDenied
    if not run.can_resume:
        raise ValidationError(NOT_RESUMABLE)
    run.status = ImportRun.Status.PENDING
    run._history_user = by  # type: ignore[attr-defined]
    run.save()
    return run


# --------------------------------------------------------------------------
# Local indicators from a file
# --------------------------------------------------------------------------

HEADER_ALIASES = {
    "period": {"period", "year", "år", "ar"},
    "sub_period": {"sub_period", "delperiod", "tertial", "månad", "manad", "month"},
    "gender": {"gender", "kön", "kon", "sex"},
    "value": {"value", "värde", "varde"},
}
GENDER_ALIASES = {
    "t": "T",
    "totalt": "T",
    "total": "T",
    "alla": "T",
    "k": "K",
    "kvinnor": "K",
    "kvinna": "K",
    "women": "K",
    "m": "M",
    "män": "M",
    "man": "M",
    "men": "M",
}
MISSING_COLUMNS = gettext_lazy(
    "The file lacks the columns %(columns)s. Expected: period, gender, value "
    "(and optionally sub_period)."
)
ROW_BAD_YEAR = gettext_lazy("the period %(value)s is not a year")
ROW_BAD_SUB_PERIOD = gettext_lazy("the sub-period %(value)s is not a whole number")
ROW_BAD_GENDER = gettext_lazy("the gender %(value)s is not T, K or M")
ROW_BAD_VALUE = gettext_lazy("the value %(value)s is not a number")
ROW_VALUE_NOT_FINITE = gettext_lazy("the value %(value)s is not a finite number")


#: A local indicator has a figure per year (or month) and gender: a few hundred
#: rows. More than this is refused, read no further than the next row.
MAX_LOCAL_ROWS = 5000


@dataclass
class RowError:
    row: int
    reason: str


@dataclass
class FileImportResult:
    saved: int = 0
    errors: list[RowError] = field(default_factory=list)


def read_table(name: str, handle: IO[bytes]) -> list[list[str]]:
    """Rows of a CSV (comma or semicolon) or .xlsx file as text cells, header first.

    Read row by row and never past MAX_LOCAL_ROWS data rows (a Swedish
    ValidationError names the limit and the row).
    """
    table = tables.read_table(name, handle, max_rows=MAX_LOCAL_ROWS)
    return [table.header, *table.rows]


def import_local_values(
    *,
    indicator: Indicator,
    by: User,
    rows: list[list[str]],
    job: LocalImport | None = None,
) -> FileImportResult:
    """Store the good rows of a table for a local indicator; report the bad ones.

    Row numbers are the file's own (the header is row 1). A row with an empty value
    is stored as missing. Raises ValidationError when the header lacks a column or
    the table has more than MAX_LOCAL_ROWS rows. ``job`` receives the progress.
    """
    if not permissions.can_manage(by, indicator):
        raise PermissionDenied
    if not rows:
        raise ValidationError(MISSING_COLUMNS % {"columns": "period, gender, value"})
    if len(rows) - 1 > MAX_LOCAL_ROWS:
        raise ValidationError(
            tables.TOO_MANY_ROWS
            % {"max": number(MAX_LOCAL_ROWS), "row": number(MAX_LOCAL_ROWS + 2)},
            code="too_many_rows",
        )
    header = [cell.strip().lower() for cell in rows[0]]
    columns: dict[str, int] = {}
    for name, aliases in HEADER_ALIASES.items():
        for index, cell in enumerate(header):
            if cell in aliases:
                columns[name] = index
                break
    missing = [n for n in ("period", "gender", "value") if n not in columns]
    if missing:
        raise ValidationError(MISSING_COLUMNS % {"columns": ", ".join(missing)})
    result = FileImportResult()
    for number_, row in enumerate(rows[1:], start=2):
        if job is not None:
            job.progress(done=number_ - 2, saved=result.saved)
        if not any(cell.strip() for cell in row):
            continue
        cells = {
            name: (row[i] if i < len(row) else "").strip()
            for name, i in columns.items()
        }
        try:
            period, sub_period, gender, value = _parse_row(cells)
            save_local_value(
                indicator=indicator,
                by=by,
                period=period,
                sub_period=sub_period,
                gender=gender,
                value=value,
            )
        except ValidationError as error:
            result.errors.append(RowError(number_, "; ".join(error.messages)))
            if job is not None:
                job.errors = [
                    *job.errors,
                    {"row": number_, "reason": result.errors[-1].reason},
                ]
            continue
        result.saved += 1
    return result


@transaction.atomic
def queue_local_import(
    *, indicator: Indicator, by: User, filename: str, kind: str, content: bytes
) -> LocalImport:
    """Store a large file of local figures for `run_local_import` (a task)."""
    if not permissions.can_manage(by, indicator) or indicator.is_kolada:
        raise PermissionDenied
    job = LocalImport(
        organisation_id=indicator.organisation_id,
        indicator=indicator,
        started_by=by,
        filename=filename[:200],
        kind=kind,
        content=content,
    )
    job.full_clean()
    job.save()
    return job


def run_local_import(*, job: LocalImport) -> LocalImport:
    """Carry out a stored import of local figures, writing progress as it goes.

    Never raises for a bad file: the job ends *failed* with the reason (unreadable,
    too many rows, missing columns) or *done* with every refused row and its reason.
    Not atomic as a whole: each figure is saved on its own, as in the request.
    """
    if job.status != LocalImport.Status.PENDING:
        return job
    job.start()
    by = job.started_by
    if by is None or not permissions.can_manage(by, job.indicator):
        job.finish(fatal=str(tables.IMPORT_NOT_ALLOWED))
        return job
    try:
        table = job.table(max_rows=MAX_LOCAL_ROWS)
        job.rows_total = len(table.rows)
        job.notes = table.notes
        job.save()
        result = import_local_values(
            indicator=job.indicator, by=by, rows=[table.header, *table.rows], job=job
        )
    except ValidationError as error:
        job.finish(fatal=" ".join(error.messages))
        return job
    job.errors = [{"row": e.row, "reason": e.reason} for e in result.errors]
    job.rows_saved = result.saved
    job.finish()
    return job


def _parse_row(cells: dict[str, str]) -> tuple[int, int, str, float | None]:
    try:
        period = int(float(cells["period"].replace(",", ".")))
    except (ValueError, OverflowError):
        raise ValidationError(
            ROW_BAD_YEAR % {"value": cells["period"] or "–"}
        ) from None
    sub_text = cells.get("sub_period", "") or "0"
    try:
        sub_period = int(sub_text)
    except ValueError:
        raise ValidationError(ROW_BAD_SUB_PERIOD % {"value": sub_text}) from None
    gender = GENDER_ALIASES.get(cells["gender"].lower())
    if gender is None:
        raise ValidationError(ROW_BAD_GENDER % {"value": cells["gender"] or "–"})
    try:
        number_ = parse_optional_number(cells["value"])
    except ValidationError as error:
        reason = ROW_VALUE_NOT_FINITE if error.code == "not_finite" else ROW_BAD_VALUE
        raise ValidationError(reason % {"value": cells["value"]}) from None
    value = None if number_ is None else float(number_)
    return period, sub_period, gender, value


# --------------------------------------------------------------------------
# Open-data export
# --------------------------------------------------------------------------

EXPORT_HEADER = ("kpi", "municipality", "period", "gender", "value")


def export_rows(
    *, municipalities: Sequence[str], kpis: Sequence[str] | None = None
) -> Iterator[tuple[str, str, int, str, float | None]]:
    """Stored Kolada values as ``(kpi, municipality, period, gender, value)`` rows."""
    values = Value.objects.filter(municipality__code__in=list(municipalities))
    if kpis:
        values = values.filter(indicator__code__in=list(kpis))
    yield from (
        values.order_by("indicator__code", "municipality__code", "period", "gender")
        .values_list(
            "indicator__code", "municipality__code", "period", "gender", "value"
        )
        .iterator(chunk_size=10_000)
    )
