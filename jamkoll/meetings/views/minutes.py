"""Writing, approving, correcting and posting the minutes; assignments (uppdrag)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.forms import add_validation_errors
from jamkoll.meetings import (
    forms,
    permissions,
    selectors,
    services,
)
from jamkoll.meetings.views import _common as _c
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation

# --- Minutes ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the minutes: each item's discussion, decision and responsible person, the
    protocol remarks and the approvers."""
    meeting = _c.editable_meeting(request, pk)
    minutes = meeting.minutes
    if minutes.is_locked:
        messages.error(request, str(services.MINUTES_LOCKED))
        return redirect(meeting)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    mandates = services.body_mandates(meeting)
    data = request.POST or None
    form = forms.MinutesForm(
        data,
        mandates=mandates,
        initial={
            "remarks": minutes.remarks,
            "approvers": list(minutes.approvers.all()),
        },
    )
    item_forms = [
        (item, forms.ItemMinutesForm(data, instance=item, prefix=f"item-{item.pk}"))
        for item in items
    ]
    if (
        request.method == "POST"
        and form.is_valid()
        and all(f.is_valid() for _i, f in item_forms)
    ):
        try:
            for item, item_form in item_forms:
                services.save_item_minutes(
                    item=item, by=_c.user(request), **item_form.cleaned_data
                )
            services.save_minutes(
                minutes=minutes,
                by=_c.user(request),
                remarks=form.cleaned_data["remarks"],
                approvers=form.cleaned_data["approvers"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect(meeting.get_absolute_url() + "#minutes")
    invalid = bool(form.errors) or any(f.errors for _i, f in item_forms)
    return render(
        request,
        "meetings/minutes_form.html",
        {"meeting": meeting, "form": form, "item_forms": item_forms},
        status=400 if invalid else 200,
    )


@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.visible_meeting(request, pk)
    try:
        services.approve_minutes(
            minutes=meeting.minutes, by=_c.user(request), today=timezone.localdate()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have signed (justerat) the minutes."))
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_http_methods(["GET", "POST"])
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
    minutes = meeting.minutes
    if not minutes.is_locked:
        return redirect("meetings:minutes_edit", meeting.pk)
    items = list(meeting.agenda_items.order_by("position", "pk"))
    form = forms.CorrectionForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        item = None
        field = target
        if ":" in target:
            item_id, field = target.split(":", 1)
            item = next(i for i in items if str(i.pk) == item_id)
        saved = _c.try_(
            form,
            lambda: services.correct_minutes(
                minutes=minutes,
                by=_c.user(request),
                item=item,
                field=field,
                new_value=form.cleaned_data["new_value"],
                reason=form.cleaned_data["reason"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The correction was recorded."))
            return redirect(meeting.get_absolute_url() + "#minutes")
    return _c.form_page(
        request, "meetings/correction_form.html", {"meeting": meeting}, form
    )


# --- Assignments (uppdrag) --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _c.editable_item(request, pk)
    form = forms.DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.add_decision(
                item=item, by=_c.user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The assignment was recorded."))
            return redirect(item.meeting.get_absolute_url() + "#minutes")
    return _c.form_page(
        request,
        "meetings/decision_form.html",
        {"meeting": item.meeting, "item": item},
        form,
    )


@require_GET
@organisation_required
def decision_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Assignments (uppdrag) from the minutes, open ones first, for follow-up."""
    decisions = selectors.open_decisions(
        visible=permissions.decisions_visible_to(_c.user(request)),
        organisation=organisation,
    )
    return render(
        request,
        "meetings/decision_list.html",
        {
            "decisions": decisions,
            "commitments": selectors.open_commitments(organisation=organisation),
            "today": timezone.localdate(),
            "can_edit": permissions.can_edit(_c.user(request), organisation),
        },
    )


@require_http_methods(["GET", "POST"])
def decision_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        permissions.decisions_visible_to(_c.user(request)).select_related(
            "agenda_item__meeting"
        ),
        pk=pk,
    )
    if not permissions.can_edit(_c.user(request), decision):
        raise PermissionDenied
    form = forms.FollowUpForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.follow_up_decision(
                decision=decision, by=_c.user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The follow-up was saved."))
            return redirect("meetings:decision_list")
    return _c.form_page(
        request, "meetings/follow_up_form.html", {"decision": decision}, form
    )
