"""Agenda items suggested from other apps used to copy the source's path into
`documents`, so pages and PDFs showed raw paths; the source link is kept apart."""

from django.db import migrations


def clear_copied_paths(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    for item in AgendaItem.objects.exclude(source_url="").only("documents", "source_url"):
        lines = [
            line
            for line in item.documents.splitlines()
            if line.strip() and line.strip() != item.source_url
        ]
        if "\n".join(lines) != item.documents:
            item.documents = "\n".join(lines)
            item.save(update_fields=["documents"])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_justering_posting_occurrences")]

    operations = [migrations.RunPython(clear_copied_paths, migrations.RunPython.noop)]
