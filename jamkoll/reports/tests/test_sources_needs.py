"""The development-area picker lists every development need once, whatever its source."""

import datetime as dt

from jamkoll.meetings import services as meetings_services
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.reports import sources
from jamkoll.reviews import services as review_services
from jamkoll.reviews.tests.conftest import make_review  # noqa: F401 - fixture


def test_a_need_from_a_review_and_one_from_a_dialogue_are_listed_once_each(
    world,
    make_review,  # noqa: F811
):
    strategist = world.user("strategist")
    review = make_review(title="Verksamhetsplan 2026")
    review_services.add_development_need(
        review=review, by=strategist, text="Könsuppdela brukarstatistiken."
    )
    dialogue = make_meeting(
        world.own,
        held_on=dt.date(2026, 4, 14),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.board,
        title="Dialogmöte",
    )
    meetings_services.add_development_need(
        meeting=dialogue, by=strategist, text="Analysera väntetider per kön."
    )

    needs = sources.collected_needs(organisation=world.own.organisation, year=2026)
    texts = [n.description for n in needs]
    assert texts.count("Könsuppdela brukarstatistiken.") == 1
    assert texts.count("Analysera väntetider per kön.") == 1
    from_review = next(n for n in needs if n.description.startswith("Könsuppdela"))
    assert from_review.origin == "Granskning av Verksamhetsplan 2026"
    assert from_review.unit_name == "Socialnämnden"
    assert (
        sources.find_need(
            organisation=world.own.organisation,
            year=2026,
            reference=from_review.reference,
        )
        == from_review
    )
    assert not sources.collected_needs(organisation=world.own.organisation, year=2025)
    assert not sources.collected_needs(organisation=world.other.organisation, year=2026)
