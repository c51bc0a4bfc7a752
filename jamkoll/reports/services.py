"""State changes of the yearly report. Each takes the acting user (`by`).

Every change to the written parts raises the report's version by one and leaves a
version in the audit trail (django-simple-history) with a short reason.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.core.uploads import stored_name
from jamkoll.meetings.models import AgendaItem
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports import permissions
from jamkoll.reports.models import (
    WORD_TEMPLATE_DIR,
    AreaDecision,
    AreaFollowUp,
    DevelopmentArea,
    ReportSettings,
    YearlyReport,
)
from jamkoll.reports.selectors import adoption_items, assemble
from jamkoll.reports.word_template import check_word_template

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


ADOPT_THROUGH_CONFIRMATION = gettext_lazy(
    "A report is adopted on its own page, with the meeting paragraph where the body "
    "adopted it."
)
ADOPTION_NOT_READY = gettext_lazy(
    "Only a report that is ready for approval can be adopted. Mark it as ready first."
)
ADOPTION_ITEM_NOT_OFFERED = gettext_lazy(
    "Choose a paragraph from a meeting of %(body)s held by today."
)


@transaction.atomic
def change_status(
    *, report: YearlyReport, status: str, by: User, today: dt.date
) -> YearlyReport:
    """Move the report utkast → klar för justering, or back to utkast.

    Adoption (fastställd) is not a status change here but `adopt_report`, which
    records where the body adopted it. Raises PermissionDenied unless `by` is an
    administrator or strategist, InvalidTransition for a step not allowed.
    """
    report = YearlyReport.objects.select_for_update().get(pk=report.pk)
    if not permissions.can_change_status(by, report):
        raise PermissionDenied
    if status == YearlyReport.Status.ADOPTED:
        raise ValidationError(ADOPT_THROUGH_CONFIRMATION)
    report.transition_to(status)
    report.version += 1
    _save_report(
        report,
        by=by,
        reason=_("Status changed to %(status)s")
        % {"status": report.get_status_display()},
    )
    return report


@transaction.atomic
def adopt_report(
    *,
    report: YearlyReport,
    agenda_item: AgendaItem,
    case_number: str = "",
    by: User,
    today: dt.date,
) -> YearlyReport:
    """Record that the body adopted (fastställde) the report at `agenda_item`, a
    paragraph of one of its meetings held by `today`, with its case number
    (diarienummer).

    The report is locked and keeps the content assembled now (with the adoption on
    its front page), so later changes to the data do not alter what was adopted;
    `adopted_on` is the meeting's date. Raises PermissionDenied unless `by` chairs the
    body or is a strategist, ValidationError (Swedish) when the report is not ready
    for approval or the paragraph is not one offered; nothing is saved then.
    """
    report = (
        YearlyReport.objects.select_for_update()
        .select_related("organisation")
        .get(pk=report.pk)
    )
    if not permissions.can_adopt(by, report):
        raise PermissionDenied
    if report.status != YearlyReport.Status.READY:
        raise ValidationError(ADOPTION_NOT_READY)
    offered = adoption_items(
        organisation=report.organisation, year=report.year, today=today
    )
    item = offered.filter(pk=agenda_item.pk).select_related("meeting__body").first()
    if item is None:
        body = agenda_item.meeting.body if agenda_item.meeting_id else None
        raise ValidationError(
            {
                "agenda_item": ADOPTION_ITEM_NOT_OFFERED
                % {"body": body.name if body else "–"}
            }
        )
    report.transition_to(YearlyReport.Status.ADOPTED)
    report.version += 1
    report.adopted_on = item.meeting.held_on
    report.adopted_at = item
    report.case_number = case_number.strip()
    report.full_clean()
    with translation.override("sv"):
        report.adopted_content = assemble(
            organisation=report.organisation, year=report.year, report=report
        ).to_dict()
    _save_report(
        report,
        by=by,
        reason=_("Adopted by %(body)s, § %(paragraph)s")
        % {"body": item.meeting.body.name, "paragraph": item.number},
    )
    return report


# --- The organisation's own Word template --------------------------------------------


def _settings_for(organisation: Organisation) -> ReportSettings:
    settings, _created = ReportSettings.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    return settings


def _delete_file_on_commit(name: str) -> None:
    if name:
        storage = ReportSettings._meta.get_field("word_template").storage  # type: ignore[attr-defined]
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def save_word_template(
    *, organisation: Organisation, upload: UploadedFile, by: User
) -> ReportSettings:
    """Store `upload` as the organisation's Word template (replacing any earlier one).

    Checked by content first (`word_template.check_word_template`); raises
    ValidationError (Swedish) and stores nothing when it is not a Word document or
    template, or too large. Raises PermissionDenied unless `by` is an administrator
    or strategist of the organisation.
    """
    if not permissions.can_manage_template(by, organisation):
        raise PermissionDenied
    try:
        checked = check_word_template(upload)
    except ValidationError as error:
        raise ValidationError({"word_template": error.messages}) from error
    settings = _settings_for(organisation)
    previous = settings.word_template.name
    settings.word_template_name = checked.display_name[-200:]
    settings.word_template.save(
        stored_name(checked, WORD_TEMPLATE_DIR), upload, save=False
    )
    settings._history_user = by  # type: ignore[attr-defined]
    settings.full_clean()
    settings.save()
    _delete_file_on_commit(previous)
    return settings


@transaction.atomic
def remove_word_template(*, organisation: Organisation, by: User) -> ReportSettings:
    """Remove the organisation's Word template: the report uses the built-in styles
    again. Raises PermissionDenied unless `by` is an administrator or strategist."""
    if not permissions.can_manage_template(by, organisation):
        raise PermissionDenied
    settings = _settings_for(organisation)
    previous = settings.word_template.name
    settings.word_template = ""  # type: ignore[assignment]
    settings.word_template_name = ""
    settings._history_user = by  # type: ignore[attr-defined]
    settings.full_clean()
    settings.save()
    _delete_file_on_commit(previous)
    return settings


# --- What KS or KF decided on each development area, and its follow-up ------------

REPORT_NOT_ADOPTED = gettext_lazy(
    "The yearly report %(year)s has not been adopted yet. Record the decision of the "
    "executive board or the council once the report has been adopted and presented."
)
DECISION_ALREADY_RECORDED = gettext_lazy(
    "A decision on “%(title)s” is already recorded: %(outcome)s, %(body)s, "
    "%(date)s (%(paragraph)s). A decision is recorded only once; only an area that "
    "was referred back can be given a new decision. Nothing was saved."
)
DECISION_DATE_IN_FUTURE = gettext_lazy(
    "The decision date cannot be in the future (today is %(today)s)."
)
DECISION_BEFORE_ADOPTION = gettext_lazy(
    "The decision date cannot be before the report was adopted (%(date)s)."
)
DECISION_BEFORE_REFERRAL = gettext_lazy(
    "The new decision cannot be dated before the referral back (%(date)s)."
)
FOLLOW_UP_NEEDS_UNIT = gettext_lazy(
    "Choose the unit responsible for following up the approved area."
)
FOLLOW_UP_NEEDS_DUE_DATE = gettext_lazy(
    "Give a date by which the approved area is to be followed up."
)
FOLLOW_UP_ALREADY_DONE = gettext_lazy(
    "The follow-up of “%(title)s” was already marked as done on %(date)s. Nothing "
    "was changed."
)
DONE_DATE_IN_FUTURE = gettext_lazy(
    "The follow-up cannot be marked as done on a date in the future (today is "
    "%(today)s)."
)
FOLLOW_UP_REPORT_REQUIRED = gettext_lazy("Write a short report of what was done.")


def _date(value: dt.date) -> str:
    return formatting.date(value)


@transaction.atomic
def record_area_decision(
    *,
    area: DevelopmentArea,
    outcome: str,
    decided_by: Unit,
    decided_on: dt.date,
    paragraph: str,
    by: User,
    today: dt.date,
    follow_up_unit: Unit | None = None,
    responsible: Person | None = None,
    due_on: dt.date | None = None,
) -> AreaDecision:
    """Record what KS or KF decided on a proposed development area (bifall, avslag,
    delvis bifall, återremiss).

    An approval, whole or partial, also starts the area's follow-up (uppföljning),
    owned by `follow_up_unit` (with `responsible` when named) and due on `due_on`.
    Preconditions: the report is adopted; the area has no decision in force other
    than a referral back. Raises PermissionDenied unless `by` is an administrator or
    strategist of the organisation, ValidationError (Swedish) on bad input; nothing
    is saved then.
    """
    report = YearlyReport.objects.select_for_update().get(pk=area.report_id)
    area = DevelopmentArea.objects.select_for_update().get(pk=area.pk)
    if not permissions.can_record_decision(by, report):
        raise PermissionDenied
    if not report.is_locked:
        raise ValidationError(REPORT_NOT_ADOPTED % {"year": report.year})
    latest = (
        area.decisions.select_related("decided_by")
        .order_by("-decided_on", "-pk")
        .first()
    )
    if latest is not None and latest.outcome != AreaDecision.Outcome.REFERRED_BACK:
        raise ValidationError(
            DECISION_ALREADY_RECORDED
            % {
                "title": area.title,
                "outcome": latest.get_outcome_display().lower(),
                "body": latest.decided_by.name,
                "date": _date(latest.decided_on),
                "paragraph": latest.paragraph,
            }
        )
    errors: dict[str, list[Any]] = {}
    if decided_on > today:
        errors.setdefault("decided_on", []).append(
            DECISION_DATE_IN_FUTURE % {"today": _date(today)}
        )
    elif report.adopted_on is not None and decided_on < report.adopted_on:
        errors.setdefault("decided_on", []).append(
            DECISION_BEFORE_ADOPTION % {"date": _date(report.adopted_on)}
        )
    elif latest is not None and decided_on < latest.decided_on:
        errors.setdefault("decided_on", []).append(
            DECISION_BEFORE_REFERRAL % {"date": _date(latest.decided_on)}
        )
    decision = AreaDecision(
        area=area,
        outcome=outcome,
        decided_by=decided_by,
        decided_on=decided_on,
        paragraph=paragraph.strip(),
    )
    follow_up = None
    if outcome in AreaDecision.FOLLOWED_UP:
        if follow_up_unit is None:
            errors.setdefault("follow_up_unit", []).append(FOLLOW_UP_NEEDS_UNIT)
        if due_on is None:
            errors.setdefault("due_on", []).append(FOLLOW_UP_NEEDS_DUE_DATE)
        if follow_up_unit is not None and due_on is not None:
            follow_up = AreaFollowUp(
                area=area,
                decision=decision,
                unit=follow_up_unit,
                responsible=responsible,
                due_on=due_on,
            )
    try:
        decision.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if follow_up is not None:
        try:
            follow_up.full_clean(exclude=["decision"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                target = "follow_up_unit" if field == "unit" else field
                errors.setdefault(target, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    decision._history_user = by  # type: ignore[attr-defined]
    decision.save()
    if follow_up is not None:
        follow_up.decision = decision
        follow_up._history_user = by  # type: ignore[attr-defined]
        follow_up.save()
    return decision


@transaction.atomic
def finish_follow_up(
    *,
    follow_up: AreaFollowUp,
    done_on: dt.date,
    report_text: str,
    by: User,
    today: dt.date,
) -> AreaFollowUp:
    """Mark the follow-up of an approved development area as done (klar), with the
    date and a short report of what was done.

    Raises PermissionDenied unless `by` is an administrator or strategist of the
    organisation, ValidationError (Swedish) when it is already done, the date is in
    the future or before the decision, or the report is empty; nothing is saved then.
    """
    follow_up = (
        AreaFollowUp.objects.select_for_update()
        .select_related("area__report", "decision")
        .get(pk=follow_up.pk)
    )
    if not permissions.can_record_decision(by, follow_up.area.report):
        raise PermissionDenied
    if follow_up.is_done:
        assert follow_up.done_on is not None  # noqa: S101 - the constraint holds it
        raise ValidationError(
            FOLLOW_UP_ALREADY_DONE
            % {"title": follow_up.area.title, "date": _date(follow_up.done_on)}
        )
    errors: dict[str, list[Any]] = {}
    if done_on > today:
        errors.setdefault("done_on", []).append(
            DONE_DATE_IN_FUTURE % {"today": _date(today)}
        )
    if not report_text.strip():
        errors.setdefault("report_text", []).append(FOLLOW_UP_REPORT_REQUIRED)
    if errors:
        raise ValidationError(errors)
    follow_up.status = AreaFollowUp.Status.DONE
    follow_up.done_on = done_on
    follow_up.report_text = report_text.strip()
    follow_up._history_user = by  # type: ignore[attr-defined]
    follow_up.full_clean()
    follow_up.save()
    return follow_up
