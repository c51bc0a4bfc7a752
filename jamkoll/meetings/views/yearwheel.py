"""The year wheel, recurring events and calendar feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jamkoll.meetings import (
    forms,
    ical,
    permissions,
    selectors,
    services,
)
from jamkoll.meetings.models import CalendarFeed
from jamkoll.meetings.views import _common as _c
from jamkoll.meetings.yearwheel import events_for_year
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation

# --- Year wheel -------------------------------------------------------------------


@require_GET
@organisation_required
def year_wheel(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The year as twelve month grids, with the same events as a list."""
    year = _c.year_param(request)
    user = _c.user(request)
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
    if not permissions.can_edit(_c.user(request), organisation):
        raise PermissionDenied
    form = forms.RuleForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = _c.try_(
            form,
            lambda: services.save_rule(
                organisation=organisation, by=_c.user(request), **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, _("The recurring event was saved."))
            return redirect("meetings:year_wheel")
    return _c.form_page(request, "meetings/rule_form.html", {}, form)


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
    """The user's own secret calendar addresses: create one, see and revoke them."""
    user = _c.user(request)
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
    feed = get_object_or_404(permissions.feeds_of(_c.user(request)), pk=pk)
    services.revoke_feed(feed=feed, by=_c.user(request))
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
