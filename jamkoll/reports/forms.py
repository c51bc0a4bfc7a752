"""Forms of the yearly report page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports.models import DevelopmentArea, YearlyReport

TITLE_REQUIRED = _("Give the development area a title.")
RATIONALE_REQUIRED = _("Explain why the body proposes this development area.")


class ReportTextsForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Separate paragraphs with an empty line."),
    )
    chair_words = forms.CharField(
        label=_("The chair's words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Left out of the report while empty."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DevelopmentAreaForm(forms.ModelForm):
    source_reference = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = DevelopmentArea
        fields = ["title", "rationale", "unit"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "title": {"required": TITLE_REQUIRED},
            "rationale": {"required": RATIONALE_REQUIRED},
        }

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        unit_field.queryset = Unit.objects.of(organisation).exclude(  # type: ignore[attr-defined]
            kind=Unit.Kind.COUNCIL
        )
        unit_field.required = False
        unit_field.empty_label = _("No particular unit")  # type: ignore[attr-defined]
        unit_field.help_text = _("The board, administration or company concerned.")


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=YearlyReport.Status.choices)
    version = forms.IntegerField(required=False)
