"""Planning a meeting, its attendance and its agenda."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.forms._common import CorrectionReasonMixin, DateInput, TimeInput
from jamkoll.meetings.models import (
    AgendaItem,
    Attendance,
    Meeting,
)
from jamkoll.members.models import Membership
from jamkoll.organisations.models import Organisation, Unit


class MeetingForm(CorrectionReasonMixin, forms.ModelForm):
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
        if not self.instance.pk:
            self.fields["standard_items"] = forms.BooleanField(
                label=_(
                    "Add the standard opening items (opening of the meeting, election "
                    "of approvers, approval of the agenda)"
                ),
                required=False,
                initial=True,
            )


class AgendaItemForm(CorrectionReasonMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "presenter", "documents", "planned_minutes"]
        help_texts = {
            "documents": _(
                "One document per line: its title, a dash and its address, e.g. "
                "“Översiktsplan – https://kommun.se/op.pdf”, or a case number "
                "(diarienummer). Pages and documents show the title as a link, never "
                "the address."
            )
        }


class AttendanceForm(CorrectionReasonMixin, forms.Form):
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
