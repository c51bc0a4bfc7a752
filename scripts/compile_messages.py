"""Compile every app's Swedish catalogue (.po → .mo) with polib, no gettext needed."""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    for po_path in sorted(ROOT.glob("jamkoll/*/locale/*/LC_MESSAGES/django.po")):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(
            f"{po_path.relative_to(ROOT)}: {catalogue.percent_translated()} % translated"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
