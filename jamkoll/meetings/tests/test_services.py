import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jamkoll.meetings import services
from jamkoll.meetings.models import AgendaItem, Minutes
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person

TODAY = dt.date(2027, 3, 12)


def test_moving_an_item_renumbers_the_agenda(world):
    meeting = make_meeting(world.own)
    by = world.user("strategist")
    first, _second, third = (
        services.save_agenda_item(meeting=meeting, by=by, title=t)
        for t in ("A", "B", "C")
    )
    services.move_agenda_item(item=third, by=by, direction="up")
    assert list(
        meeting.agenda_items.order_by("position").values_list("title", flat=True)
    ) == [
        "A",
        "C",
        "B",
    ]
    services.move_agenda_item(item=first, by=by, direction="up")
    assert [i.position for i in meeting.agenda_items.order_by("position")] == [1, 2, 3]


def test_suggested_items_are_added_once(world):
    meeting = make_meeting(world.own)
    picked = [Suggestion("Ärende", "Översiktsplan", "/arenden/1/", "cases.case:1")]
    by = world.user("strategist")
    services.add_suggested_items(meeting=meeting, by=by, suggestions=picked)
    services.add_suggested_items(meeting=meeting, by=by, suggestions=picked)
    assert (
        AgendaItem.objects.filter(meeting=meeting, source_ref="cases.case:1").count()
        == 1
    )


def test_readers_and_politicians_cannot_plan_meetings(world):
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.save_meeting(
                organisation=world.own.organisation,
                by=world.user(role),
                body=world.own.body,
                held_on=TODAY,
                starts_at=dt.time(9),
            )


def test_a_meeting_gets_its_minutes(world):
    meeting = services.save_meeting(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        body=world.own.body,
        held_on=TODAY,
        starts_at=dt.time(9),
    )
    assert Minutes.objects.filter(meeting=meeting).exists()


def test_a_dialogue_meeting_needs_a_counterpart(world):
    with pytest.raises(ValidationError):
        services.save_meeting(
            organisation=world.own.organisation,
            by=world.user("strategist"),
            body=world.own.body,
            kind="dialogue",
            held_on=TODAY,
            starts_at=dt.time(9),
        )


def test_quorum_counts_serving_substitutes(world):
    from jamkoll.meetings import selectors

    meeting = make_meeting(world.own, held_on=dt.date(2027, 3, 10))
    people = [world.own.person]
    for name in ("Anna", "Bertil", "Cecilia"):
        person = Person.objects.create(
            organisation=world.own.organisation, first_name=name, last_name="Ö"
        )
        Membership.objects.create(
            person=person,
            unit=world.own.body,
            term=world.own.term,
            starts_on=world.own.term.starts_on,
        )
        people.append(person)
    substitute = Person.objects.create(
        organisation=world.own.organisation, first_name="Sub", last_name="S"
    )
    Membership.objects.create(
        person=substitute,
        unit=world.own.body,
        term=world.own.term,
        role=Membership.Role.SUBSTITUTE,
        starts_on=world.own.term.starts_on,
    )
    by = world.user("strategist")
    services.record_attendance(
        meeting=meeting,
        by=by,
        capacities={people[0].pk: "member", people[1].pk: "member"},
    )
    meeting = selectors.meeting_detail(
        visible=meeting.__class__.objects.all(), pk=meeting.pk
    )
    assert not selectors.quorum(meeting=meeting).is_quorate  # 2 of 4
    services.record_attendance(
        meeting=meeting,
        by=by,
        capacities={
            people[0].pk: "member",
            people[1].pk: "member",
            substitute.pk: "substitute_serving",
        },
        officials=["Siri Strateg, sekreterare"],
    )
    meeting = selectors.meeting_detail(
        visible=meeting.__class__.objects.all(), pk=meeting.pk
    )
    quorum = selectors.quorum(meeting=meeting)
    assert (quorum.members, quorum.present, quorum.is_quorate) == (4, 3, True)
