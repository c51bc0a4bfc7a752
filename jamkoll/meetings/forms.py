from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.models import (
    AgendaItem,
    Attendance,
    Commitment,
    Decision,
    DevelopmentNeed,
    DialogueQuestion,
    Meeting,
    YearWheelRule,
)
from jamkoll.members.models import Membership, Person
from jamkoll.organisations.models import Organisation, Unit


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "body",
            "kind",
            "title",
            "held_on",
            "starts_at",
            "ends_at",
            "place",
            "link",
            "counterpart",
            "participants",
        ]
        widgets = {
            "held_on": DateInput(),
            "starts_at": TimeInput(),
            "ends_at": TimeInput(),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        self.fields["body"].queryset = Unit.objects.of(organisation).equality_bodies()
        self.fields["counterpart"].queryset = Unit.objects.of(
            organisation
        ).addressable()
        if self.fields["body"].queryset.count() == 1 and not self.instance.pk:
            self.initial.setdefault("body", self.fields["body"].queryset.first())


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "presenter", "documents", "planned_minutes"]


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


class AttendanceForm(forms.Form):
    """One choice per mandate in the body, plus officials as free text."""

    CHOICES = [
        ("", _("Absent")),
        (Attendance.Capacity.MEMBER, _("Present as member")),
        (Attendance.Capacity.SUBSTITUTE_SERVING, _("Present, serving as substitute")),
        (Attendance.Capacity.SUBSTITUTE, _("Present, not serving")),
    ]

    officials = forms.CharField(
        label=_("Officials present"),
        required=False,
        widget=forms.Textarea,
        help_text=_("One name and title per line."),
    )

    def __init__(
        self,
        *args: Any,
        mandates: list[Membership],
        current: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.mandate_fields = []
        for mandate in mandates:
            name = f"person_{mandate.person_id}"
            if name in self.fields:
                continue
            self.fields[name] = forms.ChoiceField(
                label=f"{mandate.person} ({mandate.get_role_display()})",
                choices=self.CHOICES,
                required=False,
                initial=current.get(mandate.person_id, ""),
            )
            self.mandate_fields.append(name)
        self.order_fields([*self.mandate_fields, "officials"])

    def capacities(self) -> dict[int, str]:
        return {
            int(name.removeprefix("person_")): self.cleaned_data[name]
            for name in self.mandate_fields
            if self.cleaned_data.get(name)
        }

    def official_names(self) -> list[str]:
        return [
            line for line in self.cleaned_data["officials"].splitlines() if line.strip()
        ]


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
