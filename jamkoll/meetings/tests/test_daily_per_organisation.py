"""`jamkoll send-minutes-reminders` commits per organisation: a failure in one
organisation rolls back only its reminders, is reported, and the others' are still
sent and recorded."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from jamkoll.meetings import services
from jamkoll.meetings.models import AgendaItem, Decision
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Person


def _overdue_assignment(org_world, email: str) -> Decision:
    Person.objects.filter(pk=org_world.person.pk).update(email=email)
    item = AgendaItem.objects.create(
        meeting=make_meeting(org_world), position=3, title="Väntetider i hemtjänsten"
    )
    return Decision.objects.create(
        organisation=org_world.organisation,
        agenda_item=item,
        text="Sammanställa frågor",
        owner=Person.objects.get(pk=org_world.person.pk),
        due_on=dt.date(2027, 5, 1),
    )


def test_a_failing_organisation_leaves_the_others_reminders_sent_and_recorded(
    world, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    own = _overdue_assignment(world.own, "asa@egen.example")
    other = _overdue_assignment(world.other, "olle@annan.example")
    real = services.send_assignment_reminders

    def failing_for_other(*, today, organisation=None):
        sent = real(today=today, organisation=organisation)
        if organisation == world.other.organisation:
            raise RuntimeError("simulated database error")
        return sent

    monkeypatch.setattr(services, "send_assignment_reminders", failing_for_other)
    out = io.StringIO()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(CommandError) as failure,
    ):
        call_command("send-minutes-reminders", "--date", "2027-05-02", stdout=out)

    assert "Misslyckades för 1 av 2 organisationer: Annan kommun" in str(failure.value)
    assert "1 påminnelser om försenade uppdrag" in out.getvalue()
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.reminded_on == dt.date(2027, 5, 2)
    assert other.reminded_on is None
    assert [m.to for m in mail.outbox] == [["asa@egen.example"]]
