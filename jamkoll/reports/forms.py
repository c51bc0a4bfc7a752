"""Forms of the yearly report page."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jamkoll.core import formatting
from jamkoll.meetings.models import AgendaItem
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports.models import (
    DECIDING_BODY_KINDS,
    AreaDecision,
    DevelopmentArea,
    YearlyReport,
)

TITLE_REQUIRED = _("Give the development area a title.")
RATIONALE_REQUIRED = _("Explain why this development area is proposed.")


class ReportTextsForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Separate paragraphs with an empty line."),
    )
    chair_words = forms.CharField(
        label=_("The chair's words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Left out of the report while empty."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DevelopmentAreaForm(forms.ModelForm):
    source_reference = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = DevelopmentArea
        fields = ["title", "rationale", "unit"]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "title": {"required": TITLE_REQUIRED},
            "rationale": {"required": RATIONALE_REQUIRED},
        }

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        unit_field.queryset = Unit.objects.of(organisation).exclude(  # type: ignore[attr-defined]
            kind=Unit.Kind.COUNCIL
        )
        unit_field.required = False
        unit_field.empty_label = _("No particular unit")  # type: ignore[attr-defined]
        unit_field.help_text = _("The board, administration or company concerned.")


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=YearlyReport.Status.choices)
    version = forms.IntegerField(required=False)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AreaDecisionForm(forms.Form):
    """What KS or KF decided on one development area; for an approval, who follows
    it up and by when."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=AreaDecision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the decision.")},
    )
    decided_by = forms.ModelChoiceField(
        label=_("Deciding body"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": _("Choose the executive board or the council."),
        },
    )
    decided_on = forms.DateField(
        label=_("Decision date"),
        widget=_date_input(),
        error_messages={"required": _("Give the date of the decision.")},
    )
    paragraph = forms.CharField(
        label=_("Paragraph"),
        max_length=40,
        help_text=_("The paragraph in the minutes, e.g. “KS § 123”."),
        error_messages={"required": _("Give the paragraph, e.g. “KS § 123”.")},
    )
    follow_up_unit = forms.ModelChoiceField(
        label=_("Unit responsible for the follow-up"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Required when the area is approved, wholly or partly."),
    )
    responsible = forms.ModelChoiceField(
        label=_("Person responsible"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Optional: the person who reports on the follow-up."),
    )
    due_on = forms.DateField(
        label=_("Follow up by"),
        widget=_date_input(),
        required=False,
        help_text=_("Required when the area is approved, wholly or partly."),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        units = Unit.objects.of(organisation).filter(is_active=True)
        self.fields["decided_by"].queryset = units.filter(  # type: ignore[attr-defined]
            kind__in=DECIDING_BODY_KINDS
        )
        self.fields["follow_up_unit"].queryset = units.exclude(  # type: ignore[attr-defined]
            kind=Unit.Kind.COUNCIL
        )
        self.fields["follow_up_unit"].empty_label = _("Choose a unit")  # type: ignore[attr-defined]
        self.fields["responsible"].queryset = Person.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
        self.fields["responsible"].empty_label = _("No person named")  # type: ignore[attr-defined]


class FollowUpDoneForm(forms.Form):
    done_on = forms.DateField(
        label=_("Done on"),
        widget=_date_input(),
        error_messages={"required": _("Give the date the follow-up was done.")},
    )
    report_text = forms.CharField(
        label=_("Report"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few sentences on what was done, for next year's report."),
        error_messages={"required": _("Write a short report of what was done.")},
    )


class AgendaItemChoiceField(forms.ModelChoiceField):
    """A paragraph of the body's minutes, named by number, title and meeting date."""

    def label_from_instance(self, obj: AgendaItem) -> str:  # type: ignore[override]
        return str(
            _("§ %(paragraph)s %(title)s (meeting %(date)s)")
            % {
                "paragraph": obj.number,
                "title": obj.title,
                "date": formatting.date(obj.meeting.held_on),
            }
        )


class AdoptionForm(forms.Form):
    """Where the body adopted the report: a paragraph of its minutes, and the case
    number (diarienummer)."""

    agenda_item = AgendaItemChoiceField(
        label=_("Paragraph in the body's minutes"),
        queryset=AgendaItem.objects.none(),
        empty_label=_("Choose the paragraph"),
        help_text=_(
            "The agenda item at which the body adopted the report. The date of the "
            "meeting becomes the date of adoption."
        ),
        error_messages={
            "required": _("Choose the paragraph at which the body adopted the report."),
            "invalid_choice": _(
                "Choose one of the paragraphs listed; the one given is not a "
                "paragraph of the body's meetings."
            ),
        },
    )
    case_number = forms.CharField(
        label=_("Case number (diarienummer)"),
        max_length=40,
        required=False,
        help_text=_("As registered, e.g. “KS 2026/123”. Leave empty if there is none."),
    )

    def __init__(self, *args, items: QuerySet[AgendaItem], **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = items  # type: ignore[attr-defined]


class WordTemplateForm(forms.Form):
    word_template = forms.FileField(
        label=_("Word template (.dotx or .docx)"),
        help_text=_(
            "At most 5 MB. The report's Word file takes its styles, page set-up, "
            "header and footer from the template."
        ),
        error_messages={"required": _("Choose a Word template to upload.")},
        widget=forms.FileInput(
            attrs={
                "accept": ".dotx,.docx,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.template,application/vnd.openxmlformats-"
                "officedocument.wordprocessingml.document"
            }
        ),
    )
