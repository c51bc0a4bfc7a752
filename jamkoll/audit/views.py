from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jamkoll.accounts.roles import CONTENT_ROLES, has_any_role, organisation_ids_of
from jamkoll.audit.selectors import object_history
from jamkoll.core.ownership import organisation_id_of


@require_GET
def history(
    request: HttpRequest, app_label: str, model_name: str, pk: int
) -> HttpResponse:
    """The audit trail of one object, for administrators and strategists of its organisation.

    Objects of organisations the user has no role in are reported as missing (404).
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model, "history"):
        raise Http404
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404
    org_id = organisation_id_of(obj)
    if org_id not in organisation_ids_of(request.user):  # type: ignore[arg-type]
        raise Http404
    if not has_any_role(request.user, org_id, CONTENT_ROLES):  # type: ignore[arg-type]
        raise PermissionDenied
    return render(
        request,
        "audit/history.html",
        {
            "object": obj,
            "entries": object_history(obj),
            "model_name": model._meta.verbose_name,
        },
    )
