"""HTTP glue for indicators, imports, goals and the action plan."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core import tables
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.core.params import int_param
from jamkoll.indicators import imports, permissions, selectors, services, tasks
from jamkoll.indicators.forms import (
    GRID_GENDERS,
    ActionForm,
    CharterSignatureForm,
    ComparisonGroupForm,
    GoalForm,
    KoladaImportForm,
    LocalImportForm,
    LocalIndicatorForm,
    LocalValueForm,
    MilestoneForm,
    ValueGridForm,
)
from jamkoll.indicators.models import (
    RIKET,
    Action,
    CharterArticle,
    CharterSignature,
    Goal,
    Indicator,
)
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation

T = TypeVar("T")


def _user(request: HttpRequest) -> Any:
    return request.user


def _require_manage(request: HttpRequest, obj: object) -> None:
    if not permissions.can_manage(_user(request), obj):
        raise PermissionDenied


def _try(form: Any, call: Callable[[], T]) -> T | None:
    try:
        return call()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any]
) -> HttpResponse:
    form = context["form"]
    return render(request, template, context, status=400 if form.errors else 200)


# --------------------------------------------------------------------------
# Indicators and figures
# --------------------------------------------------------------------------


@require_GET
@organisation_required
def indicator_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    indicators = list(
        selectors.indicator_list(user=_user(request), organisation=organisation)
    )
    return render(
        request,
        "indicators/list.html",
        {
            "kolada": [i for i in indicators if i.is_kolada],
            "local": [i for i in indicators if not i.is_kolada],
            "has_demo": any(i.is_demo for i in indicators),
            "can_manage": permissions.can_manage(_user(request), organisation),
        },
    )


@require_GET
@organisation_required
def indicator_detail(
    request: HttpRequest, pk: int, organisation: Organisation
) -> HttpResponse:
    indicator = get_object_or_404(
        permissions.indicators_visible_to(_user(request)), pk=pk
    )
    if indicator.organisation_id not in (None, organisation.pk):
        raise PermissionDenied
    detail = selectors.indicator_detail(indicator=indicator, organisation=organisation)
    return render(
        request,
        "indicators/detail.html",
        {
            "detail": detail,
            "indicator": indicator,
            "organisation": organisation,
            "direction_label": selectors.direction_label(detail.direction),
            "riket": RIKET,
            "can_enter_values": not indicator.is_kolada
            and permissions.can_manage(_user(request), indicator),
        },
    )


@require_GET
@organisation_required
def gap_overview(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    overview = selectors.gap_overview(user=_user(request), organisation=organisation)
    rows = [(row, selectors.direction_label(row.direction)) for row in overview.rows]
    return render(
        request,
        "indicators/gaps.html",
        {"overview": overview, "rows": rows, "organisation": organisation},
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def local_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    _require_manage(request, organisation)
    form = LocalIndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_local_indicator(
                organisation=organisation, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(
                request, _("The indicator %(code)s was saved.") % {"code": saved.code}
            )
            return redirect(saved)
    return _form_page(request, "indicators/local_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(
        permissions.indicators_visible_to(_user(request)).filter(
            source=Indicator.Source.LOCAL
        ),
        pk=pk,
    )
    _require_manage(request, indicator)
    form = LocalValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_local_value(
                indicator=indicator, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The value was saved."))
            return redirect(indicator)
    return _form_page(
        request, "indicators/value_form.html", {"form": form, "indicator": indicator}
    )


@require_http_methods(["GET", "POST"])
def value_grid(request: HttpRequest, pk: int) -> HttpResponse:
    """A yearly local indicator's figures as one form: years × women/men/total."""
    indicator = get_object_or_404(
        permissions.indicators_visible_to(_user(request)).filter(
            source=Indicator.Source.LOCAL, period_kind=Indicator.PeriodKind.YEAR
        ),
        pk=pk,
    )
    _require_manage(request, indicator)
    stored = selectors.local_year_figures(indicator=indicator)
    split = indicator.is_split_by_sex or any(g != "T" for _y, g in stored)
    form = ValueGridForm(
        request.POST or None,
        years=selectors.grid_years(stored, this_year=timezone.localdate().year),
        genders=list(GRID_GENDERS if split else GRID_GENDERS[-1:]),
        initial={ValueGridForm.name_for(y, g): v for (y, g), v in stored.items()},
    )
    if request.method == "POST" and form.is_valid():
        changed = _try(
            form,
            lambda: services.save_local_year_values(
                indicator=indicator, by=_user(request), figures=form.figures()
            ),
        )
        if changed is not None:
            messages.success(
                request,
                ngettext(
                    "%(n)s figure was saved.", "%(n)s figures were saved.", changed
                )
                % {"n": changed},
            )
            return redirect(indicator)
    return _form_page(
        request, "indicators/value_grid.html", {"form": form, "indicator": indicator}
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def local_import(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Import a local indicator's figures from a file: a small file within the
    request, a larger one (by size or rows) by a task, the request answering at once
    with a redirect to the import's progress page."""
    _require_manage(request, organisation)
    form = LocalImportForm(
        request.POST or None, request.FILES or None, organisation=organisation
    )
    result = None
    if request.method == "POST" and form.is_valid() and form.checked is not None:
        upload, indicator = form.cleaned_data["file"], form.cleaned_data["indicator"]
        try:
            table = tables.read_if_small(upload, form.checked.kind)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if table is None:
                job = imports.queue_local_import(
                    indicator=indicator,
                    by=_user(request),
                    filename=form.checked.display_name,
                    kind=form.checked.kind,
                    content=tables.content_of(upload),
                )
                tasks.run_local_import.enqueue(job.pk)
                return tables.see_other(job.get_absolute_url())
            result = _try(
                form,
                lambda: imports.import_local_values(
                    indicator=indicator,
                    by=_user(request),
                    rows=[table.header, *table.rows],
                ),
            )
    status = 400 if form.errors or (result is not None and result.errors) else 200
    return render(
        request,
        "indicators/local_import.html",
        {"form": form, "result": result, "max_rows": imports.MAX_LOCAL_ROWS},
        status=status,
    )


@require_GET
def local_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A background import's progress (refreshed by htmx while it runs), then its
    report: figures saved, and every refused row with its reason."""
    job = get_object_or_404(
        permissions.local_imports_visible_to(_user(request)).select_related(
            "indicator"
        ),
        pk=pk,
    )
    _require_manage(request, job)
    return render_page(
        request, "indicators/local_import_detail.html", {"job": job}, partial="status"
    )


@require_POST
@organisation_required
def feed_chairs(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    _require_manage(request, organisation)
    indicator = services.feed_chair_representation(
        organisation=organisation, by=_user(request)
    )
    messages.success(
        request, _("The share of women among chairs was updated from the mandates.")
    )
    return redirect(indicator)


@require_http_methods(["GET", "POST"])
@organisation_required
def comparison_group(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    _require_manage(request, organisation)
    group = selectors.comparison_group(organisation=organisation)
    initial = (
        {
            "name": group.name,
            "codes": ", ".join(m.code for m in group.municipalities.all()),
        }
        if group
        else {"name": _("Similar municipalities")}
    )
    form = ComparisonGroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_comparison_group(
                organisation=organisation,
                by=_user(request),
                name=form.cleaned_data["name"],
                codes=form.cleaned_data["codes"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The comparison group was saved."))
            return redirect("indicators:gaps")
    return _form_page(request, "indicators/comparison_group.html", {"form": form})


# --------------------------------------------------------------------------
# Kolada imports
# --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@organisation_required
def import_start(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    _require_manage(request, organisation)
    form = KoladaImportForm(
        request.POST or None,
        initial={
            "municipalities": f"{organisation.code}, {RIKET}",
            "years": f"{timezone.localdate().year - 10}-{timezone.localdate().year}",
        },
    )
    if request.method == "POST" and form.is_valid():
        run = _try(
            form,
            lambda: imports.start_kolada_import(
                by=_user(request),
                organisation=organisation,
                base_url=settings.KOLADA_BASE_URL,
                **form.cleaned_data,
            ),
        )
        if run is not None:
            tasks.run_import.enqueue(run.pk)
            return redirect(run)
    return _form_page(
        request,
        "indicators/import_start.html",
        {"form": form, "runs": selectors.import_runs(organisation=organisation)[:10]},
    )


@require_http_methods(["GET", "POST"])
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(permissions.import_runs_visible_to(_user(request)), pk=pk)
    _require_manage(request, run)
    if request.method == "POST":
        try:
            imports.resume_kolada_import(run=run, by=_user(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            tasks.run_import.enqueue(run.pk)
        return redirect(run)
    return render_page(
        request, "indicators/import_detail.html", {"run": run}, partial="status"
    )


# --------------------------------------------------------------------------
# Goals, action plan and the CEMR charter
# --------------------------------------------------------------------------


@require_GET
@organisation_required
def goal_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return render(
        request,
        "indicators/goal_list.html",
        {
            "goals": selectors.goal_list(organisation=organisation),
            "national_goals": selectors.national_goal_progress(
                organisation=organisation
            ),
            "can_manage": permissions.can_manage(_user(request), organisation),
        },
    )


@require_GET
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(
        permissions.goals_visible_to(_user(request)).prefetch_related(
            "national_goals", "articles", "indicators"
        ),
        pk=pk,
    )
    actions = selectors.action_list(organisation=goal.organisation).filter(goals=goal)
    return render(
        request,
        "indicators/goal_detail.html",
        {
            "goal": goal,
            "actions": actions,
            "rollup": selectors.progress.rollup(
                (a.status, a.progress) for a in actions
            ),
            "can_manage": permissions.can_manage(_user(request), goal),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def goal_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _goal_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(permissions.goals_visible_to(_user(request)), pk=pk)
    return _goal_form(request, goal.organisation, goal)


def _goal_form(
    request: HttpRequest, organisation: Organisation, goal: Goal | None
) -> HttpResponse:
    _require_manage(request, organisation)
    initial = {}
    if goal is not None:
        initial = {
            "title": goal.title,
            "description": goal.description,
            "national_goals": list(goal.national_goals.all()),
            "articles": list(goal.articles.all()),
            "indicators": list(goal.indicators.all()),
        }
    form = GoalForm(
        request.POST or None,
        initial=initial,
        indicators=selectors.indicator_list(
            user=_user(request), organisation=organisation
        ),
    )
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_goal(
                organisation=organisation,
                by=_user(request),
                goal=goal,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The goal was saved."))
            return redirect(saved)
    return _form_page(
        request, "indicators/goal_form.html", {"form": form, "goal": goal}
    )


@require_GET
@organisation_required
def action_plan(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The action plan; `?artikel=<number>` shows the actions tied to one CEMR article
    (linked from the charter page)."""
    today = timezone.localdate()
    article = None
    if "artikel" in request.GET:
        article = get_object_or_404(
            CharterArticle, number=int_param(request, "artikel", 0, 1, 999)
        )
    actions = list(selectors.action_list(organisation=organisation, article=article))
    return render(
        request,
        "indicators/action_plan.html",
        {
            "actions": [(a, a.is_overdue(today=today)) for a in actions],
            "rollup": selectors.progress.rollup(
                (a.status, a.progress) for a in actions
            ),
            "can_manage": permissions.can_manage(_user(request), organisation),
            "article": article,
        },
    )


@require_GET
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        permissions.actions_visible_to(_user(request))
        .select_related("owner")
        .prefetch_related("goals", "national_goals", "articles", "milestones"),
        pk=pk,
    )
    return render(
        request,
        "indicators/action_detail.html",
        {
            "action": action,
            "is_overdue": action.is_overdue(today=timezone.localdate()),
            "can_manage": permissions.can_manage(_user(request), action),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def action_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _action_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(permissions.actions_visible_to(_user(request)), pk=pk)
    return _action_form(request, action.organisation, action)


def _action_form(
    request: HttpRequest, organisation: Organisation, action: Action | None
) -> HttpResponse:
    _require_manage(request, organisation)
    initial: dict[str, Any] = {"status": Action.Status.PLANNED, "progress": 0}
    if action is not None:
        initial = {
            "title": action.title,
            "description": action.description,
            "owner": action.owner,
            "due_on": action.due_on,
            "status": action.status,
            "progress": action.progress,
            "goals": list(action.goals.all()),
            "national_goals": list(action.national_goals.all()),
            "articles": list(action.articles.all()),
        }
    form = ActionForm(request.POST or None, initial=initial, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_action(
                organisation=organisation,
                by=_user(request),
                action=action,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The action was saved."))
            return redirect(saved)
    return _form_page(
        request, "indicators/action_form.html", {"form": form, "action": action}
    )


@require_http_methods(["GET", "POST"])
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(permissions.actions_visible_to(_user(request)), pk=pk)
    _require_manage(request, action)
    form = MilestoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_milestone(
                action=action, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The milestone was saved."))
            return redirect(action)
    return _form_page(
        request, "indicators/milestone_form.html", {"form": form, "action": action}
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def charter(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    signature = CharterSignature.objects.filter(organisation=organisation).first()
    can_manage = permissions.can_manage(_user(request), organisation)
    form = CharterSignatureForm(
        request.POST or None,
        initial={"signed_on": signature.signed_on if signature else None},
    )
    if request.method == "POST":
        _require_manage(request, organisation)
        if form.is_valid():
            saved = _try(
                form,
                lambda: services.set_charter_signature(
                    organisation=organisation, by=_user(request), **form.cleaned_data
                ),
            )
            if saved is not None:
                messages.success(request, _("The signing date was saved."))
                return redirect("indicators:charter")
    today = timezone.localdate()
    return render(
        request,
        "indicators/charter.html",
        {
            "form": form,
            "signature": signature,
            "deadline_passed": signature is not None
            and signature.action_plan_due_on < today,
            "has_actions": Action.objects.filter(organisation=organisation).exists(),
            "articles": selectors.article_progress(organisation=organisation),
            "can_manage": can_manage,
        },
        status=400 if form.errors else 200,
    )
