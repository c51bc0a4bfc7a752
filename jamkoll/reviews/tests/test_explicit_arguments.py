"""`create_review` and `update_review` take the fields a user may change, nothing
else: status, outcome, checklist version and organisation follow the workflow."""

import pytest

from jamkoll.reviews import services
from jamkoll.reviews.models import Review

SMUGGLED = ["status", "outcome", "organisation", "checklist_version", "reviewer"]


def _value(world, name: str) -> object:
    return {
        "status": Review.Status.DONE,
        "outcome": Review.Outcome.CAN_BE_DECIDED,
        "organisation": world.other.organisation,
        "checklist_version": None,
        "reviewer": world.user("reader"),
    }[name]


@pytest.mark.parametrize("smuggled", SMUGGLED)
def test_update_review_refuses_fields_outside_its_signature(
    world, make_review, smuggled
):
    review = make_review()
    before = Review.objects.filter(pk=review.pk).values().get()
    with pytest.raises(TypeError):
        services.update_review(
            review=review,
            by=world.user("strategist"),
            title="Ändrad",
            **{smuggled: _value(world, smuggled)},
        )
    assert Review.objects.filter(pk=review.pk).values().get() == before


@pytest.mark.parametrize("smuggled", ["status", "outcome", "reviewer"])
def test_create_review_refuses_fields_outside_its_signature(
    world, make_review, smuggled
):
    with pytest.raises(TypeError):
        make_review(**{smuggled: _value(world, smuggled)})
    assert not Review.objects.exists()


def test_fields_left_out_keep_their_value(world, make_review):
    review = make_review()
    services.update_review(review=review, by=world.user("strategist"), title="Ändrad")
    stored = Review.objects.get(pk=review.pk)
    assert (stored.title, stored.document_reference, stored.reviewer) == (
        "Ändrad",
        "Diariet",
        world.user("strategist"),
    )
