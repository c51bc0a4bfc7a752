"""`jamkoll kolada import --kpi … --municipality … --years …` (and `--resume RUN`)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from jamkoll.indicators import imports, kolada
from jamkoll.indicators.models import ImportRun
from jamkoll.organisations.models import Organisation


class Command(BaseCommand):
    help = "Import figures from Kolada (idempotent; a partial import can be resumed)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("import", help="Import KPIs for municipalities and years.")
        run.add_argument(
            "--kpi", action="append", default=[], help="KPI id(s), e.g. N07609"
        )
        run.add_argument(
            "--municipality",
            action="append",
            default=[],
            help="Code(s), e.g. 0484 0000",
        )
        run.add_argument("--years", default="", help="e.g. 2015-2025 or 2019,2021")
        run.add_argument(
            "--base-url", default=None, help="Default: settings.KOLADA_BASE_URL"
        )
        run.add_argument(
            "--organisation", default=None, help="Organisation code to file it under"
        )
        run.add_argument(
            "--resume", type=int, default=None, help="Resume import run number"
        )
        run.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        base_url = options["base_url"] or settings.KOLADA_BASE_URL
        if options["resume"] is not None:
            run = ImportRun.objects.filter(pk=options["resume"]).first()
            if run is None:
                raise CommandError(
                    _("There is no import number %(n)s.") % {"n": options["resume"]}
                )
            if run.status == ImportRun.Status.DONE:
                self.stdout.write(_("Import %(n)s is already done.") % {"n": run.pk})
                return
            if options["base_url"]:
                run.base_url = base_url
        else:
            run = self._start(options, base_url)
        self._run(run, show_progress=not options["no_progress"])

    def _start(self, options: dict[str, Any], base_url: str) -> ImportRun:
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(
                code=options["organisation"]
            ).first()
            if organisation is None:
                raise CommandError(
                    _("There is no organisation with the code %(code)s.")
                    % {"code": options["organisation"]}
                )
        try:
            return imports.start_kolada_import(
                by=None,
                organisation=organisation,
                kpis=imports.parse_ids(" ".join(options["kpi"])),
                municipalities=imports.parse_ids(" ".join(options["municipality"])),
                years=imports.parse_years(options["years"]),
                base_url=base_url,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

    def _run(self, run: ImportRun, *, show_progress: bool) -> None:
        bar = tqdm(
            total=len(imports.batches_of(run)),
            initial=len(run.done_batches),
            unit=_("batch"),
            desc=_("Kolada import %(n)s") % {"n": run.pk},
            disable=not show_progress,
            file=self.stderr._out,
        )

        def progress(current: ImportRun) -> None:
            bar.update(1)
            saved = current.values_saved
            bar.set_postfix_str(
                ngettext("%(n)s value", "%(n)s values", saved) % {"n": saved}
            )

        try:
            with kolada.KoladaClient(base_url=run.base_url) as client:
                run = imports.run_kolada_import(
                    run=run, client=client, on_progress=progress
                )
        finally:
            bar.close()
        if run.status == ImportRun.Status.DONE:
            self.stdout.write(
                _("Import %(n)s done: %(values)s in %(batches)s.")
                % {
                    "n": run.pk,
                    "values": ngettext("%(n)s value", "%(n)s values", run.values_saved)
                    % {"n": run.values_saved},
                    "batches": ngettext(
                        "%(n)s batch", "%(n)s batches", run.batches_total
                    )
                    % {"n": run.batches_total},
                }
            )
            return
        message = "\n".join(run.errors[-1:])
        if run.status == ImportRun.Status.PARTIAL:
            message += "\n" + ngettext(
                "%(done)s of %(total)s batch was stored. Resume with: "
                "jamkoll kolada import --resume %(n)s",
                "%(done)s of %(total)s batches were stored. Resume with: "
                "jamkoll kolada import --resume %(n)s",
                run.batches_total,
            ) % {"done": len(run.done_batches), "total": run.batches_total, "n": run.pk}
        raise CommandError(message)
