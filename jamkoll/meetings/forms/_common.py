"""Widgets shared by the meetings forms."""

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class CorrectionReasonMixin:
    """Adds a required "reason for the correction" once the minutes are sent for
    approval: the service then records the change as a correction."""

    def add_reason(self, *, locked: bool) -> None:
        from django.utils.translation import gettext_lazy as _

        self.correcting = locked
        if locked:
            self.fields["reason"] = forms.CharField(  # type: ignore[attr-defined]
                label=_("Reason for the correction"),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=1000,
                help_text=_(
                    "The minutes have been sent for approval. The change is recorded as "
                    "a correction (who, when, why, before and after); signatures already "
                    "given are voided and the approvers are asked to approve again."
                ),
            )
