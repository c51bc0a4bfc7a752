from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.members.models import Membership, Party, Person, Term
from jamkoll.organisations.models import Organisation, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "sex", "party", "email"]
        help_texts = {
            "sex": _("Used only for statistics on representation of women and men."),
        }

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["party"].queryset = Party.objects.filter(organisation=organisation)


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
