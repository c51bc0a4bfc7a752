from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

INVALID_LOGIN = _(
    "The username or password is wrong. Check both and try again; "
    "passwords are case sensitive."
)
INACTIVE_ACCOUNT = _(
    "This account is not active. Contact your organisation's administrator."
)


class LoginForm(AuthenticationForm):
    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INACTIVE_ACCOUNT}

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password"}
        )
