"""Dialogue meetings: the questions are e-mailed to the counterpart's managers with
a calendar invitation, the managers answer them in Jämkoll, and the answers show on
the meeting page."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.core.mail import absolute_url
from jamkoll.meetings import services
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.tests.factories import make_meeting

STOCKHOLM = ZoneInfo("Europe/Stockholm")
QUESTION = "Hur fördelas hemtjänstens insatser mellan kvinnor och män?"


def _manager(world, username, units, *, email=None, org=None, active=True):
    org = org or world.own
    user = User.objects.create_user(
        username=username,
        email=email if email is not None else f"{username}@example.se",
        first_name="Chef",
        last_name=username.capitalize(),
        is_active=active,
    )
    assignment = RoleAssignment.objects.create(
        user=user, organisation=org.organisation, role=Role.MANAGER
    )
    assignment.units.set(units)
    return user


@pytest.fixture
def dialogue(world):
    """A dialogue meeting with the social board (Socialnämnden) and one question."""
    meeting = make_meeting(
        world.own,
        held_on=dt.date(2027, 4, 14),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.board,
        title="Dialogmöte med Socialnämnden",
        link="https://mote.example.se/dialog",
    )
    services.add_question(meeting=meeting, by=world.user("strategist"), text=QUESTION)
    return meeting


@pytest.fixture
def managers(world):
    """Who answers for the board and who does not."""
    return {
        "board": _manager(world, "sigrid", [world.own.board]),
        # Answers for the administration under the board only: not the board's.
        "administration": _manager(world, "adam", [world.own.administration]),
        "culture": _manager(world, "kurt", [world.own.other_board]),
        "no_address": _manager(world, "utan", [world.own.board], email=""),
        "inactive": _manager(world, "slutat", [world.own.board], active=False),
        "other_org": _manager(world, "annan", [world.other.board], org=world.other),
    }


def _fresh(meeting):
    return Meeting.objects.get(pk=meeting.pk)


def _calendar(message):
    parts = [
        part
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "REQUEST"
    assert parts[0].get_filename() == "dialogmote.ics"
    return icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))


# --- Sending ---------------------------------------------------------------------


def test_the_questions_go_to_the_counterparts_managers_only(
    world, dialogue, managers, client_for, django_capture_on_commit_callbacks
):
    client = client_for("strategist")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:questions_send", args=[dialogue.pk]), follow=True
        )
    assert [m.to for m in mail.outbox] == [["sigrid@example.se"]]
    assert (
        "Frågorna och inbjudan skickades till sigrid@example.se."
        in response.content.decode()
    )
    meeting = _fresh(dialogue)
    assert meeting.questions_sent_on == timezone.localdate()
    assert meeting.questions_sent_to == "sigrid@example.se"
    assert meeting.history.latest().history_user == world.user("strategist")


def test_the_invitation_is_in_swedish_with_the_questions_and_the_answer_link(
    world, dialogue, managers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_questions(meeting=dialogue, by=world.user("strategist"))
    (message,) = mail.outbox
    assert message.subject == (
        "Inbjudan och frågor: dialogmöte med Jämställdhetsberedningen, "
        "14 april 2027 kl. 13.00"
    )
    body = message.body
    assert "Hej Chef Sigrid!" in body
    assert "Jämställdhetsberedningen bjuder in Socialnämnden till ett dialogmöte." in (
        body
    )
    assert "Datum: 14 april 2027" in body
    assert "Tid: 13.00–15.00" in body
    assert "Plats: Rådhuset, sal Åsen" in body
    assert "https://mote.example.se/dialog" in body
    assert f"1. {QUESTION}" in body
    assert absolute_url(reverse("meetings:dialogue_answers", args=[dialogue.pk])) in (
        body
    )
    assert absolute_url(dialogue.get_absolute_url()) in body
    assert "&#x27;" not in body
    assert "&amp;" not in body
    assert "uppdaterats" not in body


def test_the_calendar_file_starts_at_the_meeting_in_stockholm(
    world, dialogue, managers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_questions(meeting=dialogue, by=world.user("strategist"))
    calendar = _calendar(mail.outbox[0])
    assert str(calendar["method"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"meetings.meeting.{dialogue.pk}@jamkoll"
    start = event.decoded("dtstart")
    assert start == dt.datetime(2027, 4, 14, 13, 0, tzinfo=STOCKHOLM)
    assert start.tzinfo.key == "Europe/Stockholm"
    assert event.decoded("dtend") == dt.datetime(2027, 4, 14, 15, 0, tzinfo=STOCKHOLM)
    assert str(event["location"]) == "Rådhuset, sal Åsen"
    assert str(event["attendee"]) == "mailto:sigrid@example.se"
    assert QUESTION in str(event["description"])
    assert calendar.walk("VTIMEZONE")


def test_a_manager_of_the_board_above_an_administration_is_invited(
    world, managers, django_capture_on_commit_callbacks
):
    meeting = make_meeting(
        world.own,
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.administration,
    )
    services.add_question(meeting=meeting, by=world.user("strategist"), text=QUESTION)
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_questions(meeting=meeting, by=world.user("strategist"))
    assert sent.recipients == ["adam@example.se", "sigrid@example.se"]
    assert sorted(m.to[0] for m in mail.outbox) == sent.recipients


def test_sending_without_questions_is_refused_and_nothing_recorded(
    world, managers, client_for, django_capture_on_commit_callbacks
):
    meeting = make_meeting(
        world.own, kind=Meeting.Kind.DIALOGUE, counterpart=world.own.board
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("strategist").post(
            reverse("meetings:questions_send", args=[meeting.pk]), follow=True
        )
    assert "Lägg till minst en fråga innan du skickar" in response.content.decode()
    assert _fresh(meeting).questions_sent_on is None
    assert mail.outbox == []


def test_sending_without_a_manager_address_is_refused_and_nothing_recorded(
    world, dialogue, django_capture_on_commit_callbacks
):
    _manager(world, "utan", [world.own.board], email="")
    _manager(world, "kurt", [world.own.other_board])
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationError) as error,
    ):
        services.send_questions(meeting=dialogue, by=world.user("strategist"))
    assert (
        "Ingen chef som svarar för Socialnämnden har en e-postadress: inget skickades."
        in " ".join(error.value.messages)
    )
    meeting = _fresh(dialogue)
    assert (meeting.questions_sent_on, meeting.questions_sent_to) == (None, "")
    assert mail.outbox == []


def test_sending_again_after_adding_a_question_says_so(
    world, dialogue, managers, client_for, django_capture_on_commit_callbacks
):
    client = client_for("strategist")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:questions_send", args=[dialogue.pk]))
    first = _calendar(mail.outbox[0]).walk("VEVENT")[0]
    services.add_question(
        meeting=dialogue, by=world.user("strategist"), text="Vilka mål har ni?"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:questions_send", args=[dialogue.pk]), follow=True
        )
    assert "Frågorna skickades igen till sigrid@example.se." in (
        response.content.decode()
    )
    (message,) = mail.outbox
    assert message.subject.startswith("Uppdaterade frågor: dialogmöte med")
    assert "2. Vilka mål har ni?" in message.body
    assert "Frågorna har uppdaterats sedan de skickades senast." in message.body
    again = _calendar(message).walk("VEVENT")[0]
    assert str(again["uid"]) == str(first["uid"])
    assert again.decoded("sequence") > first.decoded("sequence")


@pytest.mark.parametrize("role", ["politician", "manager", "reader"])
def test_only_the_secretary_sends_the_questions(
    world, dialogue, managers, role, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(PermissionDenied),
    ):
        services.send_questions(meeting=dialogue, by=world.user(role))
    assert _fresh(dialogue).questions_sent_on is None
    assert mail.outbox == []


def test_the_meeting_page_offers_sending_to_the_secretary_only(
    world, dialogue, client_for
):
    url = reverse("meetings:detail", args=[dialogue.pk])
    send = reverse("meetings:questions_send", args=[dialogue.pk])
    html = client_for("strategist").get(url).content.decode()
    assert send in html
    assert "Skicka frågorna" in html
    assert send not in client_for("politician").get(url).content.decode()


# --- Answering ---------------------------------------------------------------------


def _answer_url(meeting):
    return reverse("meetings:dialogue_answers", args=[meeting.pk])


def test_the_manager_answers_and_the_answer_shows_on_the_meeting_page(
    world, dialogue, managers, client
):
    question = dialogue.questions.get()
    client.force_login(managers["board"])
    page = client.get(_answer_url(dialogue))
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Fråga 1: {QUESTION}" in html
    assert 'for="id_answer_' in html
    response = client.post(
        _answer_url(dialogue),
        {f"answer_{question.pk}": "Vi följer upp insatserna per kön varje tertial."},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "Vi följer upp insatserna per kön varje tertial."
    assert question.answered_by == managers["board"]
    assert question.answered_at is not None
    assert question.history.latest().history_user == managers["board"]

    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert "Vi följer upp insatserna per kön varje tertial." in html
    assert "Svar från Chef Sigrid" in html
    when = timezone.localtime(question.answered_at)
    assert f"{when:%H.%M}" in html


def test_the_meeting_page_links_the_manager_to_the_answer_page(
    world, dialogue, managers, client
):
    client.force_login(managers["board"])
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert _answer_url(dialogue) in html
    client.force_login(managers["culture"])
    html = client.get(dialogue.get_absolute_url()).content.decode()
    assert _answer_url(dialogue) not in html


def test_unanswered_questions_say_so_on_the_meeting_page(world, dialogue, client_for):
    html = client_for("reader").get(dialogue.get_absolute_url()).content.decode()
    assert QUESTION in html
    assert "Inte besvarad ännu." in html


def test_answers_can_be_given_after_the_meeting(world, managers):
    past = make_meeting(
        world.own,
        held_on=timezone.localdate() - dt.timedelta(days=30),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.board,
    )
    question = services.add_question(
        meeting=past, by=world.user("strategist"), text=QUESTION
    )
    services.answer_questions(
        meeting=past, by=managers["board"], answers={question.pk: "Svar i efterhand."}
    )
    question.refresh_from_db()
    assert question.answer == "Svar i efterhand."


def test_the_secretary_may_write_down_an_answer(world, dialogue):
    question = dialogue.questions.get()
    changed = services.answer_questions(
        meeting=dialogue,
        by=world.user("strategist"),
        answers={question.pk: "Svar givet per telefon."},
    )
    assert changed == 1
    question.refresh_from_db()
    assert question.answered_by == world.user("strategist")


def test_an_empty_answer_removes_the_answer(world, dialogue, managers):
    question = dialogue.questions.get()
    services.answer_questions(
        meeting=dialogue, by=managers["board"], answers={question.pk: "Ett svar."}
    )
    services.answer_questions(
        meeting=dialogue, by=managers["board"], answers={question.pk: "  "}
    )
    question.refresh_from_db()
    assert (question.answer, question.answered_by, question.answered_at) == (
        "",
        None,
        None,
    )


def test_an_answer_given_meanwhile_is_not_overwritten(
    world, dialogue, managers, client
):
    question = dialogue.questions.get()
    client.force_login(managers["board"])
    client.get(_answer_url(dialogue))  # the form shows no answer yet
    services.answer_questions(
        meeting=dialogue,
        by=world.user("strategist"),
        answers={question.pk: "Sekreterarens anteckning."},
    )
    response = client.post(
        _answer_url(dialogue),
        {f"answer_{question.pk}": "Chefens svar.", f"seen_{question.pk}": ""},
    )
    assert response.status_code == 400
    assert "Fråga 1 besvarades av" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "Sekreterarens anteckning."


def test_a_question_of_another_meeting_is_refused(world, dialogue, managers):
    other = make_meeting(
        world.own, kind=Meeting.Kind.DIALOGUE, counterpart=world.own.board
    )
    foreign = services.add_question(
        meeting=other, by=world.user("strategist"), text="Annan fråga"
    )
    with pytest.raises(ValidationError):
        services.answer_questions(
            meeting=dialogue, by=managers["board"], answers={foreign.pk: "Svar"}
        )
    foreign.refresh_from_db()
    assert foreign.answer == ""


def test_a_manager_of_another_unit_is_refused_and_nothing_changes(
    world, dialogue, managers, client
):
    question = dialogue.questions.get()
    for manager in (managers["culture"], managers["administration"]):
        client.force_login(manager)
        assert client.get(_answer_url(dialogue)).status_code == 403
        response = client.post(
            _answer_url(dialogue), {f"answer_{question.pk}": "Obehörigt svar"}
        )
        assert response.status_code == 403
    question.refresh_from_db()
    assert question.answer == ""


def test_a_manager_of_another_organisation_gets_not_found(
    world, dialogue, managers, client
):
    question = dialogue.questions.get()
    client.force_login(managers["other_org"])
    assert client.get(_answer_url(dialogue)).status_code == 404
    response = client.post(
        _answer_url(dialogue), {f"answer_{question.pk}": "Obehörigt svar"}
    )
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.answer == ""


@pytest.mark.parametrize("role", ["politician", "reader"])
def test_politicians_and_readers_cannot_answer(world, dialogue, role, client_for):
    question = dialogue.questions.get()
    client = client_for(role)
    response = client.post(
        _answer_url(dialogue), {f"answer_{question.pk}": "Obehörigt svar"}
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.answer_questions(
            meeting=dialogue, by=world.user(role), answers={question.pk: "Svar"}
        )
    question.refresh_from_db()
    assert question.answer == ""


def test_an_ordinary_meeting_has_no_answer_page(world, client_for):
    meeting = make_meeting(world.own)
    assert client_for("strategist").get(_answer_url(meeting)).status_code == 404


def test_the_meeting_page_shows_answers_in_a_fixed_number_of_queries(
    world, dialogue, managers, client_for, django_assert_max_num_queries
):
    client = client_for("reader")
    url = dialogue.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(10):
        question = services.add_question(
            meeting=dialogue, by=world.user("strategist"), text=f"Fråga {n}"
        )
        answerer = _manager(world, f"chef{n}", [world.own.board])
        services.answer_questions(
            meeting=dialogue, by=answerer, answers={question.pk: f"Svar {n}"}
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "Svar 9" in response.content.decode()
