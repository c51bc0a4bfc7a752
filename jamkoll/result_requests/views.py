"""HTTP glue for the demands loop. Objects are fetched through scoped querysets, so a
demand of another organisation (or another manager's unit) is a 404."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.accounts.models import User
from jamkoll.core import exports as core_exports
from jamkoll.core.charts import grouped_bar_chart
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.core.params import choice_param, date_param, page_number, year_param
from jamkoll.core.uploads import content_type_for, download_response
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.organisations.permissions import units_visible_to
from jamkoll.result_requests import (
    exports,
    permissions,
    prefill,
    selectors,
    services,
)
from jamkoll.result_requests.forms import (
    AssessmentForm,
    DueDateChangeForm,
    FilterForm,
    ReplyForm,
    ResultRequestForm,
)
from jamkoll.result_requests.models import (
    Attachment,
    DueDateChange,
    Occasion,
    ResultRequest,
)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _get(request: HttpRequest, pk: int) -> ResultRequest:
    return get_object_or_404(
        permissions.result_requests_visible_to(_user(request)).select_related(
            "organisation",
            "addressed_to",
            "raised_by",
            "raised_for",
            "review",
            "agenda_item__meeting",
        ),
        pk=pk,
    )


def _attempt(form: Any, action: Callable[[], Any]) -> Any:
    """Run a service; put its ValidationError on the form and return None."""
    try:
        return action()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None


PAGE_SIZE = 50


@require_GET
@organisation_required
def result_request_list(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    """All demands the user may see, with filters and search (htmx updates the table)."""
    filters = FilterForm(request.GET or None, organisation=organisation)
    data = filters.cleaned_data if filters.is_valid() else {}
    page = Paginator(
        selectors.result_request_list(
            user=_user(request), organisation=organisation, filters=data
        ),
        PAGE_SIZE,
    ).get_page(page_number(request, "sida"))
    return render_page(
        request,
        "result_requests/list.html",
        {
            "filters": filters,
            "page": page,
            "result_requests": page.object_list,
            "can_raise": permissions.can_raise(_user(request), organisation),
            "today": timezone.localdate(),
        },
        partial="results",
    )


@require_GET
@organisation_required
def to_answer(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Att besvara: what the manager has to answer, and by when."""
    if not permissions.answers_anything(_user(request), organisation):
        raise PermissionDenied
    return render(
        request,
        "result_requests/inbox.html",
        {
            "inbox": "to_answer",
            "result_requests": selectors.to_answer(
                user=_user(request), organisation=organisation
            ),
            "today": timezone.localdate(),
        },
    )


