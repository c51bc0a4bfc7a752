from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.meetings import (
    documents,
    forms,
    ical,
    permissions,
    selectors,
    services,
    suggestions,
)
from jamkoll.meetings.models import AgendaItem, CalendarFeed, Commitment, Meeting
from jamkoll.meetings.yearwheel import events_for_year
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.organisations.permissions import units_visible_to


def _user(request: HttpRequest) -> Any:
    return request.user


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        permissions.meetings_visible_to(_user(request)).select_related(
            "body", "minutes"
        ),
        pk=pk,
    )


def _editable_meeting(request: HttpRequest, pk: int) -> Meeting:
    meeting = _meeting(request, pk)
    if not permissions.can_edit(_user(request), meeting):
        raise PermissionDenied
    return meeting


def _item(request: HttpRequest, pk: int) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.filter(
            meeting__in=permissions.meetings_visible_to(_user(request))
        ).select_related("meeting__minutes", "meeting__body"),
        pk=pk,
    )
    if not permissions.can_edit(_user(request), item.meeting):
        raise PermissionDenied
    return item


def _try(form: Any, action: Callable[[], Any]) -> Any:
    """Run a service; on ValidationError attach it to the form and return None."""
    try:
        return action()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None


def _form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    return render(
        request, template, {"form": form, **context}, status=400 if form.errors else 200
    )


# --- Meetings ---------------------------------------------------------------------


@require_GET
@organisation_required
def meeting_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The year's meetings and, per body, the count against the yearly target."""
    year = _year(request)
    today = timezone.localdate()
    return render_page(
        request,
        "meetings/list.html",
        {
            "year": year,
            "years": range(today.year - 3, today.year + 2),
            "meetings": selectors.meeting_list(
                visible=permissions.meetings_visible_to(_user(request)),
                organisation=organisation,
                year=year,
            ),
            "body_years": selectors.body_years(
                organisation=organisation, year=year, today=today
            ),
            "can_edit": permissions.can_edit(_user(request), organisation),
        },
        partial="results",
    )


