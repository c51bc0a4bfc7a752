"""Demo content: a year of the body's meetings with agendas and minutes (most of them
approved), two dialogue meetings with commitments and development needs, a year wheel."""

import datetime as dt
from typing import Any

from jamkoll.accounts.roles import forget
from jamkoll.meetings import recurrence, services
from jamkoll.members.models import Membership

AGENDA = [
    ("Mötets öppnande och val av justerare", "Ordföranden", 5),
    (
        "Återrapportering: könsuppdelad statistik i socialtjänsten",
        "Jämställdhetsstrategen",
        30,
    ),
    ("Information om budgetdialogerna", "Ekonomichefen", 20),
    ("Ärenden till kommunfullmäktige", "Jämställdhetsstrategen", 25),
    ("Övriga frågor och mötets avslutande", "Ordföranden", 10),
]
WHEEL = [
    (
        "Beredningens sammanträde",
        "meeting",
        "nth_weekday",
        "1,2,3,4,5,6,9,10,11,12",
        None,
        1,
        2,
        dt.time(13),
    ),
    (
        "Budgetdialog med nämnderna",
        "budget_dialogue",
        "nth_weekday",
        "3",
        None,
        2,
        3,
        dt.time(9),
    ),
    ("Tertialrapport 1", "tertial_report", "fixed_date", "5", 15, None, None, None),
    (
        "Delårsrapport per augusti",
        "interim_report",
        "fixed_date",
        "9",
        30,
        None,
        None,
        None,
    ),
    ("Årsredovisning", "annual_report", "fixed_date", "3", 31, None, None, None),
    (
        "Beredningens årsrapport till KS",
        "yearly_report",
        "fixed_date",
        "2",
        15,
        None,
        None,
        None,
    ),
    ("Politikerenkäten är öppen", "survey", "fixed_date", "10", 1, None, None, None),
]


def _chair_on(body: Any, day: dt.date) -> Any:
    mandate = (
        Membership.objects.filter(
            unit=body, role=Membership.Role.CHAIR, term__starts_on__lte=day
        )
        .exclude(term__ends_on__lt=day)
        .select_related("person")
        .first()
    )
    return mandate.person if mandate else None


def load(ctx: Any) -> None:
    strateg, politiker = ctx.users["strateg"], ctx.users["politiker"]
    for user in ctx.users.values():
        forget(user)  # roles in this new organisation were just assigned
    org, body = ctx.organisation, ctx.units["body"]
    year = ctx.today.year
    for title, category, pattern, months, day, weekday, nth, starts in WHEEL:
        services.save_rule(
            organisation=org,
            by=strateg,
            title=title,
            category=category,
            pattern=pattern,
            months=months,
            day=day,
            weekday=weekday,
            nth=nth,
            starts_at=starts,
        )
    dates = recurrence.dates_in_year(
        year=year,
        pattern="nth_weekday",
        months=[1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
        weekday=1,
        nth=2,
    )
    for index, held_on in enumerate(dates):
        meeting = services.save_meeting(
            organisation=org,
            by=strateg,
            body=body,
            held_on=held_on,
            starts_at=dt.time(13),
            ends_at=dt.time(16),
            place="Stadshuset, sammanträdesrum Ekén",
        )
        for title, presenter, minutes in AGENDA:
            services.save_agenda_item(
                meeting=meeting,
                by=strateg,
                title=title,
                presenter=presenter,
                planned_minutes=minutes,
            )
        if held_on >= ctx.today:
            continue
        mandates = services.body_mandates(meeting)
        services.record_attendance(
            meeting=meeting,
            by=strateg,
            capacities={
                m.person_id: "member"
                for m in mandates[: max(1, len(mandates) // 2 + 1)]
                if m.role != Membership.Role.SUBSTITUTE
            },
            officials=["Siri Strateg, jämställdhetsstrateg (sekreterare)"],
        )
        items = list(meeting.agenda_items.all())
        services.save_item_minutes(
            item=items[1],
            by=strateg,
            discussion="Socialförvaltningen redovisade statistik uppdelad på kön för biståndsbeslut.",
            decision="Beredningen tackar för redovisningen och begär en analys av skillnaderna.",
            responsible="Socialförvaltningen",
        )
        services.add_decision(
            item=items[1],
            by=strateg,
            text="Analysera skillnader mellan kvinnor och män i beviljade insatser.",
            responsible="Socialförvaltningen",
            due_on=held_on + dt.timedelta(days=90),
        )
        chair = _chair_on(body, held_on)
        if chair is None:
            continue
        if chair.user_id is None:
            # The demo politician signs as the body's chair in both terms.
            chair.user = politiker
            chair.save(update_fields=["user"])
        services.save_minutes(
            minutes=meeting.minutes, by=strateg, remarks="", approvers=[chair]
        )
        if index < len(dates) - 2 or held_on < ctx.today - dt.timedelta(days=30):
            services.approve_minutes(
                minutes=meeting.minutes,
                by=politiker,
                today=held_on + dt.timedelta(days=7),
            )
    _dialogues(ctx, strateg)


def _dialogues(ctx: Any, strateg: Any) -> None:
    org = ctx.organisation
    plans = [
        (
            ctx.units["board2"],
            dt.date(ctx.today.year, 4, 21),
            [
                (
                    "Redovisa väntetider till särskilt boende för kvinnor och män.",
                    "Förvaltningschefen",
                    60,
                ),
                ("Ta fram könsuppdelad brukarundersökning.", "Kvalitetsstrategen", 150),
            ],
            [
                "Beslutsunderlag saknar konsekvensanalys för kvinnor och män.",
                "Brukarundersökningen redovisas inte per kön.",
            ],
        ),
        (
            ctx.units["company0"],
            dt.date(ctx.today.year, 10, 6),
            [
                (
                    "Redovisa andelen kvinnor och män bland sökande till lägenheter.",
                    "VD",
                    90,
                ),
            ],
            ["Bolagets ägardirektiv saknar jämställdhetsmål."],
        ),
    ]
    for unit, held_on, commitments, needs in plans:
        meeting = services.save_meeting(
            organisation=org,
            by=strateg,
            body=ctx.units["body"],
            kind="dialogue",
            title=f"Dialogmöte med {unit}",
            held_on=held_on,
            starts_at=dt.time(9),
            ends_at=dt.time(11),
            counterpart=unit,
            place="Stadshuset",
            participants="Ordförande i nämnden\nFörvaltningschef",
        )
        services.add_question(
            meeting=meeting,
            by=strateg,
            text="Hur följer ni upp att insatserna fördelas likvärdigt mellan kvinnor och män?",
        )
        services.add_question(
            meeting=meeting,
            by=strateg,
            text="Vilka jämställdhetsmål finns i er verksamhetsplan för nästa år?",
        )
        services.mark_questions_sent(
            meeting=meeting, by=strateg, sent_on=held_on - dt.timedelta(days=14)
        )
        for text, owner, days in commitments:
            services.add_commitment(
                meeting=meeting,
                by=strateg,
                text=text,
                owner=owner,
                due_on=held_on + dt.timedelta(days=days),
            )
        for text in needs:
            services.add_development_need(meeting=meeting, by=strateg, text=text)
