"""Loads the demo: three organisations, fictional people, demo users, and each app's
demo content. Idempotent: an organisation that already exists is left as it is."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from jamkoll.accounts.models import Role, User
from jamkoll.cases import demo as cases_demo
from jamkoll.indicators import demo as indicators_demo
from jamkoll.meetings import demo as meetings_demo
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reports import demo as reports_demo
from jamkoll.result_requests import demo as result_requests_demo
from jamkoll.reviews import demo as reviews_demo
from jamkoll.surveys import demo as surveys_demo

DEMO_PASSWORD = "jamkoll-demo"  # noqa: S105 - documented demo login, never in production
DEMO_USERS = [
    ("admin", Role.ADMIN, "Alva", "Administratör"),
    ("strateg", Role.STRATEGIST, "Siri", "Strateg"),
    ("politiker", Role.POLITICIAN, "Pål", "Politiker"),
    ("chef", Role.MANAGER, "Cecilia", "Chef"),
    ("lasare", Role.READER, "Leo", "Läsare"),
]


@dataclass
class DemoContext:
    """What each app's demo loader receives."""

    organisation: Organisation
    units: dict[str, Unit]
    users: dict[str, User]
    today: dt.date


# Each app's loader, in dependency order. The yearly report reads every other app's
# demo data, so it loads last.
LOADERS: list[Callable[[DemoContext], None]] = [
    meetings_demo.load,
    cases_demo.load,
    reviews_demo.load,
    result_requests_demo.load,
    surveys_demo.load,
    indicators_demo.load,
    reports_demo.load,
]
