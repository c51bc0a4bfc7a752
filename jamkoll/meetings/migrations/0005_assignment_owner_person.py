"""Assignments (uppdrag) get an owner who is a person (ADR 0003), and a date for the
weekly reminder to the owner of an overdue assignment.

The free-text `responsible` becomes `legacy_responsible`. Where it equals the full
name ("first last", case and surrounding spaces ignored) of exactly one person of the
assignment's organisation, that person becomes the owner and the text is cleared;
otherwise the text is kept and shown in place of an owner.
"""

import django.db.models.deletion
from django.db import migrations, models


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def link_owners(apps, schema_editor):
    Decision = apps.get_model("meetings", "Decision")
    Person = apps.get_model("members", "Person")
    pending = Decision.objects.filter(owner__isnull=True).exclude(legacy_responsible="")
    organisations = set(pending.values_list("organisation_id", flat=True))
    by_name: dict[tuple[int, str], list[int]] = {}
    for pk, organisation_id, first, last in Person.objects.filter(
        organisation_id__in=organisations
    ).values_list("pk", "organisation_id", "first_name", "last_name"):
        by_name.setdefault((organisation_id, _name(f"{first} {last}")), []).append(pk)
    for decision in pending:
        found = by_name.get(
            (decision.organisation_id, _name(decision.legacy_responsible)), []
        )
        if len(found) == 1:
            Decision.objects.filter(pk=decision.pk).update(
                owner_id=found[0], legacy_responsible=""
            )


def unlink_owners(apps, schema_editor):
    """Going back: the owner's name becomes the free text again."""
    Decision = apps.get_model("meetings", "Decision")
    for decision in Decision.objects.filter(owner__isnull=False).select_related(
        "owner"
    ):
        Decision.objects.filter(pk=decision.pk).update(
            legacy_responsible=f"{decision.owner.first_name} {decision.owner.last_name}"[
                :160
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_development_need_unified"),
        ("members", "0002_person_person_one_per_user_and_organisation"),
    ]

    operations = [
        migrations.RenameField(
            model_name="decision", old_name="responsible", new_name="legacy_responsible"
        ),
        migrations.RenameField(
            model_name="historicaldecision",
            old_name="responsible",
            new_name="legacy_responsible",
        ),
        migrations.AlterField(
            model_name="decision",
            name="legacy_responsible",
            field=models.CharField(
                blank=True,
                max_length=160,
                verbose_name="responsible (free text, before owners were people)",
            ),
        ),
        migrations.AlterField(
            model_name="historicaldecision",
            name="legacy_responsible",
            field=models.CharField(
                blank=True,
                max_length=160,
                verbose_name="responsible (free text, before owners were people)",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assignments",
                to="members.person",
                verbose_name="owner",
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.person",
                verbose_name="owner",
            ),
        ),
        migrations.AddField(
            model_name="decision",
            name="reminded_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="owner last reminded on"
            ),
        ),
        migrations.AddField(
            model_name="historicaldecision",
            name="reminded_on",
            field=models.DateField(
                blank=True, null=True, verbose_name="owner last reminded on"
            ),
        ),
        migrations.RunPython(link_owners, unlink_owners),
    ]
