"""Reading an uploaded table (CSV or Excel .xlsx) row by row, never past a row limit.

Every file import goes through :func:`read_table`: the rows are pulled one at a time
(openpyxl's read-only row iterator, ``csv.reader`` over a text wrapper) and reading
stops at the first row beyond ``max_rows``, so a sheet of 200 000 rows costs no more
than one of ``max_rows + 1``. Cells come back as stripped text without NUL characters
(PostgreSQL stores no NUL in text), dates as ISO dates (``2026-03-16``).
"""

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from jamkoll.core.formatting import number
from jamkoll.core.models import BaseModel

SAMPLE_BYTES = 64 * 1024
#: Columns past this are ignored (an import needs a handful).
MAX_COLUMNS = 100
#: An Excel file's table of texts is read whole; more than this is no import of
#: a few thousand rows (checked from the size the file declares, before reading).
MAX_SHARED_STRINGS_BYTES = 4 * 1024 * 1024

EMPTY = gettext_lazy("The file is empty.")
UNREADABLE = gettext_lazy(
    "The file could not be read. Save it as CSV or Excel (.xlsx) and try again."
)
TOO_MANY_ROWS = gettext_lazy(
    "The file has more than %(max)s rows: row %(row)s is beyond the limit. Split it "
    "into smaller files and import them one at a time; nothing was imported."
)
TOO_MUCH_TEXT = gettext_lazy(
    "The Excel file holds more text (%(size)s) than one import may (%(limit)s). "
    "Split it into smaller files; nothing was imported."
)
WINDOWS_1252 = gettext_lazy(
    "The file was saved as Windows-1252 (as Excel does); å, ä and ö were read correctly."
)


@dataclass
class Table:
    """The header row and the data rows (row ``i`` is row ``i + 2`` of the file)."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def numbered(self) -> Iterator[tuple[int, list[str]]]:
        """Each data row with its row number as the spreadsheet shows it."""
        return enumerate(self.rows, start=2)


def cell_text(value: Any) -> str:
    """A cell as stripped text: ``None`` is "", a date is ISO, NUL characters go."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return str(value).replace("\x00", "").strip()


def _is_xlsx(name: str) -> bool:
    return name.lower().endswith((".xlsx", ".xlsm"))


def _xlsx_rows(handle: IO[bytes]) -> Iterator[list[str]]:
    """The first worksheet's rows, parsed as they are read.

    openpyxl's own read-only sheet first scans the whole sheet for its size when
    the file declares none (seconds for 200 000 rows) and pads every row to the
    declared width, so the sheet's XML goes straight to its row parser here.
    """
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    reader = ExcelReader(handle, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        strings = reader.package.find(SHARED_STRINGS)
        if strings is not None:
            size = reader.archive.getinfo(strings.PartName[1:]).file_size
            if size > MAX_SHARED_STRINGS_BYTES:
                raise ValidationError(
                    TOO_MUCH_TEXT
                    % {
                        "size": filesizeformat(size),
                        "limit": filesizeformat(MAX_SHARED_STRINGS_BYTES),
                    },
                    code="too_much_text",
                )
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            rel.target
            for _sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if not sheets:
            return
        with reader.archive.open(sheets[0]) as source:
            parser = WorkSheetParser(
                source,
                reader.shared_strings,
                data_only=True,
                epoch=reader.wb.epoch,
                date_formats=reader.wb._date_formats,
                timedelta_formats=reader.wb._timedelta_formats,
            )
            expected = 1
            for index, cells in parser.parse():
                while expected < index:  # rows the file leaves out are empty
                    expected += 1
                    yield []
                values = {
                    cell["column"]: cell["value"]
                    for cell in cells
                    if cell["column"] <= MAX_COLUMNS
                }
                yield [
                    cell_text(values.get(c))
                    for c in range(1, max(values, default=0) + 1)
                ]
                expected = index + 1
    finally:
        reader.archive.close()


def _csv_rows(handle: IO[bytes], notes: list[str]) -> Iterator[list[str]]:
    sample = handle.read(SAMPLE_BYTES)
    handle.seek(0)
    encoding = "utf-8-sig"
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=False)
    except UnicodeDecodeError:
        encoding = "cp1252"
        text = sample.decode("cp1252", errors="replace")
        notes.append(str(WINDOWS_1252))
    text = text.replace("\x00", "")
    dialect: Any
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = "excel-semicolon" if text.count(";") >= text.count(",") else "excel"
    wrapper = io.TextIOWrapper(
        handle,  # type: ignore[arg-type]
        encoding=encoding,
        errors="replace" if encoding == "cp1252" else "strict",
        newline="",
    )
    try:
        for row in csv.reader(wrapper, dialect):
            yield [cell_text(cell) for cell in row]
    finally:
        wrapper.detach()  # leave the upload open for its owner


class _Semicolon(csv.excel):
    delimiter = ";"


csv.register_dialect("excel-semicolon", _Semicolon)


def iter_rows(
    name: str, handle: IO[bytes], notes: list[str] | None = None
) -> Iterator[list[str]]:
    """Every row of the file as text cells, one at a time (header first)."""
    raw: Any = getattr(handle, "file", handle)  # an UploadedFile's own stream
    raw.seek(0)
    if _is_xlsx(name):
        return _xlsx_rows(raw)
    return _csv_rows(raw, notes if notes is not None else [])


