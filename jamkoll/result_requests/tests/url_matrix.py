from jamkoll.result_requests.models import DueDateChange
from jamkoll.result_requests.tests import factories
from tests.matrix import ADMIN, ALL, MANAGER, POLITICIAN, STRATEGIST, UrlCase, statuses

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
