"""The year wheel, recurring events and their occurrences, calendar feeds and the
calendar invitation to a meeting."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.core.params import pk_param, text_param
from jamkoll.meetings import (
    forms,
    ical,
    permissions,
    selectors,
    services,
)
from jamkoll.meetings.models import RuleOccurrence, YearWheelRule
from jamkoll.meetings.services.yearwheel import OCCURRENCE_HAS_MEETING
from jamkoll.meetings.views import _common as _c
from jamkoll.meetings.yearwheel import (
    Occurrence,
    events_for_year,
    find_occurrence,
    rules_with_occurrences,
)
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation

# --- Year wheel -------------------------------------------------------------------


@require_GET
@organisation_required
def year_wheel(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The year as twelve month grids, with the same events as tables; filtered by
    category with `?kategori=`."""
    year = _c.year_param(request)
    user = _c.user(request)
    filter_form = forms.YearWheelFilterForm(request.GET or None)
    category = filter_form.category()
    return render(
        request,
        "meetings/year_wheel.html",
        {
            "year": year,
            "filter_form": filter_form,
            "category": category,
            "months": selectors.year_wheel(
                organisation=organisation,
                year=year,
                user=user,
                category=category or None,
            ),
            "rules": rules_with_occurrences(
                permissions.rules_visible_to(user).filter(organisation=organisation),
                year=year,
            ),
            "can_edit": permissions.can_edit(user, organisation),
        },
    )


def _editable_rule(request: HttpRequest, pk: int) -> YearWheelRule:
    rule = get_object_or_404(permissions.rules_visible_to(_c.user(request)), pk=pk)
    if not permissions.can_edit(_c.user(request), rule):
        raise PermissionDenied
    return rule


def _occurrence_or_404(rule: YearWheelRule, value: str | None) -> Occurrence:
    """The rule's occurrence planned for the ISO date `value`; 404 when the value is
    not a date or the rule gives no occurrence that day."""
    try:
        original = dt.date.fromisoformat(value or "")
    except ValueError:
        raise Http404 from None
    occurrence = find_occurrence(rule, original)
    if occurrence is None:
        raise Http404
    return occurrence


def occurrence_from_query(
    request: HttpRequest, organisation: Organisation
) -> Occurrence | None:
    """The occurrence a new meeting is planned for (`?regel=<pk>&datum=YYYY-MM-DD`),
    None without those parameters; 404 when they name no occurrence the user sees."""
    if not request.GET.get("regel"):
        return None
    rule_pk = pk_param(request, "regel")
    if rule_pk is None:
        raise Http404
    rule = get_object_or_404(
        permissions.rules_visible_to(_c.user(request)).filter(
            organisation=organisation
        ),
        pk=rule_pk,
    )
    return _occurrence_or_404(rule, text_param(request, "datum", 10))


@require_http_methods(["GET", "POST"])
@organisation_required
def rule_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit(_c.user(request), organisation):
        raise PermissionDenied
    return _rule_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule = _editable_rule(request, pk)
    return _rule_form(request, rule.organisation, rule)


