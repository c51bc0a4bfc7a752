"""`jamkoll send-reminders` commits per organisation: a failure in one organisation
rolls back only its changes and mails, is reported, and the others' reminders are
still sent and recorded."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.result_requests import services
from jamkoll.result_requests.models import Reminder, Status
from jamkoll.result_requests.tests import factories

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


def _manager(org_world, name: str) -> User:
    user = User.objects.create_user(username=name, email=f"{name}@kommun.example")
    assignment = RoleAssignment.objects.create(
        user=user, organisation=org_world.organisation, role=Role.MANAGER
    )
    assignment.units.set([org_world.board])
    return user


def test_a_failing_organisation_leaves_the_others_reminders_sent_and_recorded(
    world, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    _manager(world.own, "chef-egen")
    _manager(world.other, "chef-annan")
    with time_machine.travel(START, tick=False):
        own = factories.raise_demand(world.own, due_in=1)
        other = factories.raise_demand(world.other, due_in=1)
    mail.outbox.clear()

    real = services.run_daily_reminders

    def failing_for_other(*, today, organisation=None):
        counts = real(today=today, organisation=organisation)
        if organisation == world.other.organisation:
            raise RuntimeError("simulated database error")
        return counts

    monkeypatch.setattr(services, "run_daily_reminders", failing_for_other)
    out = io.StringIO()
    with (
        time_machine.travel(START + dt.timedelta(days=5), tick=False),
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(CommandError) as failure,
    ):
        call_command("send-reminders", stdout=out)

    assert "Misslyckades för 1 av 2 organisationer: Annan kommun" in str(failure.value)
    assert "1 om försenade efterfrågningar" in out.getvalue()
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == Status.OVERDUE
    assert Reminder.objects.filter(result_request=own, kind="overdue").exists()
    # The failing organisation's changes and mail were rolled back together.
    assert other.status != Status.OVERDUE
    assert not Reminder.objects.filter(result_request=other, kind="overdue").exists()
    assert [m.to for m in mail.outbox] == [["chef-egen@kommun.example"]]

    # The next run, with the error gone, catches up on the failed organisation.
    monkeypatch.setattr(services, "run_daily_reminders", real)
    mail.outbox.clear()
    with (
        time_machine.travel(START + dt.timedelta(days=5, hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send-reminders", stdout=io.StringIO())
    other.refresh_from_db()
    assert other.status == Status.OVERDUE
    assert [m.to for m in mail.outbox] == [["chef-annan@kommun.example"]]
