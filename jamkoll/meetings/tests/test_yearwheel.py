import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jamkoll.meetings import services
from jamkoll.meetings.models import (
    CalendarFeed,
    Meeting,
    Minutes,
    RuleOccurrence,
    YearWheelRule,
)
from jamkoll.meetings.recurrence import nth_weekday
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.meetings.yearwheel import describe_rule, events_for_year

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TITLE = "Beredningens sammanträde"
PLACE = "Stadshuset, sal Ekén"


@pytest.fixture
def year():
    # Next year: inside the feed's three years and without past-date surprises.
    return timezone.localdate().year + 1


@pytest.fixture
def rule(world):
    return services.save_rule(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        title=TITLE,
        category=YearWheelRule.Category.MEETING,
        pattern=YearWheelRule.Pattern.NTH_WEEKDAY,
        months="3,4,5",
        weekday=1,
        nth=2,
        starts_at=dt.time(13, 0),
        duration_minutes=120,
        place=PLACE,
    )


def _feed_events(client, world):
    feed = CalendarFeed.objects.create(
        organisation=world.own.organisation,
        user=world.user("reader"),
        token_hash=CalendarFeed.hash_token("hemlig-token-for-test"),
    )
    assert feed.pk
    response = client.get(
        reverse("meetings:calendar_feed", args=["hemlig-token-for-test"])
    )
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    return list(calendar.walk("VEVENT"))


def _page_events(client, year, query=""):
    response = client.get(reverse("meetings:year_wheel") + f"?year={year}{query}")
    assert response.status_code == 200
    events = [e for month in response.context["months"] for e in month.event_list]
    return response, events