def _rule_form(
    request: HttpRequest, organisation: Organisation, rule: YearWheelRule | None
) -> HttpResponse:
    form = forms.RuleForm(
        request.POST or None, instance=rule, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _c.try_(
            form,
            lambda: services.save_rule(
                organisation=organisation,
                by=_c.user(request),
                rule=rule,
                title=data["title"],
                category=data["category"],
                pattern=data["pattern"],
                months=data["months"],
                day=data["day"],
                weekday=data["weekday"],
                nth=data["nth"],
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                place=data["place"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The recurring event was saved."))
            return redirect("meetings:year_wheel")
    return _c.form_page(request, "meetings/rule_form.html", {"rule": rule}, form)


@require_http_methods(["GET", "POST"])
def occurrence_edit(request: HttpRequest, pk: int, date: str) -> HttpResponse:
    """Move, cancel or restore one occurrence of a rule; the rule stays as it is."""
    rule = _editable_rule(request, pk)
    occurrence = _occurrence_or_404(rule, date)
    if occurrence.meeting_id is not None:
        messages.info(request, str(OCCURRENCE_HAS_MEETING))
        return redirect("meetings:detail", pk=occurrence.meeting_id)
    instance = occurrence.exception or RuleOccurrence(
        rule=rule, original_date=occurrence.original_date
    )
    # "Restore" posts the form as if every field were cleared.
    data = {} if "restore" in request.POST else request.POST
    form = forms.OccurrenceForm(
        data if request.method == "POST" else None, instance=instance
    )
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.save_occurrence(
                rule=rule,
                original_date=occurrence.original_date,
                by=_c.user(request),
                moved_to=form.cleaned_data["moved_to"],
                starts_at=form.cleaned_data["starts_at"],
                cancelled=form.cleaned_data["cancelled"],
            ),
        )
        if saved is not None:
            messages.success(request, _("The occurrence was saved."))
            year = (saved.moved_to or saved.original_date).year
            return redirect(reverse("meetings:year_wheel") + f"?year={year}")
    return _c.form_page(
        request,
        "meetings/occurrence_form.html",
        {"rule": rule, "occurrence": occurrence},
        form,
    )


@require_POST
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(permissions.rules_visible_to(_c.user(request)), pk=pk)
    if not permissions.can_edit(_c.user(request), rule):
        raise PermissionDenied
    services.delete_rule(rule=rule, by=_c.user(request))
    messages.success(request, _("The recurring event was removed."))
    return redirect("meetings:year_wheel")


@require_http_methods(["GET", "POST"])
@organisation_required
def calendar_feeds(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The user's own secret calendar addresses: create one, see and revoke them.

    Only a hash of each address's secret is stored, so a new address is shown once,
    in the answer to the POST that created it (not after a redirect, which would
    have to keep the secret somewhere in between).
    """
    user = _c.user(request)
    new_url = ""
    if request.method == "POST":
        _feed, token = services.create_feed(organisation=organisation, by=user)
        new_url = request.build_absolute_uri(
            reverse("meetings:calendar_feed", args=[token])
        )
        messages.success(request, _("A new calendar address was created."))
    feeds = permissions.feeds_of(user).filter(organisation=organisation)
    return render(
        request, "meetings/calendar_feeds.html", {"feeds": feeds, "new_url": new_url}
    )


@require_POST
def calendar_feed_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(permissions.feeds_of(_c.user(request)), pk=pk)
    services.revoke_feed(feed=feed, by=_c.user(request))
    messages.success(request, _("The calendar address was revoked."))
    return redirect("meetings:calendar_feeds")


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The year wheel as iCalendar for a secret, unrevoked address (else 404)."""
    feed = selectors.active_feed(token)
    if feed is None or not permissions.can_view(feed.user, feed.organisation):
        raise Http404
    year = timezone.localdate().year
    events = [
        event
        for y in (year - 1, year, year + 1)
        for event in events_for_year(
            organisation=feed.organisation, year=y, user=feed.user
        )
    ]
    body = ical.build_calendar(
        name=_("Year wheel – %(organisation)s") % {"organisation": feed.organisation},
        events=events,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        stamp=timezone.now(),
    )
    # Cache-Control: private, no-store comes from core.middleware.NoStoreMiddleware.
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


# --- Invitation to a meeting ------------------------------------------------------


@require_POST
def meeting_invite(request: HttpRequest, pk: int) -> HttpResponse:
    """E-mail the members and substitutes a calendar invitation (kallelse)."""
    meeting = _c.editable_meeting(request, pk)
    try:
        result = services.send_invitation(meeting=meeting, by=_c.user(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(meeting)
    count = len(result.sent)
    messages.success(
        request,
        ngettext(
            "The invitation was sent to %(count)d person.",
            "The invitation was sent to %(count)d people.",
            count,
        )
        % {"count": count},
    )
    if result.without_address:
        messages.warning(
            request,
            _("No e-mail address, so no invitation: %(names)s.")
            % {"names": ", ".join(str(p) for p in result.without_address)},
        )
    return redirect(meeting)
