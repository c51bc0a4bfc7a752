"""A correction and a signature racing on PostgreSQL: the minutes' row lock makes
them take turns, so a signature never stands on text it did not cover.

SQLite serialises every write anyway; the race only exists on PostgreSQL, where CI
runs this test (`DATABASE_URL`)."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.meetings import services
from jamkoll.meetings.models import Correction, Minutes, MinutesApproval
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Membership, Person

pytestmark = pytest.mark.django_db(transaction=True)


def _sent_minutes(world) -> tuple[Minutes, User, object]:
    by = world.user("strategist")
    meeting = make_meeting(world.own, held_on=dt.date(2027, 3, 9))
    item = services.save_agenda_item(meeting=meeting, by=by, title="Budget")
    user = User.objects.create_user(username="justerare", password="pw-test-123456")
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.POLITICIAN
    )
    person = Person.objects.create(
        organisation=world.own.organisation, first_name="Bo", last_name="Ek", user=user
    )
    Membership.objects.create(
        person=person,
        unit=world.own.body,
        term=world.own.term,
        starts_on=world.own.term.starts_on,
    )
    services.save_minutes(
        minutes=meeting.minutes, by=by, remarks="", approvers=[person]
    )
    services.send_for_approval(minutes=meeting.minutes, by=by)
    return Minutes.objects.get(meeting=meeting), user, item


def _run_both(*actions):
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = [""] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            action()
            outcomes[index] = "ok"
        except Exception as error:  # noqa: BLE001 - record which one lost
            outcomes[index] = type(error).__name__
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the race exists on PostgreSQL only"
)
@pytest.mark.parametrize("attempt", range(4))
def test_a_racing_correction_and_signature_never_both_stand(world, attempt):
    minutes, user, item = _sent_minutes(world)
    read = (minutes.round, minutes.version)  # what the approver read
    strategist = world.user("strategist")

    def correct():
        services.save_item_minutes(
            item=item,
            by=strategist,
            discussion="",
            decision=f"Rättat beslut {attempt}",
            responsible="",
            reason="Felskrivet",
        )

    def sign():
        services.approve_minutes(
            minutes=minutes, by=user, round=read[0], version=read[1]
        )

    outcomes = _run_both(correct, sign) if attempt % 2 else _run_both(sign, correct)
    assert outcomes[0 if attempt % 2 else 1] == "ok"  # the correction always lands
    valid = MinutesApproval.objects.valid().filter(minutes=minutes)
    corrected = Correction.objects.filter(minutes=minutes).exists()
    assert corrected
    # Exactly one wins: the signature on the text it read never stands beside the
    # correction. Either it came first and was voided, or it was refused.
    assert not valid.exists()
    final = Minutes.objects.get(pk=minutes.pk)
    if MinutesApproval.objects.filter(minutes=minutes).exists():
        assert final.round == read[0] + 1  # signed first, then voided
    else:
        assert final.round == read[0]  # refused: the text had changed
