"""Assignments (uppdrag) for the body's own people: an owner who is a person of the
organisation, "Mina uppdrag", follow-up by the owner, and the migration of the old
free-text "responsible" (ADR 0003). Demands raised at an item (assignments to a
board, administration or company) are tested in result_requests."""

import datetime as dt
import importlib

import lxml.html
import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from jamkoll.meetings import selectors, services
from jamkoll.meetings.models import AgendaItem, Decision
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.members.models import Person

DEMAND_ACTION = "Ge en nämnd, förvaltning eller ett bolag ett uppdrag"
PERSON_ACTION = "Lägg till uppdrag till en person"


@pytest.fixture
def item(world):
    meeting = make_meeting(world.own)
    return AgendaItem.objects.create(
        meeting=meeting, position=3, title="Väntetider i hemtjänsten"
    )


def _other_person(world) -> Person:
    return Person.objects.create(
        organisation=world.other.organisation, first_name="Olle", last_name="Annan"
    )


def _page(html: str | bytes):
    return lxml.html.fromstring(html)


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _links(html: str, text: str) -> list:
    return [a for a in _page(html).iter("a") if _text(a).startswith(text)]


def test_each_item_offers_both_assignments_named_for_screen_readers(
    world, client_for, item
):
    html = (
        client_for("strategist")
        .get(reverse("meetings:detail", args=[item.meeting.pk]))
        .content.decode()
    )
    [demand] = _links(html, DEMAND_ACTION)
    assert demand.get("href") == (
        reverse("result_requests:create") + f"?agenda_item={item.pk}"
    )
    assert "§ 3 Väntetider i hemtjänsten" in _text(demand)
    [person] = _links(html, PERSON_ACTION)
    assert person.get("href") == reverse("meetings:decision_create", args=[item.pk])
    assert "§ 3 Väntetider i hemtjänsten" in _text(person)


def test_readers_are_not_offered_the_actions(client_for, item):
    html = (
        client_for("reader")
        .get(reverse("meetings:detail", args=[item.meeting.pk]))
        .content.decode()
    )
    assert not _links(html, DEMAND_ACTION)
    assert not _links(html, PERSON_ACTION)


def test_the_owner_is_chosen_among_the_body_members_first(world, client_for, item):
    outside = Person.objects.create(
        organisation=world.own.organisation, first_name="Anna", last_name="Andersson"
    )
    _other_person(world)
    response = client_for("strategist").get(
        reverse("meetings:decision_create", args=[item.pk])
    )
    groups = _page(response.content).xpath("//select[@name='owner']/optgroup")
    assert [g.get("label") for g in groups] == [
        "Ledamöter i Jämställdhetsberedningen",
        "Övriga personer i organisationen",
    ]
    assert [_text(o) for o in groups[0].iter("option")] == ["Åsa Öberg"]
    others = [o.get("value") for o in groups[1].iter("option")]
    # The world's board politician (a member of Socialnämnden) is a person too.
    board_member = Person.objects.get(user=world.user("board_politician"))
    assert sorted(others) == sorted([str(outside.pk), str(board_member.pk)])
    assert "Olle Annan" not in response.content.decode()


def test_a_person_assignment_is_recorded_and_shown_with_its_owner(
    world, client_for, item
):
    client = client_for("strategist")
    response = client.post(
        reverse("meetings:decision_create", args=[item.pk]),
        {
            "text": "Sammanställa frågor till dialogmötet",
            "owner": world.own.person.pk,
            "due_on": "2027-05-04",
        },
    )
    assert response.status_code == 302
    decision = Decision.objects.get(agenda_item=item)
    assert decision.owner == world.own.person
    assert decision.legacy_responsible == ""
    html = client.get(reverse("meetings:detail", args=[item.meeting.pk])).content
    text = _text(_page(html))
    assert (
        "Sammanställa frågor till dialogmötet – Åsa Öberg, "
        "återrapportering senast 4 maj 2027" in text
    )
    listing = client.get(reverse("meetings:decision_list")).content.decode()
    [row] = _page(listing).xpath(
        "//tr[td[normalize-space()='Sammanställa frågor till dialogmötet']]"
    )
    assert _text(row.xpath("td")[1]) == "Åsa Öberg"


