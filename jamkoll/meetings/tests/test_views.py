import datetime as dt
import io

import icalendar
import pypdfium2
import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from jamkoll.meetings import services, suggestions
from jamkoll.meetings.models import AgendaItem, Meeting
from jamkoll.meetings.recurrence import nth_weekday
from jamkoll.meetings.tests.factories import make_meeting, make_meeting_world
from jamkoll.meetings.yearwheel import WheelEvent, register, unregister


def _pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(io.BytesIO(content))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_agenda_pdf_contains_the_swedish_text(world, client_for):
    meeting = make_meeting(world.own)
    AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        title="Jämställdhetsanalys av äldreomsorgens budget",
        presenter="Åsa Öberg",
        documents="KS 2026/0042 Översiktsplan",
        planned_minutes=20,
    )
    response = client_for("reader").get(
        reverse("meetings:agenda_pdf", args=[meeting.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Föredragningslista" in text
    assert "Jämställdhetsanalys av äldreomsorgens budget" in text
    assert "Åsa Öberg" in text
    assert "Jämställdhetsberedningen" in text


def test_minutes_pdf_after_approval_contains_decision_and_signature(world, client_for):
    meeting = make_meeting(world.own)
    by = world.user("strategist")
    item = services.save_agenda_item(
        meeting=meeting, by=by, title="Könsuppdelad statistik"
    )
    services.save_item_minutes(
        item=item,
        by=by,
        discussion="Diskussion om väntetider.",
        decision="Beredningen begär återrapportering från socialnämnden.",
        responsible="Åsa",
    )
    person = world.own.person
    person.user = world.user("politician")
    person.save()
    services.save_minutes(
        minutes=meeting.minutes,
        by=by,
        remarks="Ö-partiet anmäler en protokollsanteckning.",
        approvers=[person],
    )
    reader = client_for("reader")
    assert (
        reader.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code
        == 404
    )
    client = client_for("politician")
    services.send_for_approval(minutes=meeting.minutes, by=by)
    response = client.post(
        reverse("meetings:minutes_approve", args=[meeting.pk]),
        {"round": 1, "version": 0, "confirm": "on"},
    )
    assert response.status_code == 302
    text = _pdf_text(
        client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).content
    )
    assert "Protokoll" in text
    assert "Beredningen begär återrapportering från socialnämnden." in text
    assert "Ö-partiet anmäler en protokollsanteckning." in text
    assert "Justerat den" in text
    assert "Åsa Öberg" in text


def test_admin_cannot_approve_for_an_approver(world, client_for):
    meeting = make_meeting(world.own)
    meeting.minutes.approvers.set([world.own.person])
    response = client_for("admin").post(
        reverse("meetings:minutes_approve", args=[meeting.pk])
    )
    assert response.status_code == 403
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.locked_at is None


@pytest.fixture
def feed_world(world):
    return make_meeting_world(world.own, world.user("reader"))


def test_ical_feed_parses_with_events_in_stockholm_time(world, client, feed_world):
    year = timezone.localdate().year
    Meeting.objects.filter(pk=feed_world.meeting.pk).update(
        held_on=dt.date(year, 5, 12)
    )

    def demands(organisation, y, *, user):
        return [
            WheelEvent(
                "Svar från socialnämnden", dt.date(y, 6, 1), "demand", "/x/", f"rr.{y}"
            )
        ]

    register(demands)
    try:
        response = client.get(
            reverse("meetings:calendar_feed", args=[feed_world.feed_token])
        )
    finally:
        unregister(demands)
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Stockholm"]
    events = list(calendar.walk("VEVENT"))

    def dates(title):
        return {e.decoded("DTSTART") for e in events if str(e["SUMMARY"]) == title}

    uid = f"meetings.meeting.{feed_world.meeting.pk}@jamkoll"
    meeting_event = next(e for e in events if str(e["UID"]) == uid)
    assert meeting_event.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(
        year, 5, 12, 13, 0
    )
    assert meeting_event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert dates("Svar från socialnämnden") >= {dt.date(year, 6, 1)}
    assert nth_weekday(year, 3, 1, 2) in dates("Budgetdialog")
    assert len(dates("Budgetdialog")) == 3  # last, this and next year


def test_revoked_feed_token_gets_404(world, client, client_for, feed_world):
    url = reverse("meetings:calendar_feed", args=[feed_world.feed_token])
    reader = client_for("reader")
    reader.post(reverse("meetings:calendar_feed_revoke", args=[feed_world.feed.pk]))
    reader.logout()
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("meetings:calendar_feed", args=["gissat"])).status_code
        == 404
    )


