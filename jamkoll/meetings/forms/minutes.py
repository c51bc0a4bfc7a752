"""Writing and approving the minutes; assignments (uppdrag)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.forms._common import DateInput
from jamkoll.meetings.models import (
    AgendaItem,
    Decision,
)
from jamkoll.members.models import Membership, Person


class ItemMinutesForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["discussion", "decision", "responsible"]


class MinutesForm(forms.Form):
    remarks = forms.CharField(
        label=_("Protocol remarks (protokollsanteckningar)"),
        required=False,
        widget=forms.Textarea,
    )
    approvers = forms.ModelMultipleChoiceField(
        label=_("Approvers (justerare)"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "People with a mandate in the body. Each signs with their own account."
        ),
    )

    def __init__(self, *args: Any, mandates: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [m.person_id for m in mandates]
        self.fields["approvers"].queryset = Person.objects.filter(pk__in=ids)


class CorrectionForm(forms.Form):
    target = forms.ChoiceField(label=_("What is corrected"))
    new_value = forms.CharField(
        label=_("Corrected text"), widget=forms.Textarea, required=False
    )
    reason = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea
    )

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            "discussion": _("discussion"),
            "decision": _("decision"),
            "responsible": _("responsible"),
        }
        choices: list[tuple[str, str]] = [("remarks", str(_("Protocol remarks")))]
        for item in items:
            for name, label in labels.items():
                choices.append(
                    (f"{item.pk}:{name}", f"§ {item.position} {item.title} – {label}")
                )
        self.fields["target"].choices = choices


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "responsible", "due_on"]
        widgets = {"due_on": DateInput(), "text": forms.Textarea}


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["follow_up", "completed_on"]
        widgets = {"completed_on": DateInput()}
