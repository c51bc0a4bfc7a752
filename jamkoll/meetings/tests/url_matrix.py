import datetime as dt

from django.utils import timezone

from jamkoll.accounts.models import RoleAssignment
from jamkoll.meetings.models import (
    AgendaItem,
    DialogueQuestion,
    Meeting,
    Minutes,
    MinutesApproval,
    MinutesSettings,
    RuleOccurrence,
    YearWheelRule,
)
from jamkoll.meetings.tests.factories import make_meeting, make_meeting_world
from jamkoll.members.models import Person
from tests.matrix import (
    ADMIN,
    ALL,
    MANAGER,
    POLITICIAN,
    STRATEGIST,
    PostCase,
    UrlCase,
    statuses,
)

EDITORS = (ADMIN, STRATEGIST)
POST_ONLY = statuses((), denied=405)


def _setup(world):
    return {
        world.own.organisation.pk: make_meeting_world(world.own, world.user("admin")),
        world.other.organisation.pk: make_meeting_world(world.other, world.outsider),
    }


def _setup_sent(world):
    """Adds `sent`: minutes sent for approval, with the organisation's person as the
    approver, linked to the politician (own) or the outsider (other)."""
    extra = _setup(world)
    for org_world, user in (
        (world.own, world.user("politician")),
        (world.other, world.outsider),
    ):
        Person.objects.filter(pk=org_world.person.pk).update(user=user)
        sent = make_meeting(org_world, held_on=dt.date(2027, 1, 12))
        AgendaItem.objects.create(meeting=sent, position=1, paragraph=1, title="Budget")
        minutes = Minutes.objects.get(meeting=sent)
        minutes.approvers.set([org_world.person])
        Minutes.objects.filter(pk=minutes.pk).update(locked_at=timezone.now())
        extra[org_world.organisation.pk].sent = sent
    return extra


def _of(attribute):
    def args(org, extra=None):
        return [getattr(extra[org.organisation.pk], attribute).pk]

    return args


def _token(org, extra=None):
    return [extra[org.organisation.pk].feed.token]


# The factory's rule (second Tuesday in March) gives this date.
OCCURRENCE_DATE = "2027-03-09"


def _occurrence(org, extra=None):
    return [extra[org.organisation.pk].rule.pk, OCCURRENCE_DATE]


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
    UrlCase("meetings:agenda_docx", statuses(ALL), _of("meeting"), setup=_setup),
    UrlCase("meetings:minutes_edit", statuses(EDITORS), _of("meeting"), setup=_setup),
    # Only the designated approver (the politician, linked to the approver) opens
    # the page to confirm a signature.
    UrlCase(
        "meetings:minutes_approve",
        statuses((POLITICIAN,)),
        _of("sent"),
        setup=_setup_sent,
    ),
    UrlCase(
        "meetings:minutes_send", POST_ONLY, _of("meeting"), other=405, setup=_setup
    ),
    UrlCase(
        "meetings:minutes_withdraw",
        POST_ONLY,
        _of("sent"),
        other=405,
        setup=_setup_sent,
    ),
    UrlCase(
        "meetings:minutes_posting", statuses(EDITORS), _of("approved"), setup=_setup
    ),
    UrlCase(
        "meetings:minutes_settings",
        statuses(EDITORS),
        lambda o, e=None: [o.body.pk],
    ),
    UrlCase(
        "meetings:agenda_standard_items",
        POST_ONLY,
        _of("meeting"),
        other=405,
        setup=_setup,
    ),
    UrlCase("meetings:minutes_pdf", statuses(ALL), _of("approved"), setup=_setup),
    UrlCase("meetings:minutes_docx", statuses(ALL), _of("approved"), setup=_setup),
    # Draft minutes: the secretary's roles only (the factory's draft has no approvers;
    # approvers are tested in test_documents.py); everyone else as if there were none.
    UrlCase(
        "meetings:minutes_pdf",
        statuses(EDITORS, denied=404),
        _of("meeting"),
        setup=_setup,
    ),
    UrlCase(
        "meetings:minutes_docx",
        statuses(EDITORS, denied=404),
        _of("meeting"),
        setup=_setup,
    ),
    UrlCase(
        "meetings:question_create", statuses(EDITORS), _of("dialogue"), setup=_setup
    ),
    UrlCase(
        "meetings:questions_send", POST_ONLY, _of("dialogue"), other=405, setup=_setup
    ),
    # The counterpart's managers answer the questions, and so does the secretary.
    UrlCase(
        "meetings:dialogue_answers",
        statuses((*EDITORS, MANAGER)),
        _of("dialogue"),
        setup=_setup,
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
    UrlCase("meetings:rule_edit", statuses(EDITORS), _of("rule"), setup=_setup),
    UrlCase("meetings:occurrence_edit", statuses(EDITORS), _occurrence, setup=_setup),
    UrlCase(
        "meetings:meeting_invite", POST_ONLY, _of("meeting"), other=405, setup=_setup
    ),
    UrlCase("meetings:calendar_feeds", statuses(ALL), other=None),
    UrlCase(
        "meetings:calendar_feed_revoke", POST_ONLY, _of("feed"), other=405, setup=_setup
    ),
    # The feed is public: the secret token is the credential, whoever asks.
    UrlCase("meetings:calendar_feed", statuses(ALL), _token, other=200, setup=_setup),
]

