"""Helpers that build survey rounds for tests through the services."""

import datetime as dt
import importlib
import secrets

from django.apps import apps
from django.urls import reverse

from jamkoll.accounts.models import User
from jamkoll.organisations.models import Organisation
from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import Invitation, QuestionVersion, Survey

OPENS = dt.date(2026, 11, 1)
CLOSES = dt.date(2026, 11, 30)
DURING = dt.date(2026, 11, 10)


def ensure_default_questions() -> None:
    """Re-create the shipped question set; transactional tests flush migration data."""
    if QuestionVersion.objects.filter(is_default=True).exists():
        return
    migration = importlib.import_module(
        "jamkoll.surveys.migrations.0002_default_questions"
    )
    migration.forward(apps, None)


def make_survey(
    *,
    organisation: Organisation,
    by: User,
    year: int = 2026,
    versions: list[QuestionVersion] | None = None,
    min_group_size: int = 5,
    opens_on: dt.date | None = None,
    closes_on: dt.date | None = None,
) -> Survey:
    ensure_default_questions()
    opens_on = opens_on or OPENS.replace(year=year)
    return services.create_survey(
        organisation=organisation,
        by=by,
        year=year,
        title=f"Enkät {year}",
        opens_on=opens_on,
        closes_on=closes_on or CLOSES.replace(year=year),
        versions=versions or selectors.default_versions(),
        min_group_size=min_group_size,
    )


def add_link(survey: Survey, person, *, sent_on: dt.date | None = None) -> str:  # type: ignore[no-untyped-def]
    """Give a person a personal link without mail; returns the raw token."""
    token = secrets.token_urlsafe(32)
    Invitation.objects.create(
        survey=survey,
        person=person,
        email=person.email or "person@example.se",
        token_hash=services.hash_token(token),
        sent_on=sent_on or survey.opens_on,
    )
    if survey.status == Survey.Status.DRAFT:
        Survey.objects.filter(pk=survey.pk).update(status=Survey.Status.OPEN)
        survey.status = Survey.Status.OPEN
    return token


def link_from_mail(body: str) -> str:
    """The personal link in an invitation mail: `<site>/svara/#<code>`."""
    return next(
        line.strip() for line in body.splitlines() if "/svara/#" in line.strip()
    )


def open_link(client, token: str):  # type: ignore[no-untyped-def]
    """Do what the start page's script does with `/svara/#<token>`: post the code.

    Returns the response (303 to the questions, with the signed answer cookie, or the
    page saying why the link cannot be used)."""
    return client.post(reverse("surveys:answer_start"), {"code": token})
