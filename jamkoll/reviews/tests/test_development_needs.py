"""Development needs found in a review are the one `meetings.DevelopmentNeed` model."""

from html import unescape

from django.urls import reverse

from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.reviews.models import source_ref_of


def test_adding_a_development_need_from_the_review_page(client_for, world, make_review):
    review = make_review()
    client = client_for("strategist")
    url = reverse("reviews:need_create", args=[review.pk])
    form = client.get(url).context["form"]
    assert form.initial["unit"] == world.own.board.pk

    response = client.post(
        url, {"text": "Könsuppdela brukarstatistiken.", "unit": world.own.board.pk}
    )
    assert response.status_code == 302
    need = DevelopmentNeed.objects.get()
    assert need.source_ref == source_ref_of(review)
    assert need.source_url == review.get_absolute_url()
    assert (need.organisation, need.unit, need.year, need.meeting) == (
        world.own.organisation,
        world.own.board,
        2026,
        None,
    )
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Könsuppdela brukarstatistiken." in page
    listing = client.get(reverse("reviews:need_list")).content.decode()
    assert "Könsuppdela brukarstatistiken." in listing
    assert f'href="{review.get_absolute_url()}"' in listing


def test_a_unit_of_another_organisation_is_refused_and_nothing_saved(
    client_for, world, make_review
):
    review = make_review()
    response = client_for("strategist").post(
        reverse("reviews:need_create", args=[review.pk]),
        {"text": "Något", "unit": world.other.board.pk},
    )
    assert response.status_code == 400
    assert "Välj ett giltigt alternativ" in unescape(response.content.decode())
    assert not DevelopmentNeed.objects.exists()


def test_managers_see_only_needs_of_their_units(client, world, make_review):
    strategist = world.user("strategist")
    from jamkoll.reviews import services

    services.add_development_need(
        review=make_review(), by=strategist, text="Behov för socialnämnden"
    )
    services.add_development_need(
        review=make_review(unit=world.own.other_board),
        by=strategist,
        text="Behov för kulturnämnden",
    )
    client.force_login(world.user("manager"))
    page = client.get(reverse("reviews:need_list")).content.decode()
    assert "Behov för socialnämnden" in page
    assert "Behov för kulturnämnden" not in page
