"""Demo content: a draft yearly report for the current year with written parts and
two proposed development areas (picked from the year's development needs when there
are any). Runs after the other apps' loaders, so its figures come from their demo data.
"""

from typing import Any

from django.utils import translation
from django.utils.text import capfirst

from jamkoll.reports import services, sources
from jamkoll.reports.sections.common import body_names

INTRODUCTION = (
    "Under året har {body} fortsatt att efterfråga resultat av "
    "jämställdhetsintegreringen i nämnder och bolag. Vi har hållit dialogmöten, "
    "granskat styrdokument och följt upp hur efterfrågningarna besvaras.\n\n"
    "Rapporten sammanfattar årets siffror och föreslår utvecklingsområden för "
    "{parent} att ta ställning till."
)
CHAIR_WORDS = (
    "Jämställdhet handlar om makt och resurser. När vi frågar efter könsuppdelad "
    "statistik och analyser blir det tydligt vem verksamheten når – och vem den missar. "
    "Tack till alla förvaltningar och bolag som tagit emot våra frågor."
)
WRITTEN_AREAS = [
    (
        "Könsuppdelad statistik i all uppföljning",
        "Flera nämnder redovisar fortfarande statistik om personer utan uppdelning på "
        "kön. {Body} föreslår att tertial- och årsrapporter alltid redovisar "
        "individbaserad statistik uppdelad på kvinnor och män, med en analys.",
    ),
    (
        "Jämställdhetsanalys i beslutsunderlag",
        "Granskade tjänsteskrivelser saknar ofta en analys av hur beslutet påverkar "
        "kvinnor och män. {Body} föreslår en obligatorisk rubrik i mallen.",
    ),
]


def load(ctx: Any) -> None:
    by = ctx.users["strateg"]
    year = ctx.today.year
    with translation.override("sv"):
        names = body_names(ctx.organisation)
    words = {"body": names.form, "Body": capfirst(names.form), "parent": names.parent}
    report = services.start_report(organisation=ctx.organisation, year=year, by=by)
    services.save_texts(
        report=report,
        introduction=INTRODUCTION.format(**words),
        chair_words=CHAIR_WORDS,
        by=by,
    )
    needs = sources.collected_needs(organisation=ctx.organisation, year=year)[:1]
    for need in needs:
        services.save_development_area(
            report=report,
            by=by,
            title=need.title,
            rationale=need.description,
            unit=ctx.organisation.units.filter(pk=need.unit_id).first(),
            source_reference=need.reference,
            source_label=f"{need.origin}: {need.title}"[:300],
        )
    for title, rationale in WRITTEN_AREAS[: 2 - len(needs)]:
        services.save_development_area(
            report=report,
            by=by,
            title=title,
            rationale=rationale.format(**words),
            unit=None,
        )
