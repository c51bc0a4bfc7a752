import datetime as dt

import pytest

from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import QuestionKind, Survey
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import add_link, make_survey

pytestmark = pytest.mark.django_db


def _version(survey: Survey, kind: str):  # type: ignore[no-untyped-def]
    return next(
        sq.version
        for sq in survey.survey_questions.select_related("version")
        if sq.version.kind == kind
    )


def _answer_all(survey, people, rows, version, day):  # type: ignore[no-untyped-def]
    """rows: (sex, role_level, value) per respondent."""
    for person, (sex, role_level, value) in zip(people, rows, strict=False):
        token = add_link(survey, person)
        services.submit_response(
            token=token,
            answers={version.pk: value},
            sex=sex,
            role_level=role_level,
            today=day,
        )


def _close(survey: Survey, by) -> None:  # type: ignore[no-untyped-def]
    services.close_survey(survey=survey, by=by)


def _group(breakdown, key):  # type: ignore[no-untyped-def]
    return next(g for g in breakdown.groups if g.key == key)


def test_seven_members_five_women_two_men_hide_the_men_and_the_women(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    version = _version(survey, QuestionKind.SCALE)
    people = seat_people(world.own, 7)
    rows = [("woman", "member", 4)] * 5 + [("man", "member", 1)] * 2
    _answer_all(survey, people, rows, version, dt.date(2026, 11, 10))
    _close(survey, admin)
    question = next(
        q
        for q in selectors.survey_results(survey=survey).questions
        if q.version_id == version.pk
    )
    assert question.total.respondents == 7
    assert question.total.counts == [2, 0, 0, 5, 0]
    men = _group(question.by_sex, "man")
    women = _group(question.by_sex, "woman")
    assert men.hidden
    assert men.counts is None
    assert men.respondents is None
    assert women.hidden, "showing 5 women would reveal the 2 men's answers"
    assert not question.by_sex.any_shown
    # Role level: all seven are members (shown), the empty groups hide nobody.
    members = _group(question.by_role_level, "member")
    assert not members.hidden
    assert members.respondents == 7
    assert members.mean == pytest.approx((5 * 4 + 2 * 1) / 7, abs=0.01)


def test_large_enough_groups_are_shown_and_a_lone_small_group_is_covered(world):
    admin = world.user("admin")
    survey = make_survey(
        organisation=world.own.organisation, by=admin, min_group_size=3
    )
    version = _version(survey, QuestionKind.SINGLE)
    people = seat_people(world.own, 11)
    rows = (
        [("woman", "leading", 0)] * 5
        + [("man", "member", 1)] * 4
        + [("not_stated", "member", 2)] * 2
    )
    _answer_all(survey, people, rows, version, dt.date(2026, 11, 10))
    _close(survey, admin)
    question = next(
        q
        for q in selectors.survey_results(survey=survey).questions
        if q.version_id == version.pk
    )
    assert _group(question.by_sex, "not_stated").hidden
    assert _group(question.by_sex, "man").hidden  # complementary (next smallest)
    assert not _group(question.by_sex, "woman").hidden
    assert _group(question.by_sex, "woman").counts[0] == 5
    assert not _group(question.by_role_level, "member").hidden
    assert not _group(question.by_role_level, "leading").hidden


def test_a_question_with_fewer_than_k_answers_is_hidden_entirely(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    version = _version(survey, QuestionKind.SCALE)
    people = seat_people(world.own, 4)
    _answer_all(
        survey, people, [("woman", "member", 3)] * 4, version, dt.date(2026, 11, 10)
    )
    _close(survey, admin)
    question = next(
        q
        for q in selectors.survey_results(survey=survey).questions
        if q.version_id == version.pk
    )
    assert question.total.hidden
    assert all(g.hidden for b in question.breakdowns for g in b.groups)


def test_results_are_withheld_until_the_round_closes(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    version = _version(survey, QuestionKind.SCALE)
    _answer_all(
        survey,
        seat_people(world.own, 6),
        [("woman", "member", 3)] * 6,
        version,
        dt.date(2026, 11, 10),
    )
    results = selectors.survey_results(survey=survey)
    assert results.responded == 6
    assert results.questions == []


def test_a_round_closed_before_anyone_answered_gives_empty_results(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    _close(survey, admin)
    results = selectors.survey_results(survey=survey)
    assert results.is_empty
    assert results.invited == 0
    assert results.response_rate is None
    assert results.questions == []


def test_comparison_across_two_rounds_of_the_same_question_version(world):
    admin = world.user("admin")
    version_ids = None
    people = seat_people(world.own, 12)
    for year, value, count in ((2025, 2, 6), (2026, 4, 8)):
        survey = make_survey(organisation=world.own.organisation, by=admin, year=year)
        version = _version(survey, QuestionKind.SCALE)
        version_ids = version.pk
        _answer_all(
            survey,
            people[:count],
            [("woman", "member", value)] * count,
            version,
            dt.date(year, 11, 10),
        )
        _close(survey, admin)
    other = make_survey(
        organisation=world.other.organisation, by=world.outsider, year=2024
    )
    _close(other, world.outsider)
    results = selectors.survey_results(survey=survey)
    question = next(q for q in results.questions if q.version_id == version_ids)
    assert question.total.mean == 4.0
    assert [e.year for e in question.earlier] == [2025]
    earlier = question.earlier[0].total
    assert earlier.respondents == 6
    assert earlier.mean == 2.0
    assert earlier.counts == [0, 6, 0, 0, 0]


def test_comparison_hides_an_earlier_round_below_k(world):
    admin = world.user("admin")
    people = seat_people(world.own, 9)
    for year, count in ((2025, 3), (2026, 9)):
        survey = make_survey(organisation=world.own.organisation, by=admin, year=year)
        version = _version(survey, QuestionKind.SCALE)
        _answer_all(
            survey,
            people[:count],
            [("man", "member", 5)] * count,
            version,
            dt.date(year, 11, 10),
        )
        _close(survey, admin)
    question = next(
        q
        for q in selectors.survey_results(survey=survey).questions
        if q.version_id == version.pk
    )
    assert question.earlier[0].total.hidden


def test_response_rate_and_report_selector(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    version = _version(survey, QuestionKind.FREE_TEXT)
    people = seat_people(world.own, 8)
    for person in people[5:]:
        add_link(survey, person)
    _answer_all(
        survey,
        people[:5],
        [("woman", "member", "Bra stöd.")] * 5,
        version,
        dt.date(2026, 11, 10),
    )
    assert (
        selectors.survey_results_for_report(
            organisation=world.own.organisation, year=2026
        )
        is None
    )  # not closed yet
    _close(survey, admin)
    report = selectors.survey_results_for_report(
        organisation=world.own.organisation, year=2026
    )
    assert report is not None
    assert (report.invited, report.responded, report.response_rate) == (8, 5, 62.5)
    free = next(q for q in report.questions if q.version_id == version.pk)
    assert free.free_text_count == 5
    assert free.total.hidden or free.total.counts == []
    assert "Bra stöd." not in repr(report)
    assert (
        selectors.survey_results_for_report(
            organisation=world.other.organisation, year=2026
        )
        is None
    )


def test_free_text_answers_are_sorted_and_only_after_closing(world):
    admin = world.user("admin")
    survey = make_survey(organisation=world.own.organisation, by=admin)
    version = _version(survey, QuestionKind.FREE_TEXT)
    people = seat_people(world.own, 3)
    rows = [
        ("woman", "member", "Örat"),
        ("man", "member", "annat"),
        ("man", "leading", "Bättre"),
    ]
    _answer_all(survey, people, rows, version, dt.date(2026, 11, 10))
    assert selectors.free_text_answers(survey=survey) == {}
    _close(survey, admin)
    assert selectors.free_text_answers(survey=survey) == {
        version.pk: ["annat", "Bättre", "Örat"]
    }


def test_results_take_a_fixed_number_of_queries(world, django_assert_num_queries):
    admin = world.user("admin")
    people = seat_people(world.own, 20)
    survey = make_survey(organisation=world.own.organisation, by=admin, year=2025)
    version = _version(survey, QuestionKind.SCALE)
    _answer_all(
        survey, people[:6], [("woman", "member", 3)] * 6, version, dt.date(2025, 11, 3)
    )
    _close(survey, admin)
    survey = make_survey(organisation=world.own.organisation, by=admin)
    _answer_all(
        survey, people, [("man", "leading", 2)] * 20, version, dt.date(2026, 11, 3)
    )
    _close(survey, admin)
    # The link counts (one query), the questions, earlier rounds, their questions,
    # the tallies.
    with django_assert_num_queries(5):
        selectors.survey_results(survey=survey)
