"""The default question set about the conditions of being a politician (version 1).

Written for Jämkoll in Swedish, the language the respondents read. Questions are
identified by `key`, so later versions can be added without touching these rows.
"""

from django.db import migrations

AGREE = "single"
SCALE = "scale"
MULTIPLE = "multiple"
FREE = "free_text"

HOURS = [
    "Mindre än 5 timmar",
    "5–10 timmar",
    "11–20 timmar",
    "Mer än 20 timmar",
]
FREQUENCY = ["Aldrig", "Någon enstaka gång", "Flera gånger", "Ofta"]

QUESTIONS = [
    # (key, topic, kind, text, options)
    (
        "time-hours-per-week",
        "time",
        AGREE,
        "Hur många timmar i veckan lägger du i genomsnitt på ditt politiska uppdrag, "
        "inklusive inläsning och resor?",
        HOURS,
    ),
    (
        "time-enough-to-prepare",
        "time",
        SCALE,
        "Jag har tillräckligt med tid för att läsa in mig på ärendena inför sammanträdena.",
        [],
    ),
    (
        "time-documents-in-time",
        "time",
        SCALE,
        "Handlingarna kommer i så god tid att jag hinner sätta mig in i dem.",
        [],
    ),
    (
        "meetings-times-work",
        "meetings",
        SCALE,
        "Sammanträdestiderna fungerar för mig.",
        [],
    ),
    (
        "meetings-climate",
        "meetings",
        SCALE,
        "Samtalsklimatet på sammanträdena är respektfullt.",
        [],
    ),
    (
        "meetings-can-take-part-remotely",
        "meetings",
        SCALE,
        "Jag kan delta på distans när jag behöver det.",
        [],
    ),
    (
        "listened-to-views-matter",
        "listened_to",
        SCALE,
        "Mina synpunkter tas på allvar i den församling där jag sitter.",
        [],
    ),
    (
        "listened-to-speaking-time",
        "listened_to",
        SCALE,
        "Jag får lika stort utrymme att yttra mig som andra ledamöter.",
        [],
    ),
    (
        "listened-to-interrupted",
        "listened_to",
        AGREE,
        "Hur ofta har du under det senaste året blivit avbruten eller förbigången på "
        "ett sätt som du uppfattat som nedvärderande?",
        FREQUENCY,
    ),
    (
        "harassment-experienced",
        "harassment",
        MULTIPLE,
        "Har du under det senaste året på grund av ditt uppdrag utsatts för något av "
        "följande? Välj alla som stämmer.",
        [
            "Hot",
            "Trakasserier eller hat i sociala medier",
            "Trakasserier vid personliga möten",
            "Sexuella trakasserier",
            "Skadegörelse eller våld",
            "Inget av detta",
        ],
    ),
    (
        "harassment-changed-behaviour",
        "harassment",
        AGREE,
        "Har oro för hot eller trakasserier fått dig att avstå från att uttala dig "
        "eller att driva en fråga?",
        FREQUENCY,
    ),
    (
        "harassment-support",
        "harassment",
        SCALE,
        "Jag vet vart jag ska vända mig om jag utsätts för hot eller trakasserier, "
        "och jag får det stöd jag behöver.",
        [],
    ),
    (
        "balance-work",
        "balance",
        SCALE,
        "Det går att förena mitt uppdrag med mitt arbete eller mina studier.",
        [],
    ),
    (
        "balance-family",
        "balance",
        SCALE,
        "Det går att förena mitt uppdrag med familj och omsorg om närstående.",
        [],
    ),
    (
        "balance-considered-leaving",
        "balance",
        AGREE,
        "Har du under det senaste året funderat på att lämna ditt uppdrag i förtid?",
        ["Nej", "Ja, någon gång", "Ja, allvarligt"],
    ),
    (
        "other-improvements",
        "other",
        FREE,
        "Vad skulle göra det lättare för dig att utföra ditt uppdrag på lika villkor?",
        [],
    ),
]


def forward(apps, schema_editor):
    question_model = apps.get_model("surveys", "Question")
    version_model = apps.get_model("surveys", "QuestionVersion")
    for key, topic, kind, text, options in QUESTIONS:
        question, _ = question_model.objects.get_or_create(
            key=key, defaults={"topic": topic}
        )
        version_model.objects.get_or_create(
            question=question,
            number=1,
            defaults={
                "text": text,
                "kind": kind,
                "options": options,
                "is_default": True,
            },
        )


def backward(apps, schema_editor):
    question_model = apps.get_model("surveys", "Question")
    version_model = apps.get_model("surveys", "QuestionVersion")
    keys = [q[0] for q in QUESTIONS]
    version_model.objects.filter(question__key__in=keys, number=1).delete()
    question_model.objects.filter(key__in=keys, versions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
