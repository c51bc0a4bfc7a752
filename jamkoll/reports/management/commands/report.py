"""`jamkoll report --organisation CODE --year YEAR --format docx|pdf --output PATH`."""

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jamkoll.organisations.models import Organisation
from jamkoll.reports.models import FIRST_YEAR, LAST_YEAR
from jamkoll.reports.output import FORMATS, generate


class Command(BaseCommand):
    help = "Write the gender-equality body's yearly report as a Word or PDF file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--organisation", required=True, help="Kolada/SCB code, e.g. 0484."
        )
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument(
            "--format", required=True, choices=sorted(FORMATS), dest="fmt"
        )
        parser.add_argument("--output", required=True, type=Path, help="File to write.")

    def handle(self, *args: Any, **options: Any) -> None:
        code, year = options["organisation"], options["year"]
        organisation = Organisation.objects.filter(code=code).first()
        if organisation is None:
            raise CommandError(f"Det finns ingen organisation med koden {code}.")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise CommandError(f"Året måste ligga mellan {FIRST_YEAR} och {LAST_YEAR}.")
        output: Path = options["output"]
        if not output.parent.is_dir():
            raise CommandError(f"Mappen {output.parent} finns inte.")
        started = time.perf_counter()
        result = generate(organisation=organisation, year=year, fmt=options["fmt"])
        output.write_bytes(result.data)
        self.stdout.write(
            f"{output}: {len(result.data) // 1024} kB, "
            f"{time.perf_counter() - started:.2f} s"
        )
