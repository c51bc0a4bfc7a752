from django.urls import reverse


def test_history_shows_who_changed_what(client_for, world):
    client = client_for("strategist")
    client.post(
        reverse("members:person_edit", args=[world.own.person.pk]),
        {
            "first_name": "Åsa",
            "last_name": "Öberg-Lind",
            "sex": "woman",
            "party": world.own.party.pk,
        },
    )
    response = client.get(
        reverse("audit:history", args=["members", "person", world.own.person.pk])
    )
    html = response.content.decode()
    assert "Öberg-Lind" in html
    assert "u-strategist" in html
    assert "Ändrad" in html


def test_history_of_unknown_model_is_a_404(client_for):
    response = client_for("admin").get(
        reverse("audit:history", args=["members", "nothing", 1])
    )
    assert response.status_code == 404
