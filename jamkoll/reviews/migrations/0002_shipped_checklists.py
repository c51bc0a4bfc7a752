"""The shipped checklists (shared by every organisation), as version 1 of each."""

from django.db import migrations

SEX = "sexdisagg_stats"
BLIND = "genderblind_stats"
IMPACT = "gender_impact_analysis"
GOALS = "equality_goals"

CHECKLISTS = [
    {
        "key": "beslutsunderlag",
        "name": "Jämställt beslutsunderlag",
        "description": (
            "SKR:s steg för jämställda beslut: granska tjänsteskrivelser och andra "
            "beslutsunderlag innan beslut, och begär återremiss när jämställdhets"
            "perspektivet saknas."
        ),
        "has_decision_outcome": True,
        "answer_type": "yes_no",
        "criteria": [
            ("B1", "Könsuppdelad statistik finns om de personer som berörs av förslaget.",
             "Finns siffror för kvinnor och män, flickor och pojkar? Saknas de, fråga varför.", SEX),
            ("B2", "Skillnader mellan kvinnor och män analyseras och förklaras.",
             "Beskriver underlaget vad skillnaderna beror på, inte bara att de finns?", IMPACT),
            ("B3", "Konsekvenserna för kvinnor och män, flickor och pojkar är beskrivna.",
             "Vem vinner och vem förlorar på förslaget? Får alla samma möjligheter?", IMPACT),
            ("B4", "Åtgärder föreslås där analysen visar ojämställda skillnader.",
             "Leder analysen till något? Finns åtgärder, ansvar och tidplan?", ""),
            ("B5", "Det framgår hur beslutet bidrar till jämställdhetsmålen.",
             "De nationella delmålen, kommunens egna mål, CEMR-deklarationen eller "
             "jämställdhetsplanen.", GOALS),
        ],
    },
    {
        "key": "styrdokument",
        "name": "Jämställdhetsintegrerat styrdokument",
        "description": (
            "För verksamhetsplaner, budgetar, tertialrapporter, delårsrapporter, "
            "årsredovisningar och program: finns jämställdheten i den ordinarie styrningen?"
        ),
        "has_decision_outcome": False,
        "answer_type": "yes_no",
        "criteria": [
            ("S1", "Mål: dokumentet har mål eller uppdrag om jämställdhet kopplade till jämställdhetsmålen.",
             "Är målen mätbara och går de att följa upp för kvinnor och män?", GOALS),
            ("S2", "Budget: resursfördelningen är granskad ur ett jämställdhetsperspektiv.",
             "Vem får del av resurserna? Är fördelningen motiverad?", ""),
            ("S3", "Uppföljning: det framgår hur resultaten för kvinnor och män följs upp och återrapporteras.",
             "Finns indikatorer, tidpunkter och mottagare för återrapporteringen?", ""),
            ("S4", "Könsuppdelad statistik: statistik om personer redovisas uppdelad på kön.",
             "Jämkoll markerar statistik om personer som inte är uppdelad på kön.", BLIND),
            ("S5", "Analys: skillnader mellan kvinnor och män analyseras.",
             "Finns en analys av orsaker och konsekvenser, inte bara siffror?", IMPACT),
            ("S6", "Åtgärder: det finns åtgärder för att minska ojämställda skillnader.",
             "Har åtgärderna ansvariga och en tidplan?", ""),
        ],
    },
    {
        "key": "3r4r",
        "name": "3R/4R-frågor",
        "description": (
            "Representation, resurser, realia och realisering: frågor för att "
            "kartlägga och analysera en verksamhet ur ett jämställdhetsperspektiv."
        ),
        "has_decision_outcome": False,
        "answer_type": "yes_no",
        "criteria": [
            ("R1", "Representation: det framgår hur många kvinnor och män som berörs, deltar och fattar beslut.",
             "Brukare, elever, personal, beslutsfattare – uppdelat på kön.", SEX),
            ("R2", "Resurser: det framgår hur pengar, tid och utrymme fördelas mellan kvinnor och män.",
             "Till exempel bidrag, handläggningstid, lokaler och insatser.", ""),
            ("R3", "Realia: normer och villkor som förklarar fördelningen är analyserade.",
             "Varför ser det ut som det gör? Vems behov styr verksamheten?", IMPACT),
            ("R4", "Realisering: mål och åtgärder för en jämställd verksamhet är formulerade.",
             "Vad behöver förändras, av vem och när?", GOALS),
        ],
    },
    {
        "key": "sjalvskattning",
        "name": "SKR:s självskattning",
        "description": (
            "Tio moment i jämställdhetsintegreringen som skattas från 1 (inte påbörjat) "
            "till 4 (en del av det ordinarie arbetet). Görs för kommunen som helhet "
            "(kommunstyrelsen) och för en nämnd med sin förvaltning, och jämförs över åren."
        ),
        "has_decision_outcome": False,
        "answer_type": "score",
        "criteria": [
            ("M1", "Politisk styrning: den politiska ledningen efterfrågar resultat och beslutar om arbetet.", "", ""),
            ("M2", "Ledningens ansvar: förvaltningsledningen leder arbetet och följer upp det.", "", ""),
            ("M3", "Mål och uppdrag: jämställdhetsmål finns i de ordinarie styrdokumenten.", "", ""),
            ("M4", "Organisering och resurser: det finns stöd, kompetens och tid för arbetet.", "", ""),
            ("M5", "Kunskap: chefer och medarbetare vet hur jämställdhet berör deras område.", "", ""),
            ("M6", "Statistik: uppgifter om individer samlas in, analyseras och redovisas uppdelade på kön.", "", ""),
            ("M7", "Kartläggning och analys: verksamheten analyserar skillnader mellan kvinnor och män.", "", ""),
            ("M8", "Åtgärder: analyserna leder till åtgärder som ändrar verksamheten.", "", ""),
            ("M9", "Uppföljning: resultat för kvinnor och män följs upp och återrapporteras i ordinarie uppföljning.", "", ""),
            ("M10", "Hållbarhet: arbetssätten lever vidare i den ordinarie styrningen, oberoende av projekt.", "", ""),
        ],
    },
]


def forward(apps, schema_editor):
    checklist_model = apps.get_model("reviews", "Checklist")
    version_model = apps.get_model("reviews", "ChecklistVersion")
    criterion_model = apps.get_model("reviews", "Criterion")
    for spec in CHECKLISTS:
        checklist, created = checklist_model.objects.get_or_create(
            organisation=None,
            key=spec["key"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "has_decision_outcome": spec["has_decision_outcome"],
            },
        )
        if not created:
            continue
        version = version_model.objects.create(
            checklist=checklist, number=1, answer_type=spec["answer_type"]
        )
        criterion_model.objects.bulk_create(
            criterion_model(
                version=version,
                position=position,
                code=code,
                text=text,
                help=help_text,
                detector=detector,
            )
            for position, (code, text, help_text, detector) in enumerate(
                spec["criteria"], start=1
            )
        )


def backward(apps, schema_editor):
    checklist_model = apps.get_model("reviews", "Checklist")
    checklist_model.objects.filter(
        organisation=None, key__in=[c["key"] for c in CHECKLISTS], versions__reviews=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
