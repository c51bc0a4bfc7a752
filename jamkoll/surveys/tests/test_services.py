import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from jamkoll.members.models import Membership
from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import (
    Answer,
    Invitation,
    PendingResponse,
    QuestionKind,
    Response,
    Survey,
)
from jamkoll.surveys.tests.factories import add_link, link_from_mail, make_survey

pytestmark = pytest.mark.django_db


def _first(kind: str, survey: Survey):  # type: ignore[no-untyped-def]
    return next(
        sq.version
        for sq in survey.survey_questions.select_related("version")
        if sq.version.kind == kind
    )


def _tokens_from_mail() -> list[str]:
    """The code after # in each mail's personal link."""
    return [link_from_mail(m.body).split("#", 1)[1] for m in mail.outbox]


def test_default_question_set_is_shipped_by_the_data_migration():
    versions = selectors.default_versions()
    assert len(versions) >= 12
    kinds = {v.kind for v in versions}
    assert kinds == set(QuestionKind.values)
    topics = {v.question.topic for v in versions}
    assert {"time", "meetings", "listened_to", "harassment", "balance"} <= topics


def test_create_survey_is_refused_to_politicians_managers_and_readers(world):
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            make_survey(organisation=world.own.organisation, by=world.user(role))
    with pytest.raises(PermissionDenied):
        make_survey(organisation=world.other.organisation, by=world.user("admin"))


def test_create_survey_rejects_a_period_ending_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        make_survey(
            organisation=world.own.organisation,
            by=world.user("strategist"),
            opens_on=dt.date(2026, 5, 1),
            closes_on=dt.date(2026, 4, 1),
        )
    assert "closes_on" in error.value.error_dict
    assert not Survey.objects.exists()


def test_recipients_are_current_politicians_with_email_only(world, politicians, today):
    former = politicians[0]
    Membership.objects.filter(person=former).update(ends_on=dt.date(2026, 10, 31))
    people = set(services.recipients(organisation=world.own.organisation, on=today))
    assert former not in people
    assert set(politicians[1:]) <= people
    assert world.own.person not in people  # no e-mail address
    other = services.recipients(organisation=world.other.organisation, on=today)
    assert not set(other) & set(politicians)


@pytest.mark.django_db(transaction=True)
def test_send_invitations_mails_a_link_and_stores_only_its_hash(
    world, politicians, today
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    sent = services.send_invitations(
        survey=survey, by=world.user("strategist"), today=today
    )
    assert sent == len(politicians)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN
    tokens = _tokens_from_mail()
    assert len(tokens) == len(politicians)
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert not set(tokens) & stored
    assert {services.hash_token(t) for t in tokens} == stored
    # Sending again only reaches people without a link.
    assert (
        services.send_invitations(survey=survey, by=world.user("admin"), today=today)
        == 0
    )


def test_send_invitations_without_recipients_says_so(world, today):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    with pytest.raises(ValidationError) as error:
        services.send_invitations(survey=survey, by=world.user("admin"), today=today)
    assert services.NO_RECIPIENTS in error.value.messages
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT


def test_politician_cannot_send_links(world, politicians, today):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    with pytest.raises(PermissionDenied):
        services.send_invitations(
            survey=survey, by=world.user("politician"), today=today
        )


def test_a_used_link_cannot_answer_twice(world, politicians, today):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, politicians[0])
    version = _first(QuestionKind.SCALE, survey)
    services.submit_response(token=token, answers={version.pk: 4}, today=today)
    with pytest.raises(services.LinkUnavailable) as error:
        services.submit_response(token=token, answers={version.pk: 1}, today=today)
    assert error.value.reason == services.LinkUnavailable.USED
    assert PendingResponse.objects.count() == 1
    services.close_survey(survey=survey, by=world.user("admin"))
    assert Response.objects.count() == 1
    assert list(Answer.objects.values_list("choice", flat=True)) == [4]


@pytest.mark.parametrize(
    ("day", "status", "reason"),
    [
        (dt.date(2026, 10, 1), Survey.Status.OPEN, "not_yet_open"),
        (dt.date(2026, 12, 1), Survey.Status.OPEN, "period_over"),
        (dt.date(2026, 11, 10), Survey.Status.CLOSED, "closed"),
    ],
)
def test_links_outside_the_period_or_after_closing_are_refused(
    world, politicians, day, status, reason
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, politicians[0])
    Survey.objects.filter(pk=survey.pk).update(status=status)
    version = _first(QuestionKind.SCALE, survey)
    with pytest.raises(services.LinkUnavailable) as error:
        services.submit_response(token=token, answers={version.pk: 3}, today=day)
    assert error.value.reason == reason
    assert not Response.objects.exists()
    assert not PendingResponse.objects.exists()
    assert not Invitation.objects.get().is_used


