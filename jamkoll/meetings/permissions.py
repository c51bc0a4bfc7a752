"""Who may see and change meetings, minutes and the year wheel.

Everyone with a role in the organisation reads; the body's secretary (strateg) and
administrators write; only the designated approvers (justerare) approve minutes, each
signing as the person linked to their own user account.
"""

from django.db.models import QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import (
    CONTENT_ROLES,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.meetings.models import (
    CalendarFeed,
    Decision,
    Meeting,
    Minutes,
    YearWheelRule,
)
from jamkoll.members.models import Person


def can_view(user: User, obj: object) -> bool:
    """Meetings and their papers are read by everyone holding a role in the organisation."""
    return organisation_id_of(obj) in organisation_ids_of(user)


def can_edit(user: User, obj: object) -> bool:
    """Meetings, agendas, minutes and the year wheel are kept by strategists and
    administrators (the body's secretary)."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def approver_person(user: User, minutes: Minutes) -> Person | None:
    """The designated approver (justerare) that `user` is, if any."""
    if not user.is_authenticated or not can_view(user, minutes.meeting):
        return None
    return minutes.approvers.filter(user=user).first()


def can_approve(user: User, minutes: Minutes) -> bool:
    """Minutes are approved (justeras) once sent for approval, only by a designated
    approver signing as the person linked to their own account, once per round."""
    if minutes.is_approved or not minutes.is_locked:
        return False
    person = approver_person(user, minutes)
    return (
        person is not None
        and not minutes.approvals.valid()
        .filter(person=person, round=minutes.round)
        .exists()
    )


def can_read_draft_minutes(user: User, minutes: Minutes) -> bool:
    """Draft and unapproved minutes are read as documents by the body's secretary and
    by the designated approvers; approved minutes by everyone in the organisation."""
    if minutes.is_approved:
        return can_view(user, minutes.meeting)
    return can_edit(user, minutes.meeting) or approver_person(user, minutes) is not None


def can_answer_questions(user: User, meeting: Meeting) -> bool:
    """The questions sent before a dialogue meeting are answered in Jämkoll by the
    managers (chefer) who answer for its counterpart, and by the body's secretary
    (who may write down answers given otherwise)."""
    if not meeting.is_dialogue or meeting.counterpart_id is None:
        return False
    if can_edit(user, meeting):
        return True
    return meeting.counterpart_id in managed_unit_ids(user, meeting.organisation_id)


def can_follow_up(user: User, decision: Decision) -> bool:
    """An assignment (uppdrag) is followed up by the body's secretary, or by its owner:
    the person linked to the user's own account."""
    if can_edit(user, decision):
        return True
    return (
        user.is_authenticated
        and decision.owner_id is not None
        and decision.owner.user_id == user.pk
        and can_view(user, decision)
    )


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organisation_id__in=organisation_ids_of(user))


def decisions_visible_to(user: User) -> QuerySet[Decision]:
    return Decision.objects.filter(organisation_id__in=organisation_ids_of(user))


def rules_visible_to(user: User) -> QuerySet[YearWheelRule]:
    return YearWheelRule.objects.filter(organisation_id__in=organisation_ids_of(user))


def feeds_of(user: User) -> QuerySet[CalendarFeed]:
    """A user manages only their own calendar addresses."""
    return CalendarFeed.objects.filter(
        user=user, organisation_id__in=organisation_ids_of(user)
    )
