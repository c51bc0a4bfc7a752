"""State changes for meetings, agendas, minutes, dialogue meetings and the year wheel.

Every function is keyword-only, atomic, takes the acting user (`by`), checks the
permission itself and leaves the audit trail to django-simple-history. Everything the
minutes show is changed under the minutes' row lock (`_common.lock_minutes`); once the
minutes are sent for approval a change needs a reason and becomes a Correction.
"""

from jamkoll.meetings.services._common import CORRECTION_NO_CHANGE, MINUTES_LOCKED
from jamkoll.meetings.services.dialogue import (
    NOT_DIALOGUE,
    add_commitment,
    add_development_need,
    add_question,
    complete_commitment,
    mark_questions_sent,
)
from jamkoll.meetings.services.meetings import (
    AGENDA_FIXED,
    add_standard_items,
    add_suggested_items,
    body_mandates,
    delete_agenda_item,
    move_agenda_item,
    record_attendance,
    save_agenda_item,
    save_meeting,
)
from jamkoll.meetings.services.minutes import (
    add_decision,
    approve_minutes,
    approver_warnings,
    follow_up_decision,
    record_posting,
    save_item_minutes,
    save_minutes,
    save_minutes_settings,
    send_approval_reminders,
    send_for_approval,
    settings_for,
    withdraw_from_approval,
)
from jamkoll.meetings.services.yearwheel import (
    create_feed,
    delete_rule,
    revoke_feed,
    save_rule,
)

__all__ = [
    "AGENDA_FIXED",
    "CORRECTION_NO_CHANGE",
    "MINUTES_LOCKED",
    "NOT_DIALOGUE",
    "add_commitment",
    "add_decision",
    "add_development_need",
    "add_question",
    "add_standard_items",
    "add_suggested_items",
    "approve_minutes",
    "approver_warnings",
    "body_mandates",
    "complete_commitment",
    "create_feed",
    "delete_agenda_item",
    "delete_rule",
    "follow_up_decision",
    "mark_questions_sent",
    "move_agenda_item",
    "record_attendance",
    "record_posting",
    "revoke_feed",
    "save_agenda_item",
    "save_item_minutes",
    "save_meeting",
    "save_minutes",
    "save_minutes_settings",
    "save_rule",
    "send_approval_reminders",
    "send_for_approval",
    "settings_for",
    "withdraw_from_approval",
]
