import datetime as dt

from django.utils import timezone

from jamkoll.accounts.models import RoleAssignment
from jamkoll.meetings.models import (
    AgendaItem,
    Decision,
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
    return [extra[org.organisation.pk].feed_token]


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


# --- Assignments (uppdrag) to people (issue 16, part 3) -----------------------------


def _setup_owned(world):
    """The factory's assignment is owned by the person linked to the manager (own) or
    the outsider (other): the owner reports back without being the secretary."""
    extra = _setup(world)
    for org_world, user in (
        (world.own, world.user("manager")),
        (world.other, world.outsider),
    ):
        Person.objects.filter(pk=org_world.person.pk).update(user=user)
    return extra


def _decisions_state(org, extra):
    return list(
        Decision.objects.filter(agenda_item=extra[org.organisation.pk].item)
        .order_by("pk")
        .values_list("text", "owner_id", "due_on")
    )


def _follow_up_state(org, extra):
    return (
        Decision.objects.filter(pk=extra[org.organisation.pk].decision.pk)
        .values_list("follow_up", "completed_on")
        .get()
    )


def _follow_up_data(org, extra=None):
    return {"follow_up": "Frågorna är skickade.", "completed_on": "2026-04-20"}


CASES.append(
    UrlCase(
        "meetings:decision_follow_up",
        statuses((*EDITORS, MANAGER)),
        _of("decision"),
        setup=_setup_owned,
    )
)

POST_CASES.extend(
    [
        PostCase(
            "meetings:decision_create",
            EDITORS,
            _of("item"),
            _decisions_state,
            data=lambda org, extra=None: {
                "text": "Sammanställa frågor till dialogmötet",
                "owner": org.person.pk,
                "due_on": "2027-05-04",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:decision_follow_up",
            EDITORS,
            _of("decision"),
            _follow_up_state,
            data=_follow_up_data,
            setup=_setup,
        ),
        # The owner (a manager here, through the linked person) reports back too.
        PostCase(
            "meetings:decision_follow_up",
            (MANAGER, *EDITORS),
            _of("decision"),
            _follow_up_state,
            data=_follow_up_data,
            setup=_setup_owned,
        ),
    ]
)

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "meetings:agenda_docx",
    "meetings:agenda_pdf",
    "meetings:body_year",
    "meetings:calendar_feed",
    "meetings:decision_list",
    "meetings:detail",
    "meetings:development_needs",
    "meetings:list",
    "meetings:minutes_docx",
    "meetings:minutes_pdf",
    "meetings:year_wheel",
}


# --- POST: meetings, the agenda, dialogue meetings and the year wheel (issue 16) -----
# Every role reads meetings, so the roles that may not edit are refused (403);
# another organisation's objects are not found (404).


def _meetings_of(org, extra=None):
    return sorted(
        Meeting.objects.filter(organisation=org.organisation).values_list(
            "pk", "body_id", "kind", "held_on", "starts_at", "place"
        )
    )


def _meeting_data(org, extra=None):
    return {
        "body": org.body.pk,
        "kind": "ordinary",
        "title": "Sammanträde maj",
        "held_on": "2027-05-11",
        "starts_at": "13:00",
        "ends_at": "16:00",
        "place": "Stadshuset, sal Kvarnen",
        "standard_items": "on",
    }


def _attendance_state(org, extra):
    from jamkoll.meetings.models import Attendance

    return list(
        Attendance.objects.filter(meeting=extra[org.organisation.pk].meeting)
        .order_by("pk")
        .values_list("person_id", "name", "capacity")
    )


def _agenda_state(org, extra):
    return list(
        AgendaItem.objects.filter(meeting=extra[org.organisation.pk].meeting)
        .order_by("position", "pk")
        .values_list("pk", "position", "title", "description", "source_ref")
    )


def _setup_two_items(world):
    """A second item after the factory's, so the first can move down."""
    extra = _setup(world)
    for org_world in (world.own, world.other):
        AgendaItem.objects.create(
            meeting=extra[org_world.organisation.pk].meeting,
            position=2,
            title="Val av justerare",
        )
    return extra


def _setup_due_assignment(world):
    """The factory's assignment is due today, so it is offered as a suggestion."""
    extra = _setup(world)
    Decision.objects.filter(pk__in=[e.decision.pk for e in extra.values()]).update(
        due_on=timezone.localdate()
    )
    return extra


def _dialogue_state(org, extra):
    from jamkoll.meetings.models import Commitment, DevelopmentNeed

    dialogue = extra[org.organisation.pk].dialogue
    return (
        list(dialogue.questions.order_by("pk").values_list("text", "source_url")),
        list(
            Commitment.objects.filter(meeting=dialogue)
            .order_by("pk")
            .values_list("text", "owner", "due_on", "completed_on")
        ),
        list(
            DevelopmentNeed.objects.filter(organisation=org.organisation)
            .order_by("pk")
            .values_list("text", "unit_id")
        ),
    )


def _commitment_state(org, extra):
    from jamkoll.meetings.models import Commitment

    return Commitment.objects.filter(
        pk=extra[org.organisation.pk].commitment.pk
    ).values_list("completed_on", flat=True)[0]


def _rules_of(org, extra=None):
    return sorted(
        YearWheelRule.objects.filter(organisation=org.organisation).values_list(
            "pk", "title", "months"
        )
    )


def _rule_data(org, extra=None):
    return {
        "title": "Resultatseminarium",
        "category": "budget_dialogue",
        "pattern": "nth_weekday",
        "months": ["4"],
        "weekday": "2",
        "nth": "1",
        "starts_at": "09:00",
        "duration_minutes": "120",
        "place": "Stadshuset",
    }


def _feeds_of(org, extra=None):
    from jamkoll.meetings.models import CalendarFeed

    return sorted(
        CalendarFeed.objects.filter(organisation=org.organisation).values_list(
            "pk", "user_id", "revoked_at"
        )
    )


POST_CASES.extend(
    [
        # The other organisation's body is not offered (400).
        PostCase(
            "meetings:create",
            EDITORS,
            lambda org, extra=None: [],
            _meetings_of,
            data=_meeting_data,
            other=400,
            other_refused=403,
        ),
        PostCase(
            "meetings:edit",
            EDITORS,
            _of("meeting"),
            _meetings_of,
            data=_meeting_data,
            setup=_setup,
        ),
        PostCase(
            "meetings:attendance",
            EDITORS,
            _of("meeting"),
            _attendance_state,
            data=lambda org, extra=None: {
                f"person_{org.person.pk}": "member",
                "officials": "Karin Lind, sekreterare",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:agenda_item_create",
            EDITORS,
            _of("meeting"),
            _agenda_state,
            data=lambda org, extra=None: {
                "title": "Återrapport från budgetdialogen",
                "presenter": "Ordföranden",
                "planned_minutes": "20",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:agenda_item_edit",
            EDITORS,
            _of("item"),
            _agenda_state,
            data=lambda org, extra=None: {
                "title": "Mötets öppnande och upprop",
                "description": "Ordföranden öppnar sammanträdet.",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:agenda_item_move",
            EDITORS,
            _of("item"),
            _agenda_state,
            data=lambda org, extra=None: {"direction": "down"},
            setup=_setup_two_items,
        ),
        PostCase(
            "meetings:agenda_item_delete",
            EDITORS,
            _of("item"),
            _agenda_state,
            setup=_setup,
        ),
        PostCase(
            "meetings:suggestions",
            EDITORS,
            _of("meeting"),
            _agenda_state,
            data=lambda org, extra=None: {
                "pick": f"meetings.decision:{extra[org.organisation.pk].decision.pk}"
            },
            setup=_setup_due_assignment,
        ),
        PostCase(
            "meetings:question_create",
            EDITORS,
            _of("dialogue"),
            _dialogue_state,
            data=lambda org, extra=None: {
                "text": "Hur följer ni upp väntetiderna för kvinnor och män?",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:commitment_create",
            EDITORS,
            _of("dialogue"),
            _dialogue_state,
            data=lambda org, extra=None: {
                "text": "Redovisa könsuppdelad statistik för hemtjänsten",
                "owner": "Förvaltningschef",
                "due_on": "2027-06-30",
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:development_need_create",
            EDITORS,
            _of("dialogue"),
            _dialogue_state,
            data=lambda org, extra=None: {
                "text": "Könsuppdelad statistik saknas i nämndens uppföljning.",
                "unit": org.board.pk,
            },
            setup=_setup,
        ),
        PostCase(
            "meetings:commitment_complete",
            EDITORS,
            _of("commitment"),
            _commitment_state,
            setup=_setup,
        ),
        # The form names no organisation's object: the rule is created in the active
        # organisation (302), the other one's rules are unchanged.
        PostCase(
            "meetings:rule_create",
            EDITORS,
            lambda org, extra=None: [],
            _rules_of,
            data=_rule_data,
            other=302,
            other_refused=403,
        ),
        PostCase(
            "meetings:rule_delete",
            EDITORS,
            _of("rule"),
            _rules_of,
            setup=_setup,
        ),
        # Everyone may make a calendar address of their own, in the active
        # organisation only.
        PostCase(
            "meetings:calendar_feeds",
            ALL,
            lambda org, extra=None: [],
            _feeds_of,
            other=200,
        ),
        # Only the feed's owner (the administrator here) sees it to revoke it.
        PostCase(
            "meetings:calendar_feed_revoke",
            (ADMIN,),
            _of("feed"),
            _feeds_of,
            setup=_setup,
            denied=404,
        ),
    ]
)
