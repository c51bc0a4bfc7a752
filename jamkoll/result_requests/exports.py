"""Follow-up figures as spreadsheet rows (CSV and Excel)."""

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from jamkoll.result_requests.figures import FigureRow


def header() -> list[str]:
    return [
        _("Year"),
        _("Unit"),
        _("Raised"),
        _("Answered"),
        _("Answered on time"),
        _("Accepted at first answer"),
        _("Open and overdue"),
        _("Median days to answer"),
    ]


def values(row: FigureRow) -> list[Any]:
    return [
        row.year,
        row.unit_name,
        row.raised,
        row.answered,
        row.answered_on_time,
        row.accepted_first,
        row.open_overdue,
        row.median_days,
    ]


def write_csv(writer: Any, rows: Iterable[FigureRow]) -> None:
    writer.writerow(header())
    for row in rows:
        writer.writerow(["" if v is None else v for v in values(row)])


def to_xlsx(rows: Iterable[FigureRow]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = _("Follow-up")[:31]
    sheet.append(header())
    for row in rows:
        sheet.append(values(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
