"""Rendering helpers for one URL with two renderings (full page or htmx partial)."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the page, or only its named partial for htmx requests.

    Always adds `Vary: HX-Request` so caches keep the two renderings apart.
    """
    name = template
    if partial and getattr(request, "htmx", False):
        name = f"{template}#{partial}"
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
