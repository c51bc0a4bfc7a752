from jamkoll.meetings.tests.factories import make_meeting_world
from tests.matrix import ADMIN, ALL, STRATEGIST, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)
POST_ONLY = statuses((), denied=405)


def _setup(world):
    return {
        world.own.organisation.pk: make_meeting_world(world.own, world.user("admin")),
        world.other.organisation.pk: make_meeting_world(world.other, world.outsider),
    }


def _of(attribute):
    def args(org, extra=None):
        return [getattr(extra[org.organisation.pk], attribute).pk]

    return args


def _token(org, extra=None):
    return [extra[org.organisation.pk].feed.token]


CASES = [
    UrlCase("meetings:list", statuses(ALL), other=None),
    UrlCase("meetings:create", statuses(EDITORS), other=None),
    UrlCase("meetings:body_year", statuses(ALL), lambda o, e=None: [o.body.pk]),
    UrlCase("meetings:detail", statuses(ALL), _of("meeting"), setup=_setup),
    UrlCase("meetings:edit", statuses(EDITORS), _of("meeting"), setup=_setup),
    UrlCase("meetings:attendance", statuses(EDITORS), _of("meeting"), setup=_setup),
    UrlCase(
        "meetings:agenda_item_create", statuses(EDITORS), _of("meeting"), setup=_setup
    ),
    UrlCase("meetings:suggestions", statuses(EDITORS), _of("meeting"), setup=_setup),
    UrlCase("meetings:agenda_pdf", statuses(ALL), _of("meeting"), setup=_setup),
    UrlCase("meetings:minutes_edit", statuses(EDITORS), _of("meeting"), setup=_setup),
    # Approving is POST only; a GET is refused before anything is looked up.
    UrlCase(
        "meetings:minutes_approve", POST_ONLY, _of("meeting"), other=405, setup=_setup
    ),
    UrlCase(
        "meetings:minutes_correct", statuses(EDITORS), _of("approved"), setup=_setup
    ),
    UrlCase("meetings:minutes_pdf", statuses(ALL), _of("approved"), setup=_setup),
    UrlCase(
        "meetings:question_create", statuses(EDITORS), _of("dialogue"), setup=_setup
    ),
    UrlCase(
        "meetings:questions_sent", POST_ONLY, _of("dialogue"), other=405, setup=_setup
    ),
    UrlCase(
        "meetings:commitment_create", statuses(EDITORS), _of("dialogue"), setup=_setup
    ),
    UrlCase(
        "meetings:development_need_create",
        statuses(EDITORS),
        _of("dialogue"),
        setup=_setup,
    ),
    UrlCase("meetings:agenda_item_edit", statuses(EDITORS), _of("item"), setup=_setup),
    UrlCase(
        "meetings:agenda_item_move", POST_ONLY, _of("item"), other=405, setup=_setup
    ),
    UrlCase(
        "meetings:agenda_item_delete", POST_ONLY, _of("item"), other=405, setup=_setup
    ),
    UrlCase("meetings:decision_create", statuses(EDITORS), _of("item"), setup=_setup),
    UrlCase("meetings:decision_list", statuses(ALL), other=None),
    UrlCase(
        "meetings:decision_follow_up", statuses(EDITORS), _of("decision"), setup=_setup
    ),
    UrlCase(
        "meetings:commitment_complete",
        POST_ONLY,
        _of("commitment"),
        other=405,
        setup=_setup,
    ),
    UrlCase("meetings:development_needs", statuses(ALL), other=None),
    UrlCase("meetings:year_wheel", statuses(ALL), other=None),
    UrlCase("meetings:rule_create", statuses(EDITORS), other=None),
    UrlCase("meetings:rule_delete", POST_ONLY, _of("rule"), other=405, setup=_setup),
    UrlCase("meetings:calendar_feeds", statuses(ALL), other=None),
    UrlCase(
        "meetings:calendar_feed_revoke", POST_ONLY, _of("feed"), other=405, setup=_setup
    ),
    # The feed is public: the secret token is the credential, whoever asks.
    UrlCase("meetings:calendar_feed", statuses(ALL), _token, other=200, setup=_setup),
]
