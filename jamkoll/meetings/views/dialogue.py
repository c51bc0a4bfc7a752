"""Dialogue meetings: questions, commitments, development needs."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.meetings import (
    forms,
    permissions,
    selectors,
    services,
)
from jamkoll.meetings.models import Commitment, Meeting
from jamkoll.meetings.views import _common as _c
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation

# --- Dialogue meetings ------------------------------------------------------------


def _dialogue_form(
    request: HttpRequest,
    pk: int,
    form_class: Any,
    action: Callable[[Meeting, dict[str, Any]], Any],
    heading: str,
    **form_kwargs: Any,
) -> HttpResponse:
    meeting = _c.editable_meeting(request, pk)
    if not meeting.is_dialogue:
        raise Http404
    form = form_class(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(form, lambda: action(meeting, form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Saved."))
            return redirect(meeting.get_absolute_url() + "#dialogue")
    return _c.form_page(
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
        lambda m, data: services.add_question(meeting=m, by=_c.user(request), **data),
        _("Add a question to send in advance"),
    )


@require_http_methods(["GET", "POST"])
def commitment_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _dialogue_form(
        request,
        pk,
        forms.CommitmentForm,
        lambda m, data: services.add_commitment(meeting=m, by=_c.user(request), **data),
        _("Add a commitment"),
    )


@require_http_methods(["GET", "POST"])
def development_need_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _c.visible_meeting(request, pk)
    return _dialogue_form(
        request,
        pk,
        forms.DevelopmentNeedForm,
        lambda m, data: services.add_development_need(
            meeting=m, by=_c.user(request), **data
        ),
        _("Add a development need (utvecklingsbehov)"),
        organisation=meeting.organisation,
    )


@require_POST
def questions_send(request: HttpRequest, pk: int) -> HttpResponse:
    """E-mail the questions and the invitation to the counterpart's managers."""
    meeting = _c.editable_meeting(request, pk)
    if not meeting.is_dialogue:
        raise Http404
    try:
        sent = services.send_questions(meeting=meeting, by=_c.user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        addresses = ", ".join(sent.recipients)
        if sent.resent:
            text = _("The questions were sent again to %(addresses)s.")
        else:
            text = _("The questions and the invitation were sent to %(addresses)s.")
        messages.success(request, text % {"addresses": addresses})
    return redirect(meeting.get_absolute_url() + "#dialogue")


@require_http_methods(["GET", "POST"])
def dialogue_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """The counterpart's managers answer the questions before (or after) the meeting."""
    meeting = _c.visible_meeting(request, pk)
    if not meeting.is_dialogue:
        raise Http404
    user = _c.user(request)
    if not permissions.can_answer_questions(user, meeting):
        raise PermissionDenied
    questions = selectors.dialogue_questions(meeting=meeting)
    form = forms.AnswersForm(
        request.POST or None,
        questions=questions,
        stamps={q.pk: services.answer_stamp(q) for q in questions},
    )
    if request.method == "POST" and form.is_valid():
        changed = _c.try_(
            form,
            lambda: services.answer_questions(
                meeting=meeting, by=user, answers=form.answers(), seen=form.seen()
            ),
        )
        if changed is not None:
            messages.success(request, _("Your answers were saved."))
            return redirect(meeting.get_absolute_url() + "#dialogue")
    return _c.form_page(
        request,
        "meetings/dialogue_answers.html",
        {"meeting": meeting, "questions": questions},
        form,
    )


@require_POST
def commitment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(
        Commitment.objects.filter(
            meeting__in=permissions.meetings_visible_to(_c.user(request))
        ).select_related("meeting"),
        pk=pk,
    )
    if not permissions.can_edit(_c.user(request), commitment.meeting):
        raise PermissionDenied
    services.complete_commitment(
        commitment=commitment, by=_c.user(request), completed_on=timezone.localdate()
    )
    messages.success(request, _("The commitment is marked as fulfilled."))
    if request.POST.get("next") == "list":
        return redirect("meetings:decision_list")
    return redirect(commitment.meeting)


@require_GET
@organisation_required
def development_needs(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    year = _c.year_param(request)
    return render(
        request,
        "meetings/development_needs.html",
        {
            "needs": selectors.development_needs(organisation=organisation, year=year),
            "year": year,
        },
    )
