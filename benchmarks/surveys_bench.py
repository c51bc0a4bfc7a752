"""Politician survey: answering, suppressed results and the Excel export at scale.

Run: ``.venv/bin/python -m benchmarks.surveys_bench``. Builds a throw-away SQLite
database (child process, temporary JAMKOLL_VAR_DIR) with one organisation, 400
politicians with a current mandate, two rounds of the default question set and 300
responses in each, then times submitting, `survey_results` and the workbook.
"""

import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time

PEOPLE = 400
RESPONSES = 300


def _worker() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from jamkoll.accounts.models import Role, RoleAssignment, User
    from jamkoll.members.models import Membership, Person, Sex, Term
    from jamkoll.organisations.models import Organisation, Unit
    from jamkoll.surveys import export, selectors, services
    from jamkoll.surveys.models import Invitation

    rng = random.Random(7)
    org = Organisation.objects.create(name="Benchkommun", code="9999")
    council = Unit.objects.create(organisation=org, name="KF", kind=Unit.Kind.COUNCIL)
    term = Term.objects.create(
        organisation=org, starts_on=dt.date(2022, 10, 15), ends_on=dt.date(2030, 10, 14)
    )
    admin = User.objects.create_user(username="bench-admin")
    RoleAssignment.objects.create(user=admin, organisation=org, role=Role.ADMIN)
    people = []
    for i in range(PEOPLE):
        person = Person.objects.create(
            organisation=org,
            first_name="Namn",
            last_name=f"Bench{i}",
            sex=rng.choice([Sex.WOMAN, Sex.MAN]),
            email=f"p{i}@example.se",
        )
        Membership.objects.create(
            person=person, unit=council, term=term, starts_on=term.starts_on
        )
        people.append(person)
    for year in (2025, 2026):
        survey = services.create_survey(
            organisation=org,
            by=admin,
            year=year,
            title=f"Enkät {year}",
            opens_on=dt.date(year, 3, 1),
            closes_on=dt.date(year, 3, 31),
            versions=selectors.default_versions(),
        )
        versions = [
            sq.version for sq in survey.survey_questions.select_related("version")
        ]
        tokens = []
        for person in people[:RESPONSES]:
            token = f"bench-{year}-{person.pk}"
            Invitation.objects.create(
                survey=survey,
                person=person,
                email=person.email,
                token_hash=services.hash_token(token),
                sent_on=survey.opens_on,
            )
            tokens.append(token)
        survey.status = "open"
        survey.save()
        started = time.perf_counter()
        for token in tokens:
            answers: dict[int, object] = {}
            for v in versions:
                if v.kind == "scale":
                    answers[v.pk] = rng.randint(1, 5)
                elif v.kind == "single":
                    answers[v.pk] = rng.randrange(len(v.options))
                elif v.kind == "multiple":
                    answers[v.pk] = [rng.randrange(len(v.options))]
                else:
                    answers[v.pk] = "Text" if rng.random() < 0.1 else ""
            services.submit_response(
                token=token,
                answers=answers,
                sex=rng.choice(["woman", "man", "man", "woman", "other", "not_stated"]),
                role_level=rng.choice(["leading", "member", "member", "substitute"]),
                today=dt.date(year, 3, 10),
            )
        per = (time.perf_counter() - started) / len(tokens) * 1000
        print(f"{year}: submit_response {per:.1f} ms per response", flush=True)
        services.close_survey(survey=survey, by=admin)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        results = selectors.survey_results(survey=survey)
        timings.append(time.perf_counter() - started)
    print(
        f"survey_results ({len(results.questions)} questions, {RESPONSES} responses, "
        f"one earlier round): {min(timings) * 1000:.0f} ms best",
        flush=True,
    )
    started = time.perf_counter()
    data = export.results_workbook(results)
    print(
        f"Excel export: {(time.perf_counter() - started) * 1000:.0f} ms "
        f"({len(data) // 1024} kB)",
        flush=True,
    )


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="jamkoll-bench-surveys-") as var_dir:
        env = {
            **os.environ,
            "JAMKOLL_VAR_DIR": var_dir,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        }
        subprocess.run(
            [sys.executable, "-m", "benchmarks.surveys_bench", "--worker"],
            env=env,
            check=True,
        )


if __name__ == "__main__":
    if "--worker" in sys.argv:
        _worker()
    else:
        run()
