"""The year wheel's recurring events and the personal calendar feeds."""

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from jamkoll.accounts.models import User
from jamkoll.meetings import permissions
from jamkoll.meetings.models import CalendarFeed, YearWheelRule
from jamkoll.meetings.services._common import require_edit
from jamkoll.meetings.services._common import save as _save
from jamkoll.organisations.models import Organisation


@transaction.atomic
def save_rule(
    *,
    organisation: Organisation,
    by: User,
    rule: YearWheelRule | None = None,
    **fields: Any,
) -> YearWheelRule:
    """Create or change a recurring year-wheel event."""
    require_edit(by, organisation)
    rule = rule or YearWheelRule(organisation=organisation)
    if rule.organisation_id != organisation.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(rule, name, value)
    _save(rule, by)
    return rule


@transaction.atomic
def delete_rule(*, rule: YearWheelRule, by: User) -> None:
    require_edit(by, rule)
    rule._history_user = by  # type: ignore[attr-defined]
    rule.delete()


@transaction.atomic
def create_feed(*, organisation: Organisation, by: User) -> CalendarFeed:
    """Give the user a new secret iCalendar address for the organisation's year wheel."""
    if not permissions.can_view(by, organisation):
        raise PermissionDenied
    feed = CalendarFeed(
        organisation=organisation, user=by, token=secrets.token_urlsafe(32)
    )
    _save(feed, by)
    return feed


@transaction.atomic
def revoke_feed(*, feed: CalendarFeed, by: User) -> CalendarFeed:
    """Revoke a calendar address; it answers 404 from now on."""
    if feed.user_id != by.pk:
        raise PermissionDenied
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        _save(feed, by)
    return feed
