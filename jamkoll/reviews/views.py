from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.charts import grouped_bar_chart
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.core.params import choice_param, pk_param, text_param, year_param
from jamkoll.core.uploads import content_type_for, download_response
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.reviews import permissions, selectors, services
from jamkoll.reviews.forms import (
    AnswerForm,
    ChecklistForm,
    ConcludeForm,
    CriterionFormSet,
    DevelopmentNeedForm,
    ReviewFilterForm,
    ReviewForm,
    VersionForm,
    criteria_rows,
)
from jamkoll.reviews.handoffs import demand_url
from jamkoll.reviews.models import (
    STEERING_DOCUMENT_TYPES,
    Checklist,
    ChecklistVersion,
    DocumentType,
    Review,
)

# The checklist a new review starts with for a document type, when none is chosen.
CHECKLIST_FOR_TYPE = {
    DocumentType.DECISION_DOCUMENT: "beslutsunderlag",
    **dict.fromkeys(STEERING_DOCUMENT_TYPES, "styrdokument"),
}
STEERING = "steering"


def _reviews(request: HttpRequest) -> Any:
    return permissions.reviews_visible_to(request.user)  # type: ignore[arg-type]


def _try(form: Any, action: Any) -> Any:
    """Run a service; on ValidationError attach it to the form and return None."""
    try:
        return action()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None


