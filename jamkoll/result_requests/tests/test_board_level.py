"""The board's own demands (issue 13): a board politician (nämndpolitiker) raises
demands to their own administration, assesses the answers and follows up; another
board's demands are hidden, the body's read-only."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from jamkoll.organisations.models import Unit
from jamkoll.result_requests import permissions, selectors, services
from jamkoll.result_requests.models import (
    Occasion,
    Outcome,
    ResultRequest,
    Status,
)
from jamkoll.result_requests.tests import factories


def _due() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=30)


def _raise(world, by, *, addressees, raised_for, **fields):  # type: ignore[no-untyped-def]
    values = {
        "title": "Könsuppdelad statistik för hemtjänsten",
        "question": "Hur fördelas beviljade timmar mellan kvinnor och män?",
        "occasion": Occasion.FOLLOW_UP_DIALOGUE,
        "due_on": _due(),
        "evidence_required": ["statistics"],
        **fields,
    }
    return services.create_result_requests(
        organisation=world.own.organisation,
        by=by,
        addressees=addressees,
        raised_for=raised_for,
        **values,
    )


@pytest.fixture
def culture(world) -> Unit:
    """Kulturförvaltningen, the administration under another board."""
    return Unit.objects.create(
        organisation=world.own.organisation,
        name="Kulturförvaltningen",
        kind=Unit.Kind.ADMINISTRATION,
        parent=world.own.other_board,
    )


def _board_demand(world, board, unit, *, answered=False):  # type: ignore[no-untyped-def]
    demand = factories.raise_demand(
        world.own, unit=unit, raised_for=board, occasion=Occasion.FOLLOW_UP_DIALOGUE
    )
    return factories.answer(demand) if answered else demand


# --- services ------------------------------------------------------------------


def test_board_politician_raises_a_demand_to_the_boards_administration(world):
    [demand] = _raise(
        world,
        world.user("board_politician"),
        addressees=[world.own.administration],
        raised_for=world.own.board,
    )
    demand.refresh_from_db()
    assert demand.status == Status.SENT
    assert demand.raised_for == world.own.board
    assert demand.addressed_to == world.own.administration
    assert demand.get_occasion_display() == "Uppföljningsdialog"


@pytest.mark.parametrize("target", ["culture", "executive_board", "board", "company"])
def test_board_politician_may_not_ask_outside_the_boards_domain(world, culture, target):
    unit = culture if target == "culture" else getattr(world.own, target)
    with pytest.raises(ValidationError) as error:
        _raise(
            world,
            world.user("board_politician"),
            addressees=[world.own.administration, unit],
            raised_for=world.own.board,
        )
    [message] = error.value.message_dict["addressees"]
    assert message == (
        "En nämnds efterfrågningar ställs till nämndens egna förvaltningar och "
        f"bolag. Hör inte till Socialnämnden: {unit.name}."
    )
    assert not ResultRequest.objects.exists()


@pytest.mark.parametrize("asker", ["other_board", "body", "executive_board", None])
def test_board_politician_raises_only_on_behalf_of_their_own_board(world, asker):
    raised_for = getattr(world.own, asker) if asker else None
    with pytest.raises(ValidationError) as error:
        _raise(
            world,
            world.user("board_politician"),
            addressees=[world.own.administration],
            raised_for=raised_for,
        )
    assert error.value.message_dict["raised_for"] == [
        "Som nämndpolitiker ställer du efterfrågningar för en nämnd som du själv "
        "sitter i. Välj den under ”För”."
    ]
    assert not ResultRequest.objects.exists()


def test_staff_raise_on_behalf_of_a_board_but_the_bodys_politician_does_not(world):
    [demand] = _raise(
        world,
        world.user("strategist"),
        addressees=[world.own.administration],
        raised_for=world.own.board,
    )
    assert demand.raised_for == world.own.board
    with pytest.raises(ValidationError) as error:
        _raise(
            world,
            world.user("politician"),
            addressees=[world.own.administration],
            raised_for=world.own.board,
        )
    assert "raised_for" in error.value.message_dict
    assert ResultRequest.objects.count() == 1


def test_the_body_still_asks_any_unit_on_its_own_behalf(world):
    created = _raise(
        world,
        world.user("politician"),
        addressees=[world.own.board, world.own.administration, world.own.company],
        raised_for=world.own.body,
    )
    assert len(created) == 3


def test_a_politician_of_the_body_who_also_sits_on_a_board_holds_both(world):
    from jamkoll.accounts.models import Role, RoleAssignment
    from jamkoll.accounts.roles import forget

    user = world.user("board_politician")
    RoleAssignment.objects.create(
        user=user, organisation=world.own.organisation, role=Role.POLITICIAN
    )
    forget(user)
    _raise(world, user, addressees=[world.own.company], raised_for=world.own.body)
    _raise(
        world,
        user,
        addressees=[world.own.administration],
        raised_for=world.own.board,
    )
    assert ResultRequest.objects.count() == 2


def test_board_politician_assesses_only_their_own_boards_demand(world, culture):
    user = world.user("board_politician")
    own = _board_demand(world, world.own.board, world.own.administration, answered=True)
    other = _board_demand(world, world.own.other_board, culture, answered=True)
    body = factories.answer(
        factories.raise_demand(world.own, raised_for=world.own.body)
    )
    for demand in (other, body):
        with pytest.raises(PermissionDenied):
            services.assess_reply(
                result_request=demand,
                by=user,
                outcome=Outcome.ACCEPTED,
                expected_version=demand.version,
            )
        demand.refresh_from_db()
        assert demand.status == Status.ANSWERED
        assert not demand.assessments.exists()
    services.assess_reply(
        result_request=own,
        by=user,
        outcome=Outcome.INSUFFICIENT,
        comment="Analysen av skillnaderna saknas.",
        expected_version=own.version,
    )
    own.refresh_from_db()
    assert own.status == Status.ASSESSED
    follow_up = services.raise_follow_up(
        parent=own,
        by=user,
        title="Följdfråga: analysen",
        question="Vad beror skillnaderna på?",
        occasion=Occasion.FOLLOW_UP_DIALOGUE,
        due_on=_due(),
    )
    assert follow_up.raised_for == world.own.board
    assert follow_up.addressed_to == world.own.administration


def test_board_politician_sees_own_and_organisation_wide_demands_not_another_boards(
    world, culture
):
    own = _board_demand(world, world.own.board, world.own.administration)
    other = _board_demand(world, world.own.other_board, culture)
    body = factories.raise_demand(world.own, raised_for=world.own.body)
    nobody = factories.raise_demand(world.own)
    visible = set(
        permissions.result_requests_visible_to(world.user("board_politician"))
    )
    assert visible == {own, body, nobody}
    assert other not in visible
    assert permissions.can_view(world.user("board_politician"), own)
    assert not permissions.can_view(world.user("board_politician"), other)


# --- selector for the body's view of all boards -------------------------------------


def test_board_demand_rows_are_the_sent_board_demands_due_in_the_year(world, culture):
    year = _due().year
    sent = _board_demand(world, world.own.board, world.own.administration)
    answered = _board_demand(world, world.own.other_board, culture, answered=True)
    factories.raise_demand(
        world.own,
        unit=world.own.administration,
        raised_for=world.own.board,
        send=False,
    )
    factories.raise_demand(world.own, raised_for=world.own.body)
    later = _board_demand(world, world.own.board, world.own.administration)
    ResultRequest.objects.filter(pk=later.pk).update(due_on=dt.date(year + 1, 1, 15))
    rows = selectors.board_demand_rows(world.own.organisation, year)
    assert sorted(rows) == sorted(
        [
            (world.own.board.pk, sent.due_on, None, Status.SENT),
            (
                world.own.other_board.pk,
                answered.due_on,
                answered.first_answered_at,
                Status.ANSWERED,
            ),
        ]
    )
    assert selectors.board_demand_rows(world.other.organisation, year) == []


def test_board_demand_rows_is_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.board_demand_rows(world.own.organisation, 2026)


# --- the form and the pages -------------------------------------------------------


def _form_data(world, **changes):  # type: ignore[no-untyped-def]
    return {
        "addressees": [world.own.administration.pk],
        "raised_for": world.own.board.pk,
        "title": "Könsuppdelad statistik för hemtjänsten",
        "question": "Hur fördelas beviljade timmar mellan kvinnor och män?",
        "evidence_required": ["statistics"],
        "occasion": "follow_up_dialogue",
        "due_on": _due().isoformat(),
        "is_public": "on",
        **changes,
    }


def test_the_form_offers_a_board_politician_only_their_board_and_its_domain(
    world, client, culture
):
    board_company = Unit.objects.create(
        organisation=world.own.organisation,
        name="Omsorgsbolaget AB",
        kind=Unit.Kind.COMPANY,
        parent=world.own.board,
    )
    client.force_login(world.user("board_politician"))
    response = client.get(reverse("result_requests:create"))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["raised_for"].queryset) == [world.own.board]
    assert form["raised_for"].value() == world.own.board.pk
    assert set(form.fields["addressees"].queryset) == {
        world.own.administration,
        board_company,
    }
    html = response.content.decode()
    assert "Kulturförvaltningen" not in html
    assert "Kommunstyrelsen" not in html
    assert "Uppföljningsdialog" in html


def test_the_board_page_link_prefills_the_asker(world, client, culture):
    client.force_login(world.user("strategist"))
    url = reverse("result_requests:create")
    response = client.get(f"{url}?raised_for={world.own.other_board.pk}")
    assert response.context["form"]["raised_for"].value() == world.own.other_board.pk
    client.force_login(world.user("board_politician"))
    response = client.get(f"{url}?raised_for={world.own.other_board.pk}")
    assert response.context["form"]["raised_for"].value() == world.own.board.pk
    assert (
        "Du kan inte ställa en efterfrågan för nämnden i länken, så den valdes inte."
        in response.content.decode()
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"addressees": ["CULTURE"]},
        {"addressees": ["KS"]},
        {"raised_for": "BODY"},
        {"raised_for": "OTHER_BOARD"},
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(
    world, client, culture, changes
):
    ids = {
        "CULTURE": culture.pk,
        "KS": world.own.executive_board.pk,
        "BODY": world.own.body.pk,
        "OTHER_BOARD": world.own.other_board.pk,
    }
    resolved = {
        key: [ids[v] for v in value] if isinstance(value, list) else ids[value]
        for key, value in changes.items()
    }
    client.force_login(world.user("board_politician"))
    response = client.post(
        reverse("result_requests:create"),
        _form_data(world, title="Timmar i hemtjänsten per kön", **resolved),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Välj ett giltigt alternativ" in html
    assert 'value="Timmar i hemtjänsten per kön"' in html
    assert not ResultRequest.objects.exists()


def test_list_filters_by_asker_and_shows_the_asker(world, client, culture):
    own = _board_demand(world, world.own.board, world.own.administration)
    body = factories.raise_demand(
        world.own, raised_for=world.own.body, title="Beredningens fråga"
    )
    client.force_login(world.user("strategist"))
    url = reverse("result_requests:list")
    response = client.get(f"{url}?raised_for={world.own.board.pk}")
    assert list(response.context["result_requests"]) == [own]
    html = response.content.decode()
    assert '<label for="id_raised_for">Ställd av</label>' in html
    assert '<th scope="col">Ställd av</th>' in html
    response = client.get(url)
    assert set(response.context["result_requests"]) == {own, body}


def test_board_politicians_list_shows_what_they_may_read(world, client, culture):
    own = _board_demand(world, world.own.board, world.own.administration)
    other = _board_demand(world, world.own.other_board, culture)
    other.title = "Bibliotekslån per kön"
    other.save()
    body = factories.raise_demand(world.own, raised_for=world.own.body)
    client.force_login(world.user("board_politician"))
    response = client.get(reverse("result_requests:list"))
    assert set(response.context["result_requests"]) == {own, body}
    assert "Bibliotekslån per kön" not in response.content.decode()


def test_round_trip_board_raises_manager_answers_board_assesses(world, client):
    board_politician = world.user("board_politician")
    client.force_login(board_politician)
    response = client.post(reverse("result_requests:create"), _form_data(world))
    assert response.status_code == 302
    demand = ResultRequest.objects.get()
    assert demand.raised_for == world.own.board

    client.force_login(world.user("manager"))
    inbox = client.get(reverse("result_requests:to_answer"))
    assert list(inbox.context["result_requests"]) == [demand]
    assert "Socialnämnden" in inbox.content.decode()
    response = client.post(
        reverse("result_requests:reply", args=[demand.pk]),
        {
            "text": "Kvinnor beviljas i snitt 12 timmar, män 9 timmar i månaden.",
            "evidence_given": ["statistics"],
            "submit": "1",
        },
    )
    assert response.status_code == 302

    client.force_login(board_politician)
    inbox = client.get(reverse("result_requests:to_assess"))
    assert list(inbox.context["result_requests"]) == [demand]
    demand.refresh_from_db()
    form = client.get(reverse("result_requests:assess", args=[demand.pk]))
    assert form.context["form"]["version"].value() == demand.version
    response = client.post(
        reverse("result_requests:assess", args=[demand.pk]),
        {"outcome": "accepted", "comment": "Tydligt.", "version": demand.version},
    )
    assert response.status_code == 302
    demand.refresh_from_db()
    assert (demand.status, demand.outcome) == (Status.ASSESSED, Outcome.ACCEPTED)
    detail = client.get(demand.get_absolute_url()).content.decode()
    assert "<dt>Ställd av</dt><dd>u-board_politician, Socialnämnden</dd>" in detail
    assert "Uppföljningsdialog" in detail


def test_board_politician_gets_404_for_another_boards_demand_and_403_for_the_bodys(
    world, client, culture
):
    other = _board_demand(world, world.own.other_board, culture, answered=True)
    body = factories.answer(
        factories.raise_demand(world.own, raised_for=world.own.body)
    )
    client.force_login(world.user("board_politician"))
    data = {"outcome": "accepted", "comment": "", "version": 0}
    url = reverse("result_requests:assess", args=[other.pk])
    assert client.post(url, {**data, "version": other.version}).status_code == 404
    url = reverse("result_requests:assess", args=[body.pk])
    assert client.post(url, {**data, "version": body.version}).status_code == 403
    assert client.get(body.get_absolute_url()).status_code == 200
    for demand in (other, body):
        demand.refresh_from_db()
        assert demand.status == Status.ANSWERED
