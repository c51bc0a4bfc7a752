from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reviews.models import (
    UNIT_OF_OTHER_BOARD,
    Answer,
    AnswerType,
    ChecklistVersion,
    Detector,
    Review,
    choices_for,
)
from jamkoll.reviews.uploads import check_document

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

NEED_FILE_OR_REFERENCE = _(
    "Upload the document or give a reference to where it can be found."
)


class ReviewForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Document file"),
        required=False,
        allow_empty_file=True,
        help_text=_(
            "PDF, Word (DOCX), OpenDocument (ODT) or plain text. The text is read "
            "automatically after the upload."
        ),
    )

    class Meta:
        model = Review
        fields = [
            "title",
            "document_type",
            "unit",
            "year",
            "case_number",
            "document_reference",
        ]

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        versions: QuerySet[ChecklistVersion] | None = None,
        units: QuerySet[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        if units is None:
            units = Unit.objects.of(organisation)
        else:
            # A board politician: only their own boards' domain is offered.
            self.fields["unit"].error_messages["invalid_choice"] = UNIT_OF_OTHER_BOARD
        self.fields["unit"].queryset = units.order_by("kind", "name")
        if not self.instance.pk:
            self.fields["year"].initial = timezone.localdate().year
        if versions is not None:
            self.fields["checklist_version"] = forms.ModelChoiceField(
                label=_("Checklist"),
                queryset=versions,
                help_text=_("New reviews use the newest version of the checklist."),
            )
            self.order_fields(["title", "document_type", "checklist_version"])

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload:
            check_document(upload)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        is_document = data.get("document_type") != "self_assessment"
        has_document = data.get("upload") or data.get("document_reference")
        if is_document and not has_document and not self.instance.document:
            self.add_error("upload", NEED_FILE_OR_REFERENCE)
        return data


class ReviewFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.none(), required=False
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=2000, max_value=2100
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *list(Review.Status.choices)],
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.of(organisation).order_by("name")


class AnswerForm(forms.Form):
    """One criterion's answer; prefilled with the reader's suggestion and evidence."""

    value = forms.ChoiceField(
        label=_("Answer"), required=False, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    evidence = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, answer: Answer, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "value": answer.value or answer.suggested,
                "comment": answer.comment,
                "evidence": answer.evidence or answer.suggested_evidence,
            },
        )
        super().__init__(*args, prefix=f"a{answer.pk}", **kwargs)
        self.answer = answer
        self.fields["value"].choices = choices_for(answer.criterion.version.answer_type)
        self.fields["value"].label = f"{answer.criterion.code} {answer.criterion.text}"


class ConcludeForm(forms.ModelForm):
    """Findings and status; for a decision document also the board's outcome and the
    meeting (date and paragraph) where it was decided."""

    class Meta:
        model = Review
        fields = ["findings", "outcome", "meeting_on", "paragraph", "status"]
        widgets = {
            "findings": forms.Textarea(attrs={"rows": 5}),
            "meeting_on": DATE_INPUT,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.checklist_version.checklist.has_decision_outcome:
            for name in ("outcome", "meeting_on", "paragraph"):
                del self.fields[name]


class DevelopmentNeedForm(forms.ModelForm):
    class Meta:
        model = DevelopmentNeed
        fields = ["text", "unit"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        units: QuerySet[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Set before validation: the model's clean() compares the unit's organisation
        # with the need's (unset, every unit was refused and the form always gave 400).
        self.instance.organisation = organisation
        if units is None:
            units = Unit.objects.of(organisation)
        else:
            self.fields["unit"].error_messages["invalid_choice"] = UNIT_OF_OTHER_BOARD
        self.fields["unit"].queryset = units.order_by("name")
        self.fields["unit"].required = True


class ChecklistForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    has_decision_outcome = forms.BooleanField(
        label=_("Ask for a decision outcome (can be decided / send back / remark)"),
        required=False,
    )
    answer_type = forms.ChoiceField(label=_("Answer type"), choices=AnswerType.choices)


class VersionForm(forms.Form):
    answer_type = forms.ChoiceField(label=_("Answer type"), choices=AnswerType.choices)
    note = forms.CharField(label=_("What changed"), max_length=200, required=False)


class CriterionForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=12, required=False)
    text = forms.CharField(label=_("Criterion"), max_length=300, required=False)
    help = forms.CharField(label=_("Guidance"), required=False)
    detector = forms.ChoiceField(
        label=_("Suggested by the reader"),
        choices=[("", _("No automatic suggestion")), *list(Detector.choices)],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text") and not data.get("code"):
            self.add_error("code", _("Give the criterion a code, e.g. A1."))
        if data.get("code") and not data.get("text"):
            self.add_error("text", _("Write the criterion."))
        return data


CriterionFormSet = forms.formset_factory(CriterionForm, extra=3)


def criteria_rows(formset: Any) -> list[dict[str, str]]:
    """The filled rows of a criterion formset, in order."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data.get("code") and form.cleaned_data.get("text")
    ]