def test_a_user_cannot_revoke_someone_elses_feed(world, client_for, feed_world):
    response = client_for("admin").post(
        reverse("meetings:calendar_feed_revoke", args=[feed_world.feed.pk])
    )
    assert response.status_code == 404


def test_suggestions_include_cases_dialogues_and_registered_providers(
    world, client_for
):
    # cases sits on the same layer; reached through the app registry, not an import.
    Case = apps.get_model("cases", "Case")

    today = timezone.localdate()
    meeting = make_meeting(world.own, held_on=today + dt.timedelta(days=3))
    case = Case.objects.create(
        organisation=world.own.organisation,
        case_number="KS 2026/77",
        title="Bostadsförsörjning",
        deciding_body=world.own.council,
        meeting_on=today + dt.timedelta(days=20),
    )
    make_meeting(
        world.own,
        held_on=today + dt.timedelta(days=10),
        kind="dialogue",
        counterpart=world.own.board,
    )

    def demands(organisation, day, *, user):
        return [
            suggestions.Suggestion("Efterfrågan", "Svar att bedöma", "/e/1/", "rr:1")
        ]

    suggestions.register(demands)
    try:
        client = client_for("strategist")
        page = client.get(
            reverse("meetings:suggestions", args=[meeting.pk])
        ).content.decode()
        assert "KS 2026/77" in page
        assert "Socialnämnden" in page
        assert "Svar att bedöma" in page
        response = client.post(
            reverse("meetings:suggestions", args=[meeting.pk]),
            {"pick": [f"cases.case:{case.pk}", "rr:1"]},
        )
    finally:
        suggestions.unregister(demands)
    assert response.status_code == 302
    assert list(meeting.agenda_items.values_list("source_ref", flat=True)) == [
        f"cases.case:{case.pk}",
        "rr:1",
    ]


def test_move_works_without_javascript_and_with_htmx(world, client_for):
    meeting = make_meeting(world.own)
    by = world.user("strategist")
    a = services.save_agenda_item(meeting=meeting, by=by, title="A")
    b = services.save_agenda_item(meeting=meeting, by=by, title="B")
    client = client_for("strategist")
    response = client.post(
        reverse("meetings:agenda_item_move", args=[b.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("meetings:agenda_item_move", args=[b.pk]),
        {"direction": "down"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "autofocus" in html
    assert list(
        meeting.agenda_items.order_by("position").values_list("pk", flat=True)
    ) == [a.pk, b.pk]


def test_politician_cannot_move_items(world, client_for):
    meeting = make_meeting(world.own)
    item = services.save_agenda_item(
        meeting=meeting, by=world.user("strategist"), title="A"
    )
    response = client_for("politician").post(
        reverse("meetings:agenda_item_move", args=[item.pk]), {"direction": "up"}
    )
    assert response.status_code == 403


def test_invalid_meeting_form_keeps_input_and_answers_400(world, client_for):
    response = client_for("strategist").post(
        reverse("meetings:create"),
        {
            "body": world.own.body.pk,
            "kind": "dialogue",
            "title": "Dialog med Kulturnämnden",
            "held_on": "2026-05-05",
            "starts_at": "13:00",
        },
    )
    assert response.status_code == 400
    assert "Dialog med Kulturnämnden" in response.content.decode()


def _meetings(world, n):
    for i in range(n):
        meeting = make_meeting(world.own, held_on=dt.date(2027, 1 + i, 5))
        AgendaItem.objects.create(meeting=meeting, position=1, title="P")


@pytest.mark.parametrize("n", [1, 6])
def test_meeting_list_query_count_does_not_grow(
    world, client_for, django_assert_max_num_queries, n
):
    _meetings(world, n)
    client = client_for("reader")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meetings:list") + "?year=2027")
    assert response.content.decode().count("Rådhuset") == 0
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 6])
def test_meeting_detail_and_decision_list_query_counts(
    world, client_for, django_assert_max_num_queries, n
):
    meeting = make_meeting(world.own)
    by = world.user("strategist")
    for i in range(n):
        item = services.save_agenda_item(meeting=meeting, by=by, title=f"P{i}")
        services.add_decision(
            item=item, by=by, text="Uppdrag", owner=world.own.person, due_on=None
        )
    client = client_for("reader")
    with django_assert_max_num_queries(24):
        assert (
            client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
        )
    with django_assert_max_num_queries(10):
        assert client.get(reverse("meetings:decision_list")).status_code == 200


def test_year_wheel_lists_rule_events_as_text(world, client_for):
    make_meeting_world(world.own)
    html = (
        client_for("reader")
        .get(reverse("meetings:year_wheel") + "?year=2026")
        .content.decode()
    )
    assert 'id="day-2026-03-10"' in html
    assert "Budgetdialog" in html
