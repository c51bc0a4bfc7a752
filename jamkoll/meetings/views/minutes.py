"""Writing, approving, correcting and posting the minutes; assignments (uppdrag)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.forms import add_validation_errors
from jamkoll.meetings import (
    forms,
    handoffs,
    permissions,
    selectors,
    services,
)
from jamkoll.meetings.forms.outcomes import ItemOutcomeForm
from jamkoll.meetings.views import _common as _c
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.organisations.permissions import units_visible_to

# --- Minutes ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the minutes: each item's discussion, decision and responsible person, the
    chair, secretary, approvers and protocol remarks. Once the minutes are sent for
    approval the same form makes a recorded correction and asks for the reason."""
    meeting = _c.editable_meeting(request, pk)
    minutes = meeting.minutes
    items = list(meeting.agenda_items.order_by("position", "pk"))
    present = {a.person_id for a in meeting.attendances.all() if a.person_id}
    data = request.POST or None
    form = forms.MinutesForm(
        data,
        mandates=services.body_mandates(meeting),
        present=present,
        locked=minutes.is_locked,
        initial={
            "remarks": minutes.remarks,
            "approvers": list(minutes.approvers.all()),
            "chair": minutes.chair,
            "secretary": minutes.secretary or str(_c.user(request)),
        },
    )
    item_forms = [
        (item, forms.ItemMinutesForm(data, instance=item, prefix=f"item-{item.pk}"))
        for item in items
    ]
    outcome_forms = _outcome_forms(request, items, data)
    if (
        request.method == "POST"
        and form.is_valid()
        and all(f.is_valid() for _i, f in item_forms)
        and all(f.is_valid() for f in outcome_forms.values())
    ):
        try:
            with transaction.atomic():
                if _minutes_changed(minutes, form, item_forms, outcome_forms):
                    services.write_minutes(
                        minutes=minutes,
                        by=_c.user(request),
                        items={item: f.cleaned_data for item, f in item_forms},
                        remarks=form.cleaned_data["remarks"],
                        approvers=form.cleaned_data["approvers"],
                        chair=form.cleaned_data["chair"],
                        secretary=form.cleaned_data["secretary"],
                        reason=form.cleaned_data.get("reason", ""),
                    )
                _record_outcomes(request, form, outcome_forms)
        except ValidationError as error:
            add_validation_errors(form, error)
        except _OutcomeRefusedError:
            pass
        else:
            if minutes.is_locked:
                messages.success(request, _("The correction was recorded."))
            else:
                messages.success(request, _("The minutes were saved."))
            for warning in services.approver_warnings(minutes):
                messages.warning(request, warning)
            return redirect(meeting.get_absolute_url() + "#minutes")
    invalid = (
        bool(form.errors)
        or any(f.errors for _i, f in item_forms)
        or any(f.errors for f in outcome_forms.values())
    )
    return render(
        request,
        "meetings/minutes_form.html",
        {"meeting": meeting, "form": form, "item_forms": item_forms},
        status=400 if invalid else 200,
    )


class _OutcomeRefusedError(Exception):
    """An item's outcome was refused by the app it is handed to: roll back all."""


def _outcome_forms(
    request: HttpRequest, items: list[Any], data: Any
) -> dict[Any, ItemOutcomeForm]:
    """One outcome form per item made from material whose app takes the body's
    decision (a council case: the body's preparation), if the user may record it.
    The form rides on the item for the template (`item.outcome_form`)."""
    found = {}
    for item in items:
        handler = handoffs.handler_for(item)
        if handler is None or not handler.can_record(_c.user(request), item):
            continue
        item.outcome_form = found[item] = ItemOutcomeForm(
            data,
            handler=handler,
            current=handler.current(item),
            prefix=f"item-{item.pk}-outcome",
        )
    return found


def _minutes_changed(
    minutes: Any, form: Any, item_forms: list[Any], outcome_forms: dict[Any, Any]
) -> bool:
    """Sent minutes refuse a correction that changes nothing; recording only a
    case's preparation does not change the minutes, so they are left alone."""
    if not minutes.is_locked or not outcome_forms:
        return True
    return any(name != "reason" for name in form.changed_data) or any(
        f.has_changed() for _i, f in item_forms
    )


