from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from jamkoll.accounts.models import Role
from jamkoll.core.forms import add_validation_errors
from jamkoll.organisations import permissions, selectors, services, unit_links
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.forms import NewUserForm, RolesForm, UnitForm
from jamkoll.organisations.middleware import SESSION_KEY
from jamkoll.organisations.models import Organisation


@require_POST
def switch_organisation(request: HttpRequest) -> HttpResponse:
    """Make another of the user's organisations the active one."""
    try:
        org_id = int(request.POST.get("organisation", ""))
    except ValueError:
        raise Http404 from None
    organisation = get_object_or_404(
        permissions.organisations_visible_to(request.user),
        pk=org_id,  # type: ignore[arg-type]
    )
    request.session[SESSION_KEY] = organisation.pk
    messages.success(
        request, _("You are now working in %(name)s.") % {"name": organisation}
    )
    return redirect("dashboard:home")


@require_safe
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(
        permissions.organisations_visible_to(request.user),
        pk=pk,  # type: ignore[arg-type]
    )
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "tree": selectors.unit_tree(organisation=organisation),
            "bodies": selectors.equality_bodies(organisation=organisation),
            "can_edit": permissions.can_edit_structure(request.user, organisation),  # type: ignore[arg-type]
            "can_manage_users": permissions.can_manage_users(
                request.user, organisation
            ),  # type: ignore[arg-type]
        },
    )


@require_safe
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        unit = selectors.unit_detail(
            unit_id=pk,
            visible=permissions.units_visible_to(request.user),  # type: ignore[arg-type]
        )
    except selectors.Unit.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "organisations/unit_detail.html",
        {
            "unit": unit,
            "unit_links": unit_links.links_for(unit, request.user),
            "can_edit": permissions.can_edit_structure(request.user, unit),  # type: ignore[arg-type]
            "can_view_history": permissions.can_view_history(request.user, unit),  # type: ignore[arg-type]
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def unit_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _unit_form(request, organisation=organisation, unit=None)


@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(permissions.units_visible_to(request.user), pk=pk)  # type: ignore[arg-type]
    return _unit_form(request, organisation=unit.organisation, unit=unit)


def _unit_form(
    request: HttpRequest, *, organisation: Organisation, unit: selectors.Unit | None
) -> HttpResponse:
    if not permissions.can_edit_structure(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    form = UnitForm(request.POST or None, instance=unit, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "remit"}
        try:
            saved = services.save_unit(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                unit=unit,
                remit=form.remit_lines(),
                **data,
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("The unit %(name)s was saved.") % {"name": saved}
            )
            return redirect(saved)
    status = 400 if form.errors else 200
    return render(
        request,
        "organisations/unit_form.html",
        {"form": form, "unit": unit, "organisation": organisation},
        status=status,
    )


@require_http_methods(["GET"])
@organisation_required
def user_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Users and their roles in the active organisation, for its administrators."""
    if not permissions.can_manage_users(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    return render(
        request,
        "organisations/user_list.html",
        {"rows": selectors.users_with_roles(organisation=organisation)},
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def user_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_manage_users(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    form = NewUserForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.create_user(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["password"],
                roles=data["roles"],
                managed_units=list(data["units"]),
                boards=list(data["boards"]),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("The user %(name)s was created.") % {"name": user}
            )
            return redirect("organisations:user_list")
    return render(
        request,
        "organisations/user_form.html",
        {"form": form, "target": None},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def user_roles(
    request: HttpRequest, pk: int, organisation: Organisation
) -> HttpResponse:
    target = get_object_or_404(permissions.users_of(organisation), pk=pk)
    if not permissions.can_manage_users(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    assignments = target.role_assignments.filter(organisation=organisation)
    initial = {
        "roles": [a.role for a in assignments],
        "units": [
            u for a in assignments if a.role == Role.MANAGER for u in a.units.all()
        ],
        "boards": [
            u
            for a in assignments
            if a.role == Role.BOARD_POLITICIAN
            for u in a.units.all()
        ],
    }
    data = request.POST if request.method == "POST" else None
    form = RolesForm(data, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_roles(
                organisation=organisation,
                user=target,
                roles=form.cleaned_data["roles"],
                managed_units=list(form.cleaned_data["units"]),
                by=request.user,  # type: ignore[arg-type]
                boards=list(form.cleaned_data["boards"]),
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("The roles of %(name)s were saved.") % {"name": target}
            )
            return redirect("organisations:user_list")
    return render(
        request,
        "organisations/user_form.html",
        {
            "form": form,
            "target": target,
            "people": selectors.linked_people(user=target, organisation=organisation),
            "mandated_boards": selectors.mandated_boards(
                user=target, organisation=organisation
            ),
        },
        status=400 if form.errors else 200,
    )
