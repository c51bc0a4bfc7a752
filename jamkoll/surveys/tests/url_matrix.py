"""The survey pages in the permission matrix.

Rounds are read by administrators, strategists, politicians and readers (readers see
totals only); managers have no access. The answer pages behind a personal link are
public (`@login_not_required`); the setup creates a link and passes its token.
"""

import datetime as dt

from tests.matrix import ADMIN, ALL, POLITICIAN, READER, STRATEGIST, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)
READERS_OF_RESULTS = (ADMIN, STRATEGIST, POLITICIAN, READER)
BREAKDOWNS = (ADMIN, STRATEGIST, POLITICIAN)


def _setup(world):  # type: ignore[no-untyped-def]
    from jamkoll.surveys.tests.factories import add_link, make_survey

    surveys = {}
    for org_world in (world.own, world.other):
        surveys[org_world.organisation.pk] = make_survey(
            organisation=org_world.organisation,
            by=world.user(ADMIN) if org_world is world.own else world.outsider,
        )
    own = surveys[world.own.organisation.pk]
    # The draft stays a draft for the edit page; a second, open round carries the link.
    linked = make_survey(
        organisation=world.own.organisation, by=world.user(ADMIN), year=2027
    )
    # A wide period so the page opens whatever day the tests run.
    linked.opens_on, linked.closes_on = dt.date(2020, 1, 1), dt.date(2099, 12, 31)
    linked.save(update_fields=["opens_on", "closes_on"])
    return {"surveys": surveys, "own": own, "token": add_link(linked, world.own.person)}


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
    UrlCase(
        "surveys:answer",
        statuses(ALL),
        lambda o, e=None: [e["token"]],
        other=None,
        setup=_setup,
    ),
]