def _record_outcomes(
    request: HttpRequest, form: Any, outcome_forms: dict[Any, ItemOutcomeForm]
) -> None:
    for item, outcome_form in outcome_forms.items():
        chosen = outcome_form.outcome_to_record()
        if chosen is None:
            continue
        try:
            handoffs.record_outcome(item=item, by=_c.user(request), **chosen)
        except ValidationError as error:
            outcome_form.add_handler_errors(error)
            form.add_error(
                None,
                f"§ {item.number} {item.title}: " + " ".join(error.messages),
            )
            raise _OutcomeRefusedError from error


def _act(request: HttpRequest, action: Any, success: str) -> bool:
    try:
        action()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return False
    messages.success(request, success)
    return True


@require_POST
def minutes_send(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Skicka för justering": lock the minutes and e-mail the approvers."""
    meeting = _c.editable_meeting(request, pk)
    _act(
        request,
        lambda: services.send_for_approval(
            minutes=meeting.minutes, by=_c.user(request)
        ),
        _("The minutes were sent for approval. The approvers have been e-mailed."),
    )
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_POST
def minutes_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
    _act(
        request,
        lambda: services.withdraw_from_approval(
            minutes=meeting.minutes, by=_c.user(request)
        ),
        _("The minutes were withdrawn from approval and can be edited again."),
    )
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The approver confirms and signs (justerar); the signature records date and time."""
    meeting = _c.visible_meeting(request, pk)
    minutes = meeting.minutes
    user = _c.user(request)
    person = permissions.approver_person(user, minutes)
    if person is None:
        raise PermissionDenied
    form = forms.ApproveForm(
        request.POST or None,
        initial={"round": minutes.round, "version": minutes.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.approve_minutes(
                minutes=minutes,
                by=user,
                round=form.cleaned_data["round"],
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("You have approved (justerat) the minutes."))
            return redirect(meeting.get_absolute_url() + "#minutes")
    return render(
        request,
        "meetings/approve_form.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "person": person,
            "form": form,
            "can_approve": permissions.can_approve(user, minutes),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def minutes_posting(request: HttpRequest, pk: int) -> HttpResponse:
    """Record when the approval was announced on the notice board (anslag)."""
    meeting = _c.editable_meeting(request, pk)
    minutes = meeting.minutes
    form = forms.PostingForm(request.POST or None, instance=minutes)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.record_posting(
                minutes=minutes,
                by=_c.user(request),
                posted_on=form.cleaned_data["posted_on"],
                taken_down_on=form.cleaned_data["taken_down_on"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The posting was saved."))
            return redirect(meeting.get_absolute_url() + "#minutes")
    return _c.form_page(
        request,
        "meetings/posting_form.html",
        {"meeting": meeting, "posting": selectors.posting_status(minutes=minutes)},
        form,
    )


@require_http_methods(["GET", "POST"])
def minutes_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """A body's settings for its minutes: posting and reminders to approvers."""
    body = get_object_or_404(
        units_visible_to(_c.user(request)).equality_bodies(), pk=pk
    )
    if not permissions.can_edit(_c.user(request), body):
        raise PermissionDenied
    current = services.settings_for(body)
    form = forms.MinutesSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.save_minutes_settings(
                body=body, by=_c.user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The settings were saved."))
            return redirect("meetings:body_year", body.pk)
    return _c.form_page(request, "meetings/settings_form.html", {"body": body}, form)


# --- Assignments (uppdrag) --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Lägg till uppdrag till en person": an assignment for one of the body's own
    people, decided under the item."""
    item = _c.editable_item(request, pk)
    form = forms.DecisionForm(request.POST or None, item=item)
    form.add_reason(locked=item.meeting.minutes.is_locked)
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
    """Assignments (uppdrag) from the minutes, open ones first, for follow-up; the
    user's own ("Mina uppdrag") on top."""
    today = timezone.localdate()
    decisions = selectors.open_decisions(
        visible=permissions.decisions_visible_to(_c.user(request)),
        organisation=organisation,
    )
    mine = selectors.assignments_for_user(_c.user(request), organisation, today).mine
    return render(
        request,
        "meetings/decision_list.html",
        {
            "decisions": decisions,
            "mine": mine,
            "commitments": selectors.open_commitments(organisation=organisation),
            "today": today,
            "can_edit": permissions.can_edit(_c.user(request), organisation),
        },
    )


@require_http_methods(["GET", "POST"])
def decision_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        permissions.decisions_visible_to(_c.user(request)).select_related(
            "agenda_item__meeting", "owner"
        ),
        pk=pk,
    )
    if not permissions.can_follow_up(_c.user(request), decision):
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
