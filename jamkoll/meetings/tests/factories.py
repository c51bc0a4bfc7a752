"""Builders for meeting test data (rows written directly; states built by services
in the tests that assert on them)."""

import datetime as dt
import secrets
from dataclasses import dataclass

from jamkoll.meetings.models import (
    AgendaItem,
    CalendarFeed,
    Commitment,
    Decision,
    Meeting,
    Minutes,
    YearWheelRule,
)


@dataclass
class MeetingWorld:
    meeting: Meeting
    approved: Meeting
    dialogue: Meeting
    item: AgendaItem
    decision: Decision
    commitment: Commitment
    rule: YearWheelRule
    feed: CalendarFeed | None
    # The feed's secret (only its hash is stored).
    feed_token: str | None = None


def make_meeting(
    org_world, *, held_on=dt.date(2027, 3, 10), kind=Meeting.Kind.ORDINARY, **kw
) -> Meeting:
    meeting = Meeting.objects.create(
        organisation=org_world.organisation,
        body=org_world.body,
        kind=kind,
        held_on=held_on,
        starts_at=dt.time(13, 0),
        ends_at=dt.time(15, 0),
        place="Rådhuset, sal Åsen",
        **kw,
    )
    Minutes.objects.create(meeting=meeting)
    return meeting


def make_meeting_world(org_world, feed_user=None) -> MeetingWorld:
    meeting = make_meeting(org_world)
    item = AgendaItem.objects.create(
        meeting=meeting, position=1, title="Mötets öppnande"
    )
    approved = make_meeting(org_world, held_on=dt.date(2026, 2, 10))
    approved_item = AgendaItem.objects.create(
        meeting=approved, position=1, title="Återrapport"
    )
    Minutes.objects.filter(meeting=approved).update(
        approved_on=dt.date(2026, 2, 12),
        locked_at=dt.datetime(2026, 2, 12, 9, tzinfo=dt.UTC),
    )
    dialogue = make_meeting(
        org_world,
        held_on=dt.date(2026, 4, 14),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=org_world.board,
        title="Dialogmöte",
    )
    decision = Decision.objects.create(
        organisation=org_world.organisation,
        agenda_item=approved_item,
        text="Ta fram könsuppdelad statistik",
        owner=org_world.person,
        due_on=dt.date(2026, 5, 1),
    )
    commitment = Commitment.objects.create(
        meeting=dialogue,
        text="Redovisa väntetider per kön",
        owner="Förvaltningschef",
        due_on=dt.date(2026, 6, 1),
    )
    rule = YearWheelRule.objects.create(
        organisation=org_world.organisation,
        title="Budgetdialog",
        category=YearWheelRule.Category.BUDGET_DIALOGUE,
        pattern=YearWheelRule.Pattern.NTH_WEEKDAY,
        months="3",
        weekday=1,
        nth=2,
    )
    feed = None
    token = None
    if feed_user is not None:
        token = secrets.token_urlsafe(16)
        feed = CalendarFeed.objects.create(
            organisation=org_world.organisation,
            user=feed_user,
            token_hash=CalendarFeed.hash_token(token),
        )
    return MeetingWorld(
        meeting, approved, dialogue, item, decision, commitment, rule, feed, token
    )
