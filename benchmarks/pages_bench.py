"""Render times of the demand pages with 2000 demands, in a throwaway test database.

Run: ``.venv/bin/python -m benchmarks.pages_bench`` (or ``make bench``). Prints the
median of several renders; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid

from benchmarks.pages import median_ms, test_database

N_DEMANDS = 2000
ROUNDS = 7


def _world():  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from jamkoll.accounts.models import Role, RoleAssignment, User
    from jamkoll.organisations.models import Organisation, Unit
    from jamkoll.result_requests.models import Occasion, Outcome, ResultRequest, Status

    org = Organisation.objects.create(name="Benchkommun", code="0999")
    council = Unit.objects.create(organisation=org, name="KF", kind=Unit.Kind.COUNCIL)
    boards = [
        Unit.objects.create(
            organisation=org, name=f"Nämnd {i}", kind=Unit.Kind.BOARD, parent=council
        )
        for i in range(12)
    ]
    politician = User.objects.create_user("bench-politiker")
    manager = User.objects.create_user("bench-chef")
    RoleAssignment.objects.create(
        user=politician, organisation=org, role=Role.POLITICIAN
    )
    assignment = RoleAssignment.objects.create(
        user=manager, organisation=org, role=Role.MANAGER
    )
    assignment.units.set(boards[:6])
    now = timezone.now()
    statuses = [
        Status.SENT,
        Status.OVERDUE,
        Status.ANSWERED,
        Status.ASSESSED,
        Status.CLOSED,
    ]
    rows = []
    for i in range(N_DEMANDS):
        status = statuses[i % len(statuses)]
        sent = now - dt.timedelta(days=i % 700)
        answered = status in {Status.ANSWERED, Status.ASSESSED, Status.CLOSED}
        rows.append(
            ResultRequest(
                organisation=org,
                group=uuid.uuid4(),
                raised_by=politician,
                addressed_to=boards[i % len(boards)],
                title=f"Efterfrågan {i}",
                question="Redovisa statistik uppdelad på kvinnor och män.",
                occasion=Occasion.values[i % len(Occasion.values)],
                due_on=sent.date() + dt.timedelta(days=30),
                status=status,
                sent_at=sent,
                first_answered_at=sent + dt.timedelta(days=i % 45)
                if answered
                else None,
                outcome=Outcome.ACCEPTED if status == Status.ASSESSED else "",
                first_outcome=Outcome.ACCEPTED
                if status == Status.ASSESSED and i % 3
                else "",
            )
        )
    ResultRequest.objects.bulk_create(rows, batch_size=500)
    return org, politician, manager, boards


def run() -> None:
    with test_database():
        from django.test import Client

        _org, politician, manager, boards = _world()
        pages = [
            ("Att bedöma (politiker)", politician, "/efterfragningar/att-bedoma/"),
            ("Alla efterfrågningar (politiker)", politician, "/efterfragningar/"),
            ("Att besvara (chef, 6 nämnder)", manager, "/efterfragningar/att-besvara/"),
            (
                "Enhetssida (politiker)",
                politician,
                f"/efterfragningar/enhet/{boards[0].pk}/",
            ),
            ("Uppföljning (politiker)", politician, "/efterfragningar/uppfoljning/"),
        ]
        print(f"{N_DEMANDS} efterfrågningar, median av {ROUNDS} renderingar:")
        for label, user, url in pages:
            client = Client()
            client.force_login(user)
            print(f"  {label:<36} {median_ms(client, url, ROUNDS):8.1f} ms")


if __name__ == "__main__":
    run()
