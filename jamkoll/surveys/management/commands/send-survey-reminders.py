"""`jamkoll send-survey-reminders`: remind politicians who have not answered.

Meant to run daily from cron or a timer. Safe to run twice: a person is mailed at most
once every `services.REMINDER_INTERVAL_DAYS` days, so a second run sends nothing.
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

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
        total = 0
        surveys = Survey.objects.filter(
            status=Survey.Status.OPEN, opens_on__lte=today, closes_on__gte=today
        ).select_related("organisation")
        for survey in surveys:
            sent = services.remind_non_respondents(survey=survey, by=None, today=today)
            total += sent
            self.stdout.write(f"{survey.organisation.name}: {survey.title}: {sent}")
        self.stdout.write(f"Påminnelser skickade: {total}")
