"""The year wheel."""

from typing import Any

from django import forms

from jamkoll.meetings.forms._common import TimeInput
from jamkoll.meetings.models import (
    YearWheelRule,
)
from jamkoll.organisations.models import Organisation


class RuleForm(forms.ModelForm):
    class Meta:
        model = YearWheelRule
        fields = [
            "title",
            "category",
            "pattern",
            "months",
            "day",
            "weekday",
            "nth",
            "starts_at",
        ]
        widgets = {"starts_at": TimeInput()}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
