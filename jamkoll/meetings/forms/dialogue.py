"""Dialogue meetings."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.core import formatting
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
        # The model's clean() compares the unit's organisation with the need's.
        self.instance.organisation = organisation
        self.fields["unit"].queryset = Unit.objects.of(organisation).addressable()


class AnswersForm(forms.Form):
    """One answer per question of a dialogue meeting, labelled with the question.

    A hidden `seen_<pk>` keeps the version of the answer the writer saw, so an
    answer given meanwhile by someone else is not overwritten unnoticed.
    """

    def __init__(
        self,
        *args: Any,
        questions: list[DialogueQuestion],
        stamps: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            help_text = ""
            if question.answered_at and question.answered_by:
                help_text = _("Answered by %(name)s, %(when)s.") % {
                    "name": question.answered_by,
                    "when": formatting.datetime(question.answered_at),
                }
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                label=_("Question %(number)s: %(question)s")
                % {"number": number, "question": question.text},
                required=False,
                initial=question.answer,
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": 5}),
            )
            self.fields[f"seen_{question.pk}"] = forms.CharField(
                required=False,
                initial=stamps.get(question.pk, ""),
                widget=forms.HiddenInput,
            )

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"answer_{q.pk}"] for q in self.questions}

    def seen(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"seen_{q.pk}"] for q in self.questions}
