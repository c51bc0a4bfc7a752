"""`jamkoll send-reminders`: the daily job that marks overdue demands and mails
reminders. Safe to run twice a day: nothing is mailed twice."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

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
        counts = services.run_daily_reminders(today=today)
        self.stdout.write(
            f"{today}: {counts['due_soon']} påminnelser före svarsdag, "
            f"{counts['overdue']} om försenade efterfrågningar."
        )
