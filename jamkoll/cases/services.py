"""State changes for council cases and the body's preparation of them."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from jamkoll.accounts.models import User
from jamkoll.cases import permissions
from jamkoll.cases.importing import ImportReport, parse_case_file
from jamkoll.cases.models import Case
from jamkoll.organisations.models import Organisation


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
    _save(case, by)
    return case


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
