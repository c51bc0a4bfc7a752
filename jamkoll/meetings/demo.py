"""Demo content: a year of the body's meetings with agendas and minutes (most of them
approved), two dialogue meetings with commitments and development needs, a year wheel."""

import datetime as dt
from typing import Any

from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.accounts.roles import forget
from jamkoll.meetings import posting, recurrence, services
from jamkoll.meetings.models import Minutes
from jamkoll.members.models import Membership, Person

AGENDA = [
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


def _link_account(chair: Any, politiker: Any, org: Any) -> None:
    """The demo politician is the current chair; an earlier chair gets an account of
    their own (no password: it only signed the earlier minutes)."""
    if not Person.objects.filter(organisation=org, user=politiker).exists():
        chair.user = politiker
    else:
        user, created = User.objects.get_or_create(
            username=f"ordforande-{org.code}-{chair.pk}",
            defaults={"first_name": chair.first_name, "last_name": chair.last_name},
        )
        if created:
            user.set_unusable_password()
            user.save()
            RoleAssignment.objects.create(
                user=user, organisation=org, role=Role.POLITICIAN
            )
        chair.user = user
    chair.save(update_fields=["user"])


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
    if body.body_form == "committee":
        # An utskott's minutes are posted: the approval goes on the notice board.
        services.save_minutes_settings(
            body=body, by=strateg, posts_minutes=True, reminder_after_days=3
        )
    current_chair = _chair_on(body, ctx.today)
    if current_chair is not None and current_chair.user_id is None:
        _link_account(current_chair, politiker, org)
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
            standard_items=True,
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
        report = next(i for i in items if not i.standard)
        services.save_item_minutes(
            item=report,
            by=strateg,
            discussion="Socialförvaltningen redovisade statistik uppdelad på kön för biståndsbeslut.",
            decision="Beredningen tackar för redovisningen och begär en analys av skillnaderna.",
            responsible="Socialförvaltningen",
        )
        owner = _chair_on(body, held_on) or (mandates[0].person if mandates else None)
        if owner is not None:
            # Work for the body's own people is an assignment (uppdrag) with an owner;
            # work for the administration would be a demand raised at the item.
            assignment = services.add_decision(
                item=report,
                by=strateg,
                text=(
                    "Förbereda frågor till dialogmötet med socialnämnden om skillnader "
                    "mellan kvinnor och män i beviljade insatser."
                ),
                owner=owner,
                due_on=held_on + dt.timedelta(days=90),
            )
            if held_on + dt.timedelta(days=120) < ctx.today:
                # Earlier meetings' assignments were reported back on time.
                services.follow_up_decision(
                    decision=assignment,
                    by=strateg,
                    follow_up="Frågorna skickades till socialnämnden inför dialogmötet.",
                    completed_on=held_on + dt.timedelta(days=60),
                )
        chair = _chair_on(body, held_on)
        if chair is None:
            continue
        if chair.user_id is None:
            _link_account(chair, politiker, org)
        services.save_minutes(
            minutes=meeting.minutes,
            by=strateg,
            remarks="",
            approvers=[chair],
            chair=chair,
            secretary="Siri Strateg",
        )
        services.send_for_approval(minutes=meeting.minutes, by=strateg)
        if index < len(dates) - 2 or held_on < ctx.today - dt.timedelta(days=30):
            signed_at = timezone.make_aware(
                dt.datetime.combine(held_on + dt.timedelta(days=7), dt.time(10, 30))
            )
            sent = Minutes.objects.get(pk=meeting.minutes.pk)
            services.approve_minutes(
                minutes=sent,
                by=chair.user,
                round=sent.round,
                version=sent.version,
                now=signed_at,
            )
            if services.settings_for(body).posts_minutes:
                posted = posting.period_end(signed_at.date(), 1)
                services.record_posting(
                    minutes=sent,
                    by=strateg,
                    posted_on=posted,
                    taken_down_on=posting.earliest_take_down(posted),
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
