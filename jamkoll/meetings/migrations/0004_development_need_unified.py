"""One development-need model: meetings.DevelopmentNeed gains `year`, an optional
`meeting`, `source_ref` and `source_url`, and takes over the needs recorded in
document reviews (reviews.DevelopmentNeed, removed by reviews 0003)."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models
from django.urls import NoReverseMatch, reverse


def forward(apps, schema_editor):
    Need = apps.get_model("meetings", "DevelopmentNeed")
    # Added with a placeholder year (no ALTER after the data is written: PostgreSQL
    # refuses it with pending trigger events); every existing need has a meeting.
    for need in Need.objects.select_related("meeting"):
        need.year = need.meeting.held_on.year
        need.save(update_fields=["year"])
    try:
        ReviewNeed = apps.get_model("reviews", "DevelopmentNeed")
    except LookupError:
        return
    for old in ReviewNeed.objects.order_by("pk"):
        source_ref = source_url = ""
        if old.review_id:
            source_ref = f"reviews.review:{old.review_id}"
            try:
                source_url = reverse("reviews:detail", args=[old.review_id])
            except NoReverseMatch:
                source_url = ""
        new = Need.objects.create(
            organisation_id=old.organisation_id,
            unit_id=old.unit_id,
            year=old.year,
            text=old.text,
            source_ref=source_ref,
            source_url=source_url,
        )
        Need.objects.filter(pk=new.pk).update(
            created_at=old.created_at, updated_at=old.updated_at
        )


def backward(apps, schema_editor):
    """The old schema needs a meeting: needs from other sources cannot stay."""
    apps.get_model("meetings", "DevelopmentNeed").objects.filter(
        meeting__isnull=True
    ).delete()


YEAR_VALIDATORS = [
    django.core.validators.MinValueValidator(2000),
    django.core.validators.MaxValueValidator(2100),
]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_documents_without_paths"),
        ("reviews", "0002_shipped_checklists"),
    ]

    operations = [
        migrations.AddField(
            model_name="developmentneed",
            name="year",
            field=models.PositiveSmallIntegerField(
                default=2000, validators=YEAR_VALIDATORS, verbose_name="year"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicaldevelopmentneed",
            name="year",
            field=models.PositiveSmallIntegerField(
                default=2000, validators=YEAR_VALIDATORS, verbose_name="year"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="developmentneed",
            name="meeting",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="development_needs",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.AddField(
            model_name="developmentneed",
            name="source_ref",
            field=models.CharField(
                blank=True, db_index=True, max_length=80, verbose_name="source"
            ),
        ),
        migrations.AddField(
            model_name="historicaldevelopmentneed",
            name="source_ref",
            field=models.CharField(
                blank=True, db_index=True, max_length=80, verbose_name="source"
            ),
        ),
        migrations.AddField(
            model_name="developmentneed",
            name="source_url",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="source link"
            ),
        ),
        migrations.AddField(
            model_name="historicaldevelopmentneed",
            name="source_url",
            field=models.CharField(
                blank=True, max_length=300, verbose_name="source link"
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
