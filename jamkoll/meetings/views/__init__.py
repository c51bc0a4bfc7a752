"""Views of the meetings app, one module per part of the body's work."""

from jamkoll.meetings.views.dialogue import (
    commitment_complete,
    commitment_create,
    development_need_create,
    development_needs,
    question_create,
    questions_sent,
)
from jamkoll.meetings.views.documents import agenda_pdf, minutes_pdf
from jamkoll.meetings.views.meetings import (
    agenda_item_create,
    agenda_item_delete,
    agenda_item_edit,
    agenda_item_move,
    agenda_suggestions,
    attendance,
    body_year,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_list,
)
from jamkoll.meetings.views.minutes import (
    decision_create,
    decision_follow_up,
    decision_list,
    minutes_approve,
    minutes_correct,
    minutes_edit,
)
from jamkoll.meetings.views.yearwheel import (
    calendar_feed,
    calendar_feed_revoke,
    calendar_feeds,
    rule_create,
    rule_delete,
    year_wheel,
)

__all__ = [
    "agenda_item_create",
    "agenda_item_delete",
    "agenda_item_edit",
    "agenda_item_move",
    "agenda_pdf",
    "agenda_suggestions",
    "attendance",
    "body_year",
    "calendar_feed",
    "calendar_feed_revoke",
    "calendar_feeds",
    "commitment_complete",
    "commitment_create",
    "decision_create",
    "decision_follow_up",
    "decision_list",
    "development_need_create",
    "development_needs",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_list",
    "minutes_approve",
    "minutes_correct",
    "minutes_edit",
    "minutes_pdf",
    "question_create",
    "questions_sent",
    "rule_create",
    "rule_delete",
    "year_wheel",
]
