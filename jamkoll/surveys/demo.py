"""Demo survey rounds: a closed 2025 round and a closed 2026 round per organisation,
with synthetic anonymous answers from the fictional politicians.

Answers go through `services.submit_response`, exactly as a respondent's would (sealed
while waiting, released in shuffled batches of k, the round rewritten at closing). The
links are created without mail (the tokens live only in this function), so loading the
demo does not print hundreds of e-mails. Enough people answer that most breakdowns are
shown while the small groups ("other", often "not stated") are suppressed.

`ctx` is `dashboard.demo.DemoContext`; it is not imported, as dashboard is a higher layer.
"""

import datetime as dt
import random
from typing import Any

from jamkoll.core import tokens
from jamkoll.members.models import Membership, Person, Sex
from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import (
    Invitation,
    QuestionKind,
    QuestionVersion,
    RespondentSex,
    RoleLevel,
    Survey,
)

ROUNDS = [
    # year, opens, closes, response rate, mood (shift on the 1–5 scale)
    (2025, dt.date(2025, 3, 3), dt.date(2025, 3, 28), 0.61, 0.0),
    (2026, dt.date(2026, 3, 2), dt.date(2026, 3, 27), 0.68, 0.3),
]
FREE_TEXTS = [
    "Handlingarna borde komma en vecka före sammanträdet, inte fyra dagar.",
    "Möjlighet att delta digitalt när barnen är sjuka.",
    "Tydligare stöd från kommunen när man blir hängd ut i sociala medier.",
    "Ersättning för förlorad arbetsinkomst som går att förstå.",
    "Kortare möten och pauser som hålls.",
    "En kontaktperson att vända sig till vid hot.",
    "Sammanträden som inte börjar klockan åtta på morgonen.",
    "Att presidiet fördelar ordet jämnt.",
]
ROLE_RANK = {
    Membership.Role.CHAIR: RoleLevel.LEADING,
    Membership.Role.VICE_CHAIR: RoleLevel.LEADING,
    Membership.Role.MEMBER: RoleLevel.MEMBER,
    Membership.Role.SUBSTITUTE: RoleLevel.SUBSTITUTE,
}
LEVEL_ORDER = [RoleLevel.LEADING, RoleLevel.MEMBER, RoleLevel.SUBSTITUTE]


def _give_demo_emails(ctx: Any) -> None:
    """Fictional politicians get a fictional address so they can be sent a link."""
    for person in Person.objects.filter(organisation=ctx.organisation, email=""):
        person.email = f"fortroendevald.{person.pk}@example.se"
        person._history_user = ctx.users["admin"]  # type: ignore[attr-defined]
        person.save(update_fields=["email"])


def _role_levels(ctx: Any, on: dt.date) -> dict[int, str]:
    levels: dict[int, str] = {}
    for person_id, role in Membership.objects.filter(
        unit__organisation=ctx.organisation, starts_on__lte=on, term__ends_on__gte=on
    ).values_list("person_id", "role"):
        level = ROLE_RANK[role]
        current = levels.get(person_id)
        if current is None or LEVEL_ORDER.index(level) < LEVEL_ORDER.index(current):
            levels[person_id] = level
    return levels


def _scale(rng: random.Random, version: QuestionVersion, sex: str, mood: float) -> int:
    topic = version.question.topic
    centre = 3.4 + mood
    if sex == Sex.WOMAN and topic in {"harassment", "balance", "listened_to"}:
        centre -= 0.7
    return max(1, min(5, round(rng.gauss(centre, 1.0))))


def _value(
    rng: random.Random, version: QuestionVersion, sex: str, mood: float
) -> object:
    if version.kind == QuestionKind.SCALE:
        return _scale(rng, version, sex, mood)
    if version.kind == QuestionKind.SINGLE:
        weights = [max(0.2, 3 - i * (0.6 + mood)) for i in range(len(version.options))]
        if sex == Sex.WOMAN and version.question.topic != "time":
            weights = list(reversed(weights))
        return rng.choices(range(len(version.options)), weights=weights)[0]
    if version.kind == QuestionKind.MULTIPLE:
        last = len(version.options) - 1  # "none of these"
        chosen = [
            i
            for i in range(last)
            if rng.random() < (0.28 if sex == Sex.WOMAN else 0.15) - mood / 10
        ]
        return chosen or [last]
    return rng.choice(FREE_TEXTS) if rng.random() < 0.12 else ""


def _round(
    ctx: Any,
    rng: random.Random,
    year: int,
    opens_on: dt.date,
    closes_on: dt.date,
    rate: float,
    mood: float,
) -> None:
    strategist = ctx.users["strateg"]
    survey = services.create_survey(
        organisation=ctx.organisation,
        by=strategist,
        year=year,
        title=f"Enkät till förtroendevalda {year}",
        introduction=(
            "Jämställdhetsberedningen vill veta hur du som förtroendevald upplever dina "
            "villkor: tid, mötesklimat, bemötande, hot och trakasserier, och hur "
            "uppdraget går att förena med arbete och familj."
        ),
        opens_on=opens_on,
        closes_on=closes_on,
        versions=selectors.default_versions(),
    )
    people = list(services.recipients(organisation=ctx.organisation, on=opens_on))
    links: dict[int, str] = {}
    for person in people:
        token = tokens.new_token()
        invitation = Invitation(
            survey=survey,
            person=person,
            email=person.email,
            token_hash=services.hash_token(token),
            sent_on=opens_on,
        )
        invitation._history_user = strategist  # type: ignore[attr-defined]
        invitation.save()
        links[person.pk] = token
    survey.status = Survey.Status.OPEN
    survey._history_user = strategist  # type: ignore[attr-defined]
    survey.save(update_fields=["status", "updated_at"])
    versions = [
        sq.version for sq in survey.survey_questions.select_related("version__question")
    ]
    levels = _role_levels(ctx, opens_on)
    days = (closes_on - opens_on).days
    for person in people:
        if rng.random() > rate:
            continue
        stated_sex = person.sex
        roll = rng.random()
        if roll < 0.03:
            stated_sex = RespondentSex.OTHER
        elif roll < 0.12:
            stated_sex = RespondentSex.NOT_STATED
        level = levels.get(person.pk, RoleLevel.MEMBER)
        if rng.random() < 0.1:
            level = RoleLevel.NOT_STATED
        answers = {
            v.pk: _value(rng, v, person.sex, mood)
            for v in versions
            if rng.random() > 0.04
        }
        services.submit_response(
            token=links[person.pk],
            answers=answers
            or {versions[0].pk: _value(rng, versions[0], person.sex, mood)},
            sex=stated_sex,
            role_level=level,
            today=opens_on + dt.timedelta(days=rng.randint(0, days)),
        )
    services.close_survey(survey=survey, by=strategist)


def load(ctx: Any) -> None:
    """Two closed survey rounds per organisation (2025 and 2026), idempotent per year."""
    rng = random.Random(f"surveys-{ctx.organisation.code}")  # noqa: S311 - demo data
    _give_demo_emails(ctx)
    for year, opens_on, closes_on, rate, mood in ROUNDS:
        if opens_on > ctx.today:
            continue
        if Survey.objects.filter(organisation=ctx.organisation, year=year).exists():
            continue
        _round(ctx, rng, year, opens_on, closes_on, rate, mood)
