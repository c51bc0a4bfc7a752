from jamkoll.result_requests.models import DueDateChange
from jamkoll.result_requests.tests import factories
from tests.matrix import (
    ADMIN,
    ALL,
    MANAGER,
    POLITICIAN,
    READER,
    STRATEGIST,
    PostCase,
    UrlCase,
    statuses,
)

BODY = (ADMIN, STRATEGIST, POLITICIAN)
ANSWERERS = (STRATEGIST, MANAGER)


def _demands(world):  # type: ignore[no-untyped-def]
    """In each organisation: a sent, an answered and an insufficient demand."""
    extra = {}
    for org_world in (world.own, world.other):
        sent = factories.raise_demand(org_world)
        answered = factories.answer(factories.raise_demand(org_world))
        insufficient = factories.assess(
            factories.answer(
                factories.raise_demand(org_world),
                files=[factories.upload("svar.png", factories.png_bytes())],
            )
        )
        change = DueDateChange.objects.create(
            result_request=answered,
            requested_by=factories.strategist_of(org_world),
            previous_due_on=answered.due_on,
            requested_due_on=answered.due_on,
            reason="Statistiken kommer senare.",
        )
        extra[org_world.organisation.pk] = {
            "sent": sent,
            "answered": answered,
            "insufficient": insufficient,
            "attachment": insufficient.replies.get().attachments.get(),
            "change": change,
        }
    return extra


def _arg(key: str):  # type: ignore[no-untyped-def]
    return lambda o, e=None: [e[o.organisation.pk][key].pk]


