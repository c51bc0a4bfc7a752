"""Minutes from draft to approved and posted: sending for approval locks everything the
minutes show, changes become recorded corrections that void signatures, approvers are
e-mailed and reminded, and the approval is posted on the notice board."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.core.tasks import message_from_data, message_to_data
from jamkoll.meetings import posting, selectors, services
from jamkoll.meetings.models import (
    AgendaItem,
    Correction,
    Meeting,
    Minutes,
    MinutesApproval,
    StandardItem,
)
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person


@pytest.fixture(autouse=True)
def _mail_at_once(monkeypatch):
    """Tests run in a transaction that never commits: send the e-mails at once,
    as the mail task would (through its stored form)."""

    def send(messages):
        for message in messages:
            if message.to:
                message_from_data(message_to_data(message)).send()

    monkeypatch.setattr("jamkoll.meetings.services.minutes.send_after_commit", send)


def _approver(world, first: str, last: str, username: str) -> Person:
    user = User.objects.create_user(
        username=username, password="pw-test-123456", email=f"{username}@example.se"
    )
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.POLITICIAN
    )
    person = Person.objects.create(
        organisation=world.own.organisation,
        first_name=first,
        last_name=last,
        user=user,
    )
    Membership.objects.create(
        person=person,
        unit=world.own.body,
        term=world.own.term,
        role=Membership.Role.MEMBER,
        starts_on=world.own.term.starts_on,
    )
    return person


@pytest.fixture
def flow(world):
    """A meeting with standard items, one item with a decision, attendance and two
    approvers (Bo and Cecilia) who attended, each with their own account."""
    by = world.user("strategist")
    meeting = services.save_meeting(
        organisation=world.own.organisation,
        by=by,
        body=world.own.body,
        held_on=dt.date(2027, 3, 9),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        place="Stadshuset",
        standard_items=True,
    )
    item = services.save_agenda_item(meeting=meeting, by=by, title="Budget 2027")
    services.save_item_minutes(
        item=item,
        by=by,
        discussion="",
        decision="Beredningen tackar för informationen.",
        responsible="",
    )
    bo = _approver(world, "Bo", "Ström", "bo")
    cecilia = _approver(world, "Cecilia", "Ek", "cecilia")
    services.record_attendance(
        meeting=meeting,
        by=by,
        capacities={p.pk: "member" for p in (world.own.person, bo, cecilia)},
    )
    services.save_minutes(
        minutes=meeting.minutes,
        by=by,
        remarks="",
        approvers=[bo, cecilia],
        chair=world.own.person,
        secretary="Siri Sekreterare",
    )
    return meeting, item, bo, cecilia


def _fresh(meeting: Meeting) -> Minutes:
    return Minutes.objects.get(meeting=meeting)


def _approve(minutes: Minutes, user: User, **kw) -> MinutesApproval:
    minutes = Minutes.objects.get(pk=minutes.pk)
    return services.approve_minutes(
        minutes=minutes, by=user, round=minutes.round, version=minutes.version, **kw
    )


def _snapshot(meeting: Meeting) -> tuple:
    meeting = Meeting.objects.get(pk=meeting.pk)
    return (
        (meeting.held_on, meeting.starts_at, meeting.ends_at, meeting.place),
        sorted(meeting.attendances.values_list("person_id", "name", "capacity")),
        list(
            meeting.agenda_items.order_by("position").values_list(
                "position", "title", "discussion", "decision", "responsible"
            )
        ),
        sorted(meeting.agenda_items.values_list("decisions__text", flat=True), key=str),
        (meeting.minutes.remarks, meeting.minutes.secretary),
    )


def test_standard_opening_items_come_first(flow):
    meeting, _item, _bo, _cecilia = flow
    items = list(meeting.agenda_items.order_by("position"))
    assert [i.standard for i in items[:3]] == [
        StandardItem.OPENING,
        StandardItem.APPROVERS,
        StandardItem.AGENDA,
    ]
    assert [i.title for i in items[:3]] == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordningen",
    ]
    assert items[3].title == "Budget 2027"


def test_sending_locks_numbers_paragraphs_and_mails_each_approver(world, flow):
    meeting, _item, bo, _cecilia = flow
    earlier = make_meeting(world.own, held_on=dt.date(2027, 2, 9))
    for title in ("A", "B"):
        services.save_agenda_item(
            meeting=earlier, by=world.user("strategist"), title=title
        )
    earlier.minutes.approvers.set([bo])
    services.send_for_approval(minutes=earlier.minutes, by=world.user("strategist"))
    mail.outbox.clear()

    with pytest.raises(ValidationError):
        # A second send is refused.
        services.send_for_approval(minutes=earlier.minutes, by=world.user("strategist"))
    minutes = services.send_for_approval(
        minutes=meeting.minutes, by=world.user("strategist")
    )
    assert minutes.is_locked
    numbers = list(
        meeting.agenda_items.order_by("position").values_list("paragraph", flat=True)
    )
    assert numbers == [3, 4, 5, 6]  # the year's numbering continues after § 1–2
    elected = meeting.agenda_items.get(standard=StandardItem.APPROVERS)
    assert elected.decision == "Att justera protokollet utses Cecilia Ek och Bo Ström."
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bo@example.se",
        "cecilia@example.se",
    ]
    message = mail.outbox[0]
    assert "justera" in message.subject.lower()
    assert f"/moten/{meeting.pk}/" in message.body


def test_sending_is_refused_for_an_approver_without_an_account(world, flow):
    meeting, _item, bo, _cecilia = flow
    bo.user = None
    bo.save()
    with pytest.raises(ValidationError) as error:
        services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    assert "Bo Ström har inget användarkonto" in " ".join(error.value.messages)
    assert not _fresh(meeting).is_locked
    assert mail.outbox == []


def test_sending_needs_approvers_and_an_editor(world, flow):
    meeting, _item, _bo, _cecilia = flow
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.send_for_approval(minutes=meeting.minutes, by=world.user(role))
    meeting.minutes.approvers.clear()
    with pytest.raises(ValidationError):
        services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    assert not _fresh(meeting).is_locked


def test_approvers_absent_or_without_account_are_warned_about(world, flow):
    meeting, _item, bo, _cecilia = flow
    services.record_attendance(
        meeting=meeting,
        by=world.user("strategist"),
        capacities={world.own.person.pk: "member"},
    )
    bo.user = None
    bo.save()
    warnings = " ".join(services.approver_warnings(_fresh(meeting)))
    assert "Bo Ström har inget användarkonto kopplat och kan inte justera." in warnings
    assert "Cecilia Ek finns inte med som närvarande vid mötet." in warnings


def test_after_sending_every_part_of_the_minutes_is_refused_without_a_reason(
    world, flow
):
    meeting, item, bo, cecilia = flow
    by = world.user("strategist")
    services.send_for_approval(minutes=meeting.minutes, by=by)
    _approve(meeting.minutes, bo.user)
    before = _snapshot(meeting)
    meeting = Meeting.objects.get(pk=meeting.pk)
    attempts = [
        lambda: services.save_meeting(
            organisation=world.own.organisation,
            by=by,
            meeting=meeting,
            held_on=dt.date(2027, 3, 10),
        ),
        lambda: services.save_meeting(
            organisation=world.own.organisation,
            by=by,
            meeting=meeting,
            starts_at=dt.time(14),
        ),
        lambda: services.save_meeting(
            organisation=world.own.organisation, by=by, meeting=meeting, place="Annat"
        ),
        lambda: services.record_attendance(
            meeting=meeting,
            by=by,
            capacities={p.pk: "member" for p in (world.own.person, bo)},
        ),
        lambda: services.save_agenda_item(meeting=meeting, by=by, title="Ny punkt"),
        lambda: services.save_agenda_item(
            meeting=meeting, by=by, item=item, title="Annan titel"
        ),
        lambda: services.move_agenda_item(item=item, by=by, direction="up"),
        lambda: services.delete_agenda_item(item=item, by=by),
        lambda: services.add_standard_items(meeting=meeting, by=by),
        lambda: services.save_item_minutes(
            item=item, by=by, discussion="x", decision="y", responsible=""
        ),
        lambda: services.save_minutes(
            minutes=meeting.minutes,
            by=by,
            remarks="Tillägg",
            approvers=[bo, cecilia],
            chair=world.own.person,
            secretary="Siri Sekreterare",
        ),
        lambda: services.add_decision(
            item=item, by=by, text="Utred", owner=world.own.person, due_on=None
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    assert _snapshot(meeting) == before
    assert Correction.objects.count() == 0
    assert MinutesApproval.objects.valid().count() == 1


def test_approvers_cannot_be_changed_even_with_a_reason(world, flow):
    meeting, _item, bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    with pytest.raises(ValidationError):
        services.save_minutes(
            minutes=_fresh(meeting),
            by=world.user("strategist"),
            remarks="",
            approvers=[bo],
            chair=world.own.person,
            secretary="Siri Sekreterare",
            reason="Fel justerare",
        )
    assert _fresh(meeting).approvers.count() == 2


def test_a_correction_records_who_when_why_and_before_after(world, flow):
    meeting, _item, _bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    meeting = Meeting.objects.get(pk=meeting.pk)
    services.save_meeting(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        meeting=meeting,
        held_on=dt.date(2027, 3, 10),
        reason="Fel datum i kallelsen",
    )
    correction = Correction.objects.get()
    assert correction.made_by == world.user("strategist")
    assert correction.label == "Datum"
    assert (correction.old_value, correction.new_value) == (
        "9 mars 2027",
        "10 mars 2027",
    )
    assert correction.reason == "Fel datum i kallelsen"
    assert not correction.voided_signatures  # nobody had signed yet
    assert _fresh(meeting).version == 1


def test_an_attendance_correction_shows_the_attendance_before_and_after(world, flow):
    meeting, _item, bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    services.record_attendance(
        meeting=meeting,
        by=world.user("strategist"),
        capacities={p.pk: "member" for p in (world.own.person, bo)},
        reason="Cecilia Ek lämnade före mötet",
    )
    correction = Correction.objects.get(field="attendance")
    assert "Cecilia Ek" in correction.old_value
    assert "Cecilia Ek" not in correction.new_value
    assert selectors.quorum(meeting=meeting).present == 2


def test_a_correction_after_a_signature_voids_it_and_asks_everyone_again(world, flow):
    meeting, item, bo, cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    _approve(meeting.minutes, bo.user)
    mail.outbox.clear()

    services.save_item_minutes(
        item=AgendaItem.objects.get(pk=item.pk),
        by=world.user("strategist"),
        discussion="",
        decision="Beredningen lägger informationen till handlingarna.",
        responsible="",
        reason="Beslutet var felskrivet",
    )
    minutes = _fresh(meeting)
    assert minutes.round == 2
    assert MinutesApproval.objects.valid().count() == 0
    voided = MinutesApproval.objects.get()
    assert voided.voided_at is not None
    assert Correction.objects.get().voided_signatures
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bo@example.se",
        "cecilia@example.se",
    ]
    assert "rättats" in mail.outbox[0].body

    # Bo's old form (round 1) no longer works; approving in the new round does.
    with pytest.raises(ValidationError) as error:
        services.approve_minutes(minutes=minutes, by=bo.user, round=1, version=0)
    assert "justera igen" in " ".join(error.value.messages)
    _approve(minutes, bo.user)
    _approve(minutes, cecilia.user)
    assert _fresh(meeting).approved_on is not None


def test_approval_records_date_and_time_and_completes_with_the_last(world, flow):
    meeting, _item, bo, cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    signed_at = timezone.make_aware(dt.datetime(2027, 3, 12, 9, 41))
    approval = _approve(meeting.minutes, bo.user, now=signed_at)
    assert approval.approved_at == signed_at
    assert approval.approved_on == dt.date(2027, 3, 12)
    assert _fresh(meeting).approved_on is None
    _approve(meeting.minutes, cecilia.user, now=signed_at + dt.timedelta(days=1))
    assert _fresh(meeting).approved_on == dt.date(2027, 3, 13)
    record = _fresh(meeting).history.first()
    assert record.history_user == cecilia.user


def test_bad_approvals_are_refused_with_nothing_changed(world, flow):
    meeting, _item, bo, _cecilia = flow
    minutes = _fresh(meeting)
    with pytest.raises(ValidationError):  # not sent yet
        _approve(minutes, bo.user)
    services.send_for_approval(minutes=minutes, by=world.user("strategist"))
    for role in ("admin", "strategist", "politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            _approve(minutes, world.user(role))
    _approve(minutes, bo.user)
    with pytest.raises(ValidationError) as error:
        _approve(minutes, bo.user)
    assert "redan justerat" in " ".join(error.value.messages)
    with pytest.raises(ValidationError):  # an outdated version
        services.approve_minutes(minutes=minutes, by=bo.user, round=1, version=7)
    assert MinutesApproval.objects.count() == 1


def test_withdrawing_is_possible_until_someone_signs(world, flow):
    meeting, _item, bo, _cecilia = flow
    by = world.user("strategist")
    services.send_for_approval(minutes=meeting.minutes, by=by)
    services.withdraw_from_approval(minutes=meeting.minutes, by=by)
    minutes = _fresh(meeting)
    assert not minutes.is_locked
    assert not meeting.agenda_items.filter(paragraph__isnull=False).exists()
    services.send_for_approval(minutes=minutes, by=by)
    _approve(minutes, bo.user)
    with pytest.raises(ValidationError):
        services.withdraw_from_approval(minutes=_fresh(meeting), by=by)


def _sent_on(world, flow, day: dt.date):
    meeting, _item, bo, cecilia = flow
    with time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(10))), tick=False
    ):
        services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    mail.outbox.clear()
    return meeting, bo, cecilia


def test_reminders_go_out_on_the_right_day_and_never_twice(world, flow):
    meeting, bo, _cecilia = _sent_on(world, flow, dt.date(2027, 3, 10))
    _approve(meeting.minutes, bo.user)
    assert services.send_approval_reminders(today=dt.date(2027, 3, 12)) == 0
    assert mail.outbox == []
    assert services.send_approval_reminders(today=dt.date(2027, 3, 13)) == 1
    assert [m.to for m in mail.outbox] == [["cecilia@example.se"]]
    assert "Påminnelse" in mail.outbox[0].subject
    assert services.send_approval_reminders(today=dt.date(2027, 3, 13)) == 0
    assert services.send_approval_reminders(today=dt.date(2027, 3, 14)) == 0
    assert len(mail.outbox) == 1


def test_the_reminder_day_follows_the_body_setting(world, flow):
    services.save_minutes_settings(
        body=world.own.body,
        by=world.user("strategist"),
        posts_minutes=False,
        reminder_after_days=7,
    )
    _sent_on(world, flow, dt.date(2027, 3, 10))
    assert services.send_approval_reminders(today=dt.date(2027, 3, 16)) == 0
    assert services.send_approval_reminders(today=dt.date(2027, 3, 17)) == 2


def test_reminder_command_is_safe_to_run_twice(world, flow):
    from django.core.management import call_command

    _sent_on(world, flow, dt.date(2027, 3, 10))
    call_command("send-minutes-reminders", "--date", "2027-03-20")
    call_command("send-minutes-reminders", "--date", "2027-03-20")
    assert len(mail.outbox) == 2


def _approved(world, flow, on: dt.date) -> Minutes:
    meeting, _item, bo, cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    at = timezone.make_aware(dt.datetime.combine(on, dt.time(9)))
    _approve(meeting.minutes, bo.user, now=at)
    _approve(meeting.minutes, cecilia.user, now=at)
    return _fresh(meeting)


def _posting_body(world) -> None:
    services.save_minutes_settings(
        body=world.own.body,
        by=world.user("strategist"),
        posts_minutes=True,
        reminder_after_days=3,
    )


def test_posting_dates_are_checked_against_approval_and_appeal_time(world, flow):
    _posting_body(world)
    minutes = _approved(world, flow, dt.date(2027, 3, 12))  # a Friday
    by = world.user("strategist")
    with pytest.raises(ValidationError) as error:
        services.record_posting(
            minutes=minutes, by=by, posted_on=dt.date(2027, 3, 11), taken_down_on=None
        )
    assert "(12 mars 2027)" in " ".join(error.value.messages)
    with pytest.raises(ValidationError) as error:
        services.record_posting(
            minutes=minutes,
            by=by,
            posted_on=dt.date(2027, 3, 15),
            taken_down_on=dt.date(2027, 4, 1),
        )
    assert "6 april 2027" in " ".join(error.value.messages)
    assert _fresh(minutes.meeting).posted_on is None
    services.record_posting(
        minutes=minutes,
        by=by,
        posted_on=dt.date(2027, 3, 15),
        taken_down_on=dt.date(2027, 4, 6),
    )
    status = selectors.posting_status(
        minutes=_fresh(minutes.meeting), today=dt.date(2027, 3, 20)
    )
    assert status.applies
    assert status.announce_by == dt.date(2027, 3, 15)  # Sunday 14th → Monday
    assert not status.late


def test_the_posting_warning_when_two_days_pass(world, flow):
    _posting_body(world)
    minutes = _approved(world, flow, dt.date(2027, 3, 16))  # a Tuesday
    status = selectors.posting_status(minutes=minutes, today=dt.date(2027, 3, 18))
    assert not status.late
    status = selectors.posting_status(minutes=minutes, today=dt.date(2027, 3, 19))
    assert status.late
    services.record_posting(
        minutes=minutes,
        by=world.user("strategist"),
        posted_on=dt.date(2027, 3, 19),
        taken_down_on=None,
    )
    assert selectors.posting_status(
        minutes=_fresh(minutes.meeting), today=dt.date(2027, 3, 25)
    ).late


def test_posting_is_refused_for_a_body_that_does_not_post(world, flow):
    minutes = _approved(world, flow, dt.date(2027, 3, 12))
    with pytest.raises(ValidationError):
        services.record_posting(
            minutes=minutes,
            by=world.user("strategist"),
            posted_on=dt.date(2027, 3, 12),
            taken_down_on=None,
        )


def test_statutory_time_skips_weekends_and_swedish_holidays():
    assert posting.announce_by(dt.date(2027, 12, 22)) == dt.date(2027, 12, 27)
    assert posting.announce_by(dt.date(2027, 6, 23)) == dt.date(2027, 6, 28)
    assert posting.earliest_take_down(dt.date(2027, 3, 15)) == dt.date(2027, 4, 6)


# --- Pages ----------------------------------------------------------------------


def test_the_approver_confirms_on_a_page_and_sees_the_minutes_approved(
    world, flow, client
):
    meeting, _item, bo, cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    client.force_login(bo.user)
    page = client.get(url)
    assert page.status_code == 200
    assert "Du justerar som Bo Ström." in page.content.decode()
    refused = client.post(url, {"round": 1, "version": 0})
    assert refused.status_code == 400
    assert "Bekräfta att du har läst protokollet." in refused.content.decode()
    assert MinutesApproval.objects.count() == 0
    done = client.post(url, {"round": 1, "version": 0, "confirm": "on"})
    assert done.status_code == 302
    client.force_login(cecilia.user)
    client.post(url, {"round": 1, "version": 0, "confirm": "on"})
    detail = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Justerat den" in detail
    assert "Bo Ström" in detail
    assert "Cecilia Ek" in detail


def test_others_cannot_open_the_approval_page(world, flow, client):
    meeting, _item, _bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    for role in ("admin", "strategist", "politician", "reader"):
        client.force_login(world.user(role))
        assert client.get(url).status_code == 403
        assert (
            client.post(url, {"round": 1, "version": 0, "confirm": "on"}).status_code
            == 403
        )
    assert MinutesApproval.objects.count() == 0


def test_the_minutes_form_corrects_with_a_reason_once_sent(world, flow, client):
    meeting, item, _bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    client.force_login(world.user("strategist"))
    url = reverse("meetings:minutes_edit", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "Skäl till rättelsen" in page
    data = {
        "secretary": "Siri Sekreterare",
        "chair": world.own.person.pk,
        "remarks": "",
    }
    for other in meeting.agenda_items.all():
        prefix = f"item-{other.pk}"
        data |= {
            f"{prefix}-discussion": other.discussion,
            f"{prefix}-decision": other.decision,
            f"{prefix}-responsible": other.responsible,
        }
    data[f"item-{item.pk}-decision"] = (
        "Beredningen lägger informationen till handlingarna."
    )
    missing = client.post(url, data)
    assert missing.status_code == 400
    assert (
        AgendaItem.objects.get(pk=item.pk).decision
        == "Beredningen tackar för informationen."
    )
    data["reason"] = "Felskrivet beslut"
    assert client.post(url, data).status_code == 302
    assert AgendaItem.objects.get(pk=item.pk).decision.endswith("till handlingarna.")
    correction = Correction.objects.get()
    assert (
        correction.label == f"§ {AgendaItem.objects.get(pk=item.pk).paragraph} beslut"
    )


def test_dashboard_shows_minutes_to_approve_to_the_approver_only(world, flow, client):
    meeting, _item, bo, _cecilia = flow
    services.send_for_approval(minutes=meeting.minutes, by=world.user("strategist"))
    client.force_login(bo.user)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "Protokoll att justera" in home
    assert reverse("meetings:minutes_approve", args=[meeting.pk]) in home
    _approve(meeting.minutes, bo.user)
    home = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("meetings:minutes_approve", args=[meeting.pk]) not in home
    client.force_login(world.user("reader"))
    home = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("meetings:minutes_approve", args=[meeting.pk]) not in home
