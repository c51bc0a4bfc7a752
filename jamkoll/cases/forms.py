from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.cases.models import Case, NotGivenListRaising
from jamkoll.core.uploads import CheckedUpload, check_upload
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CaseForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "case_number",
            "title",
            "deciding_body",
            "meeting_on",
            "responsible_board",
            "documents",
        ]
        widgets = {"meeting_on": DateInput()}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        units = Unit.objects.of(organisation)
        self.fields["deciding_body"].queryset = units.filter(
            kind__in=[Unit.Kind.COUNCIL, Unit.Kind.EXECUTIVE_BOARD]
        )
        self.fields["responsible_board"].queryset = units.filter(
            kind__in=[Unit.Kind.BOARD, Unit.Kind.EXECUTIVE_BOARD, Unit.Kind.COMPANY]
        )


class PreparationForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "preparation",
            "statement",
            "gender_assessment",
            "not_relevant_reason",
            "noticed_on",
        ]
        widgets = {"preparation": forms.RadioSelect, "noticed_on": DateInput()}
        help_texts = {
            "statement": _("For a prepared case: the body's statement (yttrande)."),
            "gender_assessment": _(
                "For a prepared case: does the decision document show consequences for "
                "women and men, girls and boys?"
            ),
            "not_relevant_reason": _("For a case that is not relevant: why."),
            "noticed_on": _("For a case the body was not given: when it was noticed."),
        }


IMPORT_KINDS = frozenset({"csv", "xlsx"})


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Case list (CSV or Excel)"),
        help_text=_(
            "The first row holds the column names, e.g. Diarienummer, Rubrik, Beslutande "
            "organ, Sammanträdesdatum, Ansvarig nämnd, Handlingar."
        ),
    )

    MAX_BYTES = 5 * 1024 * 1024
    checked: CheckedUpload | None = None

    def clean_file(self) -> Any:
        """Size (counted while reading) and kind by content; a zip bomb posing as
        an Excel file is refused from its declared sizes, unread."""
        upload = self.cleaned_data["file"]
        self.checked = check_upload(
            upload, kinds=IMPORT_KINDS, max_bytes=self.MAX_BYTES
        )
        return upload


class ListRaisingForm(forms.ModelForm):
    """The chair raised the list of cases the body was not given in the council."""

    class Meta:
        model = NotGivenListRaising
        fields = [
            "year",
            "body",
            "raised_on",
            "paragraph_reference",
            "raised_by",
            "note",
        ]
        widgets = {
            "year": forms.HiddenInput,
            "raised_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"raised_on": _("Date of the meeting where the list was raised")}

    def __init__(
        self, *args: Any, organisation: Organisation, year: int, **kwargs: Any
    ) -> None:
        units = Unit.objects.of(organisation).filter(
            kind__in=[Unit.Kind.COUNCIL, Unit.Kind.EXECUTIVE_BOARD]
        )
        kwargs.setdefault(
            "initial",
            {"year": year, "body": units.filter(kind=Unit.Kind.COUNCIL).first()},
        )
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["body"].queryset = units
        self.fields["raised_by"].queryset = Person.objects.filter(
            organisation=organisation
        ).order_by("last_name", "first_name")
        self.fields["paragraph_reference"].required = True

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Give a year between 2000 and 2100."))
        return year
