from django.urls import reverse

from jamkoll.organisations.middleware import SESSION_KEY
from jamkoll.organisations.models import UNIT_CANNOT_BE_OWN_ANCESTOR


def test_moving_a_unit_under_its_child_shows_a_swedish_error_and_keeps_input(
    client_for, world
):
    client = client_for("strategist")
    response = client.post(
        reverse("organisations:unit_edit", args=[world.own.board.pk]),
        {
            "name": "Socialnämnden – nytt namn",
            "kind": "board",
            "parent": world.own.administration.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Det finns ett problem" in html
    assert "Socialnämnden – nytt namn" in html
    world.own.board.refresh_from_db()
    assert world.own.board.name == "Socialnämnden"
    assert str(UNIT_CANNOT_BE_OWN_ANCESTOR)


def test_missing_name_is_reported_in_swedish(client_for):
    response = client_for("admin").post(
        reverse("organisations:unit_create"), {"kind": "board"}
    )
    assert response.status_code == 400
    assert "Detta fält måste fyllas i." in response.content.decode()


def test_switching_to_an_own_organisation_is_remembered(client, world):
    from jamkoll.accounts.models import RoleAssignment

    user = world.user("reader")
    RoleAssignment.objects.create(
        user=user, organisation=world.other.organisation, role="reader"
    )
    client.force_login(user)
    response = client.post(
        reverse("organisations:switch"), {"organisation": world.other.organisation.pk}
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == world.other.organisation.pk
    page = client.get(reverse("dashboard:home"))
    assert "Annan kommun" in page.content.decode()


def test_switching_to_a_foreign_organisation_is_a_404(client_for, world):
    client = client_for("admin")
    response = client.post(
        reverse("organisations:switch"), {"organisation": world.other.organisation.pk}
    )
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_organisation_page_shows_the_tree_in_few_queries(
    client_for, world, django_assert_max_num_queries
):
    client = client_for("reader")
    with django_assert_max_num_queries(12):
        response = client.get(
            reverse("organisations:detail", args=[world.own.organisation.pk])
        )
    html = response.content.decode()
    assert "Socialförvaltningen" in html
    assert "Bostads AB" in html
    assert "Kulturnämnden" in html
