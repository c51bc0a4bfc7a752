"""The body's view of all boards and a board politician's pages, as the data grows.

Builds 40 boards with an administration each and, per board and year, 20 demands
raised by the board, 30 decision documents answered on the decision-document
checklist, one self-assessment and a few development needs; then renders the
overview for one year with 1, 5 and 10 years of history in the database, so the
growth shows rather than one absolute figure.

Run: ``.venv/bin/python -m benchmarks.boards_bench`` (or ``make bench``). Prints the
median of several renders; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid

from benchmarks.pages import median_ms, test_database

N_BOARDS = 40
DEMANDS_PER_YEAR = 20
DOCUMENTS_PER_YEAR = 30
ROUNDS = 5
LAST_YEAR = 2026


def _world():  # type: ignore[no-untyped-def]
    from jamkoll.accounts.models import Role, RoleAssignment, User
    from jamkoll.members.models import Membership, Person, Term
    from jamkoll.organisations.models import Organisation, Unit

    org = Organisation.objects.create(name="Benchkommun", code="0998")
    council = Unit.objects.create(organisation=org, name="KF", kind=Unit.Kind.COUNCIL)
    boards = [
        Unit.objects.create(
            organisation=org, name=f"Nämnd {i:02}", kind=Unit.Kind.BOARD, parent=council
        )
        for i in range(N_BOARDS)
    ]
    administrations = [
        Unit.objects.create(
            organisation=org,
            name=f"Förvaltning {i:02}",
            kind=Unit.Kind.ADMINISTRATION,
            parent=board,
        )
        for i, board in enumerate(boards)
    ]
    strategist = User.objects.create_user("bench-strateg")
    RoleAssignment.objects.create(
        user=strategist, organisation=org, role=Role.STRATEGIST
    )
    board_politician = User.objects.create_user("bench-namnd")
    RoleAssignment.objects.create(
        user=board_politician, organisation=org, role=Role.BOARD_POLITICIAN
    )
    term = Term.objects.create(
        organisation=org, starts_on=dt.date(2026, 10, 15), ends_on=dt.date(2030, 10, 14)
    )
    Membership.objects.create(
        person=Person.objects.create(
            organisation=org, first_name="Bo", last_name="Bänk", user=board_politician
        ),
        unit=boards[0],
        term=term,
        starts_on=term.starts_on,
    )
    return org, strategist, board_politician, boards, administrations


def _add_year(org, user, boards, administrations, year: int) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from jamkoll.meetings.models import DevelopmentNeed
    from jamkoll.result_requests.models import Occasion, ResultRequest, Status
    from jamkoll.reviews.models import Answer, Checklist, DocumentType, Review

    decision = Checklist.objects.get(key="beslutsunderlag").versions.first()
    self_assessment = Checklist.objects.get(key="sjalvskattning-namnd").versions.first()
    decision_criteria = list(decision.criteria.all())
    self_criteria = list(self_assessment.criteria.all())
    demands, reviews = [], []
    for b, (board, administration) in enumerate(
        zip(boards, administrations, strict=True)
    ):
        for i in range(DEMANDS_PER_YEAR):
            due = dt.date(year, 1 + i % 12, 15)
            sent = timezone.make_aware(dt.datetime.combine(due, dt.time(9)))
            answered = i % 4 != 0
            demands.append(
                ResultRequest(
                    organisation=org,
                    group=uuid.uuid4(),
                    raised_by=user,
                    raised_for=board,
                    addressed_to=administration,
                    title=f"Efterfrågan {year}-{b}-{i}",
                    question="Redovisa statistik uppdelad på kvinnor och män.",
                    occasion=Occasion.TERTIAL_REPORT,
                    due_on=due,
                    status=Status.ANSWERED if answered else Status.SENT,
                    sent_at=sent - dt.timedelta(days=30),
                    first_answered_at=sent + dt.timedelta(days=(i + b) % 5 - 2)
                    if answered
                    else None,
                )
            )
        for i in range(DOCUMENTS_PER_YEAR):
            reviews.append(
                Review(
                    organisation=org,
                    checklist_version=decision,
                    title=f"Tjänsteskrivelse {year}-{b}-{i}",
                    document_type=DocumentType.DECISION_DOCUMENT,
                    unit=administration if i % 2 else board,
                    year=year,
                    status=Review.Status.DONE,
                )
            )
        reviews.append(
            Review(
                organisation=org,
                checklist_version=self_assessment,
                title=f"Självskattning {year}",
                document_type=DocumentType.SELF_ASSESSMENT,
                unit=board,
                year=year,
                status=Review.Status.DONE,
            )
        )
        DevelopmentNeed.objects.create(
            organisation=org,
            year=year,
            unit=administration,
            text="Könsuppdelad statistik",
        )
    ResultRequest.objects.bulk_create(demands, batch_size=1000)
    Review.objects.bulk_create(reviews, batch_size=1000)
    answers = []
    for index, review in enumerate(reviews):
        if review.checklist_version_id == decision.pk:
            for c, criterion in enumerate(decision_criteria):
                value = ("yes", "partly", "no")[(index + c) % 3]
                answers.append(Answer(review=review, criterion=criterion, value=value))
        else:
            for c, criterion in enumerate(self_criteria):
                answers.append(
                    Answer(
                        review=review,
                        criterion=criterion,
                        value=str(1 + (index + c) % 4),
                    )
                )
    Answer.objects.bulk_create(answers, batch_size=2000)


def run() -> None:
    with test_database():
        from django.test import Client
        from django.urls import reverse

        org, strategist, board_politician, boards, administrations = _world()
        body_client, board_client = Client(), Client()
        body_client.force_login(strategist)
        board_client.force_login(board_politician)
        pages = [
            ("Nämndöversikt (strateg)", body_client, reverse("boards:overview")),
            (
                "Nämndöversikt, Excel",
                body_client,
                reverse("boards:overview_xlsx"),
            ),
            (
                "Min nämnd (nämndpolitiker)",
                board_client,
                reverse("boards:detail", args=[boards[0].pk]),
            ),
            (
                "Efterfrågningar (nämndpolitiker)",
                board_client,
                reverse("result_requests:list"),
            ),
            ("Granskningar (nämndpolitiker)", board_client, reverse("reviews:list")),
        ]
        print(
            f"{N_BOARDS} nämnder; per nämnd och år {DEMANDS_PER_YEAR} efterfrågningar, "
            f"{DOCUMENTS_PER_YEAR} beslutsunderlag; median av {ROUNDS} renderingar (ms):"
        )
        loaded = 0
        for years in (1, 5, 10):
            while loaded < years:
                _add_year(org, strategist, boards, administrations, LAST_YEAR - loaded)
                loaded += 1
            print(f"  {years:>2} år i databasen:")
            for label, client, url in pages:
                query = (
                    f"?year={LAST_YEAR}" if "boards" in url or "namnder" in url else ""
                )
                print(f"    {label:<36} {median_ms(client, url + query, ROUNDS):8.1f}")


if __name__ == "__main__":
    run()
