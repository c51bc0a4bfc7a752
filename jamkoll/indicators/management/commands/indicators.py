"""`jamkoll indicators export --municipality … [--kpi …] --format csv|xlsx [--output PATH]`."""

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.core import exports
from jamkoll.indicators import imports


class Command(BaseCommand):
    help = "Export stored Kolada values as kpi,municipality,period,gender,value rows."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Open-data export of stored values.")
        export.add_argument(
            "--municipality", action="append", default=[], required=True
        )
        export.add_argument("--kpi", action="append", default=[])
        export.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        export.add_argument(
            "--output", default=None, help="File path (default: stdout for csv)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        municipalities = imports.parse_ids(" ".join(options["municipality"]))
        kpis = imports.parse_ids(" ".join(options["kpi"])) or None
        rows = imports.export_rows(municipalities=municipalities, kpis=kpis)
        if options["format"] == "xlsx":
            if not options["output"]:
                raise CommandError(_("An Excel export needs --output PATH."))
            count = self._xlsx(rows, options["output"])
        elif options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                count = self._csv(rows, handle)
        else:
            count = self._csv(
                rows, self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout
            )
        self.stderr.write(
            ngettext("%(n)s row exported.", "%(n)s rows exported.", count)
            % {"n": count}
        )

    def _csv(self, rows: Any, handle: Any) -> int:
        return exports.write_open_data_csv(handle, imports.EXPORT_HEADER, rows)

    def _xlsx(self, rows: Any, path: str) -> int:
        # Streamed: a municipality's values can run to hundreds of thousands of rows.
        return exports.stream_xlsx(
            path,
            imports.EXPORT_HEADER,
            rows,
            types=[exports.TEXT, exports.TEXT, exports.INTEGER, exports.TEXT, None],
            widths=[10, 14, 8, 8, 12],
            title="values",
        )
