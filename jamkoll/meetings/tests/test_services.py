import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jamkoll.meetings import services
from jamkoll.meetings.models import AgendaItem, Correction, Minutes
from jamkoll.meetings.suggestions import Suggestion
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person

TODAY = dt.date(2027, 3, 12)


@pytest.fixture
def setup(world):
    meeting = make_meeting(world.own)
    item = services.save_agenda_item(
        meeting=meeting, by=world.user("strategist"), title="Budget 2027"
    )
    approver = world.own.person
    approver.user = world.user("politician")
    approver.save()
    minutes = meeting.minutes
    services.save_minutes(
        minutes=minutes, by=world.user("strategist"), remarks="", approvers=[approver]
    )
    return meeting, item, minutes


def test_only_a_designated_approver_can_approve(world, setup):
    _meeting, _item, minutes = setup
    for role in ("admin", "strategist", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.approve_minutes(minutes=minutes, by=world.user(role), today=TODAY)
    minutes.refresh_from_db()
    assert minutes.approved_on is None
    assert minutes.locked_at is None


def test_a_politician_not_designated_cannot_approve(world, setup):
    _meeting, _item, minutes = setup
    minutes.approvers.clear()
    other = Person.objects.create(
        organisation=world.own.organisation,
        first_name="Örjan",
        last_name="Ek",
        user=world.user("politician"),
    )
    Membership.objects.create(
        person=other,
        unit=world.own.body,
        term=world.own.term,
        starts_on=world.own.term.starts_on,
    )
    minutes.approvers.set([world.own.person])
    world.own.person.user = None
    world.own.person.save()
    with pytest.raises(PermissionDenied):
        services.approve_minutes(
            minutes=minutes, by=world.user("politician"), today=TODAY
        )


def test_approval_locks_the_minutes_and_is_in_the_audit_trail(world, setup):
    _meeting, item, minutes = setup
    services.approve_minutes(minutes=minutes, by=world.user("politician"), today=TODAY)
    minutes.refresh_from_db()
    assert minutes.approved_on == TODAY
    assert minutes.is_locked
    record = minutes.history.first()
    assert record.history_user == world.user("politician")
    assert "Åsa Öberg" in record.history_change_reason
    with pytest.raises(ValidationError):
        services.save_item_minutes(
            item=item,
            by=world.user("strategist"),
            discussion="x",
            decision="y",
            responsible="",
        )
    with pytest.raises(ValidationError):
        services.save_agenda_item(
            meeting=item.meeting, by=world.user("strategist"), title="Ny"
        )
    with pytest.raises(ValidationError):
        services.move_agenda_item(
            item=item, by=world.user("strategist"), direction="up"
        )
    with pytest.raises(PermissionDenied):
        services.approve_minutes(
            minutes=minutes, by=world.user("politician"), today=TODAY
        )


def test_locked_minutes_change_only_through_a_recorded_correction(world, setup):
    _meeting, item, minutes = setup
    services.approve_minutes(minutes=minutes, by=world.user("politician"), today=TODAY)
    with pytest.raises(ValidationError):
        services.correct_minutes(
            minutes=minutes,
            by=world.user("strategist"),
            item=item,
            field="decision",
            new_value="Godkänt",
            reason="  ",
        )
    with pytest.raises(PermissionDenied):
        services.correct_minutes(
            minutes=minutes,
            by=world.user("politician"),
            item=item,
            field="decision",
            new_value="Godkänt",
            reason="Skrivfel",
        )
    correction = services.correct_minutes(
        minutes=minutes,
        by=world.user("strategist"),
        item=item,
        field="decision",
        new_value="Nämnden godkänner budgeten.",
        reason="Beslutet var felskrivet",
    )
    item.refresh_from_db()
    assert item.decision == "Nämnden godkänner budgeten."
    assert correction.old_value == ""
    assert correction.made_by == world.user("strategist")
    assert Correction.objects.filter(minutes=minutes).count() == 1
    assert "Beslutet var felskrivet" in item.history.first().history_change_reason


def test_correction_is_refused_while_minutes_are_not_locked(world, setup):
    _meeting, item, minutes = setup
    with pytest.raises(ValidationError):
        services.correct_minutes(
            minutes=minutes,
            by=world.user("strategist"),
            item=item,
            field="decision",
            new_value="x",
            reason="y",
        )


def test_approvers_must_hold_a_mandate_in_the_body(world, setup):
    _meeting, _item, minutes = setup
    outsider = Person.objects.create(
        organisation=world.own.organisation, first_name="Kalle", last_name="Ärlig"
    )
    with pytest.raises(ValidationError):
        services.save_minutes(
            minutes=minutes,
            by=world.user("strategist"),
            remarks="",
            approvers=[outsider],
        )


def test_minutes_count_as_approved_only_when_every_approver_has_signed(world, setup):
    _meeting, _item, minutes = setup
    second = Person.objects.create(
        organisation=world.own.organisation,
        first_name="Bo",
        last_name="Ström",
        user=world.user("reader"),
    )
    Membership.objects.create(
        person=second,
        unit=world.own.body,
        term=world.own.term,
        starts_on=world.own.term.starts_on,
    )
    minutes.approvers.add(second)
    services.approve_minutes(minutes=minutes, by=world.user("politician"), today=TODAY)
    minutes.refresh_from_db()
    assert minutes.is_locked
    assert minutes.approved_on is None
    services.approve_minutes(minutes=minutes, by=world.user("reader"), today=TODAY)
    minutes.refresh_from_db()
    assert minutes.approved_on == TODAY


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
