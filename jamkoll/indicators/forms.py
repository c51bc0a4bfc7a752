"""Forms for imports, local indicators, goals and actions."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jamkoll.indicators import imports
from jamkoll.indicators.models import (
    Action,
    CharterArticle,
    Gender,
    Goal,
    Indicator,
    NationalGoal,
)
from jamkoll.organisations.models import Organisation, Unit

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class KoladaImportForm(forms.Form):
    kpis = forms.CharField(
        label=_("Kolada KPI ids"),
        help_text=_("Separated by commas or spaces, e.g. N07609, N00953."),
        max_length=2000,
    )
    municipalities = forms.CharField(
        label=_("Municipalities"),
        help_text=_(
            "Four-digit codes. 0000 is Sweden as a whole; add the municipalities "
            "you compare with."
        ),
        max_length=2000,
    )
    years = forms.CharField(
        label=_("Years"),
        help_text=_("A range such as 2015-2025, or single years."),
        max_length=200,
    )

    def clean_kpis(self) -> list[str]:
        return imports.parse_ids(self.cleaned_data["kpis"])

    def clean_municipalities(self) -> list[str]:
        return imports.parse_ids(self.cleaned_data["municipalities"])

    def clean_years(self) -> list[int]:
        try:
            return imports.parse_years(self.cleaned_data["years"])
        except ValidationError as error:
            raise ValidationError(error.messages) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                imports.validate_request(
                    data["kpis"], data["municipalities"], data["years"]
                )
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    self.add_error(name, messages)
        return data


class LocalIndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "title",
            "unit",
            "period_kind",
            "is_split_by_sex",
            "description",
        ]


class LocalValueForm(forms.Form):
    period = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200)
    sub_period = forms.IntegerField(
        label=_("Tertial or month"),
        min_value=0,
        max_value=12,
        initial=0,
        help_text=_("0 for the whole year."),
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)
    value = forms.FloatField(
        label=_("Value"),
        required=False,
        help_text=_("Leave empty if the figure is missing."),
    )


class LocalImportForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none()
    )
    file = forms.FileField(
        label=_("File (CSV or Excel)"),
        help_text=_(
            "Columns: period, gender (T, K or M), value; optionally sub_period. "
            "The first row holds the column names."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = Indicator.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )


class ComparisonGroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    codes = forms.CharField(
        label=_("Municipality codes"),
        help_text=_("Four-digit Kolada codes separated by commas, e.g. 1880, 2480."),
        max_length=1000,
    )

    def clean_codes(self) -> list[str]:
        codes = imports.parse_ids(self.cleaned_data["codes"])
        bad = [c for c in codes if not imports.MUNICIPALITY_CODE.match(c)]
        if bad:
            raise ValidationError(imports.BAD_MUNICIPALITY % {"ids": ", ".join(bad)})
        return codes


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea
    )
    national_goals = forms.ModelMultipleChoiceField(
        label=_("National sub-goals"),
        queryset=NationalGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    articles = forms.ModelMultipleChoiceField(
        label=_("CEMR charter articles"),
        queryset=CharterArticle.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    indicators = forms.ModelMultipleChoiceField(
        label=_("Indicators that measure the goal"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, indicators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = indicators  # type: ignore[attr-defined]


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea
    )
    owner = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Unit.objects.none()
    )
    due_on = forms.DateField(label=_("Due date"), widget=DATE_INPUT)
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, initial=0
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals"),
        queryset=Goal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    national_goals = forms.ModelMultipleChoiceField(
        label=_("National sub-goals"),
        queryset=NationalGoal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    articles = forms.ModelMultipleChoiceField(
        label=_("CEMR charter articles"),
        queryset=CharterArticle.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Unit.objects.of(organisation)  # type: ignore[attr-defined]
        self.fields["goals"].queryset = Goal.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    due_on = forms.DateField(label=_("Due date"), widget=DATE_INPUT)
    is_done = forms.BooleanField(label=_("Done"), required=False)


class CharterSignatureForm(forms.Form):
    signed_on = forms.DateField(
        label=_("Signed the CEMR charter on"), widget=DATE_INPUT
    )
