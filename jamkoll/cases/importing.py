"""Reading the council's case list from CSV or Excel: headers mapped to fields, each row
checked, errors reported with the row number as the user sees it in the spreadsheet.

Rows are read one at a time through `jamkoll.core.tables` and reading stops at the
first row beyond MAX_ROWS, so a huge sheet is refused without being read whole."""

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jamkoll.cases.models import Case
from jamkoll.core import tables
from jamkoll.core.formatting import number as format_number
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
    """Read (at most MAX_ROWS rows, streaming) and check every row; nothing is saved."""
    try:
        table = tables.read_table(filename, io.BytesIO(content), max_rows=MAX_ROWS)
    except ValidationError as error:
        return ImportReport(fatal=" ".join(error.messages))
    return parse_case_table(organisation=organisation, table=table)


def parse_case_table(
    *, organisation: Organisation, table: tables.Table
) -> ImportReport:
    """Check every row of a table already read; nothing is saved here."""
    report = ImportReport(notes=list(table.notes))
    if len(table.rows) > MAX_ROWS:
        report.fatal = str(
            tables.TOO_MANY_ROWS
            % {"max": format_number(MAX_ROWS), "row": format_number(MAX_ROWS + 2)}
        )
        return report
    headers = [_normalise(h) for h in table.header]
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
            "found": ", ".join(str(h) for h in table.header if h) or "–",
        }
        return report

    units = _unit_index(organisation)
    existing = set(
        Case.objects.filter(organisation=organisation).values_list(
            "case_number", flat=True
        )
    )
    seen: dict[str, int] = {}
    for offset, raw in table.numbered():
        values = {
            name: (raw[index] if index < len(raw) else "")
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
