"""Read paths for the yearly report: the assembled content, areas and versions."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from jamkoll.core import formatting
from jamkoll.meetings.models import AgendaItem, Meeting
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import (
    BulletList,
    Paragraph,
    ReportContent,
    Section,
    Subheading,
)
from jamkoll.reports.models import (
    AreaFollowUp,
    DevelopmentArea,
    ReportSettings,
    YearlyReport,
)
from jamkoll.reports.outcomes import (  # noqa: F401 - the read paths of the pages
    AreaOutcome,
    area_outcome,
    area_outcomes,
    previous_year_outcomes,
)
from jamkoll.reports.sections import build_all
from jamkoll.reports.sections.common import (
    BodyNames,
    body_names,
    equality_body,
    genitive,
    in_running_text,
)


def report_for(*, organisation: Organisation, year: int) -> YearlyReport | None:
    return YearlyReport.objects.filter(organisation=organisation, year=year).first()


def development_areas(*, report: YearlyReport | None) -> QuerySet[DevelopmentArea]:
    if report is None:
        return DevelopmentArea.objects.none()
    return report.development_areas.select_related("unit").order_by("position", "pk")


def report_list(*, organisation: Organisation) -> QuerySet[YearlyReport]:
    return YearlyReport.objects.filter(organisation=organisation).order_by("-year")


def report_title(organisation: Organisation, year: int) -> str:
    """ "Jämställdhetsutskottets årsrapport 2026": the body named by its form."""
    names = body_names(organisation)
    return _("%(body_genitive)s yearly report %(year)s") % {
        "body_genitive": names.genitive,
        "year": year,
    }


def report_subtitle(organisation: Organisation, names: BodyNames) -> str:
    """ "Årsrapport till kommunfullmäktige, Umeå kommun"."""
    return _("Yearly report to %(parent)s, %(organisation)s") % {
        "parent": names.parent,
        "organisation": organisation.name,
    }


def adoption_items(
    *, organisation: Organisation, year: int, today: dt.date
) -> QuerySet[AgendaItem]:
    """The paragraphs at which the body may have adopted the year's report: items of
    its own meetings (not dialogue meetings) from the start of the year to mid next
    year, held by `today`, newest first."""
    body = equality_body(organisation)
    if body is None:
        return AgendaItem.objects.none()
    return (
        AgendaItem.objects.filter(
            meeting__organisation=organisation,
            meeting__body=body,
            meeting__held_on__gte=dt.date(year, 1, 1),
            meeting__held_on__lte=min(today, dt.date(year + 1, 6, 30)),
        )
        .exclude(meeting__kind=Meeting.Kind.DIALOGUE)
        .select_related("meeting__body")
        .order_by("-meeting__held_on", "-paragraph", "-position", "-pk")
    )


def adoption_note(report: YearlyReport) -> str:
    """ "Fastställd av Jämställdhetsutskottet 12 november 2026, § 5, dnr KS 2026/123"."""
    item = report.adopted_at
    if item is None or report.adopted_on is None:
        return ""
    text = _("Adopted by %(body)s %(date)s, § %(paragraph)s") % {
        "body": item.meeting.body.name,
        "date": formatting.date(report.adopted_on),
        "paragraph": item.number,
    }
    if report.case_number:
        text = _("%(adopted)s, case no. %(case_number)s") % {
            "adopted": text,
            "case_number": report.case_number,
        }
    return _("%(text)s.") % {"text": text}


def word_template_for(organisation: Organisation) -> bytes | None:
    """The organisation's own Word template (.docx or .dotx), None when it has none
    or the file cannot be read."""
    settings = ReportSettings.objects.filter(organisation=organisation).first()
    if settings is None or not settings.word_template:
        return None
    try:
        with settings.word_template.open("rb") as handle:
            return handle.read()  # type: ignore[no-any-return]
    except OSError:
        return None


def report_settings(*, organisation: Organisation) -> ReportSettings | None:
    return ReportSettings.objects.filter(organisation=organisation).first()


def assemble(
    *, organisation: Organisation, year: int, report: YearlyReport | None = None
) -> ReportContent:
    """The whole report for the year: the proposed decision and the written parts
    first, the data, then the areas.

    An adopted report returns the content stored when it was adopted, so later changes
    to the data do not alter what was decided.
    """
    if report is not None and report.is_locked and report.adopted_content:
        return ReportContent.from_dict(report.adopted_content)
    names = body_names(organisation)
    content = ReportContent(
        title=_("%(body_genitive)s yearly report %(year)s")
        % {"body_genitive": names.genitive, "year": year},
        subtitle=report_subtitle(organisation, names),
        year=year,
        organisation_name=organisation.name,
    )
    if report is not None:
        content.case_number = report.case_number
        content.status_note = adoption_note(report) or _(
            "Status: %(status)s, version %(version)s."
        ) % {
            "status": report.get_status_display(),
            "version": report.version,
        }
    areas = list(development_areas(report=report))
    content.sections.append(proposal_section(names, areas))
    content.sections.extend(_written_sections(report))
    data_sections = build_all(organisation, year)
    if not any(s.has_year_data for s in data_sections):
        data_sections.insert(0, _no_data_section(year))
    content.sections.extend(data_sections)
    content.sections.append(_areas_section(areas, names))
    return content


def proposal_section(names: BodyNames, areas: list[DevelopmentArea]) -> Section:
    """ "Förslag till beslut": the body proposes KS or KF one att-sats per development
    area and to place the report on file; without areas, one sentence."""
    section = Section(
        key="proposal", heading=_("Proposed decision"), has_year_data=False
    )
    if not areas:
        section.blocks.append(
            Paragraph(
                _("%(body)s proposes that %(parent)s place the yearly report on file.")
                % {"body": names.name, "parent": names.parent}
            )
        )
        return section
    section.blocks.append(
        Paragraph(
            _("%(body)s proposes that %(parent)s decide")
            % {"body": names.name, "parent": names.parent}
        )
    )
    clauses = [_proposal_clause(area) for area in areas]
    clauses.append(_("to otherwise place the yearly report on file"))
    section.blocks.append(BulletList(clauses))
    return section


def _proposal_clause(area: DevelopmentArea) -> str:
    title = formatting.quoted(area.title.strip().rstrip("."))
    if area.unit is not None:
        return _("to commission %(unit)s to develop the work on %(title)s") % {
            "unit": in_running_text(area.unit),
            "title": title,
        }
    return _(
        "to adopt %(title)s as a development area of the municipality's "
        "gender-equality work"
    ) % {"title": title}


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


def _areas_section(areas: list[DevelopmentArea], names: BodyNames) -> Section:
    section = Section(
        key="development_areas",
        heading=_("Proposed development areas"),
        has_year_data=False,
        source=_(
            "Source: %(body_genitive)s proposals, picked from the development needs "
            "recorded during the year."
        )
        % {"body_genitive": genitive(names.form)}
        if areas
        else "",
    )
    if not areas:
        section.blocks.append(
            Paragraph(
                _("%(body)s proposes no development areas this year.")
                % {"body": capfirst(names.form)}
            )
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
