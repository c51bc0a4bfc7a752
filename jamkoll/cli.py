"""The `jamkoll` console command: Django's manage.py, plus `analyse` without Django."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a management command; `jamkoll analyse` goes straight to the reader."""
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "analyse":
        from jamkoll.textanalysis.cli import main as analyse

        return analyse(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
