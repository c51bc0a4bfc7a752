"""Demo content: the council's cases for the year, with the body's preparation; some
the body was not given the chance to prepare."""

import datetime as dt
import random
from typing import Any

from jamkoll.accounts.roles import forget
from jamkoll.cases import services

TITLES = [
    "Budget och verksamhetsplan för nästa år",
    "Översiktsplan för kommunen",
    "Taxa för förskola och fritidshem",
    "Program för bostadsförsörjning",
    "Policy för föreningsbidrag",
    "Handlingsplan mot mäns våld mot kvinnor",
    "Ändring av reglemente för socialnämnden",
    "Plan för idrotts- och fritidsanläggningar",
    "Ägardirektiv för de kommunala bolagen",
    "Riktlinjer för medborgardialog",
    "Trafikstrategi",
    "Kulturpolitiskt program",
]


def load(ctx: Any) -> None:
    rng = random.Random(ctx.organisation.code)  # noqa: S311 - demo data, not security
    strateg = ctx.users["strateg"]
    for user in ctx.users.values():
        forget(user)  # roles in this new organisation were just assigned
    year = ctx.today.year
    boards = [u for k, u in ctx.units.items() if k.startswith("board")]
    meeting_days = [
        dt.date(year, m, d)
        for m, d in ((2, 23), (4, 20), (6, 15), (9, 21), (11, 23), (12, 14))
    ]
    number = 1
    for day in meeting_days:
        for _ in range(rng.randint(4, 7)):
            title = TITLES[(number - 1) % len(TITLES)]
            case = services.save_case(
                organisation=ctx.organisation,
                by=strateg,
                case_number=f"KS {year}/{number * 7:04d}",
                title=title,
                deciding_body=ctx.units["council"],
                meeting_on=day,
                responsible_board=rng.choice(boards),
                documents="Tjänsteskrivelse\nBeslutsunderlag",
            )
            number += 1
            if day > ctx.today:
                continue
            roll = rng.random()
            if roll < 0.6:
                services.record_preparation(
                    case=case,
                    by=strateg,
                    preparation="prepared",
                    statement="Beredningen tillstyrker förslaget med tillägg om könsuppdelad uppföljning.",
                    gender_assessment="Underlaget redovisar konsekvenser för kvinnor och män men saknar mål.",
                )
            elif roll < 0.85:
                services.record_preparation(
                    case=case,
                    by=strateg,
                    preparation="not_relevant",
                    not_relevant_reason="Ärendet är formellt och rör inte villkoren för kvinnor och män.",
                )
            else:
                services.record_preparation(
                    case=case,
                    by=strateg,
                    preparation="not_given_chance",
                    noticed_on=day - dt.timedelta(days=rng.randint(2, 10)),
                )
