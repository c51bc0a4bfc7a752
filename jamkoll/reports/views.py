"""Pages of the yearly report (årsrapport): the draft, its written parts, the files."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.accounts.models import User
from jamkoll.core.charts import BarChart
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.params import text_param
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.reports import permissions, selectors, services, sources
from jamkoll.reports.charts import layout
from jamkoll.reports.content import Block, Chart, ReportContent, Section
from jamkoll.reports.forms import (
    AdoptionForm,
    AreaDecisionForm,
    DevelopmentAreaForm,
    FollowUpDoneForm,
    ReportTextsForm,
    StatusForm,
    WordTemplateForm,
)
from jamkoll.reports.models import FIRST_YEAR, LAST_YEAR, DevelopmentArea, YearlyReport
from jamkoll.reports.output import FORMATS, generate
from jamkoll.reports.sections.common import body_names, equality_body


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


@dataclass
class PageBlock:
    block: Block
    chart: BarChart | None = None
    chart_id: str = ""


@dataclass
class PageSection:
    section: Section
    blocks: list[PageBlock]


def _page_sections(content: ReportContent) -> list[PageSection]:
    """Sections with each chart laid out for `components/bar_chart.html`."""
    page = []
    counter = 0
    for section in content.in_reading_order():
        blocks = []
        for block in section.blocks:
            if isinstance(block, Chart):
                counter += 1
                blocks.append(
                    PageBlock(block, layout(block), f"report-chart-{counter}")
                )
            else:
                blocks.append(PageBlock(block))
        page.append(PageSection(section, blocks))
    return page


@require_GET
@organisation_required
def index(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The organisation's yearly reports, and the years one can be started for."""
    if not permissions.can_view(_user(request), organisation):
        raise PermissionDenied
    reports = list(selectors.report_list(organisation=organisation))
    this_year = timezone.localdate().year
    started = {r.year for r in reports}
    names = body_names(organisation)
    return render(
        request,
        "reports/index.html",
        {
            "reports": reports,
            "body_name": names.name,
            "parent": names.parent,
            "can_manage_template": permissions.can_manage_template(
                _user(request), organisation
            ),
            "new_years": [y for y in (this_year, this_year - 1) if y not in started],
        },
    )


@require_GET
@organisation_required
def detail(request: HttpRequest, organisation: Organisation, year: int) -> HttpResponse:
    """The year's report as assembled from the data, with its written parts."""
    _check_year(year)
    user = _user(request)
    if not permissions.can_view(user, organisation):
        raise PermissionDenied
    report = selectors.report_for(organisation=organisation, year=year)
    content = selectors.assemble(organisation=organisation, year=year, report=report)
    target: Organisation | YearlyReport = report or organisation
    can_change_status = report is not None and permissions.can_change_status(
        user, report
    )
    return render(
        request,
        "reports/detail.html",
        {
            "year": year,
            "report": report,
            "content": content,
            "sections": _page_sections(content),
            "areas": selectors.development_areas(report=report),
            "outcomes": selectors.area_outcomes(report=report)
            if report is not None and report.is_locked
            else [],
            "can_record_decisions": report is not None
            and permissions.can_record_decision(user, report),
            "can_edit": permissions.can_edit(user, target),
            "can_download": permissions.can_download(user, target),
            "can_view_history": permissions.can_view_history(user, target),
            "transitions": _transitions(report) if can_change_status else [],
            "can_adopt": report is not None
            and report.status == YearlyReport.Status.READY
            and permissions.can_adopt(user, report),
            "adoption_note": selectors.adoption_note(report) if report else "",
            "can_manage_template": permissions.can_manage_template(user, organisation),
            "formats": list(FORMATS),
        },
    )


def _transitions(report: YearlyReport | None) -> list[tuple[str, str]]:
    if report is None:
        return []
    labels = {
        YearlyReport.Status.READY: _("Mark as ready for approval"),
        YearlyReport.Status.DRAFT: _("Return to draft"),
    }
    # Adoption has its own confirmation page (`reports:adopt`).
    allowed = YearlyReport.ALLOWED_TRANSITIONS[YearlyReport.Status(report.status)]
    return [(s.value, str(labels[s])) for s in labels if s in allowed]


