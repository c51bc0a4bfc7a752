"""State changes for council cases and the body's preparation of them."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.cases import permissions
from jamkoll.cases.importing import (
    MAX_ROWS,
    ImportReport,
    parse_case_file,
    parse_case_table,
)
from jamkoll.cases.models import Case, CaseImport, NotGivenListRaising
from jamkoll.core import formatting
from jamkoll.core.changes import KEEP, assign
from jamkoll.core.tables import IMPORT_NOT_ALLOWED, Table
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit


def _save(case: Case, by: User) -> None:
    case._history_user = by  # type: ignore[attr-defined]
    case.full_clean()
    case.save()


@transaction.atomic
def save_case(
    *,
    organisation: Organisation,
    by: User,
    case: Case | None = None,
    case_number: str = KEEP,
    title: str = KEEP,
    deciding_body: Unit = KEEP,
    meeting_on: dt.date = KEEP,
    responsible_board: Unit | None = KEEP,
    documents: str = KEEP,
) -> Case:
    """Register or change a case before the council or executive board (fields not
    given keep their value; the preparation has its own service)."""
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    case = case or Case(organisation=organisation)
    if case.organisation_id != organisation.pk:
        raise PermissionDenied
    assign(
        case,
        case_number=case_number,
        title=title,
        deciding_body=deciding_body,
        meeting_on=meeting_on,
        responsible_board=responsible_board,
        documents=documents,
    )
    _save(case, by)
    return case


@transaction.atomic
def record_preparation(
    *,
    case: Case,
    by: User,
    preparation: str,
    statement: str = "",
    gender_assessment: str = "",
    not_relevant_reason: str = "",
    noticed_on: dt.date | None = None,
) -> Case:
    """Record the body's preparation (beredning): prepared with a statement (yttrande)
    and gender-perspective assessment, not relevant with a reason, or not prepared
    because the body was not given the chance (with the date it noticed).

    Fields that do not belong to the chosen outcome are cleared.
    """
    if not permissions.can_edit(by, case):
        raise PermissionDenied
    case.preparation = preparation
    prepared = preparation == Case.Preparation.PREPARED
    case.statement = statement if prepared else ""
    case.gender_assessment = gender_assessment if prepared else ""
    case.not_relevant_reason = (
        not_relevant_reason if preparation == Case.Preparation.NOT_RELEVANT else ""
    )
    case.noticed_on = (
        noticed_on if preparation == Case.Preparation.NOT_GIVEN_CHANCE else None
    )
    if preparation not in MEETING_OUTCOMES:
        case.prepared_at = None
    _save(case, by)
    return case


MEETING_OUTCOMES = (Case.Preparation.PREPARED, Case.Preparation.NOT_RELEVANT)
ALREADY_PREPARED_ELSEWHERE = _(
    "The case %(case)s was already handled at %(meeting)s %(date)s § %(number)s. "
    "Change it there, or in the case's own preparation form."
)
NOT_A_MEETING_OUTCOME = _(
    "Choose whether the body prepared the case or found it not relevant."
)
ITEM_OF_OTHER_ORGANISATION = _(
    "The agenda item belongs to another organisation than the case."
)


@transaction.atomic
def record_preparation_from_meeting(
    *,
    case: Case,
    item: Any,
    outcome: str,
    text: str,
    by: User,
    gender_assessment: str = "",
) -> Case:
    """Record the body's preparation of a council case from its decision at a meeting
    (`item`, a meetings.AgendaItem): prepared (berett) with the statement (`text`,
    yttrande) and the gender-perspective assessment, or not relevant (ej aktuellt)
    with the reason (`text`). The case then links to that paragraph.

    A case already handled at another paragraph is refused with nothing changed;
    recording again at the same paragraph updates it.
    """
    if not permissions.can_edit(by, case):
        raise PermissionDenied
    case = Case.objects.select_for_update().get(pk=case.pk)
    if item.meeting.organisation_id != case.organisation_id:
        raise ValidationError(ITEM_OF_OTHER_ORGANISATION)
    if outcome not in MEETING_OUTCOMES:
        raise ValidationError({"preparation": NOT_A_MEETING_OUTCOME})
    if case.prepared_at_id is not None and case.prepared_at_id != item.pk:
        earlier = case.prepared_at
        raise ValidationError(
            ALREADY_PREPARED_ELSEWHERE
            % {
                "case": case.case_number,
                "meeting": earlier.meeting.title or earlier.meeting.get_kind_display(),
                "date": formatting.date(earlier.meeting.held_on),
                "number": earlier.number,
            }
        )
    prepared = outcome == Case.Preparation.PREPARED
    case.preparation = outcome
    case.statement = text if prepared else ""
    case.gender_assessment = gender_assessment if prepared else ""
    case.not_relevant_reason = "" if prepared else text
    case.noticed_on = None
    case.prepared_at = item
    _save(case, by)
    return case


@transaction.atomic
def record_list_raising(
    *,
    organisation: Organisation,
    by: User,
    year: int,
    body: Unit,
    raised_on: dt.date,
    paragraph_reference: str,
    raised_by: Person | None = None,
    note: str = "",
) -> NotGivenListRaising:
    """Record that the chair raised the list of cases the body was not given the
    chance to prepare in the council or executive board (meeting, date, paragraph)."""
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    raising = NotGivenListRaising(
        organisation=organisation,
        year=year,
        body=body,
        raised_on=raised_on,
        paragraph_reference=paragraph_reference.strip(),
        raised_by=raised_by,
        note=note,
    )
    raising._history_user = by  # type: ignore[attr-defined]
    # clean() refuses a duplicate with a message naming the meeting; the unique
    # constraint stays in the database as the backstop.
    raising.full_clean(validate_constraints=False)
    raising.save()
    return raising


@transaction.atomic
def import_cases(
    *, organisation: Organisation, by: User, filename: str, content: bytes
) -> ImportReport:
    """Import the council's case list from CSV or Excel.

    Columns are found by their headers. Rows with errors are reported with their row
    number and reason and skipped; the good rows are saved one by one. A file without
    a required column, or with more than MAX_ROWS rows, is rejected as a whole, with
    nothing saved.
    """
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    report = parse_case_file(
        organisation=organisation, filename=filename, content=content
    )
    return _save_rows(report, organisation=organisation, by=by)


def import_case_table(
    *, organisation: Organisation, by: User, table: Table
) -> ImportReport:
    """The same for a table the view has already read (a small file, in the request)."""
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    report = parse_case_table(organisation=organisation, table=table)
    return _save_rows(report, organisation=organisation, by=by)


def _save_rows(
    report: ImportReport,
    *,
    organisation: Organisation,
    by: User,
    job: CaseImport | None = None,
) -> ImportReport:
    if report.fatal:
        return report
    checked = len(report.errors)  # rows refused before saving began
    for done, row in enumerate(report.rows, start=1):
        case = Case(organisation=organisation, **row.fields)
        try:
            with transaction.atomic():
                _save(case, by)
        except ValidationError as error:
            report.reject(row.number, "; ".join(error.messages))
        else:
            report.created += 1
        if job is not None:
            job.progress(done=checked + done, saved=report.created)
    return report


@transaction.atomic
def queue_case_import(
    *, organisation: Organisation, by: User, filename: str, kind: str, content: bytes
) -> CaseImport:
    """Store a large case list for `run_case_import` (a background task) to import."""
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    job = CaseImport(
        organisation=organisation,
        started_by=by,
        filename=filename[:200],
        kind=kind,
        content=content,
    )
    job.full_clean()
    job.save()
    return job


def run_case_import(*, job: CaseImport) -> CaseImport:
    """Carry out a stored import: read the file (at most MAX_ROWS rows), check every
    row, save the good ones, writing progress as it goes. Never raises for a bad file:
    the job ends *failed* with the reason, or *done* with every refused row listed.
    Not atomic as a whole, on purpose: each case is saved on its own."""
    if job.status != CaseImport.Status.PENDING:
        return job
    job.start()
    by = job.started_by
    if by is None or not permissions.can_edit(by, job.organisation):
        job.finish(fatal=str(IMPORT_NOT_ALLOWED))
        return job
    try:
        table = job.table(max_rows=MAX_ROWS)
    except ValidationError as error:
        job.finish(fatal=" ".join(error.messages))
        return job
    report = parse_case_table(organisation=job.organisation, table=table)
    if report.fatal:
        job.finish(fatal=report.fatal)
        return job
    job.rows_total = len(report.rows) + len(report.errors)
    job.notes = report.notes
    job.errors = [{"row": e.number, "reason": e.reason} for e in report.errors]
    job.save()
    _save_rows(report, organisation=job.organisation, by=by, job=job)
    job.errors = [{"row": e.number, "reason": e.reason} for e in report.errors]
    job.rows_saved = report.created
    job.finish()
    return job
