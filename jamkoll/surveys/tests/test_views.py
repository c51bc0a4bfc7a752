import datetime as dt
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import (
    Answer,
    Invitation,
    PendingResponse,
    QuestionKind,
    Response,
    Survey,
)
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import add_link, make_survey, open_link
from jamkoll.surveys.views import ANSWER_COOKIE

pytestmark = pytest.mark.django_db

DURING = dt.datetime(2026, 11, 10, 12, 0, tzinfo=dt.UTC)


def _version(survey: Survey, kind: str):  # type: ignore[no-untyped-def]
    return next(
        sq.version
        for sq in survey.survey_questions.select_related("version")
        if sq.version.kind == kind
    )


@pytest.fixture
def open_survey(world):  # type: ignore[no-untyped-def]
    return make_survey(organisation=world.own.organisation, by=world.user("admin"))


@time_machine.travel(DURING)
def test_answer_page_shows_fieldsets_and_receives_an_anonymous_response(
    world, client, open_survey
):
    token = add_link(open_survey, seat_people(world.own, 1)[0])
    opened = open_link(client, token)
    assert opened.status_code == 303
    url = reverse("surveys:answer")
    assert opened["Location"] == url
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<fieldset>" in html
    assert "<legend>" in html
    assert "style=" not in html
    assert token not in html
    scale = _version(open_survey, QuestionKind.SCALE)
    response = client.post(url, {f"q{scale.pk}": "5", "sex": "man", "role_level": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:thanks")
    # The answer cookie is gone, and the answer waits sealed for k-1 more.
    assert client.cookies[ANSWER_COOKIE].value == ""
    assert not Response.objects.exists()
    assert PendingResponse.objects.count() == 1
    assert Invitation.objects.get().is_used
    assert selectors.response_counts(survey=open_survey) == (1, 1)
    services.close_survey(survey=open_survey, by=world.user("admin"))
    stored = Response.objects.get()
    assert (stored.sex, stored.role_level) == ("man", "not_stated")
    assert list(Answer.objects.values_list("choice", flat=True)) == [5]
    again = open_link(client, token)
    assert again.status_code == 410
    assert "redan använts" in again.content.decode()


@time_machine.travel(DURING)
def test_a_used_link_says_so_on_the_start_page(world, client, open_survey):
    token = add_link(open_survey, seat_people(world.own, 1)[0])
    scale = _version(open_survey, QuestionKind.SCALE)
    services.submit_response(token=token, answers={scale.pk: 3}, today=DURING.date())
    again = open_link(client, token)
    assert again.status_code == 410
    assert "redan använts" in again.content.decode()
    assert ANSWER_COOKIE not in again.cookies or not again.cookies[ANSWER_COOKIE].value


@time_machine.travel(DURING)
def test_an_empty_answer_shows_the_error_summary_and_keeps_the_link(
    world, client, open_survey
):
    token = add_link(open_survey, seat_people(world.own, 1)[0])
    free = _version(open_survey, QuestionKind.FREE_TEXT)
    open_link(client, token)
    response = client.post(
        reverse("surveys:answer"), {"sex": "woman", f"q{free.pk}": "   "}
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not Invitation.objects.get().is_used
    assert not PendingResponse.objects.exists()


@time_machine.travel(DURING)
def test_an_empty_code_is_asked_for_and_the_questions_need_the_cookie(
    client, open_survey
):
    page = client.get(reverse("surveys:answer_start"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Personlig kod" in html
    assert "Öppna enkäten" in html
    assert "surveys/answer-start" in html
    empty = client.post(reverse("surveys:answer_start"), {"code": ""})
    assert empty.status_code == 400
    assert "error-summary" in empty.content.decode()
    # Without the cookie the questions page sends a GET to the start page, and a POST
    # says why nothing was sent.
    assert client.get(reverse("surveys:answer"))["Location"] == reverse(
        "surveys:answer_start"
    )
    lost = client.post(reverse("surveys:answer"), {"sex": "woman"})
    assert lost.status_code == 400
    assert "mer än två timmar" in lost.content.decode()
    # A forged cookie is no better.
    client.cookies[ANSWER_COOKIE] = "x" * 43
    assert client.get(reverse("surveys:answer")).status_code == 302


@pytest.mark.parametrize(
    ("moment", "status", "text"),
    [
        (dt.datetime(2026, 10, 20, 12, tzinfo=dt.UTC), 200, "inte öppnat"),
        (dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC), 410, "Svarstiden gick ut"),
    ],
)
def test_a_link_opened_before_or_after_the_period_says_so(
    world, client, open_survey, moment, status, text
):
    token = add_link(open_survey, seat_people(world.own, 1)[0])
    with time_machine.travel(moment):
        response = open_link(client, token)
    assert response.status_code == status
    assert text in response.content.decode()


@time_machine.travel(DURING)
def test_a_closed_survey_and_an_unknown_link_say_so(world, client, open_survey):
    token = add_link(open_survey, seat_people(world.own, 1)[0])
    # Opened while open; the round closes while the respondent reads the questions.
    assert open_link(client, token).status_code == 303
    services.close_survey(survey=open_survey, by=world.user("admin"))
    closed = client.get(reverse("surveys:answer"))
    assert closed.status_code == 410
    assert "har stängts" in closed.content.decode()
    unknown = open_link(client, "x" * 43)
    assert unknown.status_code == 404
    assert "inte giltig" in unknown.content.decode()


def test_results_of_a_round_closed_without_answers_say_so(
    world, client_for, open_survey
):
    services.close_survey(survey=open_survey, by=world.user("admin"))
    response = client_for("strategist").get(
        reverse("surveys:results", args=[open_survey.pk])
    )
    assert response.status_code == 200
    assert "utan några svar" in response.content.decode()
    export = client_for("strategist").get(
        reverse("surveys:export", args=[open_survey.pk])
    )
    assert export.status_code == 200


def _closed_round_with_free_text(world):  # type: ignore[no-untyped-def]
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    scale = _version(survey, QuestionKind.SCALE)
    free = _version(survey, QuestionKind.FREE_TEXT)
    people = seat_people(world.own, 7)
    for i, person in enumerate(people):
        token = add_link(survey, person)
        services.submit_response(
            token=token,
            answers={scale.pk: 4 if i < 5 else 1, free.pk: f"Hemlig kommentar {i}"},
            sex="woman" if i < 5 else "man",
            role_level="member",
            today=dt.date(2026, 11, 10),
        )
    services.close_survey(survey=survey, by=world.user("admin"))
    return survey


@pytest.mark.parametrize(
    ("role", "sees_text", "sees_breakdown"),
    [
        ("admin", True, True),
        ("strategist", True, True),
        ("politician", False, True),
        ("reader", False, False),
    ],
)
def test_free_text_and_breakdowns_are_shown_only_to_allowed_roles(
    world, client_for, role, sees_text, sees_breakdown
):
    survey = _closed_round_with_free_text(world)
    html = (
        client_for(role)
        .get(reverse("surveys:results", args=[survey.pk]))
        .content.decode()
    )
    assert ("Hemlig kommentar 3" in html) is sees_text
    assert ("Potentiellt identifierande" in html) is sees_text
    assert ("Efter kön" in html) is sees_breakdown
    assert "Alla svarande" in html


def test_manager_cannot_open_results(world, client_for):
    survey = _closed_round_with_free_text(world)
    assert (
        client_for("manager")
        .get(reverse("surveys:results", args=[survey.pk]))
        .status_code
        == 403
    )


def test_export_applies_the_same_suppression_and_leaves_out_free_text(
    world, client_for
):
    survey = _closed_round_with_free_text(world)
    response = client_for("politician").get(reverse("surveys:export", args=[survey.pk]))
    assert response.status_code == 200
    workbook = load_workbook(BytesIO(response.content))
    cells = [
        str(c)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert not any("Hemlig kommentar" in c for c in cells)
    rows = list(workbook["Resultat"].iter_rows(values_only=True))
    men = [r for r in rows if r[3] == "Man" and r[2] == "Efter kön"]
    assert men
    assert men[0][4] == "dolt"
    women = [r for r in rows if r[3] == "Kvinna" and r[2] == "Efter kön"]
    assert women[0][4] == "dolt"
    totals = [r for r in rows if r[2] == "Totalt" and r[4] == 7]
    assert totals


def test_reader_cannot_export(world, client_for):
    survey = _closed_round_with_free_text(world)
    assert (
        client_for("reader")
        .get(reverse("surveys:export", args=[survey.pk]))
        .status_code
        == 403
    )


@time_machine.travel(DURING)
def test_create_round_from_the_form_and_invalid_input_keeps_what_was_typed(
    world, client_for
):
    client = client_for("strategist")
    versions = [v.pk for v in selectors.default_versions()[:3]]
    bad = client.post(
        reverse("surveys:create"),
        {
            "title": "Enkät till förtroendevalda",
            "year": 2026,
            "opens_on": "2026-12-01",
            "closes_on": "2026-11-01",
            "min_group_size": 5,
            "versions": versions,
        },
    )
    assert bad.status_code == 400
    assert "Enkät till förtroendevalda" in bad.content.decode()
    assert not Survey.objects.exists()
    good = client.post(
        reverse("surveys:create"),
        {
            "title": "Enkät till förtroendevalda",
            "year": 2026,
            "opens_on": "2026-11-01",
            "closes_on": "2026-11-30",
            "min_group_size": 7,
            "versions": versions,
        },
    )
    survey = Survey.objects.get()
    assert good.status_code == 302
    assert survey.min_group_size == 7
    assert survey.survey_questions.count() == 3


@pytest.mark.django_db(transaction=True)
@time_machine.travel(DURING)
def test_send_links_from_the_page_mails_every_recipient(world, client_for, mailoutbox):
    seat_people(world.own, 3)
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    response = client_for("admin").post(reverse("surveys:send", args=[survey.pk]))
    assert response.status_code == 302
    assert len(mailoutbox) == 3
    assert Invitation.objects.filter(survey=survey).count() == 3


@time_machine.travel(DURING)
def test_send_without_recipients_shows_a_clear_message(world, client_for, open_survey):
    response = client_for("admin").post(reverse("surveys:send", args=[open_survey.pk]))
    assert response.status_code == 400
    assert "e-postadress" in response.content.decode()


def test_politician_cannot_close_a_round(world, client_for, open_survey):
    response = client_for("politician").post(
        reverse("surveys:close", args=[open_survey.pk])
    )
    assert response.status_code == 403
    open_survey.refresh_from_db()
    assert open_survey.status == Survey.Status.DRAFT


def test_list_page_query_count_does_not_grow_with_rounds(
    world, client_for, django_assert_max_num_queries
):
    client = client_for("reader")
    make_survey(organisation=world.own.organisation, by=world.user("admin"))
    with django_assert_max_num_queries(12) as first:
        client.get(reverse("surveys:list"))
    for year in (2023, 2024, 2025):
        make_survey(
            organisation=world.own.organisation, by=world.user("admin"), year=year
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(reverse("surveys:list"))
    assert response.content.decode().count("Enkät 20") == 4


def test_results_page_query_count_does_not_grow_with_answers(
    world, client_for, django_assert_max_num_queries
):
    survey = _closed_round_with_free_text(world)
    client = client_for("strategist")
    with django_assert_max_num_queries(20) as first:
        client.get(reverse("surveys:results", args=[survey.pk]))
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.OPEN)
    survey.refresh_from_db()
    scale = _version(survey, QuestionKind.SCALE)
    for person in seat_people(world.own, 5, prefix="extra"):
        services.submit_response(
            token=add_link(survey, person),
            answers={scale.pk: 3},
            today=dt.date(2026, 11, 11),
        )
    Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.CLOSED)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("surveys:results", args=[survey.pk]))
    assert Answer.objects.count() > 14


def test_reminder_command_is_safe_to_run_twice(world, mailoutbox):
    from django.core.management import call_command

    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    for person in seat_people(world.own, 4):
        add_link(survey, person, sent_on=dt.date(2026, 11, 1))
    out = BytesIO()
    del out
    call_command("send-survey-reminders", "--today", "2026-11-10")
    first = Invitation.objects.filter(reminded_on=dt.date(2026, 11, 10)).count()
    call_command("send-survey-reminders", "--today", "2026-11-10")
    assert first == 4
    assert Invitation.objects.filter(reminder_count=1).count() == 4
    assert not Invitation.objects.filter(reminder_count=2).exists()


def test_new_question_from_the_form_and_bad_options_keep_the_text(world, client_for):
    client = client_for("strategist")
    bad = client.post(
        reverse("surveys:question_create"),
        {
            "topic": "time",
            "text": "Hur långa är mötena?",
            "kind": "single",
            "options": "Korta",
        },
    )
    assert bad.status_code == 400
    assert "Hur långa är mötena?" in bad.content.decode()
    good = client.post(
        reverse("surveys:question_create"),
        {
            "topic": "time",
            "text": "Hur långa är mötena?",
            "kind": "single",
            "options": "Korta\nLagom\nLånga",
        },
    )
    assert good.status_code == 302
    version = selectors.question_bank().get(text="Hur långa är mötena?")
    assert version.options == ["Korta", "Lagom", "Långa"]
    assert (
        client_for("politician")
        .post(reverse("surveys:question_create"), {"text": "x", "kind": "free_text"})
        .status_code
        == 403
    )


def test_dashboard_shows_open_rounds_to_strategists_only(world, client_for):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    panels = selectors.dashboard_panels(
        organisation=world.own.organisation, roles=frozenset({"strategist"})
    )
    assert panels[0]["items"][0][0] == survey.title
    assert (
        selectors.dashboard_panels(
            organisation=world.own.organisation, roles=frozenset({"politician"})
        )
        == []
    )
