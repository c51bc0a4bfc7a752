"""`jamkoll send-reminders`: the daily job that marks overdue demands and mails
reminders. Safe to run twice a day: nothing is mailed twice. Each organisation is
its own transaction: an error in one is logged and reported at the end (exit
status 1), and the others' reminders are still sent and recorded."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from jamkoll.core.tasks import failure_summary, run_per_organisation
from jamkoll.organisations.models import Organisation
from jamkoll.result_requests import services


class Command(BaseCommand):
    help = "Mark overdue demands and send the day's reminders (safe to run twice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = (
            parse_date(options["date"]) if options.get("date") else timezone.localdate()
        )
        if today is None:
            self.stderr.write("Ogiltigt datum, använd ÅÅÅÅ-MM-DD.")
            return
        outcome = run_per_organisation(
            Organisation.objects.order_by("name"),
            lambda organisation: services.run_daily_reminders(
                today=today, organisation=organisation
            ),
            name="send-reminders",
        )
        due_soon = sum(counts["due_soon"] for _, counts in outcome.done)
        overdue = sum(counts["overdue"] for _, counts in outcome.done)
        self.stdout.write(
            f"{today}: {due_soon} påminnelser före svarsdag, "
            f"{overdue} om försenade efterfrågningar."
        )
        if summary := failure_summary(outcome):
            raise CommandError(summary)
