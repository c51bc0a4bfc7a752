"""Linking people to login accounts: from the person form, from the user
administration, and what each user sees of their own link."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.urls import reverse

from jamkoll.accounts.models import RoleAssignment, User
from jamkoll.members import services
from jamkoll.members.models import Membership, Person


def _person(world, first="Nils", last="Ek", org=None):
    return Person.objects.create(
        organisation=(org or world.own).organisation, first_name=first, last_name=last
    )


def _options(html, name):
    """The <option>s of the select named `name`."""
    start = html.index(f'name="{name}"')
    return html[start : html.index("</select>", start)]


def _form_data(person, **extra):
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "sex": person.sex,
        **extra,
    }


# --- The person form ----------------------------------------------------------------


def test_strategist_links_an_account_from_the_person_form(client_for, world):
    politician = world.user("politician")
    response = client_for("strategist").post(
        reverse("members:person_edit", args=[world.own.person.pk]),
        _form_data(world.own.person, party=world.own.party.pk, user=politician.pk),
    )
    assert response.status_code == 302
    person = Person.objects.get(pk=world.own.person.pk)
    assert person.user == politician
    assert person.history.latest().history_user == world.user("strategist")


def test_person_form_offers_only_free_accounts_of_the_organisation(client_for, world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    newcomer = _person(world)
    html = (
        client_for("admin")
        .get(reverse("members:person_edit", args=[newcomer.pk]))
        .content.decode()
    )
    assert "Användarkonto" in html
    choices = _options(html, "user")
    assert f'value="{world.user("politician").pk}"' in choices
    # Taken by Åsa Öberg, and a user of another organisation only.
    assert f'value="{world.user("reader").pk}"' not in choices
    assert f'value="{world.outsider.pk}"' not in choices


def test_person_form_keeps_the_own_account_on_offer(client_for, world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    html = (
        client_for("admin")
        .get(reverse("members:person_edit", args=[world.own.person.pk]))
        .content.decode()
    )
    assert f'value="{world.user("reader").pk}" selected' in _options(html, "user")


def test_account_taken_by_another_person_is_refused_in_swedish(world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    newcomer = _person(world)
    with pytest.raises(ValidationError) as error:
        services.save_person(
            organisation=world.own.organisation,
            by=world.user("admin"),
            person=newcomer,
            user=world.user("reader"),
        )
    assert "redan kopplat till Åsa Öberg" in str(error.value.message_dict["user"])
    assert Person.objects.get(pk=newcomer.pk).user is None


def test_a_racing_link_hits_the_constraint_and_gets_a_clear_message(world, monkeypatch):
    """The check before saving passed in both requests; the database decides."""
    world.own.person.user = world.user("reader")
    world.own.person.save()
    newcomer = _person(world)
    monkeypatch.setattr(services, "_check_account", lambda person, organisation: None)
    with pytest.raises(ValidationError) as error:
        services.save_person(
            organisation=world.own.organisation,
            by=world.user("admin"),
            person=newcomer,
            user=world.user("reader"),
        )
    assert "samtidigt" in str(error.value.message_dict["user"])
    assert Person.objects.get(pk=newcomer.pk).user is None


def test_the_constraint_itself_holds_in_the_database(world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    with pytest.raises(IntegrityError):
        Person.objects.create(
            organisation=world.own.organisation,
            first_name="A",
            last_name="B",
            user=world.user("reader"),
        )


def test_one_account_may_be_a_person_in_each_of_two_organisations(world):
    RoleAssignment.objects.create(
        user=world.outsider, organisation=world.own.organisation, role="reader"
    )
    world.other.person.user = world.outsider
    world.other.person.save()
    saved = services.save_person(
        organisation=world.own.organisation,
        by=world.user("admin"),
        person=_person(world),
        user=world.outsider,
    )
    assert saved.user == world.outsider


def test_account_without_a_role_in_the_organisation_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.save_person(
            organisation=world.own.organisation,
            by=world.user("admin"),
            person=_person(world),
            user=world.outsider,
        )
    assert "har ingen roll" in str(error.value.message_dict["user"])


def test_taken_account_is_shown_as_a_form_error(client_for, world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    newcomer = _person(world)
    response = client_for("admin").post(
        reverse("members:person_edit", args=[newcomer.pk]),
        _form_data(newcomer, user=world.user("reader").pk),
    )
    assert response.status_code == 400
    assert Person.objects.get(pk=newcomer.pk).user is None


@pytest.mark.parametrize("role", ["politician", "manager", "reader"])
def test_only_structure_editors_link_from_the_person_form(client_for, world, role):
    response = client_for(role).post(
        reverse("members:person_edit", args=[world.own.person.pk]),
        _form_data(world.own.person, user=world.user(role).pk),
    )
    assert response.status_code == 403
    assert Person.objects.get(pk=world.own.person.pk).user is None


def test_person_page_shows_the_linked_account_to_editors_only(client_for, world):
    account = world.user("politician")
    account.first_name, account.last_name = "Åsa", "Öberg"
    account.save()
    world.own.person.user = account
    world.own.person.save()
    url = reverse("members:person_detail", args=[world.own.person.pk])
    html = client_for("strategist").get(url).content.decode()
    assert "Användarkonto" in html
    assert "u-politician (Åsa Öberg)" in html
    html = client_for("reader").get(url).content.decode()
    assert "u-politician" not in html


def test_person_page_says_when_no_account_is_linked(client_for, world):
    url = reverse("members:person_detail", args=[world.own.person.pk])
    html = client_for("admin").get(url).content.decode()
    assert "Inte kopplad till något konto" in html


# --- From the user administration --------------------------------------------------


def test_user_list_shows_each_users_person_and_the_link_page(client_for, world):
    world.own.person.user = world.user("politician")
    world.own.person.save()
    world.other.person.user = world.outsider
    world.other.person.save()
    html = client_for("admin").get(reverse("organisations:user_list")).content.decode()
    assert world.own.person.get_absolute_url() in html
    assert world.other.person.get_absolute_url() not in html
    assert "Inte kopplad" in html
    link = reverse("members:user_person", args=[world.user("reader").pk])
    assert f'href="{link}"' in html
    assert "Koppla u-reader till en person" in html


def test_user_list_queries_do_not_grow_with_the_users(
    client_for, world, django_assert_max_num_queries
):
    client = client_for("admin")
    client.get(reverse("organisations:user_list"))
    for n in range(15):
        user = User.objects.create_user(username=f"extra-{n}")
        RoleAssignment.objects.create(
            user=user, organisation=world.own.organisation, role="reader"
        )
        Person.objects.create(
            organisation=world.own.organisation,
            first_name=f"P{n}",
            last_name="Q",
            user=user,
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("organisations:user_list"))
    assert response.content.decode().count("P14 Q") == 1


def test_roles_page_shows_the_person_and_the_link_page(client_for, world):
    world.own.person.user = world.user("reader")
    world.own.person.save()
    html = (
        client_for("admin")
        .get(reverse("organisations:user_roles", args=[world.user("reader").pk]))
        .content.decode()
    )
    assert "Åsa Öberg" in html
    assert reverse("members:user_person", args=[world.user("reader").pk]) in html


def test_administrator_links_a_user_to_a_person(client_for, world):
    reader = world.user("reader")
    response = client_for("admin").post(
        reverse("members:user_person", args=[reader.pk]),
        {"person": world.own.person.pk},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:user_list")
    person = Person.objects.get(pk=world.own.person.pk)
    assert person.user == reader
    assert person.history.latest().history_user == world.user("admin")


def test_linking_to_another_person_moves_the_link(client_for, world):
    reader = world.user("reader")
    world.own.person.user = reader
    world.own.person.save()
    newcomer = _person(world)
    client = client_for("admin")
    response = client.post(
        reverse("members:user_person", args=[reader.pk]), {"person": newcomer.pk}
    )
    assert response.status_code == 302
    assert list(Person.objects.filter(user=reader)) == [newcomer]
    response = client.post(
        reverse("members:user_person", args=[reader.pk]), {"person": ""}
    )
    assert response.status_code == 302
    assert not Person.objects.filter(user=reader).exists()


def test_link_page_offers_only_people_without_another_account(client_for, world):
    world.own.person.user = world.user("politician")
    world.own.person.save()
    free = _person(world, "Ylva", "Björk")
    html = (
        client_for("admin")
        .get(reverse("members:user_person", args=[world.user("reader").pk]))
        .content.decode()
    )
    choices = _options(html, "person")
    assert "Ylva Björk" in choices
    assert f'value="{free.pk}"' in choices
    assert f'value="{world.own.person.pk}"' not in choices
    assert f'value="{world.other.person.pk}"' not in choices


def test_person_linked_to_another_account_is_refused_by_the_service(world):
    world.own.person.user = world.user("politician")
    world.own.person.save()
    with pytest.raises(ValidationError) as error:
        services.link_account(
            organisation=world.own.organisation,
            user=world.user("reader"),
            person=world.own.person,
            by=world.user("admin"),
        )
    assert "redan kopplad till kontot" in str(error.value)
    assert Person.objects.get(pk=world.own.person.pk).user == world.user("politician")


def test_person_of_another_organisation_is_refused_by_the_service(world):
    with pytest.raises(PermissionDenied):
        services.link_account(
            organisation=world.own.organisation,
            user=world.user("reader"),
            person=world.other.person,
            by=world.user("admin"),
        )


@pytest.mark.parametrize("role", ["strategist", "politician", "manager", "reader"])
def test_only_administrators_link_from_the_user_administration(world, role):
    with pytest.raises(PermissionDenied):
        services.link_account(
            organisation=world.own.organisation,
            user=world.user("reader"),
            person=world.own.person,
            by=world.user(role),
        )
    assert Person.objects.get(pk=world.own.person.pk).user is None


# --- "My account" ----------------------------------------------------------------------


def test_me_page_names_the_person_and_the_mandates(client_for, world):
    world.own.person.user = world.user("politician")
    world.own.person.save()
    html = client_for("politician").get(reverse("members:me")).content.decode()
    assert "Mitt konto" in html
    assert "I Egen kommun är du registrerad som" in html
    assert world.own.person.get_absolute_url() in html
    assert "Jämställdhetsberedningen" in html
    assert "Ordförande" in html
    assert "Politiker" in html


def test_me_page_says_when_the_account_is_not_linked(client_for, world):
    html = client_for("reader").get(reverse("members:me")).content.decode()
    assert (
        "Ditt konto är inte kopplat till någon person i Egen kommun. "
        "Be administratören koppla det." in html
    )
    assert "Dina roller i Egen kommun" in html
    assert "Läsare" in html
    assert "Åsa Öberg" not in html


def test_me_page_ignores_the_person_in_another_organisation(client_for, world):
    RoleAssignment.objects.create(
        user=world.user("reader"), organisation=world.other.organisation, role="reader"
    )
    world.other.person.user = world.user("reader")
    world.other.person.save()
    client = client_for("reader")
    client.post(
        reverse("organisations:switch"), {"organisation": world.own.organisation.pk}
    )
    html = client.get(reverse("members:me")).content.decode()
    assert "inte kopplat till någon person i Egen kommun" in html


def test_header_links_to_my_account(client_for, world):
    html = client_for("manager").get(reverse("members:person_list")).content.decode()
    assert f'href="{reverse("members:me")}"' in html


def test_me_page_lists_mandates_with_a_fixed_number_of_queries(
    client_for, world, django_assert_max_num_queries
):
    world.own.person.user = world.user("politician")
    world.own.person.save()
    for unit in (world.own.board, world.own.other_board):
        Membership.objects.create(
            person=world.own.person,
            unit=unit,
            term=world.own.term,
            starts_on=world.own.term.starts_on,
        )
    client = client_for("politician")
    client.get(reverse("members:me"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("members:me"))
    assert "Kulturnämnden" in response.content.decode()
