"""The demo at board level: the demo user `namnd` sits in one board of every demo
organisation through a mandate, and at least two boards per organisation raise their
own demands, review their decision documents and assess themselves, last year and
this year. Loading the demo twice changes nothing."""

from collections import defaultdict
from statistics import mean

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.accounts.roles import board_ids, forget, managed_unit_ids
from jamkoll.dashboard import demo
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.members.models import Membership
from jamkoll.organisations.boards import board_map
from jamkoll.organisations.middleware import SESSION_KEY
from jamkoll.result_requests.models import ResultRequest, Status
from jamkoll.reviews.models import Answer, Review

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEARS = (TODAY.year - 1, TODAY.year)


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Membership.objects.count(),
        ResultRequest.objects.count(),
        Review.objects.count(),
        DevelopmentNeed.objects.count(),
    )


def test_demo_works_at_board_level_in_every_organisation_and_loads_twice(client):
    """One load of the demo (it is slow) for every check."""
    organisations = demo.load(today=TODAY)
    _check_board_politician(organisations, client)
    _check_boards_at_board_level(organisations)
    before = _counts()
    demo.load(today=TODAY)
    assert _counts() == before


def _check_board_politician(organisations, client) -> None:
    """`namnd` acts for one board per organisation through a mandate."""
    namnd = User.objects.get(username="namnd")
    chef = User.objects.get(username="chef")
    assert namnd.check_password(demo.DEMO_PASSWORD)
    for organisation in organisations:
        assignment = RoleAssignment.objects.get(
            user=namnd, organisation=organisation, role=Role.BOARD_POLITICIAN
        )
        assert not assignment.units.exists()  # the board comes from the mandate
        mandate = Membership.objects.get(
            person__user=namnd, unit__organisation=organisation
        )
        assert mandate.role == Membership.Role.MEMBER
        assert mandate.unit.kind == "board"
        assert mandate.ends_on is None
        assert board_ids(namnd, organisation.pk) == {mandate.unit_id}
        # The demo manager answers for that board's administration.
        administration = mandate.unit.children.get(kind="administration")
        assert administration.pk in managed_unit_ids(chef, organisation.pk)

        forget(namnd)
        client.force_login(namnd)
        session = client.session
        session[SESSION_KEY] = organisation.pk
        session.save()
        page = client.get(reverse("boards:mine"), follow=True)
        assert page.status_code == 200
        assert mandate.unit.name in page.content.decode()
        other_board = (
            organisation.units.filter(kind="board").exclude(pk=mandate.unit_id).first()
        )
        response = client.get(reverse("boards:detail", args=[other_board.pk]))
        assert response.status_code == 404


def _check_boards_at_board_level(organisations) -> None:
    """At least two boards per organisation raise demands, review decision
    documents and assess themselves, last year and this year."""
    for organisation in organisations:
        domain = board_map(organisation.pk)
        demands: dict[int, set[int]] = defaultdict(set)
        for raised_for, addressed_to, due_on in (
            ResultRequest.objects.filter(
                organisation=organisation, raised_for__kind="board"
            )
            .exclude(status=Status.DRAFT)
            .values_list("raised_for_id", "addressed_to_id", "due_on")
        ):
            assert domain[addressed_to] == raised_for != addressed_to
            demands[raised_for].add(due_on.year)
        working = {board for board, years in demands.items() if set(YEARS) <= years}
        assert len(working) >= 2, organisation

        decisions: dict[int, list[Review]] = defaultdict(list)
        for review in Review.objects.filter(
            organisation=organisation,
            document_type="decision_document",
            checklist_version__checklist__key="beslutsunderlag",
        ):
            decisions[domain[review.unit_id]].append(review)
        levels = {}
        for board in working:
            years = {r.year for r in decisions[board]}
            assert set(YEARS) <= years
            sent_back = [r for r in decisions[board] if r.outcome == "send_back"]
            assert sent_back
            assert any(r.meeting_on and r.paragraph for r in sent_back)
            assessments = Review.objects.filter(
                unit_id=board,
                checklist_version__checklist__key="sjalvskattning-namnd",
                status=Review.Status.DONE,
            )
            assert {a.year for a in assessments} >= set(YEARS)
            scores = [
                int(value)
                for value in Answer.objects.filter(
                    review__in=assessments, review__year=TODAY.year
                ).values_list("value", flat=True)
            ]
            assert scores
            assert set(scores) <= {1, 2, 3, 4}
            levels[board] = mean(scores)
            assert DevelopmentNeed.objects.filter(
                organisation=organisation,
                unit_id__in=[u for u, b in domain.items() if b == board],
            ).exists()
        # Different figures per board, so the comparison says something.
        assert len(set(levels.values())) == len(levels)
