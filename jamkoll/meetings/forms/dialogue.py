"""Dialogue meetings."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.forms._common import DateInput
from jamkoll.meetings.models import (
    Commitment,
    DevelopmentNeed,
    DialogueQuestion,
)
from jamkoll.organisations.models import Organisation, Unit


class QuestionForm(forms.ModelForm):
    class Meta:
        model = DialogueQuestion
        fields = ["text", "source_url"]
        labels = {"source_url": _("Link to a demand or document (optional)")}


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["text", "owner", "due_on"]
        widgets = {"due_on": DateInput()}


class DevelopmentNeedForm(forms.ModelForm):
    class Meta:
        model = DevelopmentNeed
        fields = ["text", "unit"]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.of(organisation).addressable()
