from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jamkoll.accounts.models import Role
from jamkoll.accounts.roles import roles_in
from jamkoll.core.charts import grouped_bar_chart
from jamkoll.core.forms import add_validation_errors
from jamkoll.core.htmx import render_page
from jamkoll.core.params import pk_param, text_param
from jamkoll.members import selectors, services
from jamkoll.members.forms import MembershipForm, PersonForm, TermForm, UserPersonForm
from jamkoll.members.models import Membership, Person, Term
from jamkoll.organisations import permissions
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation


def _people_visible_to(request: HttpRequest):  # type: ignore[no-untyped-def]
    return Person.objects.filter(
        organisation__in=permissions.organisations_visible_to(request.user)  # type: ignore[arg-type]
    )


@require_GET
@organisation_required
def representation(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Women and men per body and term, derived from the mandates."""
    terms = Term.objects.filter(organisation=organisation)
    term = terms.filter(pk=pk_param(request, "term") or 0).first() or terms.first()
    rows = selectors.representation(organisation=organisation, term=term)
    chart = grouped_bar_chart(
        title=_("Share of women and men among members"),
        categories=[r.unit_name for r in rows],
        series=[_("Women"), _("Men")],
        values=[[r.members.share_women, r.members.share_men] for r in rows],
        unit=" %",
        max_value=100,
    )
    return render_page(
        request,
        "members/representation.html",
        {"rows": rows, "terms": terms, "term": term, "chart": chart},
        partial="results",
    )


@require_GET
@organisation_required
def person_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    query = text_param(request, "q", max_length=100)
    return render_page(
        request,
        "members/person_list.html",
        {
            "people": selectors.people(organisation=organisation, query=query),
            "query": query,
            "can_edit": permissions.can_edit_structure(request.user, organisation),  # type: ignore[arg-type]
        },
        partial="results",
    )


@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(
        _people_visible_to(request).select_related("party", "user"), pk=pk
    )
    return render(
        request,
        "members/person_detail.html",
        {
            "person": person,
            "mandates": selectors.person_mandates(person=person),
            "boards": selectors.boards_acted_for(person=person),
            "can_edit": permissions.can_edit_structure(request.user, person),  # type: ignore[arg-type]
            "can_view_history": permissions.can_view_history(request.user, person),  # type: ignore[arg-type]
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def person_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _person_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(_people_visible_to(request), pk=pk)
    return _person_form(request, person.organisation, person)


def _person_form(
    request: HttpRequest, organisation: Organisation, person: Person | None
) -> HttpResponse:
    if not permissions.can_edit_structure(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    form = PersonForm(request.POST or None, instance=person, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_person(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                person=person,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("%(name)s was saved.") % {"name": saved})
            return redirect(saved)
    return render(
        request,
        "members/person_form.html",
        {"form": form, "person": person},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def user_person(
    request: HttpRequest, user_pk: int, organisation: Organisation
) -> HttpResponse:
    """Choose which person of the active organisation a login account is, from the
    user administration (administrators only)."""
    target = get_object_or_404(permissions.users_of(organisation), pk=user_pk)
    if not permissions.can_manage_users(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    current = selectors.people_of_user(user=target, organisation=organisation)
    form = UserPersonForm(
        request.POST or None,
        organisation=organisation,
        user=target,
        initial={"person": current[0] if current else None},
    )
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services.link_account(
                organisation=organisation,
                user=target,
                person=person,
                by=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            if person is None:
                text = _("%(user)s is not linked to any person.") % {"user": target}
            else:
                text = _("%(user)s is now linked to %(person)s.") % {
                    "user": target,
                    "person": person,
                }
            messages.success(request, text)
            return redirect("organisations:user_list")
    return render(
        request,
        "members/user_person_form.html",
        {"form": form, "target": target, "current": current},
        status=400 if form.errors else 200,
    )


@require_GET
@organisation_required
def me(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Which person the logged-in user is in the active organisation, and their roles."""
    user = request.user
    return render(
        request,
        "members/me.html",
        {
            "people": selectors.people_of_user(user=user, organisation=organisation),  # type: ignore[arg-type]
            "roles": [r for r in Role.values if r in roles_in(user, organisation.pk)],  # type: ignore[arg-type]
            "can_manage_users": permissions.can_manage_users(user, organisation),  # type: ignore[arg-type]
        },
    )


@require_GET
def unit_members(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(permissions.units_visible_to(request.user), pk=pk)  # type: ignore[arg-type]
    return render(
        request,
        "members/unit_members.html",
        {
            "unit": unit,
            "mandates": selectors.unit_mandates(unit=unit),
            "can_edit": permissions.can_edit_structure(request.user, unit),  # type: ignore[arg-type]
        },
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def membership_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    return _membership_form(request, organisation, None)


@require_http_methods(["GET", "POST"])
def membership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.filter(
            unit__in=permissions.units_visible_to(request.user)  # type: ignore[arg-type]
        ).select_related("unit__organisation"),
        pk=pk,
    )
    return _membership_form(request, membership.unit.organisation, membership)


def _membership_form(
    request: HttpRequest, organisation: Organisation, membership: Membership | None
) -> HttpResponse:
    if not permissions.can_edit_structure(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    initial = {"unit": pk_param(request, "unit"), "person": pk_param(request, "person")}
    form = MembershipForm(
        request.POST or None,
        instance=membership,
        organisation=organisation,
        initial=initial if membership is None else None,
    )
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_membership(
                by=request.user,  # type: ignore[arg-type]
                membership=membership,
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(request, _("The mandate was saved."))
            return redirect("members:unit_members", saved.unit_id)
    return render(
        request,
        "members/membership_form.html",
        {"form": form, "membership": membership},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@organisation_required
def term_create(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if not permissions.can_edit_structure(request.user, organisation):  # type: ignore[arg-type]
        raise PermissionDenied
    form = TermForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = _try(
            form,
            lambda: services.save_term(
                organisation=organisation,
                by=request.user,  # type: ignore[arg-type]
                **form.cleaned_data,
            ),
        )
        if saved is not None:
            messages.success(
                request, _("The term %(term)s was saved.") % {"term": saved}
            )
            return redirect("members:representation")
    return render(
        request,
        "members/term_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _try(form: Any, action: Any) -> Any:
    """Run a service; on ValidationError attach it to the form and return None."""
    try:
        return action()
    except ValidationError as error:
        add_validation_errors(form, error)
        return None