@require_GET
@organisation_required
def review_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    filters = ReviewFilterForm(request.GET or None, organisation=organisation)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    reviews = list(
        selectors.review_list(
            user=request.user, organisation=organisation, filters=cleaned
        )  # type: ignore[arg-type]
    )
    for review in reviews:
        review.share_met = selectors.share_met_of(review)  # type: ignore[attr-defined]
    return render_page(
        request,
        "reviews/list.html",
        {
            "filters": filters,
            "reviews": reviews,
            "can_edit": permissions.can_create_reviews(request.user, organisation),  # type: ignore[arg-type]
        },
        partial="results",
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def review_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """A new review; `?document_type=…&unit=<pk>` preselect the type, the unit and the
    checklist that goes with the type (a decision document: `beslutsunderlag`). A
    board politician chooses among their own boards' units, their board first."""
    user = request.user
    if not permissions.can_create_reviews(user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    versions = selectors.latest_versions(user=user, organisation=organisation)  # type: ignore[arg-type]
    units = permissions.board_units_of(user, organisation)  # type: ignore[arg-type]
    form = ReviewForm(
        request.POST or None,
        request.FILES or None,
        organisation=organisation,
        versions=versions,
        units=units,
        initial=_create_initial(request, organisation, versions),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("upload", None)
        saved = _try(
            form,
            lambda: services.create_review(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                upload=upload,
                **data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The review was created."))
            return redirect(saved)
    return render(
        request,
        "reviews/form.html",
        {"form": form, "review": None},
        status=400 if form.errors else 200,
    )


def _create_initial(
    request: HttpRequest, organisation: Organisation, versions: Any
) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    document_type = choice_param(request, "document_type", DocumentType.choices)
    if document_type:
        initial["document_type"] = document_type
    own = selectors.own_boards(user=request.user, organisation=organisation)  # type: ignore[arg-type]
    key = CHECKLIST_FOR_TYPE.get(document_type)  # type: ignore[call-overload]
    if document_type == DocumentType.SELF_ASSESSMENT:
        key = "sjalvskattning-namnd" if own else "sjalvskattning"
    version: ChecklistVersion | None = next(
        (v for v in versions if v.checklist.key == key and key), None
    )
    if version is not None:
        initial["checklist_version"] = version.pk
    unit_id = pk_param(request, "unit")
    if unit_id is not None:
        initial["unit"] = unit_id
    elif own:
        initial["unit"] = own[0].pk
    return initial


@require_http_methods(["GET", "POST"])
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(_reviews(request).select_related("organisation"), pk=pk)
    if not permissions.can_edit_reviews(request.user, review):  # type: ignore[arg-type]
        raise PermissionDenied
    form = ReviewForm(
        request.POST or None,
        request.FILES or None,
        instance=review,
        organisation=review.organisation,
        units=permissions.board_units_of(request.user, review.organisation),  # type: ignore[arg-type]
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("upload", None)
        saved = _try(
            form,
            lambda: services.update_review(
                review=review,
                by=request.user,  # type: ignore[arg-type]
                upload=upload,
                **data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The review was saved."))
            return redirect(saved)
    return render(
        request,
        "reviews/form.html",
        {"form": form, "review": review},
        status=400 if form.errors else 200,
    )


def _analysis_context(request: HttpRequest, review: Review) -> dict[str, Any]:
    services.fail_stale_analyses(review=review)
    return {
        "review": review,
        "analysis": selectors.latest_analysis(review=review),
        "can_edit": permissions.can_edit_reviews(request.user, review),  # type: ignore[arg-type]
    }


@require_GET
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(
        _reviews(request).select_related(
            "unit", "reviewer", "checklist_version__checklist"
        ),
        pk=pk,
    )
    context = _analysis_context(request, review)
    answers = list(selectors.review_answers(review=review))
    context["to_confirm"] = sum(1 for a in answers if a.suggested and not a.value)
    can_raise = permissions.can_raise_demand(request.user, review)  # type: ignore[arg-type]
    for answer in answers:
        answer.demand_url = (
            demand_url(review, answer) if can_raise and answer.value == "no" else ""
        )  # type: ignore[attr-defined]
    context.update(
        {
            "answers": answers,
            "groups": selectors.grouped_findings(analysis=context["analysis"]),
            "needs": selectors.needs_of_review(review=review),
            "demands": _demands_of(request, review),
            "today": timezone.localdate(),
        }
    )
    return render(request, "reviews/detail.html", context)


def _demands_of(request: HttpRequest, review: Review) -> Any:
    """The demands raised from the review that the user may open (the demands app's
    own rule, reached through its app config: it is on the same layer)."""
    visible = apps.get_app_config("result_requests").demands_visible_to(request.user)  # type: ignore[attr-defined]
    return (
        review.demands.filter(pk__in=visible.values("pk"))  # type: ignore[attr-defined]
        .select_related("addressed_to")
        .order_by("due_on", "pk")
    )


@require_GET
def analysis_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The polled status fragment; once finished, htmx reloads the whole page."""
    review = get_object_or_404(_reviews(request), pk=pk)
    context = _analysis_context(request, review)
    analysis = context["analysis"]
    if getattr(request, "htmx", False) and (analysis is None or analysis.is_finished):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render_page(request, "reviews/detail.html", context, partial="analysis")


@require_POST
def analysis_run(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(_reviews(request), pk=pk)
    try:
        services.start_analysis(review=review, by=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(review)


@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The uploaded document, only through this permission-checked view."""
    review = get_object_or_404(_reviews(request), pk=pk)
    if not review.document:
        raise Http404
    try:
        handle = review.document.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    stored = review.document.name.rsplit("/", 1)[-1]
    return download_response(
        handle,
        display_name=review.original_filename or stored,
        content_type=content_type_for(stored),
    )


@require_http_methods(["GET", "POST"])
def review_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or override each point of the checklist, then record the conclusion."""
    review = get_object_or_404(
        _reviews(request).select_related("checklist_version__checklist"), pk=pk
    )
    if not permissions.can_edit_reviews(request.user, review):  # type: ignore[arg-type]
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    answer_forms = [
        AnswerForm(data, answer=a) for a in selectors.review_answers(review=review)
    ]
    conclude = ConcludeForm(data, instance=review, prefix="review")
    if (
        request.method == "POST"
        and all(f.is_valid() for f in answer_forms)
        and conclude.is_valid()
    ):
        meeting = {
            name: conclude.cleaned_data[name]
            for name in ("meeting_on", "paragraph")
            if name in conclude.cleaned_data
        }
        saved = _try(
            conclude,
            lambda: services.save_answers(
                review=review,
                by=request.user,  # type: ignore[arg-type]
                answers={f.answer.pk: f.cleaned_data for f in answer_forms},
                findings=conclude.cleaned_data["findings"],
                outcome=conclude.cleaned_data.get("outcome", ""),
                status=conclude.cleaned_data["status"],
                **meeting,
            ),
        )
        if saved is not None:
            messages.success(request, _("The checklist was saved."))
            return redirect(saved)
        review.refresh_from_db()
    has_errors = bool(conclude.errors) or any(f.errors for f in answer_forms)
    to_confirm = sum(
        1 for f in answer_forms if f.answer.suggested and not f.answer.value
    )
    return render(
        request,
        "reviews/answers.html",
        {
            "review": review,
            "answer_forms": answer_forms,
            "conclude": conclude,
            "to_confirm": to_confirm,
        },
        status=400 if has_errors else 200,
    )


@require_POST
def confirm_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Bekräfta förslagen": every suggested point without an answer takes the
    suggestion; then the checklist page, where each answer can still be changed."""
    review = get_object_or_404(_reviews(request), pk=pk)
    if not permissions.can_edit_reviews(request.user, review):  # type: ignore[arg-type]
        raise PermissionDenied
    try:
        count = services.confirm_suggestions(review=review, by=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s suggestion was confirmed. Check the answers and save the "
                "checklist.",
                "%(count)s suggestions were confirmed. Check the answers and save the "
                "checklist.",
                count,
            )
            % {"count": count},
        )
    return redirect("reviews:answers", review.pk)


@require_http_methods(["GET", "POST"])
def need_create(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(_reviews(request).select_related("organisation"), pk=pk)
    if not permissions.can_edit_reviews(request.user, review):  # type: ignore[arg-type]
        raise PermissionDenied
    form = DevelopmentNeedForm(
        request.POST or None,
        organisation=review.organisation,
        units=permissions.board_units_of(request.user, review.organisation),  # type: ignore[arg-type]
        initial={"unit": review.unit_id},
    )
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.add_development_need(
                review=review,
                by=request.user,
                **form.cleaned_data,  # type: ignore[arg-type]
            ),
        )
        if saved is not None:
            messages.success(request, _("The development need was saved."))
            return redirect(review)
    return render(
        request,
        "reviews/need_form.html",
        {"form": form, "review": review},
        status=400 if form.errors else 200,
    )


@require_GET
@organisation_required
def need_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    year = year_param(request)
    needs = selectors.development_needs(
        user=request.user,
        organisation=organisation,
        year=year,  # type: ignore[arg-type]
    )
    return render(request, "reviews/need_list.html", {"needs": needs, "year": year})


@require_GET
@organisation_required
def trend(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Share of criteria met per unit and year, as a chart and a table; `?board=<pk>`
    narrows to one board's domain (a board politician's own board by default, `all`
    for everything they may read), `?types=steering` to the steering documents
    (operating plan, budget, tertial, interim and annual reports)."""
    user = request.user
    lists = list(selectors.checklists(user=user, organisation=organisation))  # type: ignore[arg-type]
    boards = selectors.visible_boards(user=user, organisation=organisation)  # type: ignore[arg-type]
    board = _chosen_board(request, boards, organisation)
    steering = text_param(request, "types", 20) == STEERING
    document_types = STEERING_DOCUMENT_TYPES if steering else None
    chosen = text_param(request, "checklist", 20)
    checklist = next((c for c in lists if str(c.pk) == chosen), None)
    if checklist is None:
        checklist = next(
            (c for c in lists if c.key == "styrdokument"), lists[0] if lists else None
        )
    years: list[int] = []
    rows: list[Any] = []
    scored = False
    if checklist is not None:
        years, rows, scored = selectors.unit_trend(
            user=user,  # type: ignore[arg-type]
            organisation=organisation,
            checklist=checklist,
            board=board,
            document_types=document_types,
        )
    chart = grouped_bar_chart(
        title=_("Trend per unit"),
        categories=[r.unit_name for r in rows],
        series=[str(y) for y in years],
        values=[r.values for r in rows],
        unit="" if scored else " %",
        max_value=4 if scored else 100,
    )
    return render_page(
        request,
        "reviews/trend.html",
        {
            "checklists": lists,
            "checklist": checklist,
            "years": years,
            "rows": rows,
            "scored": scored,
            "chart": chart,
            "boards": boards,
            "board": board,
            "steering": steering,
        },
        partial="results",
    )


def _chosen_board(
    request: HttpRequest, boards: list[Any], organisation: Organisation
) -> Any:
    """The board in `?board=<pk>` among those the user may filter by; a board the
    user may not read (another board's, for a board politician) is a 404. Without
    the parameter, a board politician's own (first) board; `all`: no board."""
    raw = text_param(request, "board", 20)
    if raw == "all":
        return None
    if not raw:
        own = selectors.own_boards(user=request.user, organisation=organisation)  # type: ignore[arg-type]
        return own[0] if own else None
    board_id = pk_param(request, "board")
    board = next((b for b in boards if b.pk == board_id), None)
    if board is None:
        raise Http404
    return board


@require_GET
@organisation_required
def decision_documents(
    request: HttpRequest, organisation: Organisation
) -> HttpResponse:
    """A board's decision documents (tjänsteskrivelser) per meeting date in a year,
    with the outcome recorded for each; `?board=<pk>&year=<y>`."""
    user = request.user
    boards = selectors.visible_boards(user=user, organisation=organisation)  # type: ignore[arg-type]
    board = _chosen_board(request, boards, organisation)
    year = year_param(request, default=timezone.localdate().year)
    assert year is not None  # noqa: S101 - a default is given
    groups = selectors.decision_documents(
        user=user,  # type: ignore[arg-type]
        organisation=organisation,
        year=year,
        board=board,
    )
    create_query: dict[str, str] = {"document_type": DocumentType.DECISION_DOCUMENT}
    if board is not None:
        create_query["unit"] = str(board.pk)
    can_create = permissions.can_create_reviews(user, organisation)  # type: ignore[arg-type]
    if board is not None and permissions.board_units_of(user, organisation) is not None:  # type: ignore[arg-type]
        can_create = permissions.can_use_unit(user, organisation.pk, board)  # type: ignore[arg-type]
    return render_page(
        request,
        "reviews/decision_documents.html",
        {
            "boards": boards,
            "board": board,
            "year": year,
            "groups": groups,
            "count": sum(len(g.reviews) for g in groups),
            "can_create": can_create,
            "create_url": f"{reverse('reviews:create')}?{urlencode(create_query)}",
        },
        partial="results",
    )


@require_GET
@organisation_required
def checklist_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "reviews/checklist_list.html",
        {
            "checklists": selectors.checklists(
                user=request.user, organisation=organisation
            ),  # type: ignore[arg-type]
            "can_edit": permissions.can_edit_reviews(request.user, organisation),  # type: ignore[arg-type]
        },
    )


@require_GET
def checklist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    checklist = get_object_or_404(
        permissions.checklists_visible_to(request.user),
        pk=pk,  # type: ignore[arg-type]
    )
    return render(
        request,
        "reviews/checklist_detail.html",
        {
            "checklist": checklist,
            "versions": selectors.checklist_versions(checklist=checklist),
            "can_edit": permissions.can_edit_checklist(request.user, checklist),  # type: ignore[arg-type]
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def checklist_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit_reviews(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    form = ChecklistForm(request.POST or None)
    criteria = CriterionFormSet(request.POST or None, prefix="criteria")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        saved = _try(
            form,
            lambda: services.create_checklist(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                criteria=criteria_rows(criteria),
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The checklist was created."))
            return redirect(saved)
    return render(
        request,
        "reviews/checklist_form.html",
        {"form": form, "criteria": criteria, "checklist": None},
        status=400 if form.errors or criteria.total_error_count() else 200,
    )


@require_http_methods(["GET", "POST"])
def version_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new version of an own checklist, starting from the newest one."""
    checklist: Checklist = get_object_or_404(
        permissions.checklists_visible_to(request.user),
        pk=pk,  # type: ignore[arg-type]
    )
    if not permissions.can_edit_checklist(request.user, checklist):  # type: ignore[arg-type]
        raise PermissionDenied
    latest = checklist.versions.order_by("-number").first()
    initial = (
        [
            {"code": c.code, "text": c.text, "help": c.help, "detector": c.detector}
            for c in latest.criteria.order_by("position")
        ]
        if latest
        else []
    )
    form = VersionForm(
        request.POST or None,
        initial={"answer_type": latest.answer_type if latest else ""},
    )
    criteria = CriterionFormSet(
        request.POST or None, prefix="criteria", initial=initial
    )
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        saved = _try(
            form,
            lambda: services.create_checklist_version(
                checklist=checklist,
                by=request.user,  # type: ignore[arg-type]
                criteria=criteria_rows(criteria),
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(
                request,
                _("Version %(number)s was published.") % {"number": saved.number},
            )
            return redirect(checklist)
    return render(
        request,
        "reviews/checklist_form.html",
        {"form": form, "criteria": criteria, "checklist": checklist},
        status=400 if form.errors or criteria.total_error_count() else 200,
    )
