"""`jamkoll send-survey-reminders`: remind politicians who have not answered.

Meant to run daily from cron or a timer. Safe to run twice: a person is mailed at most
once every `services.REMINDER_INTERVAL_DAYS` days, so a second run sends nothing.
Each organisation is its own transaction: an error in one is logged and reported at
the end (exit status 1), and the others' reminders are still sent and recorded.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from jamkoll.core.tasks import failure_summary, run_per_organisation
from jamkoll.organisations.models import Organisation
from jamkoll.surveys import services
from jamkoll.surveys.models import Survey


class Command(BaseCommand):
    help = "Send reminders for open survey rounds to politicians who have not answered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Run as if it were this date (YYYY-MM-DD); for testing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today: dt.date = options["today"] or timezone.localdate()
        surveys = Survey.objects.filter(
            status=Survey.Status.OPEN, opens_on__lte=today, closes_on__gte=today
        ).select_related("organisation")

        def remind(organisation: Organisation) -> int:
            total = 0
            for survey in surveys.filter(organisation=organisation):
                sent = services.remind_non_respondents(
                    survey=survey, by=None, today=today
                )
                total += sent
                self.stdout.write(f"{organisation.name}: {survey.title}: {sent}")
            return total

        organisations = Organisation.objects.filter(
            pk__in=surveys.values("organisation")
        ).order_by("name")
        outcome = run_per_organisation(
            organisations, remind, name="send-survey-reminders"
        )
        total = sum(sent for _, sent in outcome.done)
        self.stdout.write(f"Påminnelser skickade: {total}")
        if summary := failure_summary(outcome):
            raise CommandError(summary)
