"""Demo reviews (`ctx` is `dashboard.demo.DemoContext`, not imported: layers): documents written here, read by the real reader, answered by the
demo strategist; plus a self-assessment for two years. Fictional content."""

import random
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from jamkoll.accounts.roles import forget
from jamkoll.organisations.models import Unit
from jamkoll.reviews import services
from jamkoll.reviews.models import Checklist, ChecklistVersion, Review


def plan_text(*, unit: str, year: int, mature: bool) -> str:
    """A short operating plan in Swedish; `mature` adds analysis and goals."""
    parts = [
        f"# Verksamhetsplan {year} för {unit}",
        "## Uppdrag",
        f"{unit} ansvarar för att invånarna får service av god kvalitet. "
        "Verksamheten ska vara tillgänglig, rättssäker och kostnadseffektiv.",
        "## Statistik",
        "Under förra året hade verksamheten 1 480 brukare och 312 anställda. "
        "Antalet ansökningar ökade till 2 045 under året.",
    ]
    if mature:
        parts += [
            "Av brukarna var 870 kvinnor och 610 män. Andelen kvinnor bland "
            "cheferna var 64 procent.",
            "## Konsekvenser för jämställdheten",
            "Förändringen av öppettiderna påverkar kvinnor och män olika, eftersom "
            "fler kvinnor än män arbetar kvällstid inom vården. Analysen visar att "
            "förslaget kan minska skillnaderna i tillgång till stödet.",
            "## Mål och uppföljning",
            "Målet bidrar till det jämställdhetspolitiska delmålet om jämställd "
            "hälsa. Arbetet följer kommunens handlingsplan för CEMR-deklarationen.",
        ]
    else:
        parts += [
            "## Mål och uppföljning",
            "Nämnden ska öka nöjdheten hos brukarna och hålla budgeten. "
            "Resultaten följs upp i tertialrapporterna.",
        ]
    return "\n\n".join(parts) + "\n"


def decision_text(*, unit: str) -> str:
    return (
        "# Tjänsteskrivelse: Ändrade öppettider på fritidsgårdarna\n\n"
        "## Ärendet\n\n"
        f"{unit} föreslår att fritidsgårdarna stänger en timme tidigare på "
        "vardagar. Förra året hade fritidsgårdarna 18 400 besök och 420 unika "
        "besökare per månad.\n\n"
        "## Ekonomi\n\n"
        "Förändringen minskar kostnaderna med 1,2 miljoner kronor per år. "
        "Personalen berörs genom att schemat ändras för 14 anställda.\n"
    )


def _version(key: str) -> ChecklistVersion:
    checklist = Checklist.objects.get(organisation=None, key=key)
    return checklist.versions.order_by("-number").first()  # type: ignore[return-value]


def _answer_all(review: Review, by, rng: random.Random, *, status: str, **kw) -> None:  # type: ignore[no-untyped-def]
    answers = {}
    for answer in review.answers.select_related("criterion__version"):
        if answer.criterion.version.answer_type == "score":
            value = kw.get("scores", {}).get(answer.criterion.code, "2")
        else:
            value = answer.suggested or rng.choice(["yes", "partly", "no"])
        answers[answer.pk] = {
            "value": value,
            "comment": "",
            "evidence": answer.suggested_evidence,
        }
    services.save_answers(
        review=review,
        by=by,
        answers=answers,
        findings=kw.get("findings", ""),
        outcome=kw.get("outcome", ""),
        status=status,
    )


def _document_review(ctx: Any, *, unit: Unit, key: str, text: str, **fields) -> Review:  # type: ignore[no-untyped-def]
    by = ctx.users["strateg"]
    review = services.create_review(
        organisation=ctx.organisation,
        by=by,
        checklist_version=_version(key),
        unit=unit,
        upload=SimpleUploadedFile(
            "dokument.txt", text.encode("utf-8"), content_type="text/plain"
        ),
        **fields,
    )
    analysis = review.analyses.order_by("-pk").first()
    if analysis is not None:
        services.run_analysis(analysis_id=analysis.pk)
    return review


def load(ctx: Any) -> None:
    by = ctx.users["strateg"]
    forget(by)
    rng = random.Random(ctx.organisation.code)  # noqa: S311 - demo data
    year = ctx.today.year
    board0, board1, board2 = (ctx.units[f"board{i}"] for i in range(3))
    for offset, mature in ((2, False), (1, True)):
        review = _document_review(
            ctx,
            unit=board0,
            key="styrdokument",
            text=plan_text(unit=board0.name, year=year - offset, mature=mature),
            title=f"Verksamhetsplan {year - offset}, {board0.name}",
            document_type="operating_plan",
            year=year - offset,
            case_number=f"{board0.short_name or 'DNR'} {year - offset - 1}/{40 + offset}",
        )
        _answer_all(
            review,
            by,
            rng,
            status=Review.Status.DONE,
            findings=(
                "Planen har mål om jämställdhet och könsuppdelad statistik för "
                "brukarna, men budgeten är inte analyserad."
                if mature
                else "Planen saknar jämställdhetsperspektiv: statistiken är inte "
                "uppdelad på kön och mål saknas."
            ),
        )
        if not mature:
            services.add_development_need(
                review=review,
                by=by,
                text="Redovisa statistik om brukare och personal uppdelad på kön.",
            )
    decision = _document_review(
        ctx,
        unit=board2,
        key="beslutsunderlag",
        text=decision_text(unit=board2.name),
        title="Ändrade öppettider på fritidsgårdarna",
        document_type="decision_document",
        year=year - 1,
        case_number=f"{year - 1}/118",
    )
    _answer_all(
        decision,
        by,
        rng,
        status=Review.Status.DONE,
        outcome=Review.Outcome.SEND_BACK,
        findings=(
            "Underlaget saknar könsuppdelad statistik över besökarna och en analys "
            "av hur flickor och pojkar påverkas. Förslag: återremiss."
        ),
    )
    services.add_development_need(
        review=decision,
        by=by,
        text="Beskriv konsekvenser för flickor och pojkar i beslutsunderlag om "
        "fritidsverksamhet.",
    )
    _document_review(
        ctx,
        unit=board1,
        key="styrdokument",
        text=plan_text(unit=board1.name, year=year, mature=True),
        title=f"Verksamhetsplan {year}, {board1.name}",
        document_type="operating_plan",
        year=year,
    )
    _self_assessments(ctx, by, rng)


def _self_assessments(ctx: Any, by, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    version = _version("sjalvskattning")
    year = ctx.today.year
    for unit in (ctx.units["executive_board"], ctx.units["board2"]):
        base = 1 if unit.kind == Unit.Kind.BOARD else 2
        for offset in (2, 1):
            review = services.create_review(
                organisation=ctx.organisation,
                by=by,
                checklist_version=version,
                unit=unit,
                title=f"Självskattning {year - offset}, {unit.name}",
                document_type="self_assessment",
                year=year - offset,
            )
            scores = {
                f"M{i}": str(min(4, base + (i % 3 == 0) + (offset == 1)))
                for i in range(1, 11)
            }
            _answer_all(review, by, rng, status=Review.Status.DONE, scores=scores)
