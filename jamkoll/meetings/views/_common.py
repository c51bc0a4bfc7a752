"""Helpers shared by the meetings views."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from jamkoll.core import params
from jamkoll.core.forms import add_validation_errors
from jamkoll.meetings import (
    permissions,
)
from jamkoll.meetings.models import AgendaItem, Meeting


def user(request: HttpRequest) -> Any:
    return request.user


def year_param(request: HttpRequest) -> int:
    today = timezone.localdate().year
    return (
        params.year_param(request, default=today, minimum=2000, maximum=2100) or today
    )


def visible_meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        permissions.meetings_visible_to(user(request)).select_related(
            "body", "minutes"
        ),
        pk=pk,
    )


def editable_meeting(request: HttpRequest, pk: int) -> Meeting:
    meeting = visible_meeting(request, pk)
    if not permissions.can_edit(user(request), meeting):
        raise PermissionDenied
    return meeting


def editable_item(request: HttpRequest, pk: int) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.filter(
            meeting__in=permissions.meetings_visible_to(user(request))
        ).select_related("meeting__minutes", "meeting__body"),
        pk=pk,
    )
    if not permissions.can_edit(user(request), item.meeting):
        raise PermissionDenied
    return item


def try_(form: Any, action: Callable[[], Any]) -> Any:
    """Run a service; on ValidationError attach it to the form and return None."""
    try:
        return action()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None


def form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: Any
) -> HttpResponse:
    return render(
        request, template, {"form": form, **context}, status=400 if form.errors else 200
    )
