"""State changes for council cases and the body's preparation of them."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.cases import permissions
from jamkoll.cases.importing import ImportReport, parse_case_file
from jamkoll.cases.models import Case, NotGivenListRaising
from jamkoll.core import formatting
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit


def _save(case: Case, by: User) -> None:
    case._history_user = by  # type: ignore[attr-defined]
    case.full_clean()
    case.save()


@transaction.atomic
def save_case(
    *, organisation: Organisation, by: User, case: Case | None = None, **fields: Any
) -> Case:
    """Register or change a case before the council or executive board."""
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    case = case or Case(organisation=organisation)
    if case.organisation_id != organisation.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(case, name, value)
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
    number and reason and skipped; the good rows are saved together. A file without a
    required column is rejected as a whole, with nothing saved.
    """
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    report = parse_case_file(
        organisation=organisation, filename=filename, content=content
    )
    if report.fatal:
        return report
    for row in report.rows:
        case = Case(organisation=organisation, **row.fields)
        try:
            with transaction.atomic():
                _save(case, by)
        except ValidationError as error:
            report.reject(row.number, "; ".join(error.messages))
        else:
            report.created += 1
    return report
