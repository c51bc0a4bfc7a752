from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import Role, User
from jamkoll.core.forms import FiniteDecimalField
from jamkoll.organisations.boards import boards_of
from jamkoll.organisations.models import Organisation, Unit


class UnitForm(forms.ModelForm):
    remit = forms.CharField(
        label=_("Remit (one task per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only for the gender-equality body."),
    )

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "kind",
            "parent",
            "body_form",
            "budget",
            "yearly_meeting_target",
            "is_active",
        ]
        field_classes = {"budget": FiniteDecimalField}  # "1 234 000", never inf

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        parents = Unit.objects.of(organisation).political_bodies()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["remit"].initial = "\n".join(
                t.text for t in self.instance.remit_tasks.all()
            )
        self.fields["parent"].queryset = parents
        self.fields["parent"].help_text = _(
            "Boards and the executive board report to the council; an administration "
            "sits under its board."
        )

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def remit_lines(self) -> list[str]:
        return self.cleaned_data.get("remit", "").splitlines()


class RolesForm(forms.Form):
    """The roles a user holds in one organisation."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A user without roles can no longer see the organisation."),
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Units the manager answers for"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Only for the manager role. Administrations under a chosen board are included."
        ),
    )
    boards = forms.ModelMultipleChoiceField(
        label=_("Boards the board politician acts for"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Only for the board-politician role, besides the boards of the person's "
            "current mandates, which count without being chosen here."
        ),
        error_messages={
            "invalid_choice": _(
                "Choose boards or company boards of this organisation only."
            )
        },
    )

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = Unit.objects.of(organisation).addressable()
        self.fields["boards"].queryset = boards_of(organisation)


class NewUserForm(RolesForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    password = forms.CharField(
        label=_("Temporary password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. Give it to the person in a safe way."),
    )

    field_order = [
        "username",
        "first_name",
        "last_name",
        "email",
        "password",
        "roles",
        "units",
        "boards",
    ]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("The username is taken. Choose another."))
        return username

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password