@require_http_methods(["GET", "POST"])
@organisation_required
def edit_texts(
    request: HttpRequest, organisation: Organisation, year: int
) -> HttpResponse:
    """Write the introduction and the chair's words (a new version on each save)."""
    _check_year(year)
    user = _user(request)
    report = selectors.report_for(organisation=organisation, year=year)
    if not permissions.can_edit(user, report or organisation):
        raise PermissionDenied
    initial = {
        "introduction": report.introduction if report else "",
        "chair_words": report.chair_words if report else "",
        "version": report.version if report else None,
    }
    form = ReportTextsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = report or services.start_report(
                organisation=organisation, year=year, by=user
            )
            services.save_texts(
                report=report,
                introduction=form.cleaned_data["introduction"],
                chair_words=form.cleaned_data["chair_words"],
                expected_version=form.cleaned_data["version"],
                by=user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The texts were saved."))
            return redirect("reports:detail", year=year)
    return render(
        request,
        "reports/texts_form.html",
        {"form": form, "year": year, "report": report},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def area_create(
    request: HttpRequest, organisation: Organisation, year: int
) -> HttpResponse:
    """Propose a development area, usually picked from a collected development need."""
    _check_year(year)
    user = _user(request)
    report = selectors.report_for(organisation=organisation, year=year)
    if not permissions.can_edit(user, report or organisation):
        raise PermissionDenied
    needs = sources.collected_needs(organisation=organisation, year=year)
    reference = request.POST.get("source_reference") or text_param(request, "behov")
    need = next((n for n in needs if n.reference == reference), None)
    initial: dict[str, Any] = {}
    if need is not None:
        initial = {
            "title": need.title,
            "rationale": need.description,
            "unit": need.unit_id,
            "source_reference": need.reference,
        }
    form = DevelopmentAreaForm(
        request.POST or None, initial=initial, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = report or services.start_report(
                organisation=organisation, year=year, by=user
            )
            services.save_development_area(
                report=report,
                by=user,
                title=form.cleaned_data["title"],
                rationale=form.cleaned_data["rationale"],
                unit=form.cleaned_data["unit"],
                source_reference=need.reference if need else "",
                source_label=_source_label(need),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The development area was added."))
            return redirect("reports:detail", year=year)
    return render(
        request,
        "reports/area_form.html",
        {"form": form, "year": year, "needs": needs, "need": need, "area": None},
        status=400 if form.errors else 200,
    )


def _source_label(need: sources.Need | None) -> str:
    if need is None:
        return ""
    return (_("%(origin)s: %(title)s") % {"origin": need.origin, "title": need.title})[
        :300
    ]


@require_http_methods(["GET", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    area = get_object_or_404(permissions.development_areas_visible_to(user), pk=pk)
    if not permissions.can_edit(user, area):
        raise PermissionDenied
    form = DevelopmentAreaForm(
        request.POST or None, instance=area, organisation=area.report.organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_development_area(
                report=area.report,
                area=area,
                by=user,
                title=form.cleaned_data["title"],
                rationale=form.cleaned_data["rationale"],
                unit=form.cleaned_data["unit"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The development area was saved."))
            return redirect("reports:detail", year=area.report.year)
    return render(
        request,
        "reports/area_form.html",
        {
            "form": form,
            "year": area.report.year,
            "needs": [],
            "need": None,
            "area": area,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def area_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    area = get_object_or_404(permissions.development_areas_visible_to(user), pk=pk)
    if not permissions.can_edit(user, area):
        raise PermissionDenied
    if request.method == "POST":
        year = area.report.year
        services.delete_development_area(area=area, by=user)
        messages.success(request, _("The development area was removed."))
        return redirect("reports:detail", year=year)
    return render(request, "reports/area_confirm_delete.html", {"area": area})


@require_POST
@organisation_required
def change_status(
    request: HttpRequest, organisation: Organisation, year: int
) -> HttpResponse:
    """Move the report to another status (strategists and administrators)."""
    _check_year(year)
    user = _user(request)
    report = get_object_or_404(
        permissions.reports_visible_to(user), organisation=organisation, year=year
    )
    if not permissions.can_change_status(user, report):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("reports:detail", year=year)
    try:
        services.change_status(
            report=report,
            status=form.cleaned_data["status"],
            by=user,
            today=timezone.localdate(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report's status was changed."))
    return redirect("reports:detail", year=year)


@require_http_methods(["GET", "POST"])
@organisation_required
def adopt(request: HttpRequest, organisation: Organisation, year: int) -> HttpResponse:
    """Record that the body adopted the report: which paragraph of which meeting, and
    the case number. The page says what happens (locked, content frozen) first."""
    _check_year(year)
    user = _user(request)
    report = get_object_or_404(
        permissions.reports_visible_to(user), organisation=organisation, year=year
    )
    if not permissions.can_adopt(user, report):
        raise PermissionDenied
    today = timezone.localdate()
    items = selectors.adoption_items(organisation=organisation, year=year, today=today)
    form = AdoptionForm(
        request.POST or None,
        items=items,
        initial={"case_number": report.case_number},
    )
    is_ready = report.status == YearlyReport.Status.READY
    if request.method == "POST" and is_ready and form.is_valid():
        try:
            services.adopt_report(
                report=report,
                agenda_item=form.cleaned_data["agenda_item"],
                case_number=form.cleaned_data["case_number"],
                by=user,
                today=today,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("The adoption was recorded. The report is locked.")
            )
            return redirect("reports:detail", year=year)
    names = body_names(organisation)
    return render(
        request,
        "reports/adopt_form.html",
        {
            "form": form,
            "year": year,
            "report": report,
            "is_ready": is_ready,
            "has_items": items.exists(),
            "body_name": names.name,
            "parent": names.parent,
            "title": selectors.report_title(organisation, year),
        },
        status=400
        if form.errors or (request.method == "POST" and not is_ready)
        else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def word_template(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The organisation's own Word template for the report: show, upload, replace."""
    user = _user(request)
    if not permissions.can_manage_template(user, organisation):
        raise PermissionDenied
    form = WordTemplateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_word_template(
                organisation=organisation,
                upload=form.cleaned_data["word_template"],
                by=user,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The Word template was saved."))
            return redirect("reports:word_template")
    return render(
        request,
        "reports/word_template.html",
        {
            "form": form,
            "settings": selectors.report_settings(organisation=organisation),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@organisation_required
def word_template_remove(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    """Remove the Word template: the report uses Jämkoll's own styles again."""
    user = _user(request)
    if not permissions.can_manage_template(user, organisation):
        raise PermissionDenied
    services.remove_word_template(organisation=organisation, by=user)
    messages.success(request, _("The Word template was removed."))
    return redirect("reports:word_template")


@require_GET
@organisation_required
def download(
    request: HttpRequest, organisation: Organisation, year: int, fmt: str
) -> HttpResponse:
    """The report as a Word or PDF file (administrators, strategists, politicians)."""
    _check_year(year)
    if fmt not in FORMATS:
        raise Http404
    user = _user(request)
    report = selectors.report_for(organisation=organisation, year=year)
    if not permissions.can_download(user, report or organisation):
        raise PermissionDenied
    result = generate(organisation=organisation, year=year, fmt=fmt)
    response = HttpResponse(result.data, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    return response


@require_GET
@organisation_required
def versions(
    request: HttpRequest, organisation: Organisation, year: int
) -> HttpResponse:
    """Every saved version of the report, with who saved it and what changed."""
    _check_year(year)
    user = _user(request)
    report = selectors.report_for(organisation=organisation, year=year)
    if not permissions.can_view_history(user, report or organisation):
        raise PermissionDenied
    return render(
        request,
        "reports/versions.html",
        {
            "year": year,
            "report": report,
            "versions": selectors.report_versions(report=report) if report else [],
            "area_history": _area_history(report),
        },
    )


def _area_history(report: YearlyReport | None) -> list[Any]:
    if report is None:
        return []
    return list(
        DevelopmentArea.history.filter(report_id=report.pk)  # type: ignore[attr-defined]
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )


# --- What KS or KF decided on each development area, and its follow-up ------------


@require_GET
def area_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One development area: what KS or KF decided (every decision) and its follow-up."""
    user = _user(request)
    area = get_object_or_404(permissions.development_areas_visible_to(user), pk=pk)
    if not permissions.can_view(user, area):
        raise PermissionDenied
    return render(
        request,
        "reports/area_detail.html",
        {
            "outcome": selectors.area_outcome(area=area),
            "area": area,
            "report": area.report,
            "can_record": permissions.can_record_decision(user, area.report),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
def area_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Record what KS or KF decided on the area (once; again after a referral back)."""
    user = _user(request)
    area = get_object_or_404(permissions.development_areas_visible_to(user), pk=pk)
    report = area.report
    if not permissions.can_record_decision(user, report):
        raise PermissionDenied
    organisation = report.organisation
    form = AreaDecisionForm(
        request.POST or None,
        organisation=organisation,
        initial={
            "decided_by": _default_deciding_body(organisation),
            "follow_up_unit": area.unit_id,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_area_decision(
                area=area,
                outcome=data["outcome"],
                decided_by=data["decided_by"],
                decided_on=data["decided_on"],
                paragraph=data["paragraph"],
                follow_up_unit=data["follow_up_unit"],
                responsible=data["responsible"],
                due_on=data["due_on"],
                by=user,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("reports:area_detail", pk=area.pk)
    return render(
        request,
        "reports/area_decision_form.html",
        {
            "form": form,
            "area": area,
            "report": report,
            "outcome": selectors.area_outcome(area=area),
        },
        status=400 if form.errors else 200,
    )


def _default_deciding_body(organisation: Organisation) -> int | None:
    """The body the equality body reports to (KS or KF), as the form's first guess."""
    body = equality_body(organisation)
    return body.parent_id if body is not None else None


@require_http_methods(["GET", "POST"])
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the follow-up of an approved area as done, with a short report."""
    user = _user(request)
    follow_up = get_object_or_404(permissions.follow_ups_visible_to(user), area_id=pk)
    if not permissions.can_record_decision(user, follow_up.area.report):
        raise PermissionDenied
    form = FollowUpDoneForm(
        request.POST or None, initial={"done_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.finish_follow_up(
                follow_up=follow_up,
                done_on=form.cleaned_data["done_on"],
                report_text=form.cleaned_data["report_text"],
                by=user,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The follow-up was marked as done."))
            return redirect("reports:area_detail", pk=follow_up.area_id)
    return render(
        request,
        "reports/follow_up_done_form.html",
        {"form": form, "follow_up": follow_up, "area": follow_up.area},
        status=400 if form.errors else 200,
    )
