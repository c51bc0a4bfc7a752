from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings
from django.utils import timezone

from jamkoll.dashboard import demo


class Command(BaseCommand):
    help = "Load the demo organisations and users (idempotent; never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--print-logins", action="store_true", help="Print the demo logins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "JAMKOLL_DEMO_ENABLED", False):
            raise CommandError("Demodata kan inte laddas med produktionsinställningar.")
        # Demo content goes through the real services, which send mail; keep those
        # messages out of the console.
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
        ):
            demo.load(
                today=timezone.localdate(), progress=lambda m: self.stdout.write(m)
            )
        if options["print_logins"]:
            self.stdout.write("")
            self.stdout.write(
                "Jämkoll körs på http://127.0.0.1:8000/ – demoinloggningar:"
            )
            for username, role, _f, _l in demo.DEMO_USERS:
                self.stdout.write(
                    f"  {username:<10} lösenord {demo.DEMO_PASSWORD}  ({role.label})"
                )
            self.stdout.write("")
