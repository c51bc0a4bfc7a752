"""Dialogue meetings: questions sent in advance, commitments and development needs."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.meetings.models import (
    Commitment,
    DevelopmentNeed,
    DialogueQuestion,
    Meeting,
)
from jamkoll.meetings.services._common import require_edit
from jamkoll.meetings.services._common import save as _save

NOT_DIALOGUE = _(
    "Questions, commitments and development needs belong to dialogue meetings."
)


def _require_dialogue(meeting: Meeting, by: User) -> None:
    require_edit(by, meeting)
    if not meeting.is_dialogue:
        raise ValidationError(NOT_DIALOGUE)


@transaction.atomic
def add_question(
    *, meeting: Meeting, by: User, text: str, source_ref: str = "", source_url: str = ""
) -> DialogueQuestion:
    """Add a question to send to the counterpart before a dialogue meeting."""
    _require_dialogue(meeting, by)
    question = DialogueQuestion(
        meeting=meeting, text=text, source_ref=source_ref, source_url=source_url
    )
    _save(question, by)
    return question


@transaction.atomic
def mark_questions_sent(*, meeting: Meeting, by: User, sent_on: dt.date) -> Meeting:
    _require_dialogue(meeting, by)
    meeting.questions_sent_on = sent_on
    _save(meeting, by)
    return meeting


@transaction.atomic
def add_commitment(
    *, meeting: Meeting, by: User, text: str, owner: str, due_on: dt.date
) -> Commitment:
    """Record what the counterpart committed to, with owner and due date."""
    _require_dialogue(meeting, by)
    commitment = Commitment(meeting=meeting, text=text, owner=owner, due_on=due_on)
    _save(commitment, by)
    return commitment


@transaction.atomic
def complete_commitment(
    *, commitment: Commitment, by: User, completed_on: dt.date | None
) -> Commitment:
    require_edit(by, commitment.meeting)
    commitment.completed_on = completed_on
    _save(commitment, by)
    return commitment


@transaction.atomic
def add_development_need(
    *, meeting: Meeting, by: User, text: str, unit: Any = None
) -> DevelopmentNeed:
    """Keep a development need (utvecklingsbehov) found at a dialogue meeting."""
    _require_dialogue(meeting, by)
    need = DevelopmentNeed(
        organisation_id=meeting.organisation_id,
        meeting=meeting,
        unit=unit or meeting.counterpart,
        text=text,
    )
    _save(need, by)
    return need
