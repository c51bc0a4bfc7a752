"""Read paths for the yearly report: the assembled content, areas and versions."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, ReportContent, Section, Subheading
from jamkoll.reports.models import AreaFollowUp, DevelopmentArea, YearlyReport
from jamkoll.reports.outcomes import (  # noqa: F401 - the read paths of the pages
    AreaOutcome,
    area_outcome,
    area_outcomes,
    previous_year_outcomes,
)
from jamkoll.reports.sections import build_all
from jamkoll.reports.sections.common import equality_body


def report_for(*, organisation: Organisation, year: int) -> YearlyReport | None:
    return YearlyReport.objects.filter(organisation=organisation, year=year).first()


def development_areas(*, report: YearlyReport | None) -> QuerySet[DevelopmentArea]:
    if report is None:
        return DevelopmentArea.objects.none()
    return report.development_areas.select_related("unit").order_by("position", "pk")


def report_list(*, organisation: Organisation) -> QuerySet[YearlyReport]:
    return YearlyReport.objects.filter(organisation=organisation).order_by("-year")


def report_title(organisation: Organisation, year: int) -> str:
    return _("Yearly report %(year)s") % {"year": year}


def assemble(
    *, organisation: Organisation, year: int, report: YearlyReport | None = None
) -> ReportContent:
    """The whole report for the year: written parts first, the data, then the areas.

    An adopted report returns the content stored when it was adopted, so later changes
    to the data do not alter what was decided.
    """
    if report is not None and report.is_locked and report.adopted_content:
        return ReportContent.from_dict(report.adopted_content)
    body = equality_body(organisation)
    content = ReportContent(
        title=report_title(organisation, year),
        subtitle=_("%(body)s, %(organisation)s")
        % {
            "body": body.name if body else _("The gender-equality body"),
            "organisation": organisation.name,
        },
        year=year,
        organisation_name=organisation.name,
    )
    if report is not None:
        content.status_note = _("Status: %(status)s, version %(version)s.") % {
            "status": report.get_status_display(),
            "version": report.version,
        }
    content.sections.extend(_written_sections(report))
    data_sections = build_all(organisation, year)
    if not any(s.has_year_data for s in data_sections):
        data_sections.insert(0, _no_data_section(year))
    content.sections.extend(data_sections)
    content.sections.append(_areas_section(report))
    return content


def _written_sections(report: YearlyReport | None) -> list[Section]:
    sections = []
    introduction = report.introduction.strip() if report else ""
    sections.append(
        Section(
            key="introduction",
            heading=_("Introduction"),
            blocks=_paragraphs(introduction)
            or [Paragraph(_("The introduction has not been written yet."))],
            has_year_data=False,
        )
    )
    chair_words = report.chair_words.strip() if report else ""
    if chair_words:
        sections.append(
            Section(
                key="chair_words",
                heading=_("The chair's words"),
                blocks=_paragraphs(chair_words),
                has_year_data=False,
            )
        )
    return sections


def _paragraphs(text: str) -> list[Any]:
    return [
        Paragraph(p.strip())
        for p in text.replace("\r\n", "\n").split("\n\n")
        if p.strip()
    ]


def _no_data_section(year: int) -> Section:
    return Section(
        key="no_data",
        heading=_("Data for the year"),
        blocks=[
            Paragraph(
                _(
                    "There is no data registered for %(year)s: no demands, meetings, "
                    "cases, reviews, indicator values or survey answers. The report "
                    "therefore contains only the written parts."
                )
                % {"year": year}
            )
        ],
        has_year_data=False,
    )


def _areas_section(report: YearlyReport | None) -> Section:
    areas = list(development_areas(report=report))
    section = Section(
        key="development_areas",
        heading=_("Proposed development areas"),
        has_year_data=False,
        source=_(
            "Source: the body's proposals, picked from the development needs recorded "
            "during the year."
        )
        if areas
        else "",
    )
    if not areas:
        section.blocks.append(
            Paragraph(_("No development areas have been proposed yet."))
        )
        return section
    for index, area in enumerate(areas, start=1):
        section.blocks.append(
            Subheading(_("%(n)s. %(title)s") % {"n": index, "title": area.title})
        )
        if area.unit is not None:
            section.blocks.append(
                Paragraph(_("Concerns: %(unit)s.") % {"unit": area.unit.name})
            )
        section.blocks.extend(_paragraphs(area.rationale))
    return section


@dataclass
class Version:
    number: int
    when: Any
    who: str
    status: str
    what: str


def report_versions(*, report: YearlyReport) -> list[Version]:
    """Every saved version of the report, newest first (from the audit trail)."""
    records = report.history.select_related("history_user").order_by(  # type: ignore[attr-defined]
        "-history_date", "-history_id"
    )
    labels = dict(YearlyReport.Status.choices)
    return [
        Version(
            number=r.version,
            when=r.history_date,
            who=str(r.history_user) if r.history_user else "",
            status=str(labels.get(r.status, r.status)),
            what=r.history_change_reason or "",
        )
        for r in records
    ]


# --- Follow-ups of decided development areas, for the dashboard ----------------------


@dataclass
class FollowUpItem:
    """An open follow-up of a decided development area, for the dashboard."""

    title: str
    url: str
    unit_name: str
    responsible_name: str
    due_on: dt.date
    is_overdue: bool
    report_year: int


def development_follow_ups(
    organisation: Organisation, today: dt.date
) -> list[FollowUpItem]:
    """Follow-ups of approved development areas still in progress, soonest due
    first, each flagged overdue when its due date has passed (one query)."""
    follow_ups = (
        AreaFollowUp.objects.filter(
            area__report__organisation=organisation,
            status=AreaFollowUp.Status.IN_PROGRESS,
        )
        .select_related("area__report", "unit", "responsible")
        .order_by("due_on", "pk")
    )
    return [
        FollowUpItem(
            title=f.area.title,
            url=f.area.get_absolute_url(),
            unit_name=f.unit.name,
            responsible_name=str(f.responsible) if f.responsible_id else "",
            due_on=f.due_on,
            is_overdue=f.is_overdue(today),
            report_year=f.area.report.year,
        )
        for f in follow_ups
    ]
