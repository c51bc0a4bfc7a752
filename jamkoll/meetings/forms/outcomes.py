"""The outcome of an agenda item handed to the app its material came from (see
`jamkoll/meetings/handoffs.py`), e.g. the body's preparation of a council case."""

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.handoffs import ItemOutcomeHandler

# The owning app names its own fields in its errors; they land on these.
_FIELD_OF_ERROR = {
    "preparation": "outcome",
    "statement": "text",
    "not_relevant_reason": "text",
    "gender_assessment": "gender_assessment",
}


class ItemOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(required=False, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Statement (yttrande), or why the case is not relevant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gender_assessment = forms.CharField(
        label=_("Gender-perspective assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "For a prepared case: does the decision document show consequences for "
            "women and men, girls and boys?"
        ),
    )

    def __init__(
        self,
        *args: Any,
        handler: ItemOutcomeHandler,
        current: dict[str, str],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", {k: v for k, v in current.items() if k != "note"})
        super().__init__(*args, **kwargs)
        self.label = handler.label
        self.note = current.get("note", "")
        self.current = current
        self.fields["outcome"].label = handler.label
        self.fields["outcome"].choices = [("", _("Not recorded")), *handler.choices]

    def outcome_to_record(self) -> dict[str, str] | None:
        """What to hand over: None when nothing is chosen or nothing changed."""
        data = {
            "outcome": self.cleaned_data["outcome"],
            "text": self.cleaned_data["text"].strip(),
            "gender_assessment": self.cleaned_data["gender_assessment"].strip(),
        }
        if not data["outcome"]:
            return None
        if all(self.current.get(k, "") == v for k, v in data.items()):
            return None
        return data

    def add_handler_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            target = _FIELD_OF_ERROR.get(field)
            for item in errors:
                self.add_error(
                    target if target or field == NON_FIELD_ERRORS else None, item
                )
