"""The year wheel's recurring events, their occurrences and the personal calendar
feeds."""

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting, tokens
from jamkoll.meetings import permissions
from jamkoll.meetings.models import (
    CalendarFeed,
    Meeting,
    RuleOccurrence,
    YearWheelRule,
)
from jamkoll.meetings.services._common import require_edit
from jamkoll.meetings.services._common import save as _save
from jamkoll.meetings.services.meetings import save_meeting
from jamkoll.meetings.yearwheel import rule_gives
from jamkoll.organisations.models import Organisation

NOT_A_DATE_OF_THE_RULE = _("%(date)s is not a date of the recurring event %(rule)s.")
OCCURRENCE_HAS_MEETING = _(
    "A meeting has already been planned for this occurrence: change the meeting "
    "instead."
)


@transaction.atomic
def save_rule(
    *,
    organisation: Organisation,
    by: User,
    rule: YearWheelRule | None = None,
    title: str,
    category: str,
    pattern: str,
    months: str = "",
    day: int | None = None,
    weekday: int | None = None,
    nth: int | None = None,
    starts_at: dt.time | None = None,
    duration_minutes: int | None = None,
    place: str = "",
) -> YearWheelRule:
    """Create or change a recurring year-wheel event. The fields of the pattern not
    in use are cleared (a fixed date keeps no weekday, a weekday rule no day).
    Changing a rule leaves its moved, cancelled and replaced occurrences as they are.
    """
    require_edit(by, organisation)
    rule = rule or YearWheelRule(organisation=organisation)
    if rule.organisation_id != organisation.pk:
        raise PermissionDenied
    if pattern == YearWheelRule.Pattern.FIXED_DATE:
        weekday = nth = None
    elif pattern == YearWheelRule.Pattern.NTH_WEEKDAY:
        day = None
    rule.title = title
    rule.category = category
    rule.pattern = pattern
    rule.months = months
    rule.day = day
    rule.weekday = weekday
    rule.nth = nth
    rule.starts_at = starts_at
    rule.duration_minutes = duration_minutes
    rule.place = place
    _save(rule, by)
    return rule


@transaction.atomic
def delete_rule(*, rule: YearWheelRule, by: User) -> None:
    require_edit(by, rule)
    rule._history_user = by  # type: ignore[attr-defined]
    rule.delete()


def _locked_occurrence(rule: YearWheelRule, original_date: dt.date) -> RuleOccurrence:
    """The occurrence's exception row (unsaved if there is none yet), under the rule's
    row lock so that two changes of one occurrence never interleave. Refuses a date
    the rule does not give."""
    locked = YearWheelRule.objects.select_for_update().get(pk=rule.pk)
    if not rule_gives(locked, original_date):
        raise ValidationError(
            NOT_A_DATE_OF_THE_RULE,
            params={"date": formatting.date(original_date), "rule": locked},
        )
    found = RuleOccurrence.objects.filter(
        rule=locked, original_date=original_date
    ).first()
    return found or RuleOccurrence(rule=locked, original_date=original_date)


@transaction.atomic
def save_occurrence(
    *,
    rule: YearWheelRule,
    original_date: dt.date,
    by: User,
    moved_to: dt.date | None = None,
    starts_at: dt.time | None = None,
    cancelled: bool = False,
) -> RuleOccurrence:
    """Move (to another date and/or time), cancel or restore one occurrence of a
    rule without changing the rule. Moving to the planned date and the rule's own
    time means "not moved"; an occurrence replaced by a meeting is changed through
    the meeting instead."""
    require_edit(by, rule)
    occurrence = _locked_occurrence(rule, original_date)
    if occurrence.meeting_id is not None:
        raise ValidationError(OCCURRENCE_HAS_MEETING)
    if moved_to == original_date:
        moved_to = None
    if starts_at == occurrence.rule.starts_at:
        starts_at = None
    occurrence.moved_to = moved_to
    occurrence.starts_at = starts_at
    occurrence.cancelled = cancelled
    _save(occurrence, by)
    return occurrence


@transaction.atomic
def create_meeting_from_occurrence(
    *,
    organisation: Organisation,
    rule: YearWheelRule,
    original_date: dt.date,
    by: User,
    **meeting_fields: Any,
) -> Meeting:
    """Plan the meeting for one occurrence of a rule (`meeting_fields` as for
    `save_meeting`). The meeting replaces the occurrence in the year wheel and the
    calendar feed; one occurrence gets one meeting."""
    require_edit(by, rule)
    if rule.organisation_id != organisation.pk:
        raise PermissionDenied
    occurrence = _locked_occurrence(rule, original_date)
    if occurrence.meeting_id is not None:
        raise ValidationError(OCCURRENCE_HAS_MEETING)
    meeting = save_meeting(organisation=organisation, by=by, **meeting_fields)
    attach_meeting_to_occurrence(occurrence=occurrence, meeting=meeting, by=by)
    return meeting


def attach_meeting_to_occurrence(
    *, occurrence: RuleOccurrence, meeting: Meeting, by: User
) -> RuleOccurrence:
    """Record that `meeting` replaces the occurrence (the caller holds the rule's
    row lock, see `create_meeting_from_occurrence`)."""
    require_edit(by, meeting)
    if meeting.organisation_id != occurrence.rule.organisation_id:
        raise PermissionDenied
    occurrence.meeting = meeting
    _save(occurrence, by)
    return occurrence


@transaction.atomic
def create_feed(*, organisation: Organisation, by: User) -> tuple[CalendarFeed, str]:
    """Give the user a new secret iCalendar address for the organisation's year wheel.

    Returns the feed and its token: only the token's hash is stored, so this is the
    one moment the full address can be shown.
    """
    if not permissions.can_view(by, organisation):
        raise PermissionDenied
    token = tokens.new_token()
    feed = CalendarFeed(
        organisation=organisation, user=by, token_hash=CalendarFeed.hash_token(token)
    )
    _save(feed, by)
    return feed, token


@transaction.atomic
def revoke_feed(*, feed: CalendarFeed, by: User) -> CalendarFeed:
    """Revoke a calendar address; it answers 404 from now on."""
    if feed.user_id != by.pk:
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        _save(feed, by)
    return feed
