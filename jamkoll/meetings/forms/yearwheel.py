"""The year wheel: recurring events, one occurrence, and the category filter."""

from typing import Any

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.forms._common import DateInput, TimeInput
from jamkoll.meetings.models import RuleOccurrence, YearWheelRule
from jamkoll.meetings.yearwheel import category_choices
from jamkoll.organisations.models import Organisation


class RuleForm(forms.ModelForm):
    """The rule with its months as named checkboxes; stored as "3,9"."""

    months = forms.TypedMultipleChoiceField(
        label=_("Months"),
        choices=[(number, name) for number, name in MONTHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No month chosen means every month."),
    )

    class Meta:
        model = YearWheelRule
        fields = [
            "title",
            "category",
            "pattern",
            "months",
            "day",
            "nth",
            "weekday",
            "starts_at",
            "duration_minutes",
            "place",
        ]
        widgets = {"starts_at": TimeInput()}
        help_texts = {
            "day": _("For a fixed date, e.g. 30 for the 30th."),
            "nth": _("For a weekday in the month, e.g. the second (Tuesday)."),
            "starts_at": _("Empty for an all-day event."),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        if self.instance.pk and self.instance.months.strip():
            try:
                self.initial["months"] = self.instance.month_numbers()
            except ValueError:
                self.initial["months"] = []

    def clean_months(self) -> str:
        return ",".join(str(n) for n in sorted(set(self.cleaned_data["months"])))


class OccurrenceForm(forms.ModelForm):
    """Move one occurrence to another date or time, or cancel it."""

    class Meta:
        model = RuleOccurrence
        fields = ["moved_to", "starts_at", "cancelled"]
        labels = {
            "moved_to": _("New date"),
            "starts_at": _("New time"),
            "cancelled": _("Cancelled (not held this time)"),
        }
        help_texts = {
            "moved_to": _("Empty: the planned date."),
            "starts_at": _("Empty: the time of the recurring event."),
        }
        widgets = {"moved_to": DateInput(), "starts_at": TimeInput()}


class YearWheelFilterForm(forms.Form):
    """The year wheel's GET filter; field names are the URL's parameters."""

    kategori = forms.ChoiceField(label=_("Category"), required=False, choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kategori"].choices = [
            ("", _("All categories")),
            *category_choices(),
        ]

    def category(self) -> str:
        """The chosen category, or "" for all (also when the parameter is unknown)."""
        if self.is_valid():
            return str(self.cleaned_data["kategori"])
        return ""