@require_GET
def body_year(request: HttpRequest, pk: int) -> HttpResponse:
    """The body's page for meetings: this year's count against its target."""
    body = get_object_or_404(units_visible_to(_user(request)).equality_bodies(), pk=pk)
    year = _year(request)
    today = timezone.localdate()
    summary = next(
        s
        for s in selectors.body_years(
            organisation=body.organisation, year=year, today=today
        )
        if s.body.pk == body.pk
    )
    meetings = selectors.meeting_list(
        visible=permissions.meetings_visible_to(_user(request)),
        organisation=body.organisation,
        year=year,
    ).filter(body=body)
    return render(
        request,
        "meetings/body_year.html",
        {"body": body, "summary": summary, "meetings": meetings, "year": year},
    )


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = permissions.meetings_visible_to(_user(request))
    try:
        meeting = selectors.meeting_detail(visible=visible, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    user = _user(request)
    minutes = meeting.minutes
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "minutes": minutes,
            "items": meeting.agenda_items.all(),
            "quorum": selectors.quorum(meeting=meeting),
            "can_edit": permissions.can_edit(user, meeting),
            "can_approve": permissions.can_approve(user, minutes),
            "can_view_history": permissions.can_edit(user, meeting),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def meeting_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit(_user(request), organisation):
        raise PermissionDenied
    return _meeting_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    return _meeting_form(request, meeting.organisation, meeting)


def _meeting_form(
    request: HttpRequest, organisation: Organisation, meeting: Meeting | None
) -> HttpResponse:
    form = forms.MeetingForm(
        request.POST or None, instance=meeting, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_meeting(
                organisation=organisation,
                by=_user(request),
                meeting=meeting,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The meeting was saved."))
            return redirect(saved)
    return _form_page(request, "meetings/meeting_form.html", {"meeting": meeting}, form)


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    mandates = services.body_mandates(meeting)
    current = {
        a.person_id: a.capacity for a in meeting.attendances.all() if a.person_id
    }
    officials = "\n".join(a.name for a in meeting.attendances.all() if not a.person_id)
    form = forms.AttendanceForm(
        request.POST or None,
        mandates=mandates,
        current=current,
        initial={"officials": officials},
    )
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.record_attendance(
                meeting=meeting,
                by=_user(request),
                capacities=form.capacities(),
                officials=form.official_names(),
            ),
        )
        if saved is not None:
            messages.success(request, _("The attendance was saved."))
            return redirect(meeting)
    return _form_page(
        request, "meetings/attendance_form.html", {"meeting": meeting}, form
    )


# --- Agenda -----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def agenda_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    return _agenda_item_form(request, meeting, None)


@require_http_methods(["GET", "POST"])
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    return _agenda_item_form(request, item.meeting, item)


def _agenda_item_form(
    request: HttpRequest, meeting: Meeting, item: AgendaItem | None
) -> HttpResponse:
    form = forms.AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_agenda_item(
                meeting=meeting, by=_user(request), item=item, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The agenda item was saved."))
            return redirect(meeting.get_absolute_url() + "#agenda")
    return _form_page(
        request,
        "meetings/agenda_item_form.html",
        {"meeting": meeting, "item": item},
        form,
    )


@require_POST
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item up or down; htmx gets the agenda back with focus on the moved item."""
    item = _item(request, pk)
    direction = request.POST.get("direction", "")
    try:
        services.move_agenda_item(item=item, by=_user(request), direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:  # type: ignore[attr-defined]
        meeting = selectors.meeting_detail(
            visible=permissions.meetings_visible_to(_user(request)), pk=item.meeting_id
        )
        return render_page(
            request,
            "meetings/detail.html",
            {
                "meeting": meeting,
                "minutes": meeting.minutes,
                "items": meeting.agenda_items.all(),
                "can_edit": True,
                "moved": item.pk,
                "moved_direction": direction,
            },
            partial="agenda",
        )
    return redirect(item.meeting.get_absolute_url() + f"#item-{item.pk}")


@require_POST
def agenda_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    try:
        services.delete_agenda_item(item=item, by=_user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The agenda item was removed."))
    return redirect(item.meeting.get_absolute_url() + "#agenda")


@require_http_methods(["GET", "POST"])
def agenda_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Föreslå punkter": open material from every registered provider to pick from."""
    meeting = _editable_meeting(request, pk)
    present = meeting.agenda_items.exclude(source_ref="").values_list(
        "source_ref", flat=True
    )
    offered = suggestions.collect(
        meeting.organisation, timezone.localdate(), exclude=present
    )
    if request.method == "POST":
        picked = set(request.POST.getlist("pick"))
        chosen = [s for s in offered if s.source_ref in picked]
        if not chosen:
            messages.error(request, _("Choose at least one suggestion."))
        else:
            try:
                services.add_suggested_items(
                    meeting=meeting, by=_user(request), suggestions=chosen
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("The chosen items were added to the agenda.")
                )
                return redirect(meeting.get_absolute_url() + "#agenda")
    return render(
        request,
        "meetings/suggestions.html",
        {"meeting": meeting, "suggestions": offered},
        status=400 if request.method == "POST" else 200,
    )


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(
        visible=permissions.meetings_visible_to(_user(request)),
        pk=_meeting(request, pk).pk,
    )
    return _pdf(
        documents.agenda_pdf(meeting), f"foredragningslista-{meeting.held_on}.pdf"
    )


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(
        visible=permissions.meetings_visible_to(_user(request)),
        pk=_meeting(request, pk).pk,
    )
    if not meeting.minutes.is_approved:
        raise Http404
    return _pdf(documents.minutes_pdf(meeting), f"protokoll-{meeting.held_on}.pdf")


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- Minutes ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the minutes: each item's discussion, decision and responsible person, the
    protocol remarks and the approvers."""
    meeting = _editable_meeting(request, pk)
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
                    item=item, by=_user(request), **item_form.cleaned_data
                )
            services.save_minutes(
                minutes=minutes,
                by=_user(request),
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
    meeting = _meeting(request, pk)
    try:
        services.approve_minutes(
            minutes=meeting.minutes, by=_user(request), today=timezone.localdate()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You have signed (justerat) the minutes."))
    return redirect(meeting.get_absolute_url() + "#minutes")


@require_http_methods(["GET", "POST"])
def minutes_correct(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
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
        saved = _try(
            form,
            lambda: services.correct_minutes(
                minutes=minutes,
                by=_user(request),
                item=item,
                field=field,
                new_value=form.cleaned_data["new_value"],
                reason=form.cleaned_data["reason"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The correction was recorded."))
            return redirect(meeting.get_absolute_url() + "#minutes")
    return _form_page(
        request, "meetings/correction_form.html", {"meeting": meeting}, form
    )


# --- Assignments (uppdrag) --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = forms.DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.add_decision(
                item=item, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The assignment was recorded."))
            return redirect(item.meeting.get_absolute_url() + "#minutes")
    return _form_page(
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
        visible=permissions.decisions_visible_to(_user(request)),
        organisation=organisation,
    )
    return render(
        request,
        "meetings/decision_list.html",
        {
            "decisions": decisions,
            "commitments": selectors.open_commitments(organisation=organisation),
            "today": timezone.localdate(),
            "can_edit": permissions.can_edit(_user(request), organisation),
        },
    )


@require_http_methods(["GET", "POST"])
def decision_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        permissions.decisions_visible_to(_user(request)).select_related(
            "agenda_item__meeting"
        ),
        pk=pk,
    )
    if not permissions.can_edit(_user(request), decision):
        raise PermissionDenied
    form = forms.FollowUpForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.follow_up_decision(
                decision=decision, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The follow-up was saved."))
            return redirect("meetings:decision_list")
    return _form_page(
        request, "meetings/follow_up_form.html", {"decision": decision}, form
    )


# --- Dialogue meetings ------------------------------------------------------------


def _dialogue_form(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    action: Callable[[Meeting, dict[str, Any]], Any],
    heading: str,
    **form_kwargs: Any,
) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    if not meeting.is_dialogue:
        raise Http404
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        saved = _try(form, lambda: action(meeting, form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(meeting.get_absolute_url() + "#dialogue")
    return _form_page(
        request,
        "meetings/dialogue_form.html",
        {"meeting": meeting, "heading": heading},
        form,
    )


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _dialogue_form(
        request,
        pk,
        forms.QuestionForm,
        lambda m, data: services.add_question(meeting=m, by=_user(request), **data),
        _("Add a question to send in advance"),
    )


@require_http_methods(["GET", "POST"])
def commitment_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _dialogue_form(
        request,
        pk,
        forms.CommitmentForm,
        lambda m, data: services.add_commitment(meeting=m, by=_user(request), **data),
        _("Add a commitment"),
    )


@require_http_methods(["GET", "POST"])
def development_need_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    return _dialogue_form(
        request,
        pk,
        forms.DevelopmentNeedForm,
        lambda m, data: services.add_development_need(
            meeting=m, by=_user(request), **data
        ),
        _("Add a development need (utvecklingsbehov)"),
        organisation=meeting.organisation,
    )


@require_POST
def questions_sent(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _editable_meeting(request, pk)
    try:
        services.mark_questions_sent(
            meeting=meeting, by=_user(request), sent_on=timezone.localdate()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(meeting.get_absolute_url() + "#dialogue")


@require_POST
def commitment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(
        Commitment.objects.filter(
            meeting__in=permissions.meetings_visible_to(_user(request))
        ).select_related("meeting"),
        pk=pk,
    )
    if not permissions.can_edit(_user(request), commitment.meeting):
        raise PermissionDenied
    services.complete_commitment(
        commitment=commitment, by=_user(request), completed_on=timezone.localdate()
    )
    messages.success(request, _("The commitment is marked as fulfilled."))
    if request.POST.get("next") == "list":
        return redirect("meetings:decision_list")
    return redirect(commitment.meeting)


@require_GET
@organisation_required
def development_needs(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    year = _year(request)
    return render(
        request,
        "meetings/development_needs.html",
        {
            "needs": selectors.development_needs(organisation=organisation, year=year),
            "year": year,
        },
    )


# --- Year wheel -------------------------------------------------------------------


@require_GET
@organisation_required
def year_wheel(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The year as twelve month grids, with the same events as a list."""
    year = _year(request)
    user = _user(request)
    return render(
        request,
        "meetings/year_wheel.html",
        {
            "year": year,
            "months": selectors.year_wheel(organisation=organisation, year=year),
            "rules": permissions.rules_visible_to(user).filter(
                organisation=organisation
            ),
            "can_edit": permissions.can_edit(user, organisation),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def rule_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit(_user(request), organisation):
        raise PermissionDenied
    form = forms.RuleForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_rule(
                organisation=organisation, by=_user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The recurring event was saved."))
            return redirect("meetings:year_wheel")
    return _form_page(request, "meetings/rule_form.html", {}, form)


@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(permissions.rules_visible_to(_user(request)), pk=pk)
    if not permissions.can_edit(_user(request), rule):
        raise PermissionDenied
    services.delete_rule(rule=rule, by=_user(request))
    messages.success(request, _("The recurring event was removed."))
    return redirect("meetings:year_wheel")


@require_http_methods(["GET", "POST"])
@organisation_required
def calendar_feeds(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The user's own secret calendar addresses: create one, see and revoke them."""
    user = _user(request)
    if request.method == "POST":
        services.create_feed(organisation=organisation, by=user)
        messages.success(request, _("A new calendar address was created."))
        return redirect("meetings:calendar_feeds")
    feeds = permissions.feeds_of(user).filter(organisation=organisation)
    return render(
        request,
        "meetings/calendar_feeds.html",
        {
            "feeds": [
                (
                    feed,
                    request.build_absolute_uri(
                        reverse("meetings:calendar_feed", args=[feed.token])
                    ),
                )
                for feed in feeds
            ],
        },
    )


@require_POST
def calendar_feed_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(permissions.feeds_of(_user(request)), pk=pk)
    services.revoke_feed(feed=feed, by=_user(request))
    messages.success(request, _("The calendar address was revoked."))
    return redirect("meetings:calendar_feeds")


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The year wheel as iCalendar for a secret, unrevoked address (else 404)."""
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("organisation", "user"),
        token=token,
        revoked_at__isnull=True,
        user__is_active=True,
    )
    if not permissions.can_view(feed.user, feed.organisation):
        raise Http404
    year = timezone.localdate().year
    events = [
        event
        for y in (year - 1, year, year + 1)
        for event in events_for_year(organisation=feed.organisation, year=y)
    ]
    body = ical.build_calendar(
        name=_("Year wheel – %(organisation)s") % {"organisation": feed.organisation},
        events=events,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        stamp=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
