"""Demo content at board level (`ctx` is `dashboard.demo.DemoContext`, not imported:
layers): two boards per organisation work SKR's step 2 with their own
administration, last year and this year.

- The board politician's board (`board2`, where the demo user `namnd` has a mandate
  and the demo manager `chef` answers for the administration) improves: most demands
  answered on time, most decision documents with sex-disaggregated statistics.
- The school board (`board0`), supported by the strategist, lags behind.

Each board raises demands to its administration on its own occasions, reviews the
decision documents before it (`beslutsunderlag`, outcome recorded with the meeting),
has its operating plan and tertial report reviewed (`styrdokument`), assesses itself
(`sjalvskattning-namnd`) both years, and has a couple of open development needs.
Everything goes through the apps' services; demands and their answers are then moved
back in time with plain updates, as `result_requests.demo` does. Fictional content.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import forget
from jamkoll.organisations.models import Unit
from jamkoll.result_requests import services as demands
from jamkoll.result_requests.models import (
    Assessment,
    Outcome,
    Reply,
    ResultRequest,
    Status,
    Transition,
)
from jamkoll.reviews import services as reviews
from jamkoll.reviews.demo import plan_text
from jamkoll.reviews.models import Checklist, ChecklistVersion, Review

# The boards that work at board level in every demo organisation (keys of the demo's
# units; `administrationN` is `boardN`'s administration); the first is the demo board
# politician's.
BOARDS = ("board2", "board0")
SELF_ASSESSMENT_KEY = "sjalvskattning-namnd"


@dataclass(frozen=True)
class DemandPlan:
    board: str
    years_ago: int  # 1: last year, 0: this year
    at: float  # when in the year it is raised (share of the year, this year: so far)
    title: str
    question: str
    occasion: str
    evidence: tuple[str, ...]
    due_after: int
    answer_after: int | None = None
    outcome: str = ""


DEMANDS = [
    # The board politician's board: better every year.
    DemandPlan(
        "board2",
        1,
        0.2,
        "Könsuppdelad statistik över beviljade insatser",
        "Redovisa beviljade insatser och timmar uppdelat på kvinnor och män inför "
        "budgetdialogen, och vad skillnaderna beror på.",
        "budget_dialogue",
        ("statistics", "analysis"),
        30,
        26,
        Outcome.ACCEPTED,
    ),
    DemandPlan(
        "board2",
        1,
        0.5,
        "Väntetider till första insats",
        "Skiljer sig väntetiden till första insats mellan kvinnor och män? "
        "Redovisa i tertialrapporten.",
        "tertial_report",
        ("statistics",),
        30,
        44,
        Outcome.INSUFFICIENT,
    ),
    DemandPlan(
        "board2",
        1,
        0.85,
        "Heltid och sjukfrånvaro bland medarbetarna",
        "Hur utvecklas heltidsarbete och sjukfrånvaro för kvinnor och män i "
        "förvaltningen, och vilka åtgärder vidtas?",
        "follow_up_dialogue",
        ("statistics", "measures"),
        30,
        21,
        Outcome.ACCEPTED,
    ),
    DemandPlan(
        "board2",
        0,
        0.1,
        "Jämställdhetsanalys i årsredovisningen",
        "Redovisa i årsredovisningen hur insatserna har fördelats mellan kvinnor och "
        "män och en analys av skillnaderna.",
        "annual_report",
        ("statistics", "analysis"),
        45,
        40,
        Outcome.ACCEPTED,
    ),
    DemandPlan(
        "board2",
        0,
        0.4,
        "Brukarnöjdhet per kön",
        "Redovisa brukarundersökningens resultat uppdelat på kvinnor och män i "
        "tertialrapporten.",
        "tertial_report",
        ("statistics",),
        30,
        28,
        Outcome.ACCEPTED,
    ),
    DemandPlan(
        "board2",
        0,
        0.7,
        "Uppföljning av åtgärderna för heltid",
        "Vad har åtgärderna för heltid gett hittills, för kvinnor och för män?",
        "follow_up_dialogue",
        ("statistics", "measures"),
        21,
        18,
    ),
    DemandPlan(
        "board2",
        0,
        0.97,
        "Resursfördelning i budgetförslaget",
        "Hur fördelas budgetens resurser mellan insatser som främst når kvinnor och "
        "insatser som främst når män?",
        "budget_dialogue",
        ("statistics", "analysis"),
        40,
    ),
    # The school board: slower, the strategist raises on its behalf.
    DemandPlan(
        "board0",
        1,
        0.25,
        "Meritvärden för flickor och pojkar i budgetunderlaget",
        "Redovisa meritvärden och behörighet till gymnasiet uppdelat på flickor och "
        "pojkar, och vad förvaltningen gör åt skillnaderna.",
        "budget_dialogue",
        ("statistics", "analysis", "measures"),
        30,
        52,
        Outcome.INSUFFICIENT,
    ),
    DemandPlan(
        "board0",
        1,
        0.6,
        "Frånvaro per kön i tertialrapporten",
        "Redovisa elevernas frånvaro uppdelad på flickor och pojkar i "
        "tertialrapporten.",
        "tertial_report",
        ("statistics",),
        30,
        41,
        Outcome.INSUFFICIENT,
    ),
    DemandPlan(
        "board0",
        0,
        0.15,
        "Jämställdhetsmålen i årsredovisningen",
        "Hur har nämndens jämställdhetsmål uppfyllts enligt årsredovisningen?",
        "annual_report",
        ("statistics", "measures"),
        40,
        35,
        Outcome.ACCEPTED,
    ),
    DemandPlan(
        "board0",
        0,
        0.55,
        "Trygghet i skolan för flickor och pojkar",
        "Redovisa elevenkätens frågor om trygghet uppdelat på flickor och pojkar, "
        "och vilka åtgärder skolorna planerar.",
        "follow_up_dialogue",
        ("statistics", "measures"),
        30,
    ),
]


@dataclass(frozen=True)
class DecisionPlan:
    board: str
    years_ago: int
    at: float
    subject: str
    statistics: bool  # sex-disaggregated statistics (B1)
    consequences: bool  # consequences for women and men described (B3)
    outcome: str  # "" while the review is in progress
    administration: bool = (
        True  # the administration's tjänsteskrivelse, else the board's
    )


SEND_BACK = Review.Outcome.SEND_BACK
DECIDE = Review.Outcome.CAN_BE_DECIDED
REMARK = Review.Outcome.DECIDE_WITH_REMARK

DECISIONS = [
    DecisionPlan(
        "board2", 1, 0.2, "Ändrade riktlinjer för biståndsbedömning", True, True, DECIDE
    ),
    DecisionPlan(
        "board2", 1, 0.45, "Ändrade avgifter för stödinsatser", True, False, REMARK
    ),
    DecisionPlan(
        "board2", 1, 0.8, "Nedläggning av en dagverksamhet", False, False, SEND_BACK
    ),
    DecisionPlan(
        "board2",
        0,
        0.15,
        "Ny organisation för biståndshandläggning",
        True,
        True,
        DECIDE,
    ),
    DecisionPlan(
        "board2", 0, 0.35, "Upphandling av ledsagarservice", True, True, DECIDE
    ),
    DecisionPlan(
        "board2", 0, 0.6, "Ändrade öppettider i träffpunkterna", False, False, SEND_BACK
    ),
    DecisionPlan(
        "board2", 0, 0.85, "Plan för kompetensförsörjning", True, False, REMARK
    ),
    DecisionPlan(
        "board2", 0, 0.95, "Riktlinjer för anhörigstöd", True, False, "", False
    ),
    DecisionPlan(
        "board0", 1, 0.3, "Skolskjutsregler för grundskolan", False, False, SEND_BACK
    ),
    DecisionPlan("board0", 1, 0.7, "Ny lokalplan för förskolan", True, False, REMARK),
    DecisionPlan(
        "board0",
        0,
        0.25,
        "Ändrade antagningsregler för fritidshem",
        False,
        False,
        SEND_BACK,
    ),
    DecisionPlan("board0", 0, 0.5, "Satsning på läsfrämjande", True, True, DECIDE),
    DecisionPlan(
        "board0",
        0,
        0.8,
        "Ändrad skolstruktur i centrala staden",
        True,
        False,
        REMARK,
        False,
    ),
]

# Self-assessment scores per board and years ago: every criterion gets the base score,
# the first `raised` criteria one more (the mean shows the board's level and trend).
SELF_ASSESSMENTS = {
    ("board2", 1): (2, 3),
    ("board2", 0): (2, 7),
    ("board0", 1): (1, 4),
    ("board0", 0): (1, 7),
}

DEVELOPMENT_NEEDS = {
    "board2": [
        "Beslutsunderlag om förändrade insatser ska beskriva konsekvenserna för "
        "kvinnor och män.",
        "Följ upp heltidsarbetet per yrkesgrupp och kön i varje tertialrapport.",
    ],
    "board0": [
        "Redovisa elevstatistik uppdelad på flickor och pojkar i alla beslutsunderlag.",
        "Ta fram en analys av varför pojkars meritvärden är lägre.",
        "Inför jämställdhetsmål i nämndens verksamhetsplan.",
    ],
}

DECISION_FINDINGS = {
    SEND_BACK: "Underlaget saknar könsuppdelad statistik och en analys av "
    "konsekvenserna för kvinnor och män. Nämnden återremitterar ärendet.",
    REMARK: "Underlaget har könsuppdelad statistik men beskriver inte "
    "konsekvenserna för kvinnor och män. Nämnden beslutar med en "
    "protokollsanteckning om återrapportering.",
    DECIDE: "Underlaget redovisar könsuppdelad statistik och en analys av "
    "konsekvenserna för kvinnor och män.",
}

ANSWERS = {
    Outcome.ACCEPTED: "Statistiken redovisas uppdelad på kvinnor och män i bilagan. "
    "Analysen förklarar skillnaderna och åtgärderna finns i verksamhetsplanen.",
    Outcome.INSUFFICIENT: "Vi har tagit fram statistik per kön men har ännu inte "
    "analyserat skillnaderna.",
    "": "Underlaget är framtaget och redovisas här i korthet.",
}


def _when(today: dt.date, years_ago: int, at: float) -> dt.date:
    """A day `at` of the way through last year, or through this year so far."""
    start = dt.date(today.year - years_ago, 1, 1)
    end = dt.date(start.year, 12, 31) if years_ago else today - dt.timedelta(days=1)
    return start + dt.timedelta(days=max(0, int((end - start).days * at)))


def _administration(ctx: Any, board_key: str) -> Unit:
    return ctx.units[board_key.replace("board", "administration")]


def _asker(ctx: Any, board_key: str) -> User:
    """The board politician for their own board; the strategist supports the other."""
    return ctx.users["namnd"] if board_key == BOARDS[0] else ctx.users["strateg"]


def _answerer(ctx: Any, board_key: str) -> User:
    return ctx.users["chef"] if board_key == BOARDS[0] else ctx.users["strateg"]


def _version(key: str) -> ChecklistVersion | None:
    checklist = Checklist.objects.filter(organisation=None, key=key).first()
    return checklist.versions.order_by("-number").first() if checklist else None


def load(ctx: Any) -> None:
    """Create the board-level demo for one organisation (skipped when it exists)."""
    for user in ctx.users.values():
        forget(user)  # roles and mandates in this organisation are new
    boards = [ctx.units[key] for key in BOARDS if key in ctx.units]
    if (
        len(boards) < len(BOARDS)
        or ResultRequest.objects.filter(
            organisation=ctx.organisation, raised_for__in=boards
        ).exists()
    ):
        return
    _demands(ctx)
    _decision_documents(ctx)
    _steering_documents(ctx)
    _self_assessments(ctx)


# --- Demands -------------------------------------------------------------------------


def _demands(ctx: Any) -> None:
    now = timezone.now()
    for number, plan in enumerate(DEMANDS, start=1):
        board = ctx.units[plan.board]
        asker = _asker(ctx, plan.board)
        sent_on = _when(ctx.today, plan.years_ago, plan.at)
        [demand] = demands.create_result_requests(
            organisation=ctx.organisation,
            by=asker,
            addressees=[_administration(ctx, plan.board)],
            raised_for=board,
            title=plan.title,
            question=plan.question,
            occasion=plan.occasion,
            evidence_required=list(plan.evidence),
            due_on=ctx.today + dt.timedelta(days=365),
            case_number=f"{sent_on.year}/{200 + number}",
        )
        sent = timezone.make_aware(dt.datetime.combine(sent_on, dt.time(9)))
        answered = None
        if plan.answer_after is not None:
            answered = sent + dt.timedelta(days=plan.answer_after, hours=5)
            if answered >= now:
                answered = None
        if answered is not None:
            demands.save_reply(
                result_request=demand,
                by=_answerer(ctx, plan.board),
                text=ANSWERS[plan.outcome],
                evidence_given=list(plan.evidence[:1]),
                submit=True,
            )
            if plan.outcome:
                demand.refresh_from_db()
                demands.assess_reply(
                    result_request=demand,
                    by=asker,
                    outcome=plan.outcome,
                    comment=""
                    if plan.outcome == Outcome.ACCEPTED
                    else "Analysen av skillnaderna saknas.",
                    expected_version=demand.version,
                )
        _shift(
            demand,
            sent=sent,
            due_on=sent_on + dt.timedelta(days=plan.due_after),
            answered=answered,
            today=ctx.today,
        )


def _shift(
    demand: ResultRequest,
    *,
    sent: dt.datetime,
    due_on: dt.date,
    answered: dt.datetime | None,
    today: dt.date,
) -> None:
    """Move a demand created today back to when it was raised; an unanswered demand
    past its due date becomes overdue, as the daily job would have made it."""
    ResultRequest.objects.filter(pk=demand.pk).update(
        sent_at=sent,
        due_on=due_on,
        first_answered_at=answered,
        occasion_on=sent.date(),
        created_at=sent,
    )
    Transition.objects.filter(result_request=demand, to_status=Status.SENT).update(
        at=sent
    )
    if answered is not None:
        Transition.objects.filter(
            result_request=demand, to_status=Status.ANSWERED
        ).update(at=answered)
        Reply.objects.filter(result_request=demand).update(submitted_at=answered)
        Assessment.objects.filter(result_request=demand).update(
            created_at=answered + dt.timedelta(days=7)
        )
    elif due_on < today:
        ResultRequest.objects.filter(pk=demand.pk).update(status=Status.OVERDUE)
        Transition.objects.create(
            result_request=demand, from_status=Status.SENT, to_status=Status.OVERDUE
        )


# --- Reviews -------------------------------------------------------------------------


def decision_text(
    *, unit: str, subject: str, statistics: bool, consequences: bool
) -> str:
    """A short tjänsteskrivelse in Swedish; the flags add what the checklist asks for."""
    parts = [
        f"# Tjänsteskrivelse: {subject}",
        "## Ärendet",
        f"{unit} föreslår nämnden att besluta om {subject.lower()}. Förslaget berör "
        "omkring 1 240 invånare och 86 medarbetare.",
    ]
    if statistics:
        parts.append(
            "Av de berörda invånarna är 730 kvinnor och 510 män. Bland medarbetarna "
            "är 71 kvinnor och 15 män."
        )
    if consequences:
        parts += [
            "## Konsekvenser för kvinnor och män",
            "Förslaget påverkar kvinnor och män olika, eftersom fler kvinnor än män "
            "använder verksamheten och fler kvinnor arbetar deltid. Analysen visar "
            "att förslaget minskar skillnaderna i tillgång till stödet. För att nå "
            "fler män föreslås uppsökande information.",
            "Beslutet bidrar till det jämställdhetspolitiska delmålet om jämställd "
            "hälsa.",
        ]
    parts += [
        "## Ekonomi",
        "Förslaget ryms inom nämndens budgetram för året.",
    ]
    return "\n\n".join(parts) + "\n"


def tertial_text(*, unit: str, year: int, mature: bool) -> str:
    parts = [
        f"# Tertialrapport 1 {year} för {unit}",
        "## Verksamhetens resultat",
        "Under perioden fick 1 120 personer stöd och 284 medarbetare arbetade i "
        "verksamheten. Budgeten håller.",
    ]
    if mature:
        parts += [
            "Av dem som fick stöd var 640 kvinnor och 480 män. Andelen kvinnor som "
            "arbetar heltid ökade till 68 procent, männens till 81 procent.",
            "## Jämställdhet",
            "Skillnaderna mellan kvinnor och män analyseras i bilagan. Åtgärderna "
            "följer nämndens jämställdhetsmål.",
        ]
    return "\n\n".join(parts) + "\n"


def _review(
    ctx: Any, *, by: User, key: str, unit: Unit, text: str, **fields: Any
) -> Review | None:
    version = _version(key)
    if version is None:
        return None
    review = reviews.create_review(
        organisation=ctx.organisation,
        by=by,
        checklist_version=version,
        unit=unit,
        upload=SimpleUploadedFile(
            "tjansteskrivelse.txt", text.encode("utf-8"), content_type="text/plain"
        ),
        **fields,
    )
    analysis = review.analyses.order_by("-pk").first()
    if analysis is not None:
        reviews.run_analysis(analysis_id=analysis.pk)
    return review


def _decision_values(plan: DecisionPlan) -> dict[str, str]:
    statistics = "yes" if plan.statistics else "no"
    consequences = "yes" if plan.consequences else "no"
    return {
        "B1": statistics,
        "B2": consequences if plan.statistics else "no",
        "B3": consequences,
        "B4": "partly" if plan.consequences else "no",
        "B5": "yes" if plan.consequences else "no",
    }


def _decision_documents(ctx: Any) -> None:
    for number, plan in enumerate(DECISIONS, start=1):
        board = ctx.units[plan.board]
        unit = _administration(ctx, plan.board) if plan.administration else board
        by = _asker(ctx, plan.board)
        meeting_on = _when(ctx.today, plan.years_ago, plan.at)
        if not plan.outcome:
            meeting_on = ctx.today + dt.timedelta(days=14)
        review = _review(
            ctx,
            by=by,
            key="beslutsunderlag",
            unit=unit,
            text=decision_text(
                unit=unit.name,
                subject=plan.subject,
                statistics=plan.statistics,
                consequences=plan.consequences,
            ),
            title=plan.subject,
            document_type="decision_document",
            year=ctx.today.year - plan.years_ago,
            case_number=f"{ctx.today.year - plan.years_ago}/{300 + number}",
        )
        if review is None:
            continue
        if not plan.outcome:
            # Before the board's next meeting: the suggestions wait to be confirmed.
            reviews.save_answers(
                review=review, by=by, answers={}, findings="", meeting_on=meeting_on
            )
            continue
        _answer(
            review,
            by=by,
            values=_decision_values(plan),
            findings=DECISION_FINDINGS[plan.outcome],
            outcome=plan.outcome,
            meeting_on=meeting_on,
            paragraph=f"§ {10 + int(plan.at * 150)}",
        )
        if plan.outcome == SEND_BACK:
            reviews.add_development_need(
                review=review,
                by=by,
                text=DEVELOPMENT_NEEDS[plan.board][plan.years_ago % 2],
                unit=_administration(ctx, plan.board),
            )


def _answer(
    review: Review,
    *,
    by: User,
    values: dict[str, str],
    findings: str = "",
    **outcome: Any,
) -> None:
    """Answer every point (the reader's suggestion where `values` names none) and
    mark the review done, with a decision document's outcome and meeting."""
    answers = {
        answer.pk: {
            "value": values.get(answer.criterion.code, answer.suggested or "partly"),
            "comment": "",
            "evidence": answer.suggested_evidence,
        }
        for answer in review.answers.select_related("criterion")
    }
    reviews.save_answers(
        review=review,
        by=by,
        answers=answers,
        findings=findings,
        status=Review.Status.DONE,
        **outcome,
    )


def _steering_documents(ctx: Any) -> None:
    year = ctx.today.year
    for key in BOARDS:
        board = ctx.units[key]
        by = _asker(ctx, key)
        mature_now = key == BOARDS[0]
        documents = [
            # `reviews.demo` already reviews board0's plans of the two years before.
            *([("operating_plan", year - 1, False)] if key != "board0" else []),
            ("operating_plan", year, mature_now),
            ("tertial_report", year - 1, False),
            ("tertial_report", year, mature_now),
        ]
        for document_type, document_year, mature in documents:
            if document_type == "operating_plan":
                title = f"Verksamhetsplan {document_year}, {board.name}"
                text = plan_text(unit=board.name, year=document_year, mature=mature)
            else:
                title = f"Tertialrapport 1 {document_year}, {board.name}"
                text = tertial_text(unit=board.name, year=document_year, mature=mature)
            review = _review(
                ctx,
                by=by,
                key="styrdokument",
                unit=board,
                text=text,
                title=title,
                document_type=document_type,
                year=document_year,
            )
            if review is None:
                continue
            _answer(
                review,
                by=by,
                values={},
                findings="Dokumentet har könsuppdelad statistik och en analys."
                if mature
                else "Dokumentet saknar jämställdhetsperspektiv.",
            )
            if not mature and document_year == year and key in DEVELOPMENT_NEEDS:
                reviews.add_development_need(
                    review=review, by=by, text=DEVELOPMENT_NEEDS[key][-1], unit=board
                )


def _self_assessments(ctx: Any) -> None:
    version = _version(SELF_ASSESSMENT_KEY)
    if version is None:
        return
    year = ctx.today.year
    for (key, years_ago), (base, raised) in SELF_ASSESSMENTS.items():
        board = ctx.units[key]
        by = _asker(ctx, key)
        review = reviews.create_review(
            organisation=ctx.organisation,
            by=by,
            checklist_version=version,
            unit=board,
            title=f"Självskattning {year - years_ago}, {board.name}",
            document_type="self_assessment",
            year=year - years_ago,
        )
        codes = list(
            version.criteria.order_by("position").values_list("code", flat=True)
        )
        scores = {
            code: str(min(4, base + (index < raised)))
            for index, code in enumerate(codes)
        }
        _answer(review, by=by, values=scores)
