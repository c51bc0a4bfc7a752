"""State changes of the yearly report. Each takes the acting user (`by`).

Every change to the written parts raises the report's version by one and leaves a
version in the audit trail (django-simple-history) with a short reason.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports import permissions
from jamkoll.reports.models import DevelopmentArea, YearlyReport
from jamkoll.reports.selectors import assemble

CHANGED_BY_SOMEONE_ELSE = gettext_lazy(
    "Someone else saved the report while you were editing (now version "
    "%(version)s). Your text is kept below; compare and save again."
)


def _save_report(report: YearlyReport, *, by: User, reason: str) -> None:
    report._history_user = by  # type: ignore[attr-defined]
    report._change_reason = reason  # type: ignore[attr-defined]
    report.full_clean()
    report.save()


def _locked_report(organisation: Organisation, year: int) -> YearlyReport | None:
    return (
        YearlyReport.objects.select_for_update()
        .filter(organisation=organisation, year=year)
        .first()
    )


@transaction.atomic
def start_report(*, organisation: Organisation, year: int, by: User) -> YearlyReport:
    """Return the year's report, creating the draft (utkast) on first use.

    Raises PermissionDenied unless `by` may write the report.
    """
    if not permissions.can_edit(by, organisation):
        raise PermissionDenied
    report = _locked_report(organisation, year)
    if report is not None:
        return report
    report = YearlyReport(organisation=organisation, year=year)
    _save_report(report, by=by, reason=_("Draft started"))
    return report


@transaction.atomic
def save_texts(
    *,
    report: YearlyReport,
    introduction: str,
    chair_words: str,
    by: User,
    expected_version: int | None = None,
) -> YearlyReport:
    """Save the introduction and the chair's words as a new version.

    `expected_version` is the version the user started editing; when someone saved in
    between, ValidationError (CHANGED_BY_SOMEONE_ELSE) and nothing is saved.
    Raises PermissionDenied unless `by` may write, or once the report is adopted.
    """
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_edit(by, report):
        raise PermissionDenied
    if expected_version is not None and expected_version != report.version:
        raise ValidationError(CHANGED_BY_SOMEONE_ELSE % {"version": report.version})
    introduction, chair_words = introduction.strip(), chair_words.strip()
    if (introduction, chair_words) == (report.introduction, report.chair_words):
        return report
    report.introduction = introduction
    report.chair_words = chair_words
    report.version += 1
    _save_report(report, by=by, reason=_("Texts edited"))
    return report


@transaction.atomic
def save_development_area(
    *,
    report: YearlyReport,
    by: User,
    area: DevelopmentArea | None = None,
    title: str,
    rationale: str,
    unit: Unit | None,
    source_reference: str = "",
    source_label: str = "",
) -> DevelopmentArea:
    """Add or change a proposed development area (utvecklingsområde).

    Raises PermissionDenied unless `by` may write the report (never once adopted),
    ValidationError on bad input; nothing is saved then.
    """
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_edit(by, report):
        raise PermissionDenied
    if area is not None and area.report_id != report.pk:
        raise PermissionDenied
    is_new = area is None
    if area is None:
        area = DevelopmentArea(
            report=report,
            position=report.development_areas.count(),
            source_reference=source_reference,
            source_label=source_label,
        )
    area.title = title.strip()
    area.rationale = rationale.strip()
    area.unit = unit
    area._history_user = by  # type: ignore[attr-defined]
    area.full_clean()
    area.save()
    report.version += 1
    reason = (
        _("Development area added: %(title)s")
        if is_new
        else _("Development area edited: %(title)s")
    )
    _save_report(report, by=by, reason=reason % {"title": area.title})
    return area


@transaction.atomic
def delete_development_area(*, area: DevelopmentArea, by: User) -> None:
    """Remove a proposed development area from a report that is not adopted."""
    report = YearlyReport.objects.select_for_update().get(pk=area.report_id)
    if not permissions.can_edit(by, report):
        raise PermissionDenied
    title = area.title
    area._history_user = by  # type: ignore[attr-defined]
    area.delete()
    report.version += 1
    _save_report(
        report,
        by=by,
        reason=_("Development area removed: %(title)s") % {"title": title},
    )


@transaction.atomic
def change_status(
    *, report: YearlyReport, status: str, by: User, today: dt.date
) -> YearlyReport:
    """Move the report utkast → klar för justering → fastställd (or back to utkast).

    Adopting stores the assembled content, so the adopted report no longer follows
    the data, and locks it. Raises PermissionDenied unless `by` is an administrator
    or strategist, InvalidTransition for a step not allowed.
    """
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_change_status(by, report):
        raise PermissionDenied
    report.transition_to(status)
    report.version += 1
    if status == YearlyReport.Status.ADOPTED:
        report.adopted_on = today
        with translation.override("sv"):
            report.adopted_content = assemble(
                organisation=report.organisation, year=report.year, report=report
            ).to_dict()
    _save_report(
        report,
        by=by,
        reason=_("Status changed to %(status)s")
        % {"status": report.get_status_display()},
    )
    return report
