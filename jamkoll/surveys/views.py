"""Pages of the politician survey: rounds, results, export, and the public answer page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from jamkoll.accounts.models import User
from jamkoll.core.forms import add_validation_errors
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation
from jamkoll.surveys import export, permissions, selectors, services
from jamkoll.surveys.forms import (
    AnswerForm,
    AnswerStartForm,
    QuestionVersionForm,
    SurveyForm,
)
from jamkoll.surveys.models import Question, QuestionVersion, Survey


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _survey(request: HttpRequest, pk: int) -> Survey:
    survey = get_object_or_404(
        permissions.surveys_visible_to(_user(request)).select_related("organisation"),
        pk=pk,
    )
    if not permissions.can_view(_user(request), survey):
        raise PermissionDenied
    return survey


@require_GET
@organisation_required
def survey_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_view(_user(request), organisation):
        raise PermissionDenied
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": selectors.survey_list(organisation=organisation),
            "can_manage": permissions.can_manage(_user(request), organisation),
        },
    )


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    versions = selectors.question_bank() & permissions.question_versions_visible_to(
        _user(request)
    )
    return render(
        request,
        "surveys/question_list.html",
        {
            "versions": versions,
            "can_edit": permissions.can_edit_question_bank(_user(request)),
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def survey_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_manage(_user(request), organisation):
        raise PermissionDenied
    today = timezone.localdate()
    form = SurveyForm(
        request.POST or None,
        versions=selectors.question_bank(),
        initial_versions=selectors.default_versions(),
        initial={
            "year": today.year,
            "title": _("Survey of politicians %(year)d") % {"year": today.year},
            "min_group_size": 5,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        versions = list(data.pop("versions"))
        try:
            survey = services.create_survey(
                organisation=organisation, by=_user(request), versions=versions, **data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The survey round was created as a draft."))
            return redirect(survey)
    return render(
        request,
        "surveys/form.html",
        {"form": form, "survey": None},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if not permissions.can_manage(_user(request), survey):
        raise PermissionDenied
    current = [sq.version for sq in survey.survey_questions.select_related("version")]
    form = SurveyForm(
        request.POST or None,
        instance=survey,
        versions=selectors.question_bank(),
        initial_versions=current,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        versions = list(data.pop("versions"))
        try:
            services.update_survey(
                survey=survey, by=_user(request), versions=versions, **data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The survey round was saved."))
            return redirect(survey)
    return render(
        request,
        "surveys/form.html",
        {"form": form, "survey": survey},
        status=400 if form.errors else 200,
    )


@require_GET
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    user = _user(request)
    can_manage = permissions.can_manage(user, survey)
    invited, responded = selectors.response_counts(survey=survey)
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "questions": survey.survey_questions.select_related("version"),
            "invited": invited,
            "responded": responded,
            "recipient_count": (
                services.recipients(
                    organisation=survey.organisation,
                    on=max(timezone.localdate(), survey.opens_on),
                ).count()
                if can_manage and survey.status == Survey.Status.DRAFT
                else None
            ),
            "can_manage": can_manage,
        },
    )


def _action(
    request: HttpRequest, pk: int, template: str, action: object, done: str
) -> HttpResponse:
    survey = _survey(request, pk)
    if not permissions.can_manage(_user(request), survey):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            count = action(survey=survey, by=_user(request))  # type: ignore[operator]
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, done % {"count": count if isinstance(count, int) else 0}
            )
            return redirect(survey)
    invited, responded = selectors.response_counts(survey=survey)
    return render(
        request,
        template,
        {"survey": survey, "error": error, "invited": invited, "responded": responded},
        status=400 if error else 200,
    )


@require_http_methods(["GET", "POST"])
def survey_send(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "surveys/send.html",
        lambda *, survey, by: services.send_invitations(
            survey=survey, by=by, today=timezone.localdate()
        ),
        _("Personal links sent: %(count)d."),
    )


@require_http_methods(["GET", "POST"])
def survey_remind(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "surveys/remind.html",
        lambda *, survey, by: services.remind_non_respondents(
            survey=survey, by=by, today=timezone.localdate()
        ),
        _("Reminders sent: %(count)d."),
    )


@require_http_methods(["GET", "POST"])
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _action(
        request,
        pk,
        "surveys/close.html",
        lambda *, survey, by: services.close_survey(survey=survey, by=by),
        _("The survey round was closed."),
    )


@require_GET
def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    user = _user(request)
    results = selectors.survey_results(survey=survey)
    can_free_text = permissions.can_view_free_text(user, survey)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": results,
            "show_breakdowns": permissions.can_view_breakdowns(user, survey),
            "can_export": permissions.can_export(user, survey),
            "free_texts": selectors.free_text_answers(survey=survey)
            if can_free_text
            else {},
            "can_view_free_text": can_free_text,
        },
    )


@require_GET
def survey_export(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if not permissions.can_export(_user(request), survey):
        raise PermissionDenied
    content = export.results_workbook(selectors.survey_results(survey=survey))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="enkat-{survey.organisation.code}-{survey.year}.xlsx"'
    )
    return response


ANSWER_COOKIE = "jamkoll_survey"
ANSWER_COOKIE_SALT = "jamkoll.surveys.answer"
ANSWER_COOKIE_MAX_AGE = 2 * 60 * 60


def answer_cookie_value(token: str) -> str:
    """The signed value of the answer cookie for a token (what `set_signed_cookie`
    writes); tests use it to carry a personal link without the start page."""
    return signing.get_cookie_signer(salt=ANSWER_COOKIE + ANSWER_COOKIE_SALT).sign(
        token
    )


def _cookie_token(request: HttpRequest) -> str | None:
    """The token the answer cookie carries; None when missing, forged or too old."""
    token = request.get_signed_cookie(
        ANSWER_COOKIE,
        default=None,
        salt=ANSWER_COOKIE_SALT,
        max_age=ANSWER_COOKIE_MAX_AGE,
    )
    return token or None


def _forget_token(response: HttpResponse) -> HttpResponse:
    response.delete_cookie(
        ANSWER_COOKIE, path=reverse("surveys:answer_start"), samesite="Strict"
    )
    return response


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def answer_start(request: HttpRequest) -> HttpResponse:
    """Where the personal link leads: `/svara/#<code>`. The code is in the fragment,
    which the browser never sends, so it reaches no server log. A small script copies
    it into the form and posts it; without scripts the respondent pastes the code from
    the mail. A usable code is kept in a short-lived signed cookie (no session row) and
    the respondent is sent on to the questions."""
    form = AnswerStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["code"]
        try:
            services.invitation_for_token(token, today=timezone.localdate())
        except services.LinkUnavailable as unavailable:
            return _forget_token(_unavailable(request, unavailable))
        response = redirect("surveys:answer")
        response.status_code = 303
        response.set_signed_cookie(
            ANSWER_COOKIE,
            token,
            salt=ANSWER_COOKIE_SALT,
            max_age=ANSWER_COOKIE_MAX_AGE,
            path=reverse("surveys:answer_start"),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
        return response
    return render(
        request,
        "surveys/answer_start.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest) -> HttpResponse:
    """The questions, for the personal link whose code the answer cookie carries.

    No code (the cookie expired or the page was opened directly): a GET goes to the
    start page, a POST says why the answers could not be sent.
    """
    token = _cookie_token(request)
    if token is None:
        if request.method == "GET":
            return redirect("surveys:answer_start")
        return render(
            request,
            "surveys/answer_unavailable.html",
            {"reason": "expired"},
            status=400,
        )
    today = timezone.localdate()
    try:
        invitation = services.invitation_for_token(token, today=today)
    except services.LinkUnavailable as unavailable:
        return _forget_token(_unavailable(request, unavailable))
    survey = invitation.survey
    versions: list[QuestionVersion] = [
        sq.version
        for sq in survey.survey_questions.select_related("version").order_by("position")
    ]
    form = AnswerForm(request.POST or None, versions=versions)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(
                token=token,
                answers=form.answers(),
                sex=form.cleaned_data.get("sex") or "not_stated",
                role_level=form.cleaned_data.get("role_level") or "not_stated",
                today=today,
            )
        except services.LinkUnavailable as unavailable:
            return _forget_token(_unavailable(request, unavailable))
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            return _forget_token(redirect("surveys:thanks"))
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form},
        status=400 if form.errors else 200,
    )


def _unavailable(
    request: HttpRequest, unavailable: services.LinkUnavailable
) -> HttpResponse:
    if unavailable.reason == services.LinkUnavailable.UNKNOWN:
        status = 404
    elif unavailable.reason == services.LinkUnavailable.NOT_YET_OPEN:
        status = 200
    else:
        status = 410
    return render(
        request,
        "surveys/answer_unavailable.html",
        {"reason": unavailable.reason, "survey": unavailable.survey},
        status=status,
    )


@login_not_required
@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "surveys/thanks.html")


@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest) -> HttpResponse:
    return _question_form(request, None)


@require_http_methods(["GET", "POST"])
def version_create(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.filter(
            versions__in=permissions.question_versions_visible_to(_user(request))
        ).distinct(),
        pk=pk,
    )
    return _question_form(request, question)


def _question_form(request: HttpRequest, question: Question | None) -> HttpResponse:
    if not permissions.can_edit_question_bank(_user(request)):
        raise PermissionDenied
    latest = question.versions.order_by("-number").first() if question else None
    initial = (
        {
            "text": latest.text,
            "kind": latest.kind,
            "options": "\n".join(latest.options),
            "is_default": latest.is_default,
        }
        if latest
        else {}
    )
    form = QuestionVersionForm(
        request.POST or None, initial=initial, new_question=question is None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_question_version(
                by=_user(request), question=question, **form.cleaned_data
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(request, _("The question was saved in the bank."))
            return redirect("surveys:question_list")
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "question": question, "latest": latest},
        status=400 if form.errors else 200,
    )
