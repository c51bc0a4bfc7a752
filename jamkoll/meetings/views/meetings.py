"""Meetings, attendance and the agenda."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.htmx import render_page
from jamkoll.meetings import (
    forms,
    permissions,
    selectors,
    services,
    suggestions,
)
from jamkoll.meetings.models import AgendaItem, Meeting
from jamkoll.meetings.services.yearwheel import OCCURRENCE_HAS_MEETING
from jamkoll.meetings.views import _common as _c
from jamkoll.meetings.views.yearwheel import occurrence_from_query
from jamkoll.meetings.yearwheel import Occurrence
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.organisations.permissions import units_visible_to

# --- Meetings ---------------------------------------------------------------------


@require_GET
@organisation_required
def meeting_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The year's meetings and, per body, the count against the yearly target."""
    year = _c.year_param(request)
    today = timezone.localdate()
    return render_page(
        request,
        "meetings/list.html",
        {
            "year": year,
            "years": range(today.year - 3, today.year + 2),
            "meetings": selectors.meeting_list(
                visible=permissions.meetings_visible_to(_c.user(request)),
                organisation=organisation,
                year=year,
            ),
            "body_years": selectors.body_years(
                organisation=organisation, year=year, today=today
            ),
            "can_edit": permissions.can_edit(_c.user(request), organisation),
        },
        partial="results",
    )


@require_GET
def body_year(request: HttpRequest, pk: int) -> HttpResponse:
    """The body's page for meetings: this year's count against its target."""
    body = get_object_or_404(
        units_visible_to(_c.user(request)).equality_bodies(), pk=pk
    )
    year = _c.year_param(request)
    today = timezone.localdate()
    summary = next(
        s
        for s in selectors.body_years(
            organisation=body.organisation, year=year, today=today
        )
        if s.body.pk == body.pk
    )
    meetings = selectors.meeting_list(
        visible=permissions.meetings_visible_to(_c.user(request)),
        organisation=body.organisation,
        year=year,
    ).filter(body=body)
    return render(
        request,
        "meetings/body_year.html",
        {
            "body": body,
            "summary": summary,
            "meetings": meetings,
            "year": year,
            "can_edit": permissions.can_edit(_c.user(request), body),
        },
    )


@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visible = permissions.meetings_visible_to(_c.user(request))
    try:
        meeting = selectors.meeting_detail(visible=visible, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    user = _c.user(request)
    minutes = meeting.minutes
    signatures = selectors.signatures(minutes=minutes)
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
            "can_answer_questions": permissions.can_answer_questions(user, meeting),
            "can_view_history": permissions.can_edit(user, meeting),
            "can_read_draft": permissions.can_read_draft_minutes(user, minutes),
            "signatures": signatures,
            "has_standard_items": any(i.standard for i in meeting.agenda_items.all()),
            "signatures_given": any(s.approval for s in signatures),
            "voided_approvals": [a for a in minutes.approvals.all() if a.voided_at],
            "warnings": services.approver_warnings(minutes)
            if permissions.can_edit(user, meeting) and not minutes.is_locked
            else [],
            "posting": selectors.posting_status(minutes=minutes),
        },
    )


