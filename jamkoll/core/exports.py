"""Spreadsheets people open: XLSX by default, CSV the way Swedish Excel reads it.

Every export in Jamkoll goes through here, so every file has the same habits:

- **XLSX** (openpyxl): a bold, frozen header row with an auto-filter, column widths
  from the content, numbers stored as numbers with a number format (``0``, ``0.0``,
  ``0.0%``), dates as dates (``yyyy-mm-dd``).
- **CSV**: UTF-8 with a byte-order mark, ``;`` between cells, decimal comma, CRLF line
  ends, ISO dates: Excel set to Swedish opens it with the right columns and numbers.
- In both, every cell (header included) passes through `safe_cell`: a text cell that
  starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (also after
  leading spaces, and their full-width forms) gets a leading ``'``, and XLSX stores
  every text cell as a string, never a formula, so a title like ``=HYPERLINK("…")``
  stays text in every spreadsheet program (CSV/formula injection). Real numbers stay
  numbers ("-2,5" is a number, not a formula).
- The open-data CSV of indicator values (`write_open_data_csv`: ``,``, decimal point)
  neutralises its text cells the same way.

A column's type is taken from ``types`` when given (``TEXT``, ``INTEGER``, ``DECIMAL``,
``PERCENT`` for a share 0–1, ``DATE``), else from each value. Numbers that are not
finite are written as empty cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from django.http import HttpResponse
from django.utils import timezone

from jamkoll.core.formatting import is_finite

TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"
PERCENT = "percent"
DATE = "date"

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

_FORMATS = {INTEGER: "0", DECIMAL: "0.0", PERCENT: "0.0%", DATE: "yyyy-mm-dd"}
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_LEADING_SPACE = " \u00a0\u2007\u202f\n"
_MIN_WIDTH, _MAX_WIDTH = 6, 60


class Table(NamedTuple):
    """One sheet: a title (XLSX only), a header row, rows and optional column types."""

    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    types: Sequence[str] | None = None
    title: str = ""


def neutralised(text: str) -> str:
    """Text that no spreadsheet program will read as a formula."""
    risky = text.startswith(_RISKY_START) or text.lstrip(_LEADING_SPACE).startswith(
        _RISKY_START
    )
    return "'" + text if risky else text


def safe_cell(value: Any) -> Any:
    """The value to store in any spreadsheet cell: text neutralised (`neutralised`),
    numbers finite (else None), times local and naive, everything else as text.

    Every cell of every export goes through here."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value if is_finite(value) else None
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value.replace(microsecond=0)
    if isinstance(value, dt.date):
        return value
    return neutralised(str(value))


def _number_format(value: Any, kind: str | None) -> str | None:
    if kind in _FORMATS and kind != TEXT:
        if kind == DATE or isinstance(value, int | float | Decimal):
            return _FORMATS[kind]
        return None
    if isinstance(value, dt.datetime):
        return _DATETIME_FORMAT
    if isinstance(value, dt.date):
        return _FORMATS[DATE]
    if isinstance(value, int):
        return _FORMATS[INTEGER]
    if isinstance(value, float | Decimal):
        return "0" if float(value).is_integer() else "0.0##"
    return None


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def workbook(tables: Sequence[Table]) -> bytes:
    """An XLSX file with one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for number, table in enumerate(tables, start=1):
        sheet = book.create_sheet(title=(table.title or f"Blad{number}")[:31])
        header = [safe_cell(str(h)) for h in table.header]
        sheet.append(header)
        for cell in sheet[1]:
            cell.data_type = "s"
        widths = [len(h) for h in header]
        types = list(table.types or [])
        for row in table.rows:
            values = [safe_cell(v) for v in row]
            sheet.append(values)
            for column, value in enumerate(values):
                kind = types[column] if column < len(types) else None
                cell = sheet.cell(row=sheet.max_row, column=column + 1)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it says
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                elif (fmt := _number_format(value, kind)) is not None:
                    cell.number_format = fmt
                if column >= len(widths):
                    widths.append(0)
                shown = _width(value) + (1 if kind == PERCENT else 0)
                widths[column] = max(widths[column], shown)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(
                max(width + 2, _MIN_WIDTH), _MAX_WIDTH
            )
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_xlsx(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    types: Sequence[str] | None = None,
    title: str = "",
) -> bytes:
    """One table as an XLSX file."""
    return workbook([Table(header, rows, types, title)])


def stream_xlsx(
    target: Any,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    types: Sequence[str | None],
    widths: Sequence[int],
    title: str = "",
) -> int:
    """Write a large table to `target` (a path or binary file) row by row, in
    constant memory; returns the number of rows. The same habits as `workbook`,
    except that the column widths are given instead of measured (a type of None:
    taken from each value)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=(title or "Blad1")[:31])
    sheet.freeze_panes = "A2"
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    head = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(text)))
        cell.data_type = "s"
        cell.font = Font(bold=True)
        head.append(cell)
    sheet.append(head)
    count = 0
    for row in rows:
        cells = []
        for column, raw in enumerate(row):
            cell = WriteOnlyCell(sheet, value=safe_cell(raw))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif (fmt := _number_format(cell.value, types[column])) is not None:
                cell.number_format = fmt
            cells.append(cell)
        sheet.append(cells)
        count += 1
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    book.save(target)
    return count


def _csv_cell(value: Any, kind: str | None) -> str:
    value = safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        if kind == PERCENT:
            return _decimal_comma(float(value) * 100) + "%"
        if kind == INTEGER:
            return str(round(value))
        return _decimal_comma(value)
    return str(value)


def _decimal_comma(value: float | int | Decimal) -> str:
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").replace(".", ",")


def to_csv(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    types: Sequence[str] | None = None,
) -> bytes:
    """One table as CSV for Swedish Excel (BOM, ``;``, decimal comma, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(str(h), TEXT) for h in header])
    kinds = list(types or [])
    for row in rows:
        writer.writerow(
            [
                _csv_cell(v, kinds[i] if i < len(kinds) else None)
                for i, v in enumerate(row)
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _open_data_cell(value: Any) -> str:
    value = safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def write_open_data_csv(
    handle: Any, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Rows as machine-readable open-data CSV (``,``, decimal point, LF, no BOM) on a
    text `handle`, cells neutralised like every export; returns the number of rows."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([_open_data_cell(str(h)) for h in header])
    count = 0
    for row in rows:
        writer.writerow([_open_data_cell(v) for v in row])
        count += 1
    return count


def download(content: bytes, filename: str) -> HttpResponse:
    """A response that downloads `content` as `filename` (.xlsx or .csv)."""
    kind = XLSX_CONTENT_TYPE if filename.endswith(".xlsx") else CSV_CONTENT_TYPE
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
