from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jamkoll.cases import importing, permissions, selectors, services, tasks
from jamkoll.cases.forms import CaseForm, ImportForm, ListRaisingForm, PreparationForm
from jamkoll.cases.models import Case
from jamkoll.core import formatting, tables
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.core.params import choice_param, date_param, year_param
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation


def _user(request: HttpRequest) -> Any:
    return request.user


def _year(request: HttpRequest) -> int:
    today = timezone.localdate().year
    return year_param(request, default=today, minimum=2000, maximum=2100) or today


@require_GET
@organisation_required
def case_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    year = _year(request)
    preparation = choice_param(request, "preparation", Case.Preparation.values)
    today = timezone.localdate()
    return render_page(
        request,
        "cases/list.html",
        {
            "cases": selectors.case_list(
                visible=permissions.cases_visible_to(_user(request)),
                organisation=organisation,
                year=year,
                preparation=preparation,
            ),
            "year": year,
            "years": range(today.year - 3, today.year + 2),
            "preparation": preparation,
            "preparations": Case.Preparation.choices,
            "can_edit": permissions.can_edit(_user(request), organisation),
        },
        partial="results",
    )


@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        permissions.cases_visible_to(_user(request)).select_related(
            "deciding_body", "responsible_board", "prepared_at__meeting"
        ),
        pk=pk,
    )
    can_edit = permissions.can_edit(_user(request), case)
    return render(
        request,
        "cases/detail.html",
        {"case": case, "can_edit": can_edit, "can_view_history": can_edit},
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def case_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _case_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(permissions.cases_visible_to(_user(request)), pk=pk)
    return _case_form(request, case.organisation, case)


def _case_form(
    request: HttpRequest, organisation: Organisation, case: Case | None
) -> HttpResponse:
    if not permissions.can_edit(_user(request), organisation):
        raise PermissionDenied
    form = CaseForm(request.POST or None, instance=case, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_case(
                organisation=organisation,
                by=_user(request),
                case=case,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("The case %(case)s was saved.") % {"case": saved}
            )
            return redirect(saved)
    return render(
        request,
        "cases/case_form.html",
        {"form": form, "case": case},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def case_prepare(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the body's preparation (beredning) of a case."""
    case = get_object_or_404(permissions.cases_visible_to(_user(request)), pk=pk)
    if not permissions.can_edit(_user(request), case):
        raise PermissionDenied
    form = PreparationForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_preparation(
                case=case, by=_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The preparation was saved."))
            return redirect(case)
    return render(
        request,
        "cases/prepare_form.html",
        {"form": form, "case": case},
        status=400 if form.errors else 200,
    )


@require_GET
@organisation_required
def coverage(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Per council meeting and for the year: cases, prepared, not relevant, not given."""
    year = _year(request)
    total, meetings = selectors.coverage(organisation=organisation, year=year)
    today = timezone.localdate()
    return render(
        request,
        "cases/coverage.html",
        {
            "year": year,
            "years": range(today.year - 3, today.year + 2),
            "total": total,
            "meetings": meetings,
        },
    )


@require_GET
@organisation_required
def not_given_print(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The printable list for the chair: cases the body was not given the chance to
    prepare, for one council meeting (`?meeting=YYYY-MM-DD`) or the whole year."""
    year = _year(request)
    meeting_on = date_param(request, "meeting")
    if meeting_on is not None:
        year = meeting_on.year
    cases = selectors.not_given_chance(
        organisation=organisation, year=year, meeting_on=meeting_on
    )
    can_edit = permissions.can_edit(_user(request), organisation)
    return render(
        request,
        "cases/not_given_print.html",
        {
            "cases": cases,
            "year": year,
            "meeting_on": meeting_on,
            "organisation": organisation,
            "raisings": selectors.raisings_for_year(organisation, year),
            "raising_form": (
                ListRaisingForm(organisation=organisation, year=year)
                if can_edit
                else None
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def not_given_raising_create(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    """Record that the chair raised the not-given list in the council (meeting, date,
    paragraph)."""
    if not permissions.can_edit(_user(request), organisation):
        raise PermissionDenied
    year = _year(request)
    form = ListRaisingForm(request.POST or None, organisation=organisation, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            raising = services.record_list_raising(
                organisation=organisation, by=_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request,
                _("Recorded: the list was raised in %(body)s on %(date)s.")
                % {"body": raising.body, "date": formatting.date(raising.raised_on)},
            )
            return redirect(
                reverse("cases:not_given_print") + f"?year={raising.year}#raisings"
            )
    return render(
        request,
        "cases/raising_form.html",
        {"form": form, "year": year},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def case_import(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Import the council's case list; the report shows each bad row with its reason.

    A small file is imported within the request; a larger one (by size or rows) is
    stored and imported by a task, and the request answers at once with a redirect
    to the import's progress page.
    """
    if not permissions.can_edit(_user(request), organisation):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid() and form.checked is not None:
        upload = form.cleaned_data["file"]
        try:
            table = tables.read_if_small(upload, form.checked.kind)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if table is None:
                job = services.queue_case_import(
                    organisation=organisation,
                    by=_user(request),
                    filename=form.checked.display_name,
                    kind=form.checked.kind,
                    content=tables.content_of(upload),
                )
                tasks.run_case_import.enqueue(job.pk)
                return tables.see_other(job.get_absolute_url())
            report = services.import_case_table(
                organisation=organisation, by=_user(request), table=table
            )
            if report.fatal:
                form.add_error("file", report.fatal)
    status = 400 if form.errors else 200
    return render(
        request,
        "cases/import.html",
        {"form": form, "report": report, "max_rows": importing.MAX_ROWS},
        status=status,
    )


@require_GET
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import's progress (refreshed by htmx while it runs), then its
    report: rows saved, and every refused row with its reason."""
    job = get_object_or_404(permissions.case_imports_visible_to(_user(request)), pk=pk)
    if not permissions.can_edit(_user(request), job):
        raise PermissionDenied
    return render_page(
        request, "cases/import_detail.html", {"job": job}, partial="status"
    )
