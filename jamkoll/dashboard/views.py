from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jamkoll.dashboard import selectors
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation


@require_GET
@organisation_required
def home(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """What needs the user's attention in the active organisation, by role."""
    panels = selectors.attention(user=request.user, organisation=organisation)  # type: ignore[arg-type]
    return render(
        request, "dashboard/home.html", {"panels": panels, "organisation": organisation}
    )
