"""What every meetings service shares: saving with the audit trail, the permission
check, and the guard that turns changes to sent minutes into recorded corrections."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.meetings import permissions
from jamkoll.meetings.models import AgendaItem, Meeting, Minutes

MINUTES_LOCKED = _(
    "The minutes have been sent for approval and are locked. Changes can only be made "
    "as a recorded correction: give the reason for the correction."
)
CORRECTION_NO_CHANGE = _("The correction does not change anything.")


def save(obj: Model, by: User, *, reason: str = "") -> None:
    """Validate and save with the acting user (and reason) in the audit trail."""
    obj._history_user = by  # type: ignore[attr-defined]
    if reason:
        obj._change_reason = reason[:100]  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()


def require_edit(by: User, obj: object) -> None:
    if not permissions.can_edit(by, obj):
        raise PermissionDenied


@dataclass(frozen=True)
class Change:
    """One changed part of what the minutes show, as the reader sees it."""

    field: str
    label: str
    old: str
    new: str
    item: AgendaItem | None = None


def lock_minutes(meeting: Meeting) -> Minutes:
    """Take the minutes' row lock for the rest of the transaction.

    Every change to what the minutes show goes through here, and so does every
    signature and the sending for approval: they never interleave, so a save cannot
    slip in after a signature was given on what it changes.
    """
    return (
        Minutes.objects.select_for_update()
        .select_related("meeting")
        .get(meeting_id=meeting.pk)
    )


def lock_for_change(meeting: Meeting, *, reason: str = "") -> Minutes:
    """Lock the minutes for a change to what they show. Once they are sent for
    approval, a change without a reason is refused; with a reason it becomes a
    correction (see `minutes.record_corrections`)."""
    minutes = lock_minutes(meeting)
    if minutes.is_locked and not reason.strip():
        raise ValidationError(MINUTES_LOCKED)
    return minutes


def display(value: object) -> str:
    """A field value as the minutes print it ("8 november 2026", "13.00"), in the
    site language whatever the editor's: the text is stored in the correction."""
    if value is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(value, dt.time):
            return formatting.time(value)
        if isinstance(value, dt.datetime):
            return formatting.datetime(value)
        if isinstance(value, dt.date):
            return formatting.date(value)
    return str(value)
