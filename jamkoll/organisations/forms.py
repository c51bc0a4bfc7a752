from django import forms
from django.utils.translation import gettext_lazy as _

from jamkoll.organisations.models import Organisation, Unit


class UnitForm(forms.ModelForm):
    remit = forms.CharField(
        label=_("Remit (one task per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only for the gender-equality body."),
    )

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "kind",
            "parent",
            "body_form",
            "budget",
            "yearly_meeting_target",
            "is_active",
        ]

    def __init__(self, *args, organisation: Organisation, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        parents = Unit.objects.of(organisation).political_bodies()
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["remit"].initial = "\n".join(
                t.text for t in self.instance.remit_tasks.all()
            )
        self.fields["parent"].queryset = parents
        self.fields["parent"].help_text = _(
            "Boards and the executive board report to the council; an administration "
            "sits under its board."
        )

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def remit_lines(self) -> list[str]:
        return self.cleaned_data.get("remit", "").splitlines()