def read_table(name: str, handle: IO[bytes], *, max_rows: int) -> Table:
    """The header and at most ``max_rows`` data rows; reading stops at the next row.

    Raises a Swedish ``ValidationError`` (codes ``empty``, ``unreadable``,
    ``too_many_rows``) naming the limit and the first row beyond it.
    """
    notes: list[str] = []
    rows = iter_rows(name, handle, notes)
    try:
        header = next(rows, None)
        if header is None or not any(header):
            raise ValidationError(EMPTY, code="empty")
        table = Table(header=header, notes=notes)
        for row in rows:
            if len(table.rows) >= max_rows:
                raise ValidationError(
                    TOO_MANY_ROWS
                    % {"max": number(max_rows), "row": number(max_rows + 2)},
                    code="too_many_rows",
                )
            table.rows.append(row)
    except ValidationError:
        raise
    except Exception as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    finally:
        rows.close()  # type: ignore[attr-defined]
    return table


# --------------------------------------------------------------------------
# Imports too large for one request
# --------------------------------------------------------------------------

#: Above this size, or with more data rows than BACKGROUND_ROWS, an import runs as a
#: background task; the request only stores the file.
BACKGROUND_BYTES = 256 * 1024
BACKGROUND_ROWS = 500
#: How often (in rows) a running import writes its progress.
PROGRESS_EVERY = 50

IMPORT_CRASHED = gettext_lazy(
    "The import stopped because of an error in Jämkoll. The rows counted as saved "
    "are kept; import the rest again or contact your administrator."
)
IMPORT_NOT_ALLOWED = gettext_lazy(
    "The person who started the import may no longer import here; nothing was imported."
)


class FileImport(BaseModel):
    """A file import carried out by a background task: the uploaded file until it
    has been read, then how far the task got and every refused row with its reason.

    Concrete imports add what they import into. Kept without history: it holds the
    file itself, and the audit trail records every object the import saves.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    filename = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(
        _("file type"), max_length=4, choices=[("csv", "CSV"), ("xlsx", "Excel")]
    )
    content = models.BinaryField(_("file"), blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.PENDING
    )
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_done = models.PositiveIntegerField(_("rows handled"), default=0)
    rows_saved = models.PositiveIntegerField(_("rows saved"), default=0)
    errors = models.JSONField(_("refused rows"), default=list, blank=True)
    notes = models.JSONField(_("notes"), default=list, blank=True)
    fatal = models.TextField(_("why the file was refused"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.pk}: {self.filename}"

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.PENDING, self.Status.RUNNING}

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def refused(self) -> int:
        return len(self.errors)

    def table(self, *, max_rows: int) -> Table:
        """The stored file read back, at most ``max_rows`` data rows."""
        return read_table(
            f"import.{self.kind}", io.BytesIO(bytes(self.content)), max_rows=max_rows
        )

    def start(self) -> None:
        self.status = self.Status.RUNNING
        self.finished_at = None
        self.save()

    def progress(self, *, done: int, saved: int) -> None:
        """Write how far the import got (every PROGRESS_EVERY rows, and the last)."""
        if done == self.rows_total or done % PROGRESS_EVERY == 0:
            self.rows_done, self.rows_saved = done, saved
            self.save(update_fields=["rows_done", "rows_saved", "errors", "updated_at"])

    def finish(self, *, fatal: str = "") -> None:
        """Done, or failed with ``fatal``; the stored file is dropped either way."""
        self.fatal = fatal
        self.status = self.Status.FAILED if fatal else self.Status.DONE
        if not fatal:
            self.rows_done = self.rows_total
        self.content = b""
        self.finished_at = timezone.now()
        self.save()


@contextmanager
def failing_visibly(job: FileImport) -> Iterator[None]:
    """Run a task's import; a crash ends the job *failed* with a Swedish message
    (then the task itself fails), so its page never shows "running" for ever."""
    try:
        yield
    except Exception:
        job.refresh_from_db()
        if job.is_active:
            job.finish(fatal=str(IMPORT_CRASHED))
        raise


def fail_when_abandoned(model: type[FileImport], task_path: str) -> None:
    """Register with `core.tasks`: a job of `model` whose worker died while its task
    (`task_path`) ran ends failed, as if it had crashed (never run again by itself)."""
    from jamkoll.core import tasks

    def abandoned(args: list[Any], kwargs: dict[str, Any], retried: bool) -> None:
        job_id = kwargs.get("job_id", args[0] if args else None)
        if retried or job_id is None:
            return
        job = model.objects.filter(pk=job_id).first()
        if job is not None and job.is_active:
            with translation.override(settings.LANGUAGE_CODE):
                job.finish(fatal=str(IMPORT_CRASHED))

    tasks.on_abandoned(task_path, retry=False, then=abandoned)


def read_if_small(upload: Any, kind: str) -> Table | None:
    """The table when the upload may be imported within the request, else ``None``.

    At most BACKGROUND_BYTES and BACKGROUND_ROWS data rows (reading stops at the
    next one); anything larger goes to a background task. Raises the reader's
    ValidationError for a file that cannot be read at all.
    """
    if (upload.size or 0) > BACKGROUND_BYTES:
        return None
    try:
        return read_table(f"upload.{kind}", upload, max_rows=BACKGROUND_ROWS)
    except ValidationError as error:
        if getattr(error, "code", None) == "too_many_rows":
            return None
        raise


def content_of(upload: Any) -> bytes:
    """The whole upload (already size-checked), for a background import to keep."""
    raw = getattr(upload, "file", upload)
    raw.seek(0)
    return bytes(raw.read())


def see_other(url: str) -> HttpResponseRedirect:
    """303 See Other: the upload was taken; the browser GETs the progress page."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response
