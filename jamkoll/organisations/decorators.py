"""View decorators that need the active organisation."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from jamkoll.organisations.models import Organisation


def organisation_required(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Pass the active organisation as `organisation`; users without one see why."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        organisation: Organisation | None = getattr(request, "organisation", None)
        if organisation is None:
            return redirect("accounts:no_organisation")
        return view(request, *args, organisation=organisation, **kwargs)

    return wrapper
