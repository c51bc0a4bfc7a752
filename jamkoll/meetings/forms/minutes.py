"""Writing and approving the minutes; assignments (uppdrag)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.forms._common import CorrectionReasonMixin, DateInput
from jamkoll.meetings.models import (
    OWNER_REQUIRED,
    AgendaItem,
    Decision,
    Minutes,
    MinutesSettings,
)
from jamkoll.members.models import Membership, Person

OWNER_NOT_CHOSEN = _(
    "Choose one of the body's members or a person of the organisation."
)


class ItemMinutesForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["discussion", "decision", "responsible"]
        widgets = {
            "discussion": forms.Textarea(attrs={"rows": 3}),
            "decision": forms.Textarea(attrs={"rows": 2}),
        }


class MinutesForm(CorrectionReasonMixin, forms.Form):
    """The minutes' own fields: chair, secretary, approvers and remarks (plus the
    reason, once they are sent for approval)."""

    chair = forms.ModelChoiceField(
        label=_("Chair of the meeting (ordförande)"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Signs the minutes with the secretary and the approvers."),
    )
    secretary = forms.CharField(
        label=_("Secretary (sekreterare)"), max_length=160, required=False
    )
    approvers = forms.ModelMultipleChoiceField(
        label=_("Approvers (justerare)"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Chosen among those who attended. Each approves with their own account, so "
            "the person must be linked to a user account."
        ),
    )
    remarks = forms.CharField(
        label=_("Protocol remarks (protokollsanteckningar)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        mandates: list[Membership],
        present: set[int],
        locked: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        people = {m.person_id: m.person for m in mandates}
        queryset = Person.objects.filter(pk__in=people).select_related("user")
        self.fields["chair"].queryset = queryset
        self.fields["approvers"].queryset = queryset
        self.fields["approvers"].label_from_instance = lambda person: _approver_label(
            person, person.pk in present
        )
        self.fields["approvers"].disabled = locked
        self.add_reason(locked=locked)


def _approver_label(person: Person, present: bool) -> str:
    notes = [str(_("present") if present else _("not recorded as present"))]
    if person.user_id is None:
        notes.append(str(_("no user account")))
    return f"{person} ({', '.join(notes)})"


class ItemCorrectionForm(CorrectionReasonMixin, forms.Form):
    """Only the reason, for the whole minutes form in correction mode."""


class ApproveForm(forms.Form):
    """The approver confirms having read what they sign; `round` and `version` say
    which text they read."""

    round = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I have read the minutes and approve them"),
        error_messages={"required": _("Confirm that you have read the minutes.")},
    )


class PostingForm(forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["posted_on", "taken_down_on"]
        widgets = {"posted_on": DateInput(), "taken_down_on": DateInput()}
        labels = {
            "posted_on": _("The approval was announced on the notice board on"),
            "taken_down_on": _("The notice is taken down on"),
        }


class MinutesSettingsForm(forms.ModelForm):
    class Meta:
        model = MinutesSettings
        fields = ["posts_minutes", "reminder_after_days"]


class DecisionForm(CorrectionReasonMixin, forms.ModelForm):
    """An assignment (uppdrag) for one of the body's own people. The owner is chosen
    among the body's members (listed first) and the other people of the
    organisation."""

    class Meta:
        model = Decision
        fields = ["text", "owner", "due_on"]
        widgets = {"due_on": DateInput(), "text": forms.Textarea}
        labels = {"owner": _("Owner (a person)")}
        help_texts = {
            "owner": _(
                "The person who carries out the assignment and reports back. Work for a "
                "board, administration or company is given as a demand instead."
            )
        }

    def __init__(self, *args: Any, item: AgendaItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meeting = item.meeting
        # The model's checks (the owner's organisation) run on the form's instance.
        self.instance.organisation_id = meeting.organisation_id
        self.instance.agenda_item = item
        member_ids = set(
            Membership.objects.filter(
                unit_id=meeting.body_id, starts_on__lte=meeting.held_on
            )
            .exclude(ends_on__lt=meeting.held_on)
            .values_list("person_id", flat=True)
        )
        people = list(Person.objects.filter(organisation_id=meeting.organisation_id))
        people.sort(key=lambda p: (p.pk not in member_ids, p.last_name, p.first_name))
        field = self.fields["owner"]
        field.required = True
        field.queryset = Person.objects.filter(organisation_id=meeting.organisation_id)
        field.error_messages["required"] = OWNER_REQUIRED
        field.error_messages["invalid_choice"] = OWNER_NOT_CHOSEN
        members_label = str(_("Members of %(body)s") % {"body": meeting.body})
        others_label = str(_("Other people of the organisation"))
        members = [(p.pk, str(p)) for p in people if p.pk in member_ids]
        others = [(p.pk, str(p)) for p in people if p.pk not in member_ids]
        choices: list[Any] = [("", "---------")]
        if members:
            choices.append((members_label, members))
        if others:
            choices.append((others_label, others))
        field.choices = choices


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["follow_up", "completed_on"]
        widgets = {"completed_on": DateInput()}
