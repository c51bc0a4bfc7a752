from django.urls import reverse

from jamkoll.members.models import Membership, Person


def test_second_chair_is_refused_with_a_swedish_message_and_nothing_saved(
    client_for, world
):
    newcomer = Person.objects.create(
        organisation=world.own.organisation, first_name="Nils", last_name="Ek"
    )
    response = client_for("strategist").post(
        reverse("members:membership_create"),
        {
            "person": newcomer.pk,
            "unit": world.own.body.pk,
            "term": world.own.term.pk,
            "role": "chair",
            "starts_on": "2026-11-01",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "redan en ordförande" in html
    assert 'value="2026-11-01"' in html
    assert not Membership.objects.filter(person=newcomer).exists()


def test_person_is_created_with_history(client_for, world):
    response = client_for("admin").post(
        reverse("members:person_create"),
        {
            "first_name": "Östen",
            "last_name": "Åkesson",
            "sex": "man",
            "party": world.own.party.pk,
        },
    )
    person = Person.objects.get(first_name="Östen")
    assert response.status_code == 302
    assert person.history.latest().history_user == world.user("admin")


def test_party_from_another_organisation_cannot_be_chosen(client_for, world):
    response = client_for("admin").post(
        reverse("members:person_create"),
        {
            "first_name": "Östen",
            "last_name": "Åkesson",
            "sex": "man",
            "party": world.other.party.pk,
        },
    )
    assert response.status_code == 400
    assert not Person.objects.filter(first_name="Östen").exists()


def test_people_search_returns_only_matching_people(client_for, world):
    Person.objects.create(
        organisation=world.own.organisation, first_name="Ylva", last_name="Björk"
    )
    response = client_for("reader").get(
        reverse("members:person_list"), {"q": "björk"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "Ylva Björk" in html
    assert "Åsa Öberg" not in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]
