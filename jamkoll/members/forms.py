from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.members import selectors
from jamkoll.members.models import Membership, Party, Person, Term
from jamkoll.organisations.models import Organisation, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(format="%Y-%m-%d", **kwargs)


class UserChoiceField(forms.ModelChoiceField):
    """A login account shown as "Full Name (username)"."""

    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class PersonForm(forms.ModelForm):
    user = UserChoiceField(
        queryset=User.objects.none(),
        required=False,
        label=_("User account"),
        empty_label=_("No account"),
        help_text=_(
            "The account the person logs in with, e.g. to approve minutes. Only "
            "accounts with a role in the organisation that are not linked to another "
            "person can be chosen."
        ),
    )

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "sex", "party", "email", "user"]
        help_texts = {
            "sex": _("Used only for statistics on representation of women and men."),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["party"].queryset = Party.objects.filter(organisation=organisation)
        self.fields["user"].queryset = selectors.linkable_users(
            organisation=organisation,
            person=self.instance if self.instance.pk else None,
        )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:  # type: ignore[override]
        return f"{obj} ({obj.party})" if obj.party_id else str(obj)


class UserPersonForm(forms.Form):
    """Choose which person of the organisation a login account is (or none)."""

    person = PersonChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label=_("Person"),
        empty_label=_("No person"),
        help_text=_(
            "People already linked to another account are not listed. Remove that "
            "link first, on the person's page or from the other account."
        ),
    )

    def __init__(
        self, *args: Any, organisation: Organisation, user: User, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.linkable_people(
            organisation=organisation, user=user
        )


class TermForm(forms.ModelForm):
    class Meta:
        model = Term
        fields = ["starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "unit", "term", "role", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            organisation=organisation
        )
        self.fields["unit"].queryset = Unit.objects.of(organisation).political_bodies()
        self.fields["term"].queryset = Term.objects.filter(organisation=organisation)