CASES = [
    UrlCase("result_requests:list", statuses(ALL), other=None),
    UrlCase("result_requests:to_answer", statuses(ANSWERERS), other=None),
    UrlCase("result_requests:to_assess", statuses(BODY), other=None),
    UrlCase("result_requests:create", statuses(BODY), other=None),
    UrlCase(
        "result_requests:occasion",
        statuses(ALL),
        other=None,
        query="?tillfalle=budget_dialogue",
    ),
    UrlCase("result_requests:figures", statuses(ALL), other=None),
    UrlCase("result_requests:figures_xlsx", statuses(ALL), other=None),
    UrlCase("result_requests:figures_csv", statuses(ALL), other=None),
    UrlCase("result_requests:list_xlsx", statuses(ALL), other=None),
    UrlCase("result_requests:list_csv", statuses(ALL), other=None),
    UrlCase("result_requests:detail_xlsx", statuses(ALL), _arg("sent"), setup=_demands),
    UrlCase("result_requests:detail_csv", statuses(ALL), _arg("sent"), setup=_demands),
    UrlCase("result_requests:unit", statuses(ALL), lambda o, e=None: [o.board.pk]),
    UrlCase("result_requests:detail", statuses(ALL), _arg("sent"), setup=_demands),
    UrlCase(
        "result_requests:thread", statuses(ALL), _arg("insufficient"), setup=_demands
    ),
    UrlCase("result_requests:reply", statuses(ANSWERERS), _arg("sent"), setup=_demands),
    UrlCase(
        "result_requests:request_due_change",
        statuses(ANSWERERS),
        _arg("sent"),
        setup=_demands,
    ),
    UrlCase("result_requests:assess", statuses(BODY), _arg("answered"), setup=_demands),
    UrlCase(
        "result_requests:follow_up",
        statuses(BODY),
        _arg("insufficient"),
        setup=_demands,
    ),
    UrlCase(
        "result_requests:attachment", statuses(ALL), _arg("attachment"), setup=_demands
    ),
    # POST-only actions refuse a GET for everyone, before looking anything up.
    UrlCase(
        "result_requests:send",
        statuses((), denied=405),
        _arg("sent"),
        setup=_demands,
        other=405,
    ),
    UrlCase(
        "result_requests:close",
        statuses((), denied=405),
        _arg("sent"),
        setup=_demands,
        other=405,
    ),
    UrlCase(
        "result_requests:decide_due_change",
        statuses((), denied=405),
        _arg("change"),
        setup=_demands,
        other=405,
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "result_requests:attachment",
    "result_requests:detail",
    "result_requests:detail_csv",
    "result_requests:detail_xlsx",
    "result_requests:figures",
    "result_requests:figures_csv",
    "result_requests:figures_xlsx",
    "result_requests:list",
    "result_requests:list_csv",
    "result_requests:list_xlsx",
    "result_requests:occasion",
    "result_requests:thread",
    "result_requests:to_answer",
    "result_requests:to_assess",
    "result_requests:unit",
}


# --- POST: the demands loop, as every role (issue 16) --------------------------------
# Managers see the demands to their unit (the board), so where they may not act they
# are refused (403), not kept in the dark (404).


def _in(days: int) -> str:
    import datetime as dt

    from django.utils import timezone

    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def _demands_with_draft(world):  # type: ignore[no-untyped-def]
    extra = _demands(world)
    for org_world in (world.own, world.other):
        extra[org_world.organisation.pk]["draft"] = factories.raise_demand(
            org_world, send=False
        )
    return extra


def _demands_of(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.result_requests.models import ResultRequest

    return sorted(
        ResultRequest.objects.filter(organisation=org.organisation).values_list(
            "pk", "title", "addressed_to_id", "status", "outcome", "follows_up_id"
        )
    )


def _demand_state(key: str):  # type: ignore[no-untyped-def]
    def state(org, extra):  # type: ignore[no-untyped-def]
        from jamkoll.result_requests.models import ResultRequest

        demand = ResultRequest.objects.get(pk=extra[org.organisation.pk][key].pk)
        return (
            demand.status,
            demand.outcome,
            demand.due_on,
            demand.version,
            list(
                demand.replies.order_by("number").values_list(
                    "number", "text", "submitted_at"
                )
            ),
            list(
                demand.due_date_changes.order_by("pk").values_list(
                    "requested_due_on", "decision"
                )
            ),
        )

    return state


def _demand_data(org, extra=None):  # type: ignore[no-untyped-def]
    return {
        "addressees": [org.board.pk],
        "title": "Könsuppdelad statistik för försörjningsstöd",
        "question": "Hur fördelas försörjningsstödet mellan kvinnor och män?",
        "evidence_required": ["statistics"],
        "occasion": "budget_dialogue",
        "due_on": _in(45),
        "is_public": "on",
    }


def _follow_up_data(org, extra=None):  # type: ignore[no-untyped-def]
    data = _demand_data(org, extra)
    del data["addressees"]
    data["title"] = "Följdfråga: analysen av skillnaderna"
    return data


POST_CASES: list[PostCase] = [
    # The other organisation's board is not offered as an addressee (400).
    PostCase(
        "result_requests:create",
        BODY,
        lambda o, e=None: [],
        _demands_of,
        data=_demand_data,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "result_requests:send",
        BODY,
        _arg("draft"),
        _demand_state("draft"),
        setup=_demands_with_draft,
        # The addressed manager cannot see a draft at all.
        denied={MANAGER: 404, READER: 403},
    ),
    PostCase(
        "result_requests:close",
        BODY,
        _arg("sent"),
        _demand_state("sent"),
        setup=_demands,
    ),
    PostCase(
        "result_requests:reply",
        ANSWERERS,
        _arg("sent"),
        _demand_state("sent"),
        data=lambda o, e=None: {
            "text": "Kvinnor får i snitt 8 400 kronor, män 9 100 kronor per månad.",
            "evidence_given": ["statistics"],
            "submit": "1",
        },
        setup=_demands,
    ),
    # The answering manager may not also assess the answer.
    PostCase(
        "result_requests:assess",
        BODY,
        _arg("answered"),
        _demand_state("answered"),
        data=lambda o, e=None: {
            "outcome": "accepted",
            "comment": "Svaret är tydligt och könsuppdelat.",
            "version": e[o.organisation.pk]["answered"].version,
        },
        setup=_demands,
    ),
    PostCase(
        "result_requests:follow_up",
        BODY,
        _arg("insufficient"),
        _demands_of,
        data=_follow_up_data,
        setup=_demands,
    ),
    PostCase(
        "result_requests:request_due_change",
        ANSWERERS,
        _arg("sent"),
        _demand_state("sent"),
        data=lambda o, e=None: {
            "requested_due_on": _in(60),
            "reason": "Statistiken för andra tertialen är klar först i september.",
        },
        setup=_demands,
    ),
    PostCase(
        "result_requests:decide_due_change",
        BODY,
        _arg("change"),
        _demand_state("answered"),
        data=lambda o, e=None: {"decision": "accept"},
        setup=_demands,
    ),
]
