"""The survey pages in the permission matrix.

Rounds are read by administrators, strategists, politicians and readers (readers see
totals only); managers have no access. The answer pages behind a personal link are
public (`@login_not_required`): the start page takes the personal code (from the
link's fragment) and sets a signed cookie; the questions page reads that cookie, and
without it sends a GET to the start page (302).
"""

import datetime as dt

from tests.matrix import (
    ADMIN,
    ALL,
    POLITICIAN,
    READER,
    STRATEGIST,
    PostCase,
    UrlCase,
    statuses,
)

EDITORS = (ADMIN, STRATEGIST)
READERS_OF_RESULTS = (ADMIN, STRATEGIST, POLITICIAN, READER)
BREAKDOWNS = (ADMIN, STRATEGIST, POLITICIAN)


def _setup(world):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.tests.factories import make_survey

    surveys = {}
    for org_world in (world.own, world.other):
        surveys[org_world.organisation.pk] = make_survey(
            organisation=org_world.organisation,
            by=world.user(ADMIN) if org_world is world.own else world.outsider,
        )
    return {"surveys": surveys, "own": surveys[world.own.organisation.pk]}


def _question(world):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.models import Question
    from jamkoll.surveys.tests.factories import ensure_default_questions

    ensure_default_questions()
    return {"question": Question.objects.order_by("pk").first()}


def _survey(org_world, extra):  # type: ignore[no-untyped-def]
    return [extra["surveys"][org_world.organisation.pk].pk]


CASES = [
    UrlCase("surveys:list", statuses(READERS_OF_RESULTS), other=None),
    UrlCase("surveys:question_list", statuses(ALL), other=None),
    UrlCase("surveys:question_create", statuses(EDITORS), other=None),
    UrlCase(
        "surveys:version_create",
        statuses(EDITORS),
        lambda o, e=None: [e["question"].pk],
        other=None,
        setup=_question,
    ),
    UrlCase("surveys:create", statuses(EDITORS), other=None),
    UrlCase("surveys:detail", statuses(READERS_OF_RESULTS), _survey, setup=_setup),
    UrlCase("surveys:edit", statuses(EDITORS), _survey, setup=_setup),
    UrlCase("surveys:send", statuses(EDITORS), _survey, setup=_setup),
    UrlCase("surveys:remind", statuses(EDITORS), _survey, setup=_setup),
    UrlCase("surveys:close", statuses(EDITORS), _survey, setup=_setup),
    UrlCase("surveys:results", statuses(READERS_OF_RESULTS), _survey, setup=_setup),
    UrlCase("surveys:export", statuses(BREAKDOWNS), _survey, setup=_setup),
    UrlCase("surveys:thanks", statuses(ALL), other=None),
    UrlCase("surveys:answer_start", statuses(ALL), other=None),
    UrlCase("surveys:answer", statuses(ALL, ok=302), other=None),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "surveys:detail",
    "surveys:export",
    "surveys:list",
    "surveys:question_list",
    "surveys:results",
    "surveys:thanks",
}


# --- POST: rounds, links and the question bank (issue 16) ----------------------------


def _setup_rounds(world):  # type: ignore[no-untyped-def]
    """In each organisation a draft round and an open one (period to 2099) whose link
    the chair got long ago; the chair has an address, so a draft can be sent."""
    from jamkoll.members.models import Person
    from jamkoll.surveys.models import Survey
    from jamkoll.surveys.tests.factories import add_link, make_survey

    extra = {}
    for org_world, by in (
        (world.own, world.user(ADMIN)),
        (world.other, world.outsider),
    ):
        Person.objects.filter(pk=org_world.person.pk).update(
            email=f"ordforande-{org_world.organisation.code}@example.se"
        )
        draft = make_survey(organisation=org_world.organisation, by=by)
        opened = make_survey(organisation=org_world.organisation, by=by)
        Survey.objects.filter(pk__in=[draft.pk, opened.pk]).update(
            closes_on=dt.date(2099, 12, 31)
        )
        Survey.objects.filter(pk=opened.pk).update(opens_on=dt.date(2026, 1, 1))
        opened.refresh_from_db()
        token = add_link(opened, org_world.person, sent_on=dt.date(2026, 1, 1))
        extra[org_world.organisation.pk] = {
            "draft": draft,
            "open": opened,
            "token": token,
        }
    return extra


