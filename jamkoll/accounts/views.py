from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_GET

from jamkoll.accounts.forms import LoginForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@require_GET
def no_organisation(request: HttpRequest) -> HttpResponse:
    """Shown to a logged-in user who holds no role in any organisation."""
    return render(request, "accounts/no_organisation.html", status=403)