def test_an_unknown_token_is_refused(today):
    with pytest.raises(services.LinkUnavailable) as error:
        services.submit_response(token="nope", answers={1: 1}, today=today)
    assert error.value.reason == services.LinkUnavailable.UNKNOWN


def test_an_empty_response_is_refused_and_leaves_the_link_unused(
    world, politicians, today
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, politicians[0])
    with pytest.raises(ValidationError):
        services.submit_response(token=token, answers={}, today=today)
    assert not Invitation.objects.get().is_used
    assert not Response.objects.exists()
    assert not PendingResponse.objects.exists()


def test_multiple_choice_stores_one_row_per_option_and_rejects_unknown_options(
    world, politicians, today
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    version = _first(QuestionKind.MULTIPLE, survey)
    token = add_link(survey, politicians[0])
    with pytest.raises(ValidationError):
        services.submit_response(
            token=token, answers={version.pk: [0, 99]}, today=today
        )
    assert not PendingResponse.objects.exists()
    services.submit_response(token=token, answers={version.pk: [0, 2]}, today=today)
    services.close_survey(survey=survey, by=world.user("admin"))
    assert sorted(Answer.objects.values_list("choice", flat=True)) == [0, 2]


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [
            col.name
            for col in connection.introspection.get_table_description(cursor, table)
        ]


def test_stored_answers_carry_no_link_to_the_person(world, politicians, today):
    """Read every column of the response and answer tables, and the history tables."""
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    versions = {
        v.kind: v
        for v in reversed([sq.version for sq in survey.survey_questions.all()])
    }
    person = politicians[3]
    token = add_link(survey, person)
    invitation = Invitation.objects.get()
    services.submit_response(
        token=token,
        answers={
            versions[QuestionKind.SCALE].pk: 2,
            versions[QuestionKind.FREE_TEXT].pk: "Mer stöd vid hot.",
        },
        sex="woman",
        role_level="member",
        today=today,
    )
    services.close_survey(survey=survey, by=world.user("admin"))
    assert set(_columns("surveys_response")) == {
        "id",
        "survey_id",
        "sex",
        "role_level",
    }
    assert set(_columns("surveys_pendingresponse")) == {"id", "survey_id", "payload"}
    assert set(_columns("surveys_answer")) == {
        "id",
        "response_id",
        "version_id",
        "choice",
        "text",
    }
    identifying = {
        person.email,
        person.first_name,
        person.last_name,
        invitation.token_hash,
        token,
    }
    with connection.cursor() as cursor:
        for table in ("surveys_response", "surveys_answer"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed table names
            for row in cursor.fetchall():
                values = {str(v) for v in row if v is not None}
                assert not values & identifying, (table, row)
    # The only foreign keys lead to the round, the response and the question.
    with connection.cursor() as cursor:
        response_fks = connection.introspection.get_relations(
            cursor, "surveys_response"
        )
        answer_fks = connection.introspection.get_relations(cursor, "surveys_answer")
    assert {t for _c, t in response_fks.values()} == {"surveys_survey"}
    assert {t for _c, t in answer_fks.values()} == {
        "surveys_response",
        "surveys_questionversion",
    }
    response = Response.objects.get()
    assert response.id.version == 4
    # No history tables for answers; the link's history never records its use.
    tables = connection.introspection.table_names()
    assert "surveys_historicalresponse" not in tables
    assert "surveys_historicalanswer" not in tables
    assert "surveys_historicalpendingresponse" not in tables
    assert "is_used" not in _columns("surveys_historicalinvitation")
    assert "updated_at" not in _columns("surveys_invitation")
    history = Invitation.history.filter(id=invitation.pk)  # type: ignore[attr-defined]
    assert history.count() == 1  # created; answering left no history row
    # Party is never asked nor stored with the answers.
    for table in ("surveys_response", "surveys_answer"):
        assert not any("party" in c for c in _columns(table))


def test_remind_sends_once_a_week_and_twice_on_one_day_sends_nothing(
    world, politicians, today
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    tokens = [add_link(survey, p, sent_on=dt.date(2026, 11, 1)) for p in politicians]
    version = _first(QuestionKind.SCALE, survey)
    services.submit_response(token=tokens[0], answers={version.pk: 5}, today=today)
    first = services.remind_non_respondents(survey=survey, by=None, today=today)
    second = services.remind_non_respondents(survey=survey, by=None, today=today)
    assert first == len(politicians) - 1
    assert second == 0
    assert (
        services.remind_non_respondents(
            survey=survey, by=None, today=today + dt.timedelta(days=3)
        )
        == 0
    )
    assert (
        services.remind_non_respondents(
            survey=survey,
            by=world.user("strategist"),
            today=today + dt.timedelta(days=7),
        )
        == len(politicians) - 1
    )
    # The reminder replaces the token: the old link no longer works.
    with pytest.raises(services.LinkUnavailable):
        services.submit_response(token=tokens[1], answers={version.pk: 5}, today=today)


def test_reminders_are_refused_to_readers(world, politicians, today):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    with pytest.raises(PermissionDenied):
        services.remind_non_respondents(
            survey=survey, by=world.user("reader"), today=today
        )


def test_close_survey_and_no_second_close(world):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    services.close_survey(survey=survey, by=world.user("strategist"))
    assert survey.status == Survey.Status.CLOSED
    with pytest.raises(ValidationError):
        services.close_survey(survey=survey, by=world.user("strategist"))
    with pytest.raises(ValidationError):
        services.update_survey(survey=survey, by=world.user("admin"), title="Ny")


def test_update_survey_changes_a_draft(world):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    versions = selectors.default_versions()[:2]
    services.update_survey(
        survey=survey, by=world.user("strategist"), title="Ny titel", versions=versions
    )
    survey.refresh_from_db()
    assert survey.title == "Ny titel"
    assert [sq.version for sq in survey.survey_questions.all()] == versions


@pytest.mark.parametrize(
    "field", [{"status": Survey.Status.OPEN}, {"organisation": None}]
)
def test_update_survey_refuses_fields_outside_the_workflow(world, field):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    if "organisation" in field:
        field = {"organisation": world.other.organisation}
    with pytest.raises(TypeError):
        services.update_survey(survey=survey, by=world.user("admin"), **field)
    survey.refresh_from_db()
    assert survey.status == Survey.Status.DRAFT
    assert survey.organisation == world.own.organisation


def test_a_new_version_keeps_the_old_one_and_takes_over_the_default(world):
    old = selectors.default_versions()[0]
    new = services.add_question_version(
        by=world.user("strategist"),
        question=old.question,
        text="Ny formulering?",
        kind=QuestionKind.SCALE,
    )
    assert new.number == old.number + 1
    assert not new.is_default
    newer = services.add_question_version(
        by=world.user("admin"),
        question=old.question,
        text="Ännu en formulering?",
        kind=QuestionKind.SCALE,
        is_default=True,
    )
    old.refresh_from_db()
    assert not old.is_default
    assert newer in selectors.default_versions()
    assert old not in selectors.default_versions()


def test_a_choice_question_needs_two_options_and_others_may_not_add_questions(world):
    with pytest.raises(ValidationError) as error:
        services.add_question_version(
            by=world.user("admin"),
            text="Fråga?",
            kind=QuestionKind.SINGLE,
            options=["Ja"],
        )
    assert "options" in error.value.error_dict
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.add_question_version(
                by=world.user(role), text="Fråga?", kind=QuestionKind.FREE_TEXT
            )


def test_the_data_migration_can_run_twice_without_duplicates():
    import importlib

    from django.apps import apps

    from jamkoll.surveys.models import QuestionVersion

    migration = importlib.import_module(
        "jamkoll.surveys.migrations.0002_default_questions"
    )
    before = QuestionVersion.objects.count()
    migration.forward(apps, None)
    assert QuestionVersion.objects.count() == before == len(migration.QUESTIONS)


def test_submit_response_takes_the_same_queries_for_one_answer_or_all(
    world, politicians, today, django_assert_max_num_queries
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    scale = _first(QuestionKind.SCALE, survey)
    first_token = add_link(survey, politicians[0])
    with django_assert_max_num_queries(16) as one:
        services.submit_response(token=first_token, answers={scale.pk: 3}, today=today)
    every = {
        sq.version.pk: (
            [0, 1]
            if sq.version.kind == QuestionKind.MULTIPLE
            else "Text"
            if sq.version.kind == QuestionKind.FREE_TEXT
            else 1
        )
        for sq in survey.survey_questions.select_related("version")
    }
    token = add_link(survey, politicians[1])
    with django_assert_max_num_queries(len(one.captured_queries)):
        services.submit_response(token=token, answers=every, today=today)
    services.close_survey(survey=survey, by=world.user("admin"))
    assert Answer.objects.count() == 1 + len(every) + 1
