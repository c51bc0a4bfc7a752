"""The board-level self-assessment (issue 13): a shipped score checklist for a board
(nämnd or company board) and its administration, beside `sjalvskattning`, which is
the overall level (the executive board for the organisation as a whole)."""

from django.db import migrations

KEY = "sjalvskattning-namnd"
NAME = "Självskattning för nämnd och förvaltning"
DESCRIPTION = (
    "Nämndens och förvaltningens eget läge i jämställdhetsintegreringen, skattat från "
    "1 (inte påbörjat) till 4 (en del av det ordinarie arbetet). Görs av nämnden "
    "tillsammans med förvaltningsledningen, med nämnden som enhet, och jämförs över "
    "åren. Kommunens samlade läge skattas med SKR:s självskattning."
)
# Written for the board level in our own words.
CRITERIA = [
    (
        "N1",
        "Nämnden efterfrågar resultat för kvinnor och män av sin förvaltning och sina bolag.",
        "Ställer nämnden frågor vid budgetdialog, tertial och bokslut, och får den svar i tid?",
    ),
    (
        "N2",
        "Nämndens verksamhetsplan har mål och uppdrag om jämställdhet.",
        "Går målen att följa upp uppdelat på kön, och finns ansvar och tidplan?",
    ),
    (
        "N3",
        "Tertialrapporter och årsredovisning redovisar resultat för kvinnor och män.",
        "Analyseras skillnaderna, eller redovisas bara siffror?",
    ),
    (
        "N4",
        "Tjänsteskrivelser till nämnden har könsuppdelad statistik när ärendet berör personer.",
        "Jämkolls läsning av beslutsunderlagen visar hur ofta statistiken saknas.",
    ),
    (
        "N5",
        "Tjänsteskrivelser beskriver konsekvenserna av förslaget för kvinnor och män.",
        "Vem påverkas av beslutet, och på vilket sätt?",
    ),
    (
        "N6",
        "Nämnden återremitterar eller kräver återrapportering när jämställdhetsperspektivet saknas.",
        "Finns det exempel från året på återremiss eller protokollsanteckning?",
    ),
    (
        "N7",
        "Uppföljningsdialoger med förvaltningen tar upp jämställdhet.",
        "Står frågan på dagordningen, och leder dialogen till nya uppdrag?",
    ),
    (
        "N8",
        "Förvaltningens ledning leder arbetet och har stöd för det.",
        "Finns ansvar i ledningsgruppen, tid och stödresurser?",
    ),
    (
        "N9",
        "Ledamöter, chefer och handläggare har kunskap om jämställdhet i nämndens område.",
        "Har nämnden och förvaltningen fått utbildning under mandatperioden?",
    ),
    (
        "N10",
        "Nämnden följer kommunens övergripande jämställdhetsmål i sin styrning.",
        "Bryts kommunfullmäktiges mål ned till nämndens egna mål och uppdrag?",
    ),
]
OVERALL_DESCRIPTION = (
    "Tio moment i jämställdhetsintegreringen som skattas från 1 (inte påbörjat) till "
    "4 (en del av det ordinarie arbetet). Gäller den övergripande nivån: kommunen som "
    "helhet, med kommunstyrelsen som enhet, och jämförs över åren. Nämnder och "
    "förvaltningar använder Självskattning för nämnd och förvaltning."
)


def forward(apps, schema_editor):
    checklist_model = apps.get_model("reviews", "Checklist")
    version_model = apps.get_model("reviews", "ChecklistVersion")
    criterion_model = apps.get_model("reviews", "Criterion")
    checklist_model.objects.filter(organisation=None, key="sjalvskattning").update(
        description=OVERALL_DESCRIPTION
    )
    checklist, created = checklist_model.objects.get_or_create(
        organisation=None,
        key=KEY,
        defaults={"name": NAME, "description": DESCRIPTION},
    )
    if not created:
        return
    version = version_model.objects.create(
        checklist=checklist, number=1, answer_type="score"
    )
    criterion_model.objects.bulk_create(
        criterion_model(
            version=version, position=position, code=code, text=text, help=help_text
        )
        for position, (code, text, help_text) in enumerate(CRITERIA, start=1)
    )


def backward(apps, schema_editor):
    checklist_model = apps.get_model("reviews", "Checklist")
    checklist_model.objects.filter(
        organisation=None, key=KEY, versions__reviews=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0004_decision_meeting")]

    operations = [migrations.RunPython(forward, backward)]