POST_CASES: list[PostCase] = []

# --- The year wheel and invitations (issue 10, part 5) ------------------------------


def _setup_with_addresses(world):
    extra = _setup(world)
    for org_world in (world.own, world.other):
        Person.objects.filter(pk=org_world.person.pk).update(
            email=f"ordforande-{org_world.organisation.code}@example.se"
        )
    return extra


def _rule_state(org, extra):
    rule = YearWheelRule.objects.get(pk=extra[org.organisation.pk].rule.pk)
    return (rule.title, rule.months, rule.place, rule.duration_minutes)


def _occurrence_state(org, extra):
    return list(
        RuleOccurrence.objects.filter(rule=extra[org.organisation.pk].rule).values(
            "original_date", "moved_to", "starts_at", "cancelled"
        )
    )


def _invitation_state(org, extra):
    meeting = Meeting.objects.get(pk=extra[org.organisation.pk].meeting.pk)
    return (meeting.invitation_sequence, meeting.invitation_sent_at)


POST_CASES.extend(
    [
        PostCase(
            "meetings:rule_edit",
            EDITORS,
            _of("rule"),
            _rule_state,
            data=lambda org, extra=None: {
                "title": "Budgetdialog med nämnderna",
                "category": "budget_dialogue",
                "pattern": "nth_weekday",
                "months": ["3", "9"],
                "weekday": "1",
                "nth": "2",
                "starts_at": "09:00",
                "duration_minutes": "180",
                "place": "Stadshuset",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:occurrence_edit",
            EDITORS,
            _occurrence,
            _occurrence_state,
            data=lambda org, extra=None: {"cancelled": "on"},
            setup=_setup,
        ),
        PostCase(
            "meetings:meeting_invite",
            EDITORS,
            _of("meeting"),
            _invitation_state,
            setup=_setup_with_addresses,
        ),
    ]
)


# --- Dialogue invitations and answers (issue 10, part 6) ----------------------------


def _setup_dialogue(world):
    """A question on each dialogue meeting; the own manager (who answers for the
    counterpart, the board) and the other organisation's one get addresses."""
    extra = _setup(world)
    for org_world in (world.own, world.other):
        DialogueQuestion.objects.create(
            meeting=extra[org_world.organisation.pk].dialogue,
            text="Hur fördelas insatserna mellan kvinnor och män?",
        )
    manager = world.user("manager")
    manager.email = "chef@example.se"
    manager.save()
    if not RoleAssignment.objects.filter(
        organisation=world.other.organisation, role="manager"
    ).exists():
        other = RoleAssignment.objects.create(
            user=world.outsider, organisation=world.other.organisation, role="manager"
        )
        other.units.set([world.other.board])
        world.outsider.email = "annan-chef@example.se"
        world.outsider.save()
    return extra


def _questions_sent_state(org, extra):
    meeting = Meeting.objects.get(pk=extra[org.organisation.pk].dialogue.pk)
    return (meeting.questions_sent_on, meeting.questions_sent_to)


def _answers_state(org, extra):
    return list(
        DialogueQuestion.objects.filter(
            meeting=extra[org.organisation.pk].dialogue
        ).values_list("answer", "answered_by_id")
    )


def _answers_data(org, extra):
    return {
        f"answer_{q.pk}": "Vi redovisar könsuppdelad statistik varje tertial."
        for q in DialogueQuestion.objects.filter(
            meeting=extra[org.organisation.pk].dialogue
        )
    }


POST_CASES.extend(
    [
        PostCase(
            "meetings:questions_send",
            EDITORS,
            _of("dialogue"),
            _questions_sent_state,
            setup=_setup_dialogue,
        ),
        PostCase(
            "meetings:dialogue_answers",
            (*EDITORS, MANAGER),
            _of("dialogue"),
            _answers_state,
            data=_answers_data,
            setup=_setup_dialogue,
        ),
    ]
)


# --- Minutes: sending, approving, posting (issue 10, parts 1–3) --------------------


def _setup_sendable(world):
    """The `meeting` gets an approver with an account, so sending can succeed."""
    extra = _setup_sent(world)
    for org_world in (world.own, world.other):
        meeting = extra[org_world.organisation.pk].meeting
        Minutes.objects.get(meeting=meeting).approvers.set([org_world.person])
    return extra


def _setup_posting(world):
    extra = _setup(world)
    for org_world in (world.own, world.other):
        MinutesSettings.objects.create(body=org_world.body, posts_minutes=True)
    return extra


def _minutes_state(attribute, *fields):
    def state(org, extra):
        meeting = getattr(extra[org.organisation.pk], attribute)
        minutes = Minutes.objects.get(meeting=meeting)
        return tuple(getattr(minutes, f) for f in fields)

    return state


def _approvals_state(org, extra):
    return MinutesApproval.objects.filter(
        minutes__meeting=extra[org.organisation.pk].sent
    ).count()


def _items_state(org, extra):
    return AgendaItem.objects.filter(meeting=extra[org.organisation.pk].meeting).count()


def _settings_state(org, extra=None):
    return list(
        MinutesSettings.objects.filter(body=org.body).values_list(
            "posts_minutes", "reminder_after_days"
        )
    )


POST_CASES.extend(
    [
        PostCase(
            "meetings:minutes_send",
            EDITORS,
            _of("meeting"),
            _minutes_state("meeting", "locked_at"),
            setup=_setup_sendable,
        ),
        PostCase(
            "meetings:minutes_withdraw",
            EDITORS,
            _of("sent"),
            _minutes_state("sent", "locked_at"),
            setup=_setup_sent,
        ),
        PostCase(
            "meetings:minutes_approve",
            (POLITICIAN,),
            _of("sent"),
            _approvals_state,
            data=lambda org, extra=None: {"round": 1, "version": 0, "confirm": "on"},
            setup=_setup_sent,
        ),
        PostCase(
            "meetings:minutes_posting",
            EDITORS,
            _of("approved"),
            _minutes_state("approved", "posted_on", "taken_down_on"),
            data=lambda org, extra=None: {"posted_on": "2026-02-13"},
            setup=_setup_posting,
        ),
        PostCase(
            "meetings:minutes_settings",
            EDITORS,
            lambda org, extra=None: [org.body.pk],
            _settings_state,
            data=lambda org, extra=None: {
                "posts_minutes": "on",
                "reminder_after_days": "5",
            },
        ),
        PostCase(
            "meetings:agenda_standard_items",
            EDITORS,
            _of("meeting"),
            _items_state,
            setup=_setup,
        ),
    ]
)
