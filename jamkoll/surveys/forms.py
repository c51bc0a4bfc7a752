"""Forms for survey rounds and for answering through a personal link."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.surveys.models import (
    QuestionKind,
    QuestionVersion,
    RespondentSex,
    RoleLevel,
    Survey,
    Topic,
)
from jamkoll.surveys.services import FREE_TEXT_MAX

SCALE_LABELS = {
    1: _("1 – Do not agree at all"),
    2: _("2"),
    3: _("3"),
    4: _("4"),
    5: _("5 – Agree completely"),
}
FREE_TEXT_HELP = _(
    "Optional. Do not write names or anything else that could identify you or someone "
    "else: free text is read by the body's strategist."
)


class SurveyForm(forms.ModelForm):
    """The round's title, year, period, smallest group shown and chosen questions."""

    versions = forms.ModelMultipleChoiceField(
        label=_("Questions"),
        queryset=QuestionVersion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The same question version can be compared with earlier rounds."),
    )

    class Meta:
        model = Survey
        fields = [
            "title",
            "year",
            "introduction",
            "opens_on",
            "closes_on",
            "min_group_size",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "introduction": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self, *args: Any, versions: Any, initial_versions: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["versions"]
        field.queryset = versions  # type: ignore[attr-defined]
        field.label_from_instance = lambda v: v.text  # type: ignore[attr-defined]
        if initial_versions is not None:
            field.initial = [v.pk for v in initial_versions]


class AnswerStartForm(forms.Form):
    """The personal code from the invitation mail (the part of the link after #)."""

    code = forms.CharField(
        label=_("Personal code"),
        max_length=100,
        help_text=_(
            "The code is in the e-mail with your personal link. Opening the link fills "
            "it in for you."
        ),
        error_messages={"required": _("Enter the personal code from the e-mail.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


class AnswerForm(forms.Form):
    """One field per question, plus the two optional background questions.

    Every question is optional: a respondent may skip any of them, but not all.
    """

    def __init__(
        self, *args: Any, versions: list[QuestionVersion], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.versions = versions
        for number, version in enumerate(versions, start=1):
            label = _("%(number)d. %(text)s") % {"number": number, "text": version.text}
            name = self.field_name(version)
            if version.kind == QuestionKind.SINGLE:
                self.fields[name] = forms.TypedChoiceField(
                    label=label,
                    choices=list(enumerate(version.options)),
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                )
            elif version.kind == QuestionKind.MULTIPLE:
                self.fields[name] = forms.TypedMultipleChoiceField(
                    label=label,
                    choices=list(enumerate(version.options)),
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    help_text=_("Choose all that apply."),
                )
            elif version.kind == QuestionKind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=label,
                    choices=list(SCALE_LABELS.items()),
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=FREE_TEXT_MAX,
                    required=False,
                    help_text=FREE_TEXT_HELP,
                )
        self.fields["sex"] = forms.ChoiceField(
            label=_("Background: I am"),
            choices=RespondentSex.choices,
            initial=RespondentSex.NOT_STATED,
            widget=forms.RadioSelect,
            required=False,
            help_text=_(
                "Optional. Used only for results by sex, where groups are large enough."
            ),
        )
        self.fields["role_level"] = forms.ChoiceField(
            label=_("Background: my highest assignment"),
            choices=RoleLevel.choices,
            initial=RoleLevel.NOT_STATED,
            widget=forms.RadioSelect,
            required=False,
            help_text=_(
                "Optional. Used only for results by role level, where groups are large enough."
            ),
        )

    @staticmethod
    def field_name(version: QuestionVersion) -> str:
        return f"q{version.pk}"

    def answers(self) -> dict[int, object]:
        """The cleaned answers keyed by question version pk."""
        return {v.pk: self.cleaned_data.get(self.field_name(v)) for v in self.versions}


class QuestionVersionForm(forms.Form):
    """A question's wording, type and options (one per line)."""

    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    text = forms.CharField(
        label=_("Question text"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kind = forms.ChoiceField(label=_("Type"), choices=QuestionKind.choices)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One option per line; only for single and multiple choice."),
    )
    is_default = forms.BooleanField(
        label=_("In the default set for new rounds"), required=False
    )

    def __init__(self, *args: Any, new_question: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not new_question:
            del self.fields["topic"]

    def clean_options(self) -> list[str]:
        raw = self.cleaned_data.get("options") or ""
        return [line.strip() for line in raw.splitlines() if line.strip()]
