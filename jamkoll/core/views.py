from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (tillgänglighetsredogörelse) required by law."""
    return render(request, "core/accessibility.html")


@login_not_required
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")