@require_POST
def agenda_standard_items(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the standard opening items first on the agenda."""
    meeting = _c.editable_meeting(request, pk)
    try:
        services.add_standard_items(meeting=meeting, by=_c.user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The standard items were added to the agenda."))
    return redirect(meeting.get_absolute_url() + "#agenda")


@require_http_methods(["GET", "POST"])
@organisation_required
def meeting_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit(_c.user(request), organisation):
        raise PermissionDenied
    # Planned from a year-wheel occurrence (?regel=&datum=): prefilled, and linked.
    occurrence = occurrence_from_query(request, organisation)
    if occurrence is not None and occurrence.meeting_id is not None:
        messages.info(request, str(OCCURRENCE_HAS_MEETING))
        return redirect("meetings:detail", pk=occurrence.meeting_id)
    return _meeting_form(request, organisation, None, occurrence=occurrence)


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
    return _meeting_form(request, meeting.organisation, meeting)


def _meeting_form(
    request: HttpRequest,
    organisation: Organisation,
    meeting: Meeting | None,
    occurrence: Occurrence | None = None,
) -> HttpResponse:
    form = forms.MeetingForm(
        request.POST or None,
        instance=meeting,
        organisation=organisation,
        initial=occurrence.meeting_initial() if occurrence else None,
    )
    form.add_reason(locked=meeting is not None and meeting.minutes.is_locked)
    if request.method == "POST" and form.is_valid() and occurrence is not None:
        saved = _c.try_(
            form,
            lambda: services.create_meeting_from_occurrence(
                organisation=organisation,
                rule=occurrence.rule,
                original_date=occurrence.original_date,
                by=_c.user(request),
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The meeting was saved."))
            return redirect(saved)
    elif request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.save_meeting(
                organisation=organisation,
                by=_c.user(request),
                meeting=meeting,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The meeting was saved."))
            return redirect(saved)
    return _c.form_page(
        request, "meetings/meeting_form.html", {"meeting": meeting}, form
    )


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
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
    form.add_reason(locked=meeting.minutes.is_locked)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.record_attendance(
                meeting=meeting,
                by=_c.user(request),
                capacities=form.capacities(),
                officials=form.official_names(),
                reason=form.cleaned_data.get("reason", ""),
            ),
        )
        if saved is not None:
            messages.success(request, _("The attendance was saved."))
            return redirect(meeting)
    return _c.form_page(
        request, "meetings/attendance_form.html", {"meeting": meeting}, form
    )


# --- Agenda -----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def agenda_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
    return _agenda_item_form(request, meeting, None)


@require_http_methods(["GET", "POST"])
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _c.editable_item(request, pk)
    return _agenda_item_form(request, item.meeting, item)


def _agenda_item_form(
    request: HttpRequest, meeting: Meeting, item: AgendaItem | None
) -> HttpResponse:
    form = forms.AgendaItemForm(request.POST or None, instance=item)
    form.add_reason(locked=meeting.minutes.is_locked)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.save_agenda_item(
                meeting=meeting, by=_c.user(request), item=item, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The agenda item was saved."))
            return redirect(meeting.get_absolute_url() + "#agenda")
    return _c.form_page(
        request,
        "meetings/agenda_item_form.html",
        {"meeting": meeting, "item": item},
        form,
    )


@require_POST
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Move an item up or down; htmx gets the agenda back with focus on the moved item."""
    item = _c.editable_item(request, pk)
    direction = request.POST.get("direction", "")
    try:
        services.move_agenda_item(item=item, by=_c.user(request), direction=direction)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:  # type: ignore[attr-defined]
        meeting = selectors.meeting_detail(
            visible=permissions.meetings_visible_to(_c.user(request)),
            pk=item.meeting_id,
        )
        return render(
            request,
            "meetings/_agenda.html",
            {
                "meeting": meeting,
                "minutes": meeting.minutes,
                "items": meeting.agenda_items.all(),
                "can_edit": True,
                "moved": item.pk,
                "moved_direction": direction,
            },
        )
    return redirect(item.meeting.get_absolute_url() + f"#item-{item.pk}")


@require_POST
def agenda_item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _c.editable_item(request, pk)
    try:
        services.delete_agenda_item(item=item, by=_c.user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The agenda item was removed."))
    return redirect(item.meeting.get_absolute_url() + "#agenda")


@require_http_methods(["GET", "POST"])
def agenda_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Föreslå punkter": open material from every registered provider to pick from."""
    meeting = _c.editable_meeting(request, pk)
    present = meeting.agenda_items.exclude(source_ref="").values_list(
        "source_ref", flat=True
    )
    offered = suggestions.collect(
        meeting.organisation,
        timezone.localdate(),
        user=_c.user(request),
        exclude=present,
    )
    if request.method == "POST":
        picked = set(request.POST.getlist("pick"))
        chosen = [s for s in offered if s.source_ref in picked]
        if not chosen:
            messages.error(request, _("Choose at least one suggestion."))
        else:
            try:
                services.add_suggested_items(
                    meeting=meeting, by=_c.user(request), suggestions=chosen
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