@require_GET
@organisation_required
def to_assess(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Att bedöma: answers waiting for the body, and requests for new due dates."""
    if not permissions.assesses_anything(_user(request), organisation):
        raise PermissionDenied
    return render(
        request,
        "result_requests/inbox.html",
        {
            "inbox": "to_assess",
            "result_requests": selectors.to_assess(
                user=_user(request), organisation=organisation
            ),
            "due_changes": selectors.pending_due_changes(
                user=_user(request), organisation=organisation
            ),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def result_request_create(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    if not permissions.can_raise(_user(request), organisation):
        raise PermissionDenied
    # Hand-offs (?review=, ?agenda_item=, ?unit=) are read on GET and again on POST,
    # which posts back to the same URL; bad ones become messages, never a crash.
    handoff = prefill.resolve(
        user=_user(request), organisation=organisation, params=request.GET
    )
    initial = {
        "raised_for": prefill.default_asker(_user(request), organisation),
        **handoff.initial,
    }
    form = ResultRequestForm(
        request.POST or None,
        organisation=organisation,
        user=_user(request),
        initial=initial,
    )
    if request.method == "POST":
        for error in handoff.errors:
            form.add_error(None, error)
    if request.method == "POST" and form.is_valid():
        created = _attempt(
            form,
            lambda: services.create_result_requests(
                organisation=organisation,
                by=_user(request),
                send="save_draft" not in request.POST,
                **handoff.links,
                **form.cleaned_data,
            ),
        )
        if created:
            messages.success(
                request,
                _("The demand was saved and sent to %(units)s.")
                % {"units": ", ".join(r.addressed_to.name for r in created)}
                if created[0].status != "draft"
                else _("The demand was saved as a draft."),
            )
            return redirect(created[0])
    return render(
        request,
        "result_requests/form.html",
        {
            "form": form,
            "organisation": organisation,
            "handoff_messages": (
                handoff.messages
                if request.method == "POST"
                else handoff.errors + handoff.messages
            ),
            "handoff_links": handoff.links,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """Ställ följdfråga: a new demand to the same unit, linked to this one."""
    parent = _get(request, pk)
    if not permissions.can_follow_up(_user(request), parent):
        raise PermissionDenied
    initial = {
        "title": _("Follow-up: %(title)s") % {"title": parent.title},
        "evidence_required": parent.evidence_required,
        "occasion": parent.occasion,
        "raised_for": parent.raised_for,
        "case_number": parent.case_number,
        "is_public": parent.is_public,
    }
    form = ResultRequestForm(
        request.POST or None,
        organisation=parent.organisation,
        user=_user(request),
        with_addressees=False,
        keep_asker=parent.raised_for,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        created = _attempt(
            form,
            lambda: services.raise_follow_up(
                parent=parent, by=_user(request), **form.cleaned_data
            ),
        )
        if created:
            messages.success(request, _("The follow-up question was sent."))
            return redirect(created)
    return render(
        request,
        "result_requests/form.html",
        {"form": form, "parent": parent, "organisation": parent.organisation},
        status=400 if form.errors else 200,
    )


@require_GET
def result_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    try:
        result_request = selectors.result_request_detail(user=user, pk=pk)
    except ResultRequest.DoesNotExist:
        raise Http404 from None
    replies = list(result_request.replies.all())
    submitted = [r for r in replies if r.is_submitted]
    draft = next((r for r in replies if not r.is_submitted), None)
    can_answer = permissions.can_answer(user, result_request)
    return render(
        request,
        "result_requests/detail.html",
        {
            "result_request": result_request,
            "submitted": submitted,
            "draft": draft if can_answer else None,
            "today": timezone.localdate(),
            "can_answer": can_answer,
            "can_assess": permissions.can_assess(user, result_request),
            "can_close": permissions.can_close(user, result_request),
            "can_follow_up": permissions.can_follow_up(user, result_request),
            "can_send": permissions.can_edit_draft(user, result_request),
            "can_request_due_change": permissions.can_request_due_change(
                user, result_request
            )
            and not any(
                c.decision == DueDateChange.Decision.PENDING
                for c in result_request.due_date_changes.all()
            ),
            "can_decide": permissions.is_asker(user, result_request),
        },
    )


@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    result_request = _get(request, pk)
    if not permissions.can_edit_draft(_user(request), result_request):
        raise PermissionDenied
    try:
        services.send_result_request(result_request=result_request, by=_user(request))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The demand was sent."))
    return redirect(result_request)


@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    result_request = _get(request, pk)
    if not permissions.can_close(_user(request), result_request):
        raise PermissionDenied
    services.close_result_request(result_request=result_request, by=_user(request))
    messages.success(request, _("The demand was closed."))
    return redirect(result_request)


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the answer: save a draft, or submit it (a new version if one exists)."""
    result_request = _get(request, pk)
    user = _user(request)
    if not permissions.is_answerer(user, result_request):
        raise PermissionDenied
    draft = result_request.replies.filter(submitted_at__isnull=True).first()
    initial = (
        {"text": draft.text, "evidence_given": draft.evidence_given}
        if draft
        else {"evidence_given": result_request.evidence_required}
    )
    form = ReplyForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        saved = _attempt(
            form,
            lambda: services.save_reply(
                result_request=result_request,
                by=user,
                text=form.cleaned_data["text"],
                evidence_given=form.cleaned_data["evidence_given"],
                files=form.cleaned_data["attachments"],
                submit=submit,
            ),
        )
        if saved:
            messages.success(
                request,
                _("The answer was submitted.")
                if submit
                else _("The draft answer was saved."),
            )
            return redirect(result_request)
    elif request.method == "GET" and not permissions.can_answer(user, result_request):
        raise PermissionDenied
    return render(
        request,
        "result_requests/reply_form.html",
        {"form": form, "result_request": result_request, "draft": draft},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    """Assess the latest answer; a stale version gives a conflict message, no change."""
    result_request = _get(request, pk)
    user = _user(request)
    if not permissions.is_asker(user, result_request):
        raise PermissionDenied
    form = AssessmentForm(
        request.POST or None, initial={"version": result_request.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form,
            lambda: services.assess_reply(
                result_request=result_request,
                by=user,
                outcome=form.cleaned_data["outcome"],
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved:
            messages.success(request, _("The assessment was saved."))
            return redirect(result_request)
    elif request.method == "GET" and not permissions.can_assess(user, result_request):
        raise PermissionDenied
    latest = (
        result_request.replies.filter(submitted_at__isnull=False)
        .order_by("-number")
        .first()
    )
    return render(
        request,
        "result_requests/assess_form.html",
        {"form": form, "result_request": result_request, "reply": latest},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def request_due_change(request: HttpRequest, pk: int) -> HttpResponse:
    result_request = _get(request, pk)
    user = _user(request)
    if not permissions.can_request_due_change(user, result_request):
        raise PermissionDenied
    form = DueDateChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _attempt(
            form,
            lambda: services.request_due_date_change(
                result_request=result_request, by=user, **form.cleaned_data
            ),
        )
        if saved:
            messages.success(
                request, _("The request for a new due date was sent to the body.")
            )
            return redirect(result_request)
    return render(
        request,
        "result_requests/due_change_form.html",
        {"form": form, "result_request": result_request},
        status=400 if form.errors else 200,
    )


@require_POST
def decide_due_change(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_object_or_404(
        DueDateChange.objects.filter(
            result_request__in=permissions.result_requests_visible_to(_user(request))
        ).select_related("result_request__organisation"),
        pk=pk,
    )
    if not permissions.can_decide_due_change(_user(request), change):
        raise PermissionDenied
    accept = request.POST.get("decision") == "accept"
    services.decide_due_date_change(change=change, by=_user(request), accept=accept)
    messages.success(
        request,
        _("The new due date was accepted.")
        if accept
        else _("The new due date was declined."),
    )
    return redirect(change.result_request)


@require_GET
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    """The chain of a demand and its follow-up questions."""
    result_request = _get(request, pk)
    return render(
        request,
        "result_requests/thread.html",
        {
            "result_request": result_request,
            "chain": selectors.thread(
                user=_user(request), result_request=result_request
            ),
            "today": timezone.localdate(),
        },
    )


@require_GET
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Download an attachment; only for those who may see its demand (else 404)."""
    item = get_object_or_404(
        Attachment.objects.filter(
            reply__result_request__in=permissions.result_requests_visible_to(
                _user(request)
            )
        ),
        pk=pk,
    )
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    # The type detected at upload, by the stored name's extension (older rows kept
    # the client's extension on disk: those are sent as octet-stream).
    return download_response(
        handle,
        display_name=item.original_name,
        content_type=content_type_for(item.file.name),
    )


def _year(request: HttpRequest) -> int | None:
    return year_param(request, "ar")


def _chart(rows: list[Any], *, by_year: bool) -> Any:
    return grouped_bar_chart(
        title=_("Demands raised and answered on time"),
        categories=[str(r.year) if by_year else r.unit_name for r in rows],
        series=[_("Raised"), _("Answered on time"), _("Accepted at first answer")],
        values=[[r.raised, r.answered_on_time, r.accepted_first] for r in rows],
    )


@require_GET
def unit_requests(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's demands and its follow-up figures per year."""
    unit = get_object_or_404(
        units_visible_to(_user(request)).select_related("organisation"), pk=pk
    )
    user = _user(request)
    if not permissions.can_view_unit_demands(user, unit):
        raise PermissionDenied
    figures = selectors.follow_up_figures(
        user=user, organisation=unit.organisation, unit=unit
    )
    return render(
        request,
        "result_requests/unit.html",
        {
            "unit": unit,
            "result_requests": selectors.unit_requests(user=user, unit=unit),
            "figures": figures,
            "chart": _chart(figures.rows, by_year=True),
            "today": timezone.localdate(),
        },
    )


@require_GET
@organisation_required
def occasion(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Everything asked at one occasion; printable as an agenda."""
    kind = choice_param(request, "tillfalle", Occasion.values)
    on = date_param(request, "datum")
    user = _user(request)
    rows = (
        selectors.occasion_requests(
            user=user, organisation=organisation, occasion=kind, on=on
        )
        if kind in Occasion.values
        else None
    )
    return render(
        request,
        "result_requests/occasion.html",
        {
            "occasions": selectors.occasion_dates(user=user, organisation=organisation),
            "kind": kind,
            "kind_label": Occasion(kind).label if kind in Occasion.values else "",
            "on": on,
            "result_requests": rows,
            "organisation": organisation,
            "today": timezone.localdate(),
        },
    )


@require_GET
@organisation_required
def follow_up_figures(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Uppföljning: per unit and year, raised / answered / on time / accepted / overdue."""
    figures = selectors.follow_up_figures(
        user=_user(request), organisation=organisation, year=_year(request)
    )
    year = figures.year or (figures.years[0] if figures.years else None)
    shown = [r for r in figures.rows if r.year == year]
    return render_page(
        request,
        "result_requests/figures.html",
        {
            "figures": figures,
            "year": year,
            "rows": shown,
            "totals": selectors.figures.totals(shown, year=year or 0),
            "chart": _chart(shown, by_year=False),
        },
        partial="results",
    )


@require_GET
@organisation_required
def figures_export(
    request: HttpRequest, organisation: Organisation, fmt: str
) -> HttpResponse:
    """The follow-up figures as Excel or CSV (all years the user may see)."""
    figures = selectors.follow_up_figures(
        user=_user(request), organisation=organisation
    )
    return core_exports.download(
        exports.render(exports.figures_table(figures.rows), fmt),
        f"uppfoljning-efterfragningar.{fmt}",
    )


@require_GET
@organisation_required
def list_export(
    request: HttpRequest, organisation: Organisation, fmt: str
) -> HttpResponse:
    """The demands on the list page, filtered as there, with answers and assessments."""
    filters = FilterForm(request.GET or None, organisation=organisation)
    demands = selectors.for_export(
        selectors.result_request_list(
            user=_user(request),
            organisation=organisation,
            filters=filters.cleaned_data if filters.is_valid() else {},
        )
    )
    table = exports.demands_table(demands, today=timezone.localdate())
    return core_exports.download(
        exports.render(table, fmt), f"efterfragningar-{organisation.code}.{fmt}"
    )


@require_GET
def detail_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """One demand as a spreadsheet row (for the report to the executive board)."""
    demands = selectors.for_export(
        permissions.result_requests_visible_to(_user(request)).filter(pk=pk)
    )
    if not demands:
        raise Http404
    table = exports.demands_table(demands, today=timezone.localdate())
    return core_exports.download(exports.render(table, fmt), f"efterfragan-{pk}.{fmt}")
