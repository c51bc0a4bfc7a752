"""Demo demands: a year and a half of questions, answers and assessments.

Demands are created through the services as of today and then moved back in time
with plain updates, because the services (rightly) refuse due dates in the past.
`ctx` is `dashboard.demo.DemoContext`, not imported because of the layers.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from jamkoll.accounts.roles import forget
from jamkoll.result_requests import services
from jamkoll.result_requests.models import (
    Assessment,
    Occasion,
    Outcome,
    Reply,
    ResultRequest,
    Status,
    Transition,
)


@dataclass(frozen=True)
class Plan:
    unit: str
    title: str
    question: str
    occasion: str
    evidence: tuple[str, ...]
    sent_days_ago: int
    due_after: int
    answer_after: int | None = None
    outcome: str = ""
    follow_up: str = ""


PLANS = [
    Plan(
        "board0",
        "Könsuppdelad elevstatistik i budgetunderlaget",
        "Redovisa meritvärden och närvaro uppdelat på flickor och pojkar, och vad nämnden gör åt skillnaderna.",
        Occasion.BUDGET_DIALOGUE,
        ("statistics", "analysis", "measures"),
        430,
        45,
        40,
        Outcome.ACCEPTED,
    ),
    Plan(
        "board1",
        "Försörjningsstöd och arbetsmarknadsinsatser",
        "Hur fördelas arbetsmarknadsinsatserna mellan kvinnor och män som har försörjningsstöd?",
        Occasion.RESULT_SEMINAR,
        ("statistics", "analysis"),
        400,
        30,
        41,
        Outcome.INSUFFICIENT,
        "Vilka åtgärder planeras för att fler kvinnor ska få insatser?",
    ),
    Plan(
        "board2",
        "Biståndsbedömd hemtjänst per kön",
        "Redovisa beviljade timmar i hemtjänsten för kvinnor och män, och en analys av skillnaderna.",
        Occasion.TERTIAL_REPORT,
        ("statistics", "analysis"),
        380,
        30,
        25,
        Outcome.ACCEPTED,
    ),
    Plan(
        "board3",
        "Fördelning av fritidsbidrag",
        "Hur fördelas föreningsbidragen mellan aktiviteter för flickor och pojkar?",
        Occasion.DIALOGUE_MEETING,
        ("statistics", "goals"),
        350,
        40,
        60,
        Outcome.INSUFFICIENT,
    ),
    Plan(
        "company0",
        "Jämställdhet i bolagets styrdokument",
        "Hur är jämställdhetsmålen integrerade i bolagets affärsplan och uppföljning?",
        Occasion.ANNUAL_REPORT,
        ("goals", "measures"),
        300,
        60,
        50,
        Outcome.ACCEPTED,
    ),
    Plan(
        "board0",
        "Uppföljning av jämställdhetsmål i delårsrapporten",
        "Redovisa måluppfyllelsen för nämndens jämställdhetsmål i delårsrapporten.",
        Occasion.INTERIM_REPORT,
        ("goals",),
        120,
        30,
        28,
        Outcome.ACCEPTED,
    ),
    Plan(
        "board2",
        "Sjukfrånvaro bland medarbetare i omsorgen",
        "Redovisa sjukfrånvaron uppdelad på kvinnor och män och vilka åtgärder som vidtas.",
        Occasion.BUDGET_DIALOGUE,
        ("statistics", "measures"),
        90,
        30,
        35,
        Outcome.INSUFFICIENT,
        "Vilka åtgärder riktar sig särskilt till yrkesgrupper med hög sjukfrånvaro?",
    ),
    Plan(
        "board1",
        "Handläggningstider för ekonomiskt bistånd",
        "Skiljer sig handläggningstiderna mellan kvinnor och män?",
        Occasion.RESULT_SEMINAR,
        ("statistics", "analysis"),
        60,
        30,
        20,
    ),
    Plan(
        "board3",
        "Nyttjande av idrottsanläggningar",
        "Hur fördelas träningstider i kommunens anläggningar mellan flickor och pojkar?",
        Occasion.BUDGET_DIALOGUE,
        ("statistics",),
        50,
        21,
    ),
    Plan(
        "board2",
        "Trygghetslarm och ensamboende äldre",
        "Redovisa antalet beviljade trygghetslarm per kön och åldersgrupp.",
        Occasion.BUDGET_DIALOGUE,
        ("statistics",),
        20,
        25,
    ),
    Plan(
        "board2",
        "Kompetensutveckling i jämställdhetsintegrering",
        "Hur många chefer i förvaltningen har genomgått utbildning i jämställdhetsintegrering?",
        Occasion.DIALOGUE_MEETING,
        ("measures",),
        10,
        40,
    ),
    Plan(
        "company1",
        "Hyresgästers trygghet",
        "Redovisa resultat från trygghetsmätningar uppdelat på kvinnor och män.",
        Occasion.OTHER,
        ("statistics", "analysis"),
        5,
        30,
    ),
]

ANSWERS = {
    Outcome.ACCEPTED: "Statistiken bifogas uppdelad på kvinnor och män. Analysen visar skillnader som förklaras i bilagan, och åtgärder finns i verksamhetsplanen.",
    Outcome.INSUFFICIENT: "Vi har tagit fram statistik per kön men har ännu inte analyserat skillnaderna.",
    "": "Underlaget är framtaget och redovisas här i korthet.",
}


def _shift(
    result_request: ResultRequest,
    *,
    sent: dt.datetime,
    due_on: dt.date,
    answered: dt.datetime | None,
) -> None:
    ResultRequest.objects.filter(pk=result_request.pk).update(
        sent_at=sent,
        due_on=due_on,
        first_answered_at=answered,
        occasion_on=sent.date(),
        created_at=sent,
    )
    Transition.objects.filter(
        result_request=result_request, to_status=Status.SENT
    ).update(at=sent)
    if answered is not None:
        Transition.objects.filter(
            result_request=result_request, to_status=Status.ANSWERED
        ).update(at=answered)
        Reply.objects.filter(result_request=result_request).update(
            submitted_at=answered
        )
        Assessment.objects.filter(result_request=result_request).update(
            created_at=answered + dt.timedelta(days=7)
        )


def load(ctx: Any) -> None:
    """Create the demo demands for one organisation; the manager answers for board2."""
    politician, strategist = ctx.users["politiker"], ctx.users["strateg"]
    for user in ctx.users.values():
        forget(user)  # roles in this organisation were added after the cache filled
    now = timezone.now()
    for plan in PLANS:
        unit = ctx.units.get(plan.unit)
        if unit is None:
            continue
        [result_request] = services.create_result_requests(
            organisation=ctx.organisation,
            by=politician,
            addressees=[unit],
            raised_for=ctx.units["body"],
            title=plan.title,
            question=plan.question,
            occasion=plan.occasion,
            evidence_required=list(plan.evidence),
            due_on=ctx.today + dt.timedelta(days=365),
            case_number=f"KS {ctx.today.year - (1 if plan.sent_days_ago > 200 else 0)}/{100 + PLANS.index(plan)}",
        )
        sent = now - dt.timedelta(days=plan.sent_days_ago)
        due_on = sent.date() + dt.timedelta(days=plan.due_after)
        answered = None
        if plan.answer_after is not None:
            answered = sent + dt.timedelta(days=plan.answer_after)
            services.save_reply(
                result_request=result_request,
                by=strategist,
                text=ANSWERS[plan.outcome],
                evidence_given=list(plan.evidence[:1]),
                submit=True,
            )
            if plan.outcome:
                result_request.refresh_from_db()
                services.assess_reply(
                    result_request=result_request,
                    by=politician,
                    outcome=plan.outcome,
                    comment=""
                    if plan.outcome == Outcome.ACCEPTED
                    else "Analysen av skillnaderna saknas.",
                    expected_version=result_request.version,
                )
        _shift(result_request, sent=sent, due_on=due_on, answered=answered)
        if plan.follow_up:
            result_request.refresh_from_db()
            services.raise_follow_up(
                parent=result_request,
                by=politician,
                title=f"Följdfråga: {plan.title}",
                question=plan.follow_up,
                occasion=plan.occasion,
                evidence_required=["measures"],
                due_on=ctx.today + dt.timedelta(days=21),
            )
    # Mark what is past due as overdue, as the daily job would (no mails for history).
    for result_request in ResultRequest.objects.filter(
        organisation=ctx.organisation, status=Status.SENT, due_on__lt=ctx.today
    ):
        ResultRequest.objects.filter(pk=result_request.pk).update(status=Status.OVERDUE)
        Transition.objects.create(
            result_request=result_request,
            from_status=Status.SENT,
            to_status=Status.OVERDUE,
        )
