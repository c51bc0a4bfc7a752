import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from jamkoll.accounts.models import User
from jamkoll.core.mail import absolute_url
from jamkoll.meetings import services
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person, Sex

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def meeting(world):
    """A meeting with three mandates: an address of their own, an address only
    through the user account, and none."""
    own = world.own
    Person.objects.filter(pk=own.person.pk).update(email="asa.oberg@example.se")
    linked = Person.objects.create(
        organisation=own.organisation,
        first_name="Björn",
        last_name="Ängström",
        sex=Sex.MAN,
        user=User.objects.create_user(
            username="bjorn", email="bjorn@example.se", password="pw-test-123456"
        ),
    )
    unreachable = Person.objects.create(
        organisation=own.organisation,
        first_name="Örjan",
        last_name="Åkesson",
        sex=Sex.MAN,
    )
    for person, role in (
        (linked, Membership.Role.MEMBER),
        (unreachable, Membership.Role.SUBSTITUTE),
    ):
        Membership.objects.create(
            person=person,
            unit=own.body,
            term=own.term,
            role=role,
            starts_on=own.term.starts_on,
        )
    return make_meeting(own, held_on=dt.date(2027, 3, 10), title="Sammanträde")


def _calendar(message):
    parts = [
        part
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_filename() == "kallelse.ics"
    return icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))


def test_members_get_an_invitation_with_a_calendar_file(
    world, meeting, client_for, django_capture_on_commit_callbacks
):
    client = client_for("strategist")
    url = reverse("meetings:meeting_invite", args=[meeting.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kallelsen skickades till 2 personer." in html
    assert "Saknar e-postadress och fick ingen kallelse: Örjan Åkesson." in html
    assert "Kallelse skickad" in html
    assert "Skicka kallelsen igen" in html

    assert sorted(m.to[0] for m in mail.outbox) == [
        "asa.oberg@example.se",
        "bjorn@example.se",
    ]
    message = next(m for m in mail.outbox if m.to == ["bjorn@example.se"])
    assert message.subject == (
        "Kallelse: Jämställdhetsberedningen, 10 mars 2027 kl. 13.00"
    )
    assert "Hej Björn Ängström," in message.body
    assert "Du kallas till sammanträde med Jämställdhetsberedningen som ledamot." in (
        message.body
    )
    assert "Rådhuset, sal Åsen" in message.body
    assert "13.00–15.00" in message.body
    assert absolute_url(meeting.get_absolute_url()) in message.body

    calendar = _calendar(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meetings.meeting.{meeting.pk}@jamkoll"
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == dt.datetime(2027, 3, 10, 13, tzinfo=STOCKHOLM)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("DTEND") == dt.datetime(2027, 3, 10, 15, tzinfo=STOCKHOLM)
    assert str(event["LOCATION"]) == "Rådhuset, sal Åsen"
    assert str(event["ATTENDEE"]) == "mailto:bjorn@example.se"
    assert str(event["ORGANIZER"]).startswith("mailto:")

    meeting.refresh_from_db()
    assert meeting.invitation_sequence == 1
    assert meeting.invitation_sent_at is not None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert {int(_calendar(m).walk("VEVENT")[0]["SEQUENCE"]) for m in mail.outbox} == {2}
    assert all("uppdaterad kallelse" in m.body for m in mail.outbox)
    meeting.refresh_from_db()
    assert meeting.invitation_sequence == 2


def test_only_editors_may_send_invitations(
    world, meeting, client_for, django_capture_on_commit_callbacks
):
    url = reverse("meetings:meeting_invite", args=[meeting.pk])
    for role in ("politician", "manager", "reader"):
        with django_capture_on_commit_callbacks(execute=True):
            assert client_for(role).post(url).status_code == 403
    assert mail.outbox == []
    meeting.refresh_from_db()
    assert (meeting.invitation_sequence, meeting.invitation_sent_at) == (0, None)
    page = client_for("politician").get(meeting.get_absolute_url()).content.decode()
    assert "Skicka kallelse till ledamöterna" not in page
    editor = client_for("strategist").get(meeting.get_absolute_url()).content.decode()
    assert "Skicka kallelse till ledamöterna" in editor


def test_without_any_address_nothing_is_sent_or_changed(
    world, client_for, django_capture_on_commit_callbacks
):
    meeting = make_meeting(world.own, held_on=dt.date(2027, 3, 10))
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("strategist").post(
            reverse("meetings:meeting_invite", args=[meeting.pk]), follow=True
        )
    assert "har en e-postadress, så ingen kallelse skickades" in (
        response.content.decode()
    )
    assert mail.outbox == []
    meeting.refresh_from_db()
    assert (meeting.invitation_sequence, meeting.invitation_sent_at) == (0, None)


def test_people_without_a_mandate_on_the_date_are_not_invited(
    world, meeting, django_capture_on_commit_callbacks
):
    early = Meeting.objects.get(pk=meeting.pk)
    early.held_on = dt.date(2026, 10, 1)  # before the term starts
    early.save()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError),
    ):
        services.send_invitation(meeting=early, by=world.user("strategist"))
    assert mail.outbox == []