def _round(key):  # type: ignore[no-untyped-def]
    return lambda o, e=None: [e[o.organisation.pk][key].pk]


def _survey_state(key):  # type: ignore[no-untyped-def]
    def state(org, extra):  # type: ignore[no-untyped-def]
        from jamkoll.surveys.models import Survey

        survey = Survey.objects.get(pk=extra[org.organisation.pk][key].pk)
        invitations = sorted(
            survey.invitations.values_list("person_id", "token_hash", "reminder_count")
        )
        return (survey.title, survey.status, invitations)

    return state


def _titles(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.models import Survey

    return sorted(
        Survey.objects.filter(organisation=org.organisation).values_list(
            "title", "year"
        )
    )


def _round_data(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.surveys import selectors
    from jamkoll.surveys.tests.factories import ensure_default_questions

    ensure_default_questions()
    return {
        "title": "Politikerenkät hösten 2026",
        "year": "2026",
        "opens_on": "2026-11-01",
        "closes_on": "2026-12-31",
        "min_group_size": "5",
        "versions": [v.pk for v in selectors.default_versions()],
    }


def _bank(org=None, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.models import QuestionVersion

    return sorted(QuestionVersion.objects.values_list("question_id", "number", "text"))


def _answer_state(org, extra):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.models import PendingResponse, Response

    survey = extra[org.organisation.pk]["open"]
    used = list(survey.invitations.values_list("is_used", flat=True))
    return (
        PendingResponse.objects.filter(survey=survey).count(),
        Response.objects.filter(survey=survey).count(),
        used,
    )


def _answer_cookie(org, extra):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.views import ANSWER_COOKIE, answer_cookie_value

    return {ANSWER_COOKIE: answer_cookie_value(extra[org.organisation.pk]["token"])}


def _answer_data(org, extra):  # type: ignore[no-untyped-def]
    survey = extra[org.organisation.pk]["open"]
    version = survey.survey_questions.order_by("position").first().version
    value = {"scale": "3", "free_text": "Mötestiderna passar dåligt."}.get(
        version.kind, "0"
    )
    return {f"q{version.pk}": value, "sex": "woman"}


POST_CASES = [
    # No field names an organisation's object: a round is created in the active
    # organisation only, so the other organisation's rounds stay as they were.
    PostCase(
        "surveys:create",
        EDITORS,
        lambda o, e=None: [],
        _titles,
        data=_round_data,
        other=302,
        other_refused=403,
    ),
    PostCase(
        "surveys:edit",
        EDITORS,
        _round("draft"),
        _survey_state("draft"),
        data=_round_data,
        setup=_setup_rounds,
    ),
    PostCase(
        "surveys:send",
        EDITORS,
        _round("draft"),
        _survey_state("draft"),
        setup=_setup_rounds,
    ),
    PostCase(
        "surveys:remind",
        EDITORS,
        _round("open"),
        _survey_state("open"),
        setup=_setup_rounds,
    ),
    PostCase(
        "surveys:close",
        EDITORS,
        _round("open"),
        _survey_state("open"),
        setup=_setup_rounds,
    ),
    # The question bank is shared by all organisations (no other organisation's
    # copy to try); administrators and strategists of any organisation write it.
    PostCase(
        "surveys:question_create",
        EDITORS,
        lambda o, e=None: [],
        _bank,
        data=lambda o, e=None: {
            "topic": "time",
            "text": "Hur ofta kan du delta i sammanträdena på dagtid?",
            "kind": "scale",
        },
        other=None,
    ),
    PostCase(
        "surveys:version_create",
        EDITORS,
        lambda o, e=None: [e["question"].pk],
        _bank,
        data=lambda o, e=None: {
            "text": "Hur väl kan du förena uppdraget med arbete och familj?",
            "kind": "scale",
        },
        setup=_question,
        other=None,
    ),
    # The personal link is the credential: anyone holding it (here in the signed
    # answer cookie the start page sets) answers once, logged in or not; there is no
    # other organisation's link to try.
    PostCase(
        "surveys:answer",
        ALL,
        lambda o, e=None: [],
        _answer_state,
        data=_answer_data,
        setup=_setup_rounds,
        other=None,
        anonymous=None,
        cookies=_answer_cookie,
    ),
]
