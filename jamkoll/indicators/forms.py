"""Forms for imports, local indicators, goals and actions."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jamkoll.core.uploads import CheckedUpload, check_upload
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


class FigureField(forms.CharField):
    """A figure typed the Swedish way ("12,5", "1 234"); empty is ``None``.

    Text that is not a number, and numbers that are not finite ("NaN", "inf",
    "1e999"), are refused with a Swedish message (:func:`imports.parse_number`).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "size": 8})
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> float | None:  # type: ignore[override]
        return imports.parse_number(str(super().to_python(value)))

    def prepare_value(self, value: Any) -> Any:
        # A stored figure in full, with a decimal comma: 12.5 → "12,5".
        if isinstance(value, float):
            return f"{value:.15g}".replace(".", ",")
        return value


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
    value = FigureField(
        label=_("Value"), help_text=_("Leave empty if the figure is missing.")
    )


GRID_GENDERS = (
    (Gender.WOMEN, _("Women")),
    (Gender.MEN, _("Men")),
    (Gender.TOTAL, _("Total")),
)


class ValueGridForm(forms.Form):
    """A local indicator's figures as one table: a row per year, a column per sex.

    Fields are named ``v-<year>-<gender>`` (``v-2025-K``); an empty cell means no
    figure. ``cells()`` gives the rows for the template and ``figures()`` the
    cleaned values keyed by (year, gender).
    """

    def __init__(
        self,
        *args: Any,
        years: list[int],
        genders: list[tuple[str, Any]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.years = years
        self.genders = genders
        for year in years:
            for gender, label in genders:
                self.fields[self.name_for(year, gender)] = FigureField(
                    label=_("%(sex)s %(year)s") % {"sex": label, "year": year}
                )

    @staticmethod
    def name_for(year: int, gender: str) -> str:
        return f"v-{year}-{gender}"

    def rows(self) -> list[tuple[int, list[forms.BoundField]]]:
        return [
            (year, [self[self.name_for(year, g)] for g, _label in self.genders])
            for year in self.years
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = (
                    f"{self[name].auto_id}_error"
                )
        return data

    def figures(self) -> dict[tuple[int, str], float | None]:
        return {
            (year, gender): self.cleaned_data.get(self.name_for(year, gender))
            for year in self.years
            for gender, _label in self.genders
        }


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

    MAX_BYTES = 5 * 1024 * 1024
    checked: CheckedUpload | None = None

    def clean_file(self) -> Any:
        """Size (counted while reading) and kind by content: CSV or Excel (.xlsx)."""
        upload = self.cleaned_data["file"]
        self.checked = check_upload(
            upload, kinds={"csv", "xlsx"}, max_bytes=self.MAX_BYTES
        )
        return upload


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
