import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test.utils import override_settings

from jamkoll.result_requests.models import Reminder, ResultRequest, Status
from jamkoll.result_requests.tests import factories

START = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def emails(world):
    for role, user in world.users.items():
        user.email = f"{role}@kommun.example"
        user.save()
    return world


@pytest.fixture
def run_on(django_capture_on_commit_callbacks):
    def _run(day: dt.date) -> list[mail.EmailMessage]:
        mail.outbox.clear()
        moment = dt.datetime.combine(day, dt.time(6, 0), tzinfo=dt.UTC)
        with time_machine.travel(moment, tick=False):
            for _ in range(2):  # the second run the same day sends nothing
                with django_capture_on_commit_callbacks(execute=True):
                    call_command("send-reminders", stdout=io.StringIO())
        return list(mail.outbox)

    return _run


@override_settings(JAMKOLL_BASE_URL="https://jamkoll.kommun.example")
def test_reminders_on_the_right_days_and_never_twice(
    emails, run_on, django_capture_on_commit_callbacks
):
    world = emails
    with (
        time_machine.travel(START, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        result_request = factories.raise_demand(
            world.own, world.user("politician"), due_in=10
        )
    [sent] = mail.outbox
    assert sent.to == ["manager@kommun.example"]
    assert "Ny efterfrågan om resultat" in sent.subject
    assert (
        f"https://jamkoll.kommun.example/efterfragningar/{result_request.pk}/"
        in sent.body
    )
    assert "Socialnämnden" in sent.body
    assert "u-politician" in sent.body

    day = START.date()
    by_day = {}
    for offset in range(0, 14):
        current = day + dt.timedelta(days=offset)
        by_day[offset] = [m.subject for m in run_on(current)]
    # Seven days before the due date (the organisation's default), then the day after it.
    assert [o for o, s in by_day.items() if s] == [3, 11]
    assert by_day[3][0].startswith("Påminnelse:")
    assert by_day[11][0].startswith("Försenad:")
    result_request.refresh_from_db()
    assert result_request.status == Status.OVERDUE
    assert Reminder.objects.filter(result_request=result_request).count() == 3


def test_reminder_window_follows_the_organisation_setting(emails, run_on):
    world = emails
    world.own.organisation.reminder_days_before_due = 2
    world.own.organisation.save()
    with time_machine.travel(START, tick=False):
        factories.raise_demand(world.own, world.user("politician"), due_in=5)
    assert run_on(START.date() + dt.timedelta(days=2)) == []
    assert len(run_on(START.date() + dt.timedelta(days=3))) == 1


def test_answered_and_assessed_mails_go_to_the_right_people(
    emails, django_capture_on_commit_callbacks
):
    world = emails
    with django_capture_on_commit_callbacks(execute=True):
        result_request = factories.raise_demand(world.own, world.user("politician"))
        factories.answer(result_request, world.user("manager"))
        factories.assess(result_request, world.user("politician"))
    subjects = [(m.subject.split(":")[0], m.to) for m in mail.outbox]
    assert subjects == [
        ("Ny efterfrågan om resultat", ["manager@kommun.example"]),
        ("Besvarad", ["politician@kommun.example"]),
        ("Bedömd", ["manager@kommun.example"]),
    ]
    assert "otillräcklig" in mail.outbox[2].body


def test_no_mail_leaves_when_the_change_is_rolled_back(
    emails, django_capture_on_commit_callbacks
):
    from django.db import transaction

    world = emails

    def raise_then_fail() -> None:
        with transaction.atomic():
            factories.raise_demand(world.own, world.user("politician"))
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        raise_then_fail()
    assert mail.outbox == []
    assert not ResultRequest.objects.exists()
