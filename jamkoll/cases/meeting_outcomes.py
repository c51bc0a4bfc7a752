"""What the body decided on an agenda item made from a council case, recorded on the
case as its preparation (beredning).

cases may not import meetings (same layer): this handler is registered through
``apps.get_app_config("meetings").register_item_outcome_handler`` and follows the
contract documented in ``jamkoll/meetings/handoffs.py`` (duck typing).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamkoll.cases import permissions, services
from jamkoll.cases.models import Case
from jamkoll.core import formatting

PREFIX = "cases.case:"
CASE_GONE = gettext_lazy(
    "The council case this item was made from no longer exists, so its preparation "
    "cannot be recorded."
)


def case_of(item: Any) -> Case | None:
    """The case `item` was made from, if it still exists in the meeting's
    organisation."""
    ref = getattr(item, "source_ref", "") or ""
    if not ref.startswith(PREFIX):
        return None
    try:
        pk = int(ref.removeprefix(PREFIX))
    except ValueError:
        return None
    return (
        Case.objects.filter(pk=pk, organisation_id=item.meeting.organisation_id)
        .select_related("prepared_at__meeting")
        .first()
    )


class CasePreparationHandler:
    label = gettext_lazy("The body's preparation of the case")

    @property
    def choices(self) -> list[tuple[str, Any]]:
        return [
            (Case.Preparation.PREPARED, gettext_lazy("Prepared – statement")),
            (Case.Preparation.NOT_RELEVANT, Case.Preparation.NOT_RELEVANT.label),
        ]

    def can_record(self, user: Any, item: Any) -> bool:
        case = case_of(item)
        return case is not None and permissions.can_edit(user, case)

    def current(self, item: Any) -> dict[str, str]:
        case = case_of(item)
        if case is None:
            return {}
        if case.prepared_at_id == item.pk:
            prepared = case.preparation == Case.Preparation.PREPARED
            return {
                "outcome": case.preparation,
                "text": case.statement if prepared else case.not_relevant_reason,
                "gender_assessment": case.gender_assessment,
            }
        if case.prepared_at_id is not None:
            earlier = case.prepared_at
            return {
                "note": _("Already handled at %(meeting)s %(date)s § %(number)s.")
                % {
                    "meeting": earlier.meeting.title
                    or earlier.meeting.get_kind_display(),
                    "date": formatting.date(earlier.meeting.held_on),
                    "number": earlier.number,
                }
            }
        return {}

    def record(
        self, *, item: Any, outcome: str, text: str, gender_assessment: str, by: Any
    ) -> Case:
        case = case_of(item)
        if case is None:
            raise ValidationError(CASE_GONE)
        return services.record_preparation_from_meeting(
            case=case,
            item=item,
            outcome=outcome,
            text=text,
            gender_assessment=gender_assessment,
            by=by,
        )


handler = CasePreparationHandler()
