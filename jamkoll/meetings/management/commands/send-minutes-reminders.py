"""`jamkoll send-minutes-reminders`: the daily job that reminds approvers (justerare)
of minutes waiting for their approval, and owners of overdue assignments (uppdrag,
at most once a week). Safe to run twice: nobody is mailed twice."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from jamkoll.meetings import services


class Command(BaseCommand):
    help = "Remind approvers of minutes waiting for their approval (safe to run twice)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Run as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options.get("date"):
            try:
                today = parse_date(options["date"])  # type: ignore[assignment]
            except ValueError:
                today = None  # type: ignore[assignment]
            if today is None:
                raise CommandError("Ogiltigt datum, använd ÅÅÅÅ-MM-DD.")
        sent = services.send_approval_reminders(today=today)
        self.stdout.write(f"{today}: {sent} påminnelser till justerare.")
        overdue = services.send_assignment_reminders(today=today)
        self.stdout.write(f"{today}: {overdue} påminnelser om försenade uppdrag.")
