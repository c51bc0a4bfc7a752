"""Reload the catalogues from data/ after the CEMR list was corrected.

The corrected list drops the slide labels on articles 1, 11 and 12 and gives
articles 22–30 Swedish titles. Rows whose source says UNCONFIRMED stay marked.
"""

from importlib import import_module

from django.db import migrations

_initial = import_module("jamkoll.indicators.migrations.0002_load_goal_catalogues")


def reload(apps, schema_editor):
    _initial.load(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_load_goal_catalogues")]

    operations = [migrations.RunPython(reload, migrations.RunPython.noop)]