def test_an_assignment_without_an_owner_is_refused_in_swedish(client_for, item):
    response = client_for("strategist").post(
        reverse("meetings:decision_create", args=[item.pk]),
        {"text": "Utreda", "owner": "", "due_on": ""},
    )
    assert response.status_code == 400
    assert "Välj den person som ansvarar för uppdraget." in response.content.decode()
    assert not Decision.objects.exists()


def test_a_person_of_another_organisation_is_refused_in_the_form(
    world, client_for, item
):
    stranger = _other_person(world)
    response = client_for("strategist").post(
        reverse("meetings:decision_create", args=[item.pk]),
        {"text": "Utreda", "owner": stranger.pk, "due_on": ""},
    )
    assert response.status_code == 400
    assert (
        "Välj en ledamot eller en annan person i organisationen."
        in response.content.decode()
    )
    assert not Decision.objects.exists()


def test_the_service_refuses_a_person_of_another_organisation(world, item):
    with pytest.raises(ValidationError) as error:
        services.add_decision(
            item=item,
            by=world.user("strategist"),
            text="Utreda",
            owner=_other_person(world),
            due_on=None,
        )
    assert error.value.message_dict["owner"] == [
        "Ansvarig måste vara en person i samma organisation som uppdraget."
    ]
    assert not Decision.objects.exists()


def _owned(world, item, **fields) -> Decision:
    Person.objects.filter(pk=world.own.person.pk).update(user=world.user("politician"))
    return services.add_decision(
        item=item,
        by=world.user("strategist"),
        text=fields.pop("text", "Sammanställa frågor"),
        owner=Person.objects.get(pk=world.own.person.pk),
        due_on=fields.pop("due_on", dt.date(2027, 5, 4)),
    )


