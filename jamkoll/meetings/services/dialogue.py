"""Dialogue meetings: questions sent in advance, commitments and development needs."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import Role, User
from jamkoll.core import formatting
from jamkoll.core.mail import absolute_url, send_after_commit
from jamkoll.meetings import permissions
from jamkoll.meetings.models import (
    Commitment,
    DevelopmentNeed,
    DialogueQuestion,
    Meeting,
)
from jamkoll.meetings.services._common import require_edit
from jamkoll.meetings.services._common import save as _save
from jamkoll.meetings.services.invitations import invitation_message

NOT_DIALOGUE = _(
    "Questions, commitments and development needs belong to dialogue meetings."
)
NO_QUESTIONS = _("Add at least one question before sending: nothing was sent.")
NO_MANAGER_ADDRESS = _(
    "No manager (chef) answering for %(unit)s has an e-mail address: nothing was "
    "sent. An administrator can give the unit a manager with an address under "
    "Users and roles."
)
NOT_THIS_MEETING = _("The question does not belong to this meeting.")
ANSWER_CHANGED = _(
    "Question %(number)s was answered by %(name)s while you were writing. Read the "
    "new answer and change it if needed."
)
QUESTIONS_ATTACHMENT = "dialogmote.ics"


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
    """Record that the questions were sent outside Jämkoll (the demo data uses it);
    `send_questions` is what the secretary uses."""
    _require_dialogue(meeting, by)
    meeting.questions_sent_on = sent_on
    _save(meeting, by)
    return meeting


@dataclass(frozen=True)
class QuestionsSent:
    """Where the questions went, and whether they had been sent before."""

    recipients: list[str]
    resent: bool


def counterpart_managers(meeting: Meeting) -> list[User]:
    """Active managers (chefer) with an e-mail address who answer for the meeting's
    counterpart: assigned to it, or to the board above it (as `managed_unit_ids`
    counts them). One user per address."""
    unit = meeting.counterpart
    if unit is None:
        return []
    units = [unit.pk] + ([unit.parent_id] if unit.parent_id else [])
    users = (
        User.objects.filter(
            is_active=True,
            role_assignments__organisation_id=meeting.organisation_id,
            role_assignments__role=Role.MANAGER,
            role_assignments__units__in=units,
        )
        .exclude(email="")
        .distinct()
        .order_by("email", "pk")
    )
    by_address: dict[str, User] = {}
    for user in users:
        by_address.setdefault(user.email.lower(), user)
    return list(by_address.values())


@transaction.atomic
def send_questions(*, meeting: Meeting, by: User) -> QuestionsSent:
    """E-mail the questions of a dialogue meeting to the managers (chefer) of its
    counterpart: the invitation with date, time, place and link, the questions, a
    link to answer them in Jämkoll and a calendar invitation (.ics, METHOD:REQUEST,
    the meeting's UID and a raised SEQUENCE, so a calendar updates the meeting it
    already has). Records the date and the addresses. Sending again (after adding
    questions) is allowed and says so.

    Raises ValidationError when there are no questions or no manager with an
    address; nothing is then recorded or sent. The mails leave after the commit.
    """
    _require_dialogue(meeting, by)
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("body", "counterpart")
        .get(pk=meeting.pk)
    )
    questions = list(locked.questions.order_by("pk"))
    if not questions:
        raise ValidationError(NO_QUESTIONS)
    managers = counterpart_managers(locked)
    if not managers:
        raise ValidationError(NO_MANAGER_ADDRESS % {"unit": locked.counterpart})
    resent = locked.questions_sent_on is not None
    locked.questions_sent_on = timezone.localdate()
    locked.questions_sent_to = ", ".join(user.email for user in managers)
    # The UID is shared with the members' invitation (kallelse), so the SEQUENCE is
    # too: every version sent out of the meeting's calendar event counts.
    locked.invitation_sequence += 1
    _save(locked, by)
    meeting.questions_sent_on = locked.questions_sent_on
    meeting.questions_sent_to = locked.questions_sent_to
    meeting.invitation_sequence = locked.invitation_sequence
    send_after_commit(
        _questions_message(locked, questions, manager, by=by, resent=resent)
        for manager in managers
    )
    return QuestionsSent(recipients=[u.email for u in managers], resent=resent)


def _questions_message(
    meeting: Meeting,
    questions: list[DialogueQuestion],
    manager: User,
    *,
    by: User,
    resent: bool,
) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "body": meeting.body,
            "date": formatting.date(meeting.held_on),
            "time": formatting.time(meeting.starts_at),
        }
        if resent:
            subject = gettext(
                "Updated questions: dialogue meeting with %(body)s, %(date)s at "
                "%(time)s"
            )
        else:
            subject = gettext(
                "Invitation and questions: dialogue meeting with %(body)s, %(date)s "
                "at %(time)s"
            )
        url = absolute_url(meeting.get_absolute_url())
        context = {
            "meeting": meeting,
            "manager": manager,
            "questions": questions,
            "date": names["date"],
            "starts": names["time"],
            "ends": formatting.time(meeting.ends_at) if meeting.ends_at else "",
            "url": url,
            "answer_url": absolute_url(
                reverse("meetings:dialogue_answers", args=[meeting.pk])
            ),
            "resent": resent,
            "sender": by,
            "attachment": QUESTIONS_ATTACHMENT,
        }
        body = render_to_string("meetings/email/dialogue_questions.txt", context)
        summary = gettext("Dialogue meeting with %(body)s") % names
    return invitation_message(
        meeting,
        subject=subject % names,
        body=body,
        summary=summary,
        url=url,
        attendee_name=str(manager),
        recipient=manager.email,
        by=by,
        attachment=QUESTIONS_ATTACHMENT,
    )


def answer_stamp(question: DialogueQuestion) -> str:
    """The version of an answer a form was built from (when it was last answered)."""
    return question.answered_at.isoformat() if question.answered_at else ""


@transaction.atomic
def answer_questions(
    *,
    meeting: Meeting,
    by: User,
    answers: Mapping[int, str],
    seen: Mapping[int, str] | None = None,
) -> int:
    """Write the counterpart's answers to the questions of a dialogue meeting, by
    question id; an empty answer removes it. Records who answered and when. Allowed
    before and after the meeting (see `permissions.can_answer_questions`).

    `seen` gives, per question, the `answer_stamp` the writer's form showed: if
    someone else answered since, the change is refused (ValidationError) rather
    than overwriting their answer, and nothing is saved. Returns how many answers
    changed.
    """
    if not permissions.can_answer_questions(by, meeting):
        raise PermissionDenied
    questions = {
        q.pk: q
        for q in DialogueQuestion.objects.select_for_update(of=("self",))
        .filter(meeting_id=meeting.pk)
        .select_related("answered_by")
        .order_by("pk")
    }
    if set(answers) - set(questions):
        raise ValidationError(NOT_THIS_MEETING)
    numbers = {pk: n for n, pk in enumerate(questions, start=1)}
    now = timezone.now()
    changed = 0
    for pk, text in answers.items():
        question = questions[pk]
        text = text.strip()
        if text == question.answer:
            continue
        if seen is not None and seen.get(pk, "") != answer_stamp(question):
            raise ValidationError(
                ANSWER_CHANGED
                % {"number": numbers[pk], "name": question.answered_by or "–"}
            )
        question.answer = text
        question.answered_by = by if text else None
        question.answered_at = now if text else None
        _save(question, by)
        changed += 1
    return changed


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
        year=meeting.held_on.year,
        meeting=meeting,
        unit=unit or meeting.counterpart,
        text=text,
    )
    _save(need, by)
    return need