def test_moved_cancelled_and_replaced_occurrences_show_once_on_page_and_in_feed(
    world, rule, year, client, client_for
):
    march, april, may = (nth_weekday(year, month, 1, 2) for month in (3, 4, 5))
    strategist = world.user("strategist")
    moved_to = march + dt.timedelta(days=2)
    services.save_occurrence(
        rule=rule,
        original_date=march,
        by=strategist,
        moved_to=moved_to,
        starts_at=dt.time(15, 0),
    )
    services.save_occurrence(
        rule=rule, original_date=april, by=strategist, cancelled=True
    )
    editor = client_for("strategist")
    response = editor.post(
        reverse("meetings:create") + f"?regel={rule.pk}&datum={may:%Y-%m-%d}",
        {
            "body": world.own.body.pk,
            "kind": "ordinary",
            "title": TITLE,
            "held_on": f"{may:%Y-%m-%d}",
            "starts_at": "13:00",
            "ends_at": "15:00",
            "place": PLACE,
        },
    )
    meeting = Meeting.objects.get(held_on=may)
    assert response.status_code == 302
    assert RuleOccurrence.objects.get(rule=rule, original_date=may).meeting == meeting

    response, events = _page_events(editor, year)
    ours = [e for e in events if e.title == TITLE]
    assert [(e.date, e.starts_at, e.ends_at, e.url) for e in ours] == [
        (moved_to, dt.time(15, 0), dt.time(17, 0), ""),
        (may, dt.time(13, 0), dt.time(15, 0), meeting.get_absolute_url()),
    ]
    html = response.content.decode()
    assert f'id="day-{moved_to:%Y-%m-%d}"' in html
    assert f'id="day-{march:%Y-%m-%d}"' not in html
    assert f'id="day-{april:%Y-%m-%d}"' not in html
    assert html.count(f'href="{meeting.get_absolute_url()}"') == 1
    assert "flyttat från" in html
    # Every day in the month grids links to a row of the list.
    for target in re.findall(r'href="#(day-[0-9-]+)"', html):
        assert f'id="{target}"' in html
    assert "inställt" in html  # listed under the rule, with a link to restore it

    vevents = _feed_events(client, world)
    rule_events = [
        e for e in vevents if str(e["UID"]).startswith(f"meetings.rule.{rule.pk}.")
    ]
    # Only March is left of the rule in this year; its UID is still the planned date's.
    this_year = [e for e in rule_events if e.decoded("DTSTART").year == year]
    assert [str(e["UID"]) for e in this_year] == [
        f"meetings.rule.{rule.pk}.{march:%Y%m%d}@jamkoll"
    ]
    start, end = this_year[0].decoded("DTSTART"), this_year[0].decoded("DTEND")
    assert start == dt.datetime.combine(moved_to, dt.time(15, 0), tzinfo=STOCKHOLM)
    assert start.utcoffset() == dt.timedelta(hours=1)  # still winter time
    assert end == dt.datetime.combine(moved_to, dt.time(17, 0), tzinfo=STOCKHOLM)
    assert this_year[0]["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert str(this_year[0]["LOCATION"]) == PLACE
    meeting_events = [
        e for e in vevents if str(e["UID"]) == f"meetings.meeting.{meeting.pk}@jamkoll"
    ]
    assert len(meeting_events) == 1
    meeting_start = meeting_events[0].decoded("DTSTART")
    assert meeting_start.replace(tzinfo=None) == dt.datetime.combine(
        may, dt.time(13, 0)
    )
    assert meeting_start.utcoffset() == dt.timedelta(hours=2)  # summer time
    assert meeting_events[0]["DTSTART"].params["TZID"] == "Europe/Stockholm"
    on_may_or_april = [
        e
        for e in vevents
        if e.decoded("DTSTART").date() in {may, april} and str(e["SUMMARY"]) == TITLE
    ]
    assert len(on_may_or_april) == 1


def test_a_meeting_on_the_date_hides_the_meeting_occurrence_without_a_link(
    world, rule, year
):
    march = nth_weekday(year, 3, 1, 2)
    make_meeting(world.own, held_on=march, title="Sammanträde")
    make_meeting(
        world.own,
        held_on=nth_weekday(year, 4, 1, 2),
        kind=Meeting.Kind.DIALOGUE,
        counterpart=world.own.board,
    )
    events = events_for_year(
        organisation=world.own.organisation, year=year, user=world.user("reader")
    )
    rule_dates = [e.date for e in events if e.rule_id == rule.pk]
    assert rule_dates == [nth_weekday(year, 4, 1, 2), nth_weekday(year, 5, 1, 2)]


def test_create_meeting_from_an_occurrence_is_prefilled_from_the_rule(
    world, rule, year, client_for
):
    may = nth_weekday(year, 5, 1, 2)
    client = client_for("strategist")
    url = reverse("meetings:create") + f"?regel={rule.pk}&datum={may:%Y-%m-%d}"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == TITLE
    assert form.initial["held_on"] == may
    assert form.initial["starts_at"] == dt.time(13, 0)
    assert form.initial["ends_at"] == dt.time(15, 0)
    assert form.initial["place"] == PLACE
    html = response.content.decode()
    assert f'value="{may:%Y-%m-%d}"' in html
    assert 'value="15:00"' in html

    # The year wheel offers it, naming the occurrence for screen readers.
    page = client.get(reverse("meetings:year_wheel") + f"?year={year}").content
    assert f"?regel={rule.pk}&amp;datum={may:%Y-%m-%d}".encode() in page
    assert "Skapa möte".encode() in page


def test_an_occurrence_gets_one_meeting(world, rule, year, client_for):
    may = nth_weekday(year, 5, 1, 2)
    meeting = services.create_meeting_from_occurrence(
        organisation=world.own.organisation,
        rule=rule,
        original_date=may,
        by=world.user("strategist"),
        body=world.own.body,
        held_on=may,
        starts_at=dt.time(13, 0),
    )
    response = client_for("strategist").get(
        reverse("meetings:create") + f"?regel={rule.pk}&datum={may:%Y-%m-%d}"
    )
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()
    with pytest.raises(ValidationError):
        services.create_meeting_from_occurrence(
            organisation=world.own.organisation,
            rule=rule,
            original_date=may,
            by=world.user("strategist"),
            body=world.own.body,
            held_on=may,
            starts_at=dt.time(13, 0),
        )
    assert Meeting.objects.filter(held_on=may).count() == 1


@pytest.mark.parametrize("datum", ["2027-03-10", "inte-ett-datum", ""])
def test_a_date_the_rule_does_not_give_is_404(world, rule, client_for, datum):
    client = client_for("strategist")
    create = reverse("meetings:create") + f"?regel={rule.pk}&datum={datum}"
    assert client.get(create).status_code == 404
    if datum:
        edit = reverse("meetings:occurrence_edit", args=[rule.pk, datum])
        assert client.get(edit).status_code == 404
        assert client.post(edit, {"cancelled": "on"}).status_code == 404
    assert not RuleOccurrence.objects.exists()


def test_the_service_refuses_a_date_the_rule_does_not_give(world, rule):
    with pytest.raises(ValidationError) as error:
        services.save_occurrence(
            rule=rule,
            original_date=dt.date(2027, 3, 10),
            by=world.user("strategist"),
            cancelled=True,
        )
    assert "är inte ett datum för den återkommande händelsen" in str(error.value)
    assert not RuleOccurrence.objects.exists()


def test_an_occurrence_is_moved_and_restored_through_the_form(
    world, rule, year, client_for
):
    march = nth_weekday(year, 3, 1, 2)
    client = client_for("strategist")
    url = reverse("meetings:occurrence_edit", args=[rule.pk, f"{march:%Y-%m-%d}"])
    page = client.get(url).content.decode()
    assert "Flytta eller ställ in" in page
    assert 'for="id_moved_to">Nytt datum' in page
    response = client.post(
        url, {"moved_to": f"{march + dt.timedelta(days=1):%Y-%m-%d}", "starts_at": ""}
    )
    assert response.status_code == 302
    occurrence = RuleOccurrence.objects.get(rule=rule, original_date=march)
    assert occurrence.moved_to == march + dt.timedelta(days=1)
    assert not occurrence.cancelled
    assert client.post(url, {"restore": "1"}).status_code == 302
    occurrence.refresh_from_db()
    assert (occurrence.moved_to, occurrence.starts_at, occurrence.cancelled) == (
        None,
        None,
        False,
    )
    rule.refresh_from_db()
    assert (rule.months, rule.starts_at) == ("3,4,5", dt.time(13, 0))


def test_politicians_cannot_move_or_cancel_occurrences(world, rule, year, client_for):
    march = nth_weekday(year, 3, 1, 2)
    url = reverse("meetings:occurrence_edit", args=[rule.pk, f"{march:%Y-%m-%d}"])
    for role in ("politician", "reader", "manager"):
        assert client_for(role).post(url, {"cancelled": "on"}).status_code == 403
    assert not RuleOccurrence.objects.exists()
    html = client_for("politician").get(reverse("meetings:year_wheel")).content
    assert b"/tillfallen/" not in html
    assert reverse("meetings:rule_edit", args=[rule.pk]).encode() not in html


def test_rule_form_uses_month_names_and_stores_numbers(world, rule, client_for):
    client = client_for("strategist")
    url = reverse("meetings:rule_edit", args=[rule.pk])
    html = client.get(url).content.decode()
    for name in ("januari", "februari", "mars", "september", "december"):
        assert f" {name}</label>" in html
    assert "<legend>Månader</legend>" in html
    assert 'name="months" value="3" id="id_months_2" checked>' in html
    assert 'name="months" value="9" id="id_months_8">' in html
    response = client.post(
        url,
        {
            "title": "Beredningens möte",
            "category": "meeting",
            "pattern": "nth_weekday",
            "months": ["9", "3"],
            "weekday": "1",
            "nth": "2",
            "starts_at": "14:00",
            "duration_minutes": "90",
            "place": "Rådhuset",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.title, rule.months, rule.starts_at) == (
        "Beredningens möte",
        "3,9",
        dt.time(14, 0),
    )
    assert (rule.duration_minutes, rule.place) == (90, "Rådhuset")
    page = client.get(reverse("meetings:year_wheel")).content.decode()
    assert f'href="{url}"' in page
    assert '<span class="visually-hidden">: Beredningens möte</span>' in page
    assert "Andra tisdagen i mars och september" in page
    assert "14.00–15.30" in page


def test_30_february_is_refused_and_nothing_changes(world, rule, client_for):
    before = list(YearWheelRule.objects.values())
    history = rule.history.count()
    response = client_for("strategist").post(
        reverse("meetings:rule_edit", args=[rule.pk]),
        {
            "title": "Ändrad titel",
            "category": "meeting",
            "pattern": "fixed_date",
            "months": ["2"],
            "day": "30",
        },
    )
    assert response.status_code == 400
    assert (
        "Dagen finns inte i alla valda månader (t.ex. 30 februari)."
        in response.content.decode()
    )
    assert list(YearWheelRule.objects.values()) == before
    assert rule.history.count() == history


def test_a_new_rule_with_30_february_is_not_saved(world, client_for):
    response = client_for("strategist").post(
        reverse("meetings:rule_create"),
        {
            "title": "Omöjligt datum",
            "category": "other",
            "pattern": "fixed_date",
            "months": ["2", "3"],
            "day": "30",
        },
    )
    assert response.status_code == 400
    assert "30 februari" in response.content.decode()
    assert not YearWheelRule.objects.exists()


def test_politicians_cannot_edit_rules(world, rule, client_for):
    url = reverse("meetings:rule_edit", args=[rule.pk])
    response = client_for("politician").post(
        url, {"title": "x", "category": "other", "pattern": "fixed_date", "day": "1"}
    )
    assert response.status_code == 403
    rule.refresh_from_db()
    assert rule.title == TITLE


def test_rules_are_described_in_swedish(world, rule):
    assert describe_rule(rule) == "andra tisdagen i mars, april och maj"
    fixed = YearWheelRule(
        title="Delårsrapport", category="interim_report", pattern="fixed_date", day=30
    )
    fixed.months = "9"
    assert describe_rule(fixed) == "den 30 september"
    fixed.months = ""
    assert describe_rule(fixed) == "den 30 varje månad"


def test_year_wheel_filters_by_category(world, rule, year, client_for):
    services.save_rule(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        title="Budgetdialog",
        category=YearWheelRule.Category.BUDGET_DIALOGUE,
        pattern=YearWheelRule.Pattern.FIXED_DATE,
        months="10",
        day=5,
    )
    client = client_for("reader")
    response, events = _page_events(client, year, "&kategori=budget_dialogue")
    assert {e.title for e in events} == {"Budgetdialog"}
    html = response.content.decode()
    assert '<label for="id_kategori">Kategori</label>' in html
    assert '<option value="budget_dialogue" selected>Budgetdialog</option>' in html
    assert "Visa alla kategorier" in html
    assert f"?year={year + 1}&amp;kategori=budget_dialogue" in html
    _, everything = _page_events(client, year, "&kategori=finns-inte")
    assert {e.title for e in everything} >= {"Budgetdialog", TITLE}


def test_posting_dates_of_minutes_are_in_the_year_wheel(world, client_for):
    meeting = make_meeting(world.own, held_on=dt.date(2027, 3, 10))
    Minutes.objects.filter(meeting=meeting).update(
        approved_on=dt.date(2027, 3, 15),
        posted_on=dt.date(2027, 3, 16),
        taken_down_on=dt.date(2027, 4, 7),
    )
    response, events = _page_events(client_for("reader"), 2027, "&kategori=posting")
    assert [(e.date, e.title, e.url) for e in events] == [
        (
            dt.date(2027, 3, 16),
            "Anslag: protokoll Jämställdhetsberedningen 10 mars 2027",
            meeting.minutes.get_absolute_url(),
        ),
        (
            dt.date(2027, 4, 7),
            "Anslaget tas ned: protokoll Jämställdhetsberedningen 10 mars 2027",
            meeting.minutes.get_absolute_url(),
        ),
    ]
    assert "Anslag av protokoll" in response.content.decode()


def _rule_with_a_moved_occurrence(world, year, n):
    rule = services.save_rule(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        title=f"Händelse {n}",
        category="other",
        pattern="fixed_date",
        months="3,6",
        day=1 + n,
    )
    services.save_occurrence(
        rule=rule,
        original_date=dt.date(year, 3, 1 + n),
        by=world.user("strategist"),
        moved_to=dt.date(year, 4, 1 + n),
    )


def test_year_wheel_query_count_does_not_grow_with_rules(world, year, client_for):
    client = client_for("strategist")
    url = reverse("meetings:year_wheel") + f"?year={year}"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _rule_with_a_moved_occurrence(world, year, 0)
    one = queries()
    for n in range(1, 20):
        _rule_with_a_moved_occurrence(world, year, n)
    assert queries() == one


def test_an_occurrence_moved_into_the_next_year_is_shown_there_only(world, year):
    rule = services.save_rule(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        title="Årets sista sammanträde",
        category=YearWheelRule.Category.OTHER,
        pattern=YearWheelRule.Pattern.FIXED_DATE,
        months="12",
        day=30,
    )
    services.save_occurrence(
        rule=rule,
        original_date=dt.date(year, 12, 30),
        by=world.user("strategist"),
        moved_to=dt.date(year + 1, 1, 8),
    )

    def dates(y):
        events = events_for_year(
            organisation=world.own.organisation, year=y, user=world.user("reader")
        )
        return [(e.date, e.uid) for e in events if e.rule_id == rule.pk]

    uid = f"meetings.rule.{rule.pk}.{year}1230"
    assert dates(year) == []
    assert dates(year + 1) == [
        (dt.date(year + 1, 1, 8), uid),
        (dt.date(year + 1, 12, 30), f"meetings.rule.{rule.pk}.{year + 1}1230"),
    ]
