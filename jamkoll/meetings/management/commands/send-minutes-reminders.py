"""`jamkoll send-minutes-reminders`: the daily job that reminds approvers (justerare)
of minutes waiting for their approval, and owners of overdue assignments (uppdrag,
at most once a week). Safe to run twice: nobody is mailed twice. Each organisation
is its own transaction: an error in one is logged and reported at the end (exit
status 1), and the others' reminders are still sent and recorded."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from jamkoll.core.tasks import failure_summary, run_per_organisation
from jamkoll.meetings import services
from jamkoll.organisations.models import Organisation


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

        def both(organisation: Organisation) -> tuple[int, int]:
            return (
                services.send_approval_reminders(
                    today=today, organisation=organisation
                ),
                services.send_assignment_reminders(
                    today=today, organisation=organisation
                ),
            )

        outcome = run_per_organisation(
            Organisation.objects.order_by("name"), both, name="send-minutes-reminders"
        )
        sent = sum(approvals for _, (approvals, _) in outcome.done)
        overdue = sum(assignments for _, (_, assignments) in outcome.done)
        self.stdout.write(f"{today}: {sent} påminnelser till justerare.")
        self.stdout.write(f"{today}: {overdue} påminnelser om försenade uppdrag.")
        if summary := failure_summary(outcome):
            raise CommandError(summary)
