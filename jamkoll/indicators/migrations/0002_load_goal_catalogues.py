"""Load the six national sub-goals and the 30 CEMR charter articles from data/.

Rows whose source says UNCONFIRMED are stored with ``is_confirmed=False`` and are
shown marked "ej bekräftad" until someone confirms them.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name):
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _confirmed(source):
    return "UNCONFIRMED" not in source.upper()


def load(apps, schema_editor):
    national_goal = apps.get_model("indicators", "NationalGoal")
    article = apps.get_model("indicators", "CharterArticle")
    for row in _rows("national-gender-equality-goals.csv"):
        national_goal.objects.update_or_create(
            number=int(row["number"]),
            defaults={
                "title_sv": row["title_sv"].strip(),
                "title_en": row["title_en"].strip(),
                "source": row["source"].strip(),
                "is_confirmed": _confirmed(row["source"]),
            },
        )
    for row in _rows("cemr-charter-articles.csv"):
        article.objects.update_or_create(
            number=int(row["number"]),
            defaults={
                "area_en": row["area_en"].strip(),
                "title_en": row["title_en"].strip(),
                "area_sv": row["area_sv"].strip(),
                "title_sv": row["title_sv"].strip(),
                "source": row["source"].strip(),
                "is_confirmed": _confirmed(row["source"]),
            },
        )


def unload(apps, schema_editor):
    apps.get_model("indicators", "NationalGoal").objects.all().delete()
    apps.get_model("indicators", "CharterArticle").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