def test_the_owner_sees_my_assignments_and_reports_back(world, client_for, item):
    decision = _owned(world, item)
    client = client_for("politician")
    html = client.get(reverse("meetings:decision_list")).content.decode()
    [mine] = _page(html).xpath("//ul[@class='my-assignments']")
    assert "Mina uppdrag" in html
    assert "Sammanställa frågor" in _text(mine)
    response = client.post(
        reverse("meetings:decision_follow_up", args=[decision.pk]),
        {"follow_up": "Frågorna är skickade.", "completed_on": "2027-04-20"},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.follow_up == "Frågorna är skickade."
    assert decision.completed_on == dt.date(2027, 4, 20)


def test_someone_else_may_not_report_back_on_the_assignment(world, client_for, item):
    decision = _owned(world, item)
    response = client_for("reader").post(
        reverse("meetings:decision_follow_up", args=[decision.pk]),
        {"follow_up": "Klart", "completed_on": "2027-04-20"},
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.follow_up_decision(
            decision=decision,
            by=world.user("reader"),
            follow_up="Klart",
            completed_on=None,
        )
    decision.refresh_from_db()
    assert (decision.follow_up, decision.completed_on) == ("", None)


def test_assignments_for_user(world, item):
    today = dt.date(2027, 6, 1)
    mine_late = _owned(world, item, text="Eget, sent", due_on=dt.date(2027, 5, 1))
    mine_open = _owned(world, item, text="Eget, öppet", due_on=dt.date(2027, 9, 1))
    done = _owned(world, item, text="Eget, klart", due_on=dt.date(2027, 4, 1))
    Decision.objects.filter(pk=done.pk).update(completed_on=dt.date(2027, 3, 30))
    colleague = Person.objects.create(
        organisation=world.own.organisation, first_name="Bo", last_name="Ek"
    )
    theirs_late = services.add_decision(
        item=item,
        by=world.user("strategist"),
        text="Annans, sent",
        owner=colleague,
        due_on=dt.date(2027, 5, 20),
    )
    organisation = world.own.organisation
    found = selectors.assignments_for_user(
        world.user("politician"), organisation, today
    )
    assert found.mine == [mine_late, mine_open]
    assert found.overdue == [mine_late, theirs_late]
    outsider = selectors.assignments_for_user(world.outsider, organisation, today)
    assert (outsider.mine, outsider.overdue) == ([], [])


# --- The migration of the free-text "responsible" -----------------------------------


def _migration():
    return importlib.import_module(
        "jamkoll.meetings.migrations.0005_assignment_owner_person"
    )


def test_the_migration_links_free_text_to_the_person_of_that_name(world, item):
    namesake_elsewhere = Person.objects.create(
        organisation=world.other.organisation, first_name="Bo", last_name="Ek"
    )
    Person.objects.create(
        organisation=world.own.organisation, first_name="Bo", last_name="Ek"
    )
    twin_a = Person.objects.create(
        organisation=world.own.organisation, first_name="Kim", last_name="Lund"
    )
    Person.objects.create(
        organisation=world.own.organisation, first_name="Kim", last_name="Lund"
    )
    texts = {
        "named": "  åsa ÖBERG ",
        "unit": "Socialförvaltningen",
        "twins": "Kim Lund",
        "bo": "Bo Ek",
    }
    rows = {
        key: Decision.objects.create(
            organisation=world.own.organisation,
            agenda_item=item,
            text=key,
            legacy_responsible=text,
        )
        for key, text in texts.items()
    }
    _migration().link_owners(apps, None)
    found = {key: Decision.objects.get(pk=row.pk) for key, row in rows.items()}
    assert found["named"].owner == world.own.person
    assert found["named"].legacy_responsible == ""
    assert found["named"].responsible == "Åsa Öberg"
    assert found["unit"].owner is None
    assert found["unit"].responsible == "Socialförvaltningen"
    assert found["twins"].owner is None  # two people of that name: not guessed
    assert found["twins"].legacy_responsible == "Kim Lund"
    assert found["bo"].owner != namesake_elsewhere
    assert found["bo"].owner.organisation == world.own.organisation
    assert twin_a.assignments.count() == 0


def test_an_unmatched_old_assignment_shows_its_text_in_the_minutes(
    world, client_for, item
):
    Decision.objects.create(
        organisation=world.own.organisation,
        agenda_item=item,
        text="Analysera beviljade insatser",
        legacy_responsible="Socialförvaltningen",
    )
    html = client_for("reader").get(reverse("meetings:detail", args=[item.meeting.pk]))
    text = _text(_page(html.content))
    assert "Analysera beviljade insatser – Socialförvaltningen" in text


# --- Reminders to the owner of an overdue assignment ---------------------------------


def test_the_owner_of_an_overdue_assignment_is_reminded_once_a_week(
    world, item, mailoutbox, django_capture_on_commit_callbacks
):
    Person.objects.filter(pk=world.own.person.pk).update(email="asa@example.se")
    decision = _owned(
        world, item, text="Sammanställa frågor", due_on=dt.date(2027, 5, 1)
    )
    Decision.objects.filter(pk=decision.pk).update(completed_on=None)
    done = _owned(world, item, text="Klart uppdrag", due_on=dt.date(2027, 4, 1))
    Decision.objects.filter(pk=done.pk).update(completed_on=dt.date(2027, 4, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_assignment_reminders(today=dt.date(2027, 5, 2)) == 1
        assert services.send_assignment_reminders(today=dt.date(2027, 5, 2)) == 0
        assert services.send_assignment_reminders(today=dt.date(2027, 5, 8)) == 0
    [mail] = mailoutbox
    assert mail.to == ["asa@example.se"]
    assert mail.subject == (
        "Påminnelse: ditt uppdrag från Jämställdhetsberedningen är försenat"
    )
    assert "Sammanställa frågor" in mail.body
    assert "skulle återrapporteras senast 1 maj 2027" in mail.body
    assert reverse("meetings:decision_follow_up", args=[decision.pk]) in mail.body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_assignment_reminders(today=dt.date(2027, 5, 9)) == 1
    assert len(mailoutbox) == 2
