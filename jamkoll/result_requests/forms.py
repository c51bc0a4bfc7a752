"""Forms for raising, answering and assessing demands; saving is done by services."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import BOARD_KINDS
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests import permissions
from jamkoll.result_requests.attachments import ACCEPTED_FORMATS_TEXT
from jamkoll.result_requests.models import Evidence, Occasion, Outcome, Status


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return obj.name


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:  # type: ignore[override]
        return obj.name


def _addressable(organisation: Organisation):  # type: ignore[no-untyped-def]
    return (
        Unit.objects.of(organisation)
        .addressable()
        .filter(is_active=True)
        .order_by("kind", "name")
    )


# Who may be the asker ("Ställd av"): the overall level and the board level.
ASKER_KINDS = frozenset(
    {
        Unit.Kind.EQUALITY_BODY,
        Unit.Kind.EXECUTIVE_BOARD,
        Unit.Kind.COUNCIL,
        *BOARD_KINDS,
    }
)


class ResultRequestForm(forms.Form):
    """A new demand; several addressees give one demand each, in one group."""

    addressees = UnitMultipleChoiceField(
        label=pgettext_lazy("demand", "Addressed to"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _(
                "Choose at least one board, administration or company to ask."
            )
        },
        help_text=_("Choose one or more. Each gets its own demand to answer."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    question = forms.CharField(
        label=_("Question"),
        widget=forms.Textarea,
        help_text=_("What do you want to know, and why?"),
    )
    evidence_required = forms.MultipleChoiceField(
        label=_("Evidence required"),
        choices=Evidence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    occasion = forms.ChoiceField(label=_("Occasion"), choices=Occasion.choices)
    occasion_on = forms.DateField(
        label=_("Date of the occasion"), required=False, widget=DateInput()
    )
    due_on = forms.DateField(
        label=pgettext_lazy("demand", "Due date"), widget=DateInput()
    )
    raised_for = UnitChoiceField(
        label=_("On behalf of"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("The body that asks, e.g. the gender-equality body."),
    )
    case_number = forms.CharField(label=_("Case number"), max_length=40, required=False)
    is_public = forms.BooleanField(
        label=_("Public (may be shown to anyone who asks for it)"),
        required=False,
        initial=True,
    )

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        user: User | None = None,
        with_addressees: bool = True,
        keep_asker: Unit | None = None,
        **kwargs: Any,
    ) -> None:
        """`user` limits the choices to what they may ask and on whose behalf
        (`permissions.askers_for`, `permissions.addressees_for`); a board politician
        is offered only their boards and the units under them. `keep_asker` stays
        offered (a follow-up question keeps its demand's asker)."""
        super().__init__(*args, **kwargs)
        addressees = _addressable(organisation)
        askers: QuerySet[Unit] = Unit.objects.of(organisation).filter(
            kind__in=[
                Unit.Kind.EQUALITY_BODY,
                Unit.Kind.EXECUTIVE_BOARD,
                Unit.Kind.COUNCIL,
            ]
        )
        if user is not None:
            addressees = permissions.addressees_for(user, organisation).order_by(
                "kind", "name"
            )
            askers = permissions.askers_for(user, organisation).order_by("kind", "name")
            if not permissions.is_body(user, organisation):
                self.fields["raised_for"].required = True
                self.fields["raised_for"].help_text = _(
                    "The board that asks. A board asks its own administrations and "
                    "companies."
                )
        if keep_asker is not None:
            askers = askers | Unit.objects.filter(pk=keep_asker.pk)
        if with_addressees:
            self.fields["addressees"].queryset = addressees  # type: ignore[attr-defined]
        else:
            del self.fields["addressees"]
        self.fields["raised_for"].queryset = askers  # type: ignore[attr-defined]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea, required=False)
    evidence_given = forms.MultipleChoiceField(
        label=_("The answer gives"),
        choices=Evidence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Accepted: %(formats)s.") % {"formats": ACCEPTED_FORMATS_TEXT},
    )


class AssessmentForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Assessment"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What was good, what is missing?"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DueDateChangeForm(forms.Form):
    requested_due_on = forms.DateField(label=_("New due date"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *list(Status.choices)],
    )
    unit = UnitChoiceField(
        label=pgettext_lazy("demand", "Addressed to"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    raised_for = UnitChoiceField(
        label=pgettext_lazy("demand", "Raised by"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    occasion = forms.ChoiceField(
        label=_("Occasion"),
        required=False,
        choices=[("", _("All")), *list(Occasion.choices)],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _addressable(organisation)  # type: ignore[attr-defined]
        self.fields["raised_for"].queryset = (  # type: ignore[attr-defined]
            Unit.objects.of(organisation)
            .filter(kind__in=[*ASKER_KINDS])
            .order_by("kind", "name")
        )
