"""Calendar feed tokens are stored as SHA-256 only, like survey tokens.

Existing tokens are hashed in place, so addresses already added to a calendar keep
working (the feed view hashes the token in the URL and looks that up). Going back
leaves the hashes where the tokens were: those addresses stop working and the users
make new ones; the secret is not recoverable, by design.
"""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    CalendarFeed = apps.get_model("meetings", "CalendarFeed")
    for feed in CalendarFeed.objects.only("pk", "token_hash").iterator():
        digest = hashlib.sha256(feed.token_hash.encode("utf-8")).hexdigest()
        CalendarFeed.objects.filter(pk=feed.pk).update(token_hash=digest)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_assignment_owner_person"),
    ]

    operations = [
        migrations.RenameField(
            model_name="calendarfeed", old_name="token", new_name="token_hash"
        ),
        migrations.AlterField(
            model_name="calendarfeed",
            name="token_hash",
            field=models.CharField(
                max_length=64, unique=True, verbose_name="token hash"
            ),
        ),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
