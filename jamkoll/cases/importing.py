"""Reading the council's case list from CSV or Excel: headers mapped to fields, each row
checked, errors reported with the row number as the user sees it in the spreadsheet."""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from jamkoll.cases.models import Case
from jamkoll.organisations.models import Organisation, Unit

# Header spellings (normalised: lower case, letters and digits only) per field.
HEADERS: dict[str, tuple[str, ...]] = {
    "case_number": ("diarienummer", "dnr", "ärendenummer", "casenumber", "diarienr"),
    "title": ("rubrik", "ärende", "ärendemening", "titel", "title", "ärenderubrik"),
    "deciding_body": (
        "beslutandeorgan",
        "beslutsinstans",
        "instans",
        "organ",
        "decidingbody",
    ),
    "meeting_on": (
        "sammanträdesdatum",
        "sammanträde",
        "mötesdatum",
        "datum",
        "meetingdate",
        "beslutsdatum",
    ),
    "responsible_board": ("ansvarignämnd", "ansvarig", "nämnd", "responsibleboard"),
    "documents": ("handlingar", "dokument", "länk", "länkar", "documents"),
}
REQUIRED = ("case_number", "title", "deciding_body", "meeting_on")
MAX_ROWS = 5000


def _label(name: str) -> str:
    labels = {
        "case_number": _("Case number (diarienummer)"),
        "title": _("Title"),
        "deciding_body": _("Deciding body"),
        "meeting_on": _("Meeting date"),
        "responsible_board": _("Responsible board"),
        "documents": _("Documents"),
    }
    return labels[name]


@dataclass
class ParsedRow:
    number: int
    fields: dict[str, Any]


@dataclass
class RowError:
    number: int
    reason: str


@dataclass
class ImportReport:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    fatal: str = ""
    notes: list[str] = field(default_factory=list)
    created: int = 0

    def reject(self, number: int, reason: str) -> None:
        self.errors.append(RowError(number, reason))
        self.errors.sort(key=lambda e: e.number)

    @property
    def ok(self) -> bool:
        return not self.fatal and not self.errors


def _normalise(header: str) -> str:
    return re.sub(r"[^0-9a-zåäöé]", "", str(header or "").strip().lower())


def decode(content: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM), else Windows-1252 (Excel)."""
    try:
        return content.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace"), "cp1252"


class _Semicolon(csv.excel):
    delimiter = ";"


def _read_csv(content: bytes, report: ImportReport) -> list[list[Any]]:
    text, encoding = decode(content)
    if encoding == "cp1252":
        report.notes.append(
            _(
                "The file was saved as Windows-1252 (as Excel does); å, ä and ö were read correctly."
            )
        )
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = _Semicolon if sample.count(";") >= sample.count(",") else csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y", "%d.%m.%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    return None


def _unit_index(organisation: Organisation) -> dict[str, Unit]:
    index: dict[str, Unit] = {}
    for unit in Unit.objects.of(organisation):
        index[unit.name.strip().lower()] = unit
        if unit.short_name:
            index.setdefault(unit.short_name.strip().lower(), unit)
        if unit.kind == Unit.Kind.COUNCIL:
            for alias in ("kf", "rf", "fullmäktige"):
                index.setdefault(alias, unit)
        elif unit.kind == Unit.Kind.EXECUTIVE_BOARD:
            for alias in ("ks", "rs", "styrelsen"):
                index.setdefault(alias, unit)
    return index


def parse_case_file(
    *, organisation: Organisation, filename: str, content: bytes
) -> ImportReport:
    """Parse and check every row; nothing is saved here."""
    report = ImportReport()
    try:
        if filename.lower().endswith((".xlsx", ".xlsm")):
            table = _read_xlsx(content)
        else:
            table = _read_csv(content, report)
    except Exception:  # noqa: BLE001 - any unreadable file gets the same clear message
        report.fatal = _(
            "The file could not be read. Save it as CSV or Excel (.xlsx) and try again."
        )
        return report
    if not table:
        report.fatal = _("The file is empty.")
        return report
    headers = [_normalise(h) for h in table[0]]
    columns: dict[str, int] = {}
    for name, spellings in HEADERS.items():
        for index, header in enumerate(headers):
            if header in spellings and name not in columns:
                columns[name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        report.fatal = _(
            "The file lacks the column(s) %(missing)s. Columns found: %(found)s. "
            "Nothing was imported."
        ) % {
            "missing": ", ".join(_label(m) for m in missing),
            "found": ", ".join(str(h) for h in table[0] if h) or "–",
        }
        return report
    if len(table) - 1 > MAX_ROWS:
        report.fatal = _("The file has more than %(max)s rows; split it.") % {
            "max": MAX_ROWS
        }
        return report

    units = _unit_index(organisation)
    existing = set(
        Case.objects.filter(organisation=organisation).values_list(
            "case_number", flat=True
        )
    )
    seen: dict[str, int] = {}
    for offset, raw in enumerate(table[1:], start=2):
        values = {
            name: ("" if index >= len(raw) or raw[index] is None else raw[index])
            for name, index in columns.items()
        }
        if not any(str(v).strip() for v in values.values()):
            continue
        problems: list[str] = []
        number = str(values["case_number"]).strip()
        title = str(values["title"]).strip()
        if not number:
            problems.append(_("the case number is missing"))
        elif number in seen:
            problems.append(
                _("case number %(number)s already appears on row %(row)s")
                % {"number": number, "row": seen[number]}
            )
        elif number in existing:
            problems.append(
                _("case number %(number)s is already registered") % {"number": number}
            )
        if not title:
            problems.append(_("the title is missing"))
        meeting_on = _parse_date(values["meeting_on"])
        if meeting_on is None:
            problems.append(
                _("“%(value)s” is not a date (write it as 2026-03-16)")
                % {"value": str(values["meeting_on"]).strip()}
            )
        body_name = str(values["deciding_body"]).strip()
        body = units.get(body_name.lower())
        if body is None or body.kind not in {
            Unit.Kind.COUNCIL,
            Unit.Kind.EXECUTIVE_BOARD,
        }:
            problems.append(
                _("“%(value)s” is not the council or the executive board")
                % {"value": body_name}
            )
        board = None
        board_name = str(values.get("responsible_board", "")).strip()
        if board_name:
            board = units.get(board_name.lower())
            if board is None:
                problems.append(
                    _("unknown responsible board “%(value)s”") % {"value": board_name}
                )
        if number and number not in seen:
            seen[number] = offset
        if problems:
            report.reject(offset, "; ".join(problems))
            continue
        documents = str(values.get("documents", "")).strip()
        report.rows.append(
            ParsedRow(
                offset,
                {
                    "case_number": number[:40],
                    "title": title[:300],
                    "deciding_body": body,
                    "meeting_on": meeting_on,
                    "responsible_board": board,
                    "documents": "\n".join(
                        p.strip() for p in re.split(r"[\n|]", documents) if p.strip()
                    ),
                },
            )
        )
    return report
