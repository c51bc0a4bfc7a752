"""Demo indicators, goals and an action plan (`ctx` is `dashboard.demo.DemoContext`,
not imported: layers).

The values are generated, realistic-looking *demo values*, not real Kolada figures;
the indicators are flagged ``is_demo`` and every page showing them says so.
KPI ids used (Kolada ids of KPIs split by sex; titles shortened for the demo):

* N07609 – invånare 16–84 år som känner sig otrygga vid utevistelse sen kväll
  (id and title checked against a recorded Kolada answer in tests/fixtures);
* N00967 – sjukpenningtal;
* N01720 – arbetslösa eller i åtgärd 16–64 år;
* N11800 – förvärvsarbetande invånare 20–64 år;
* N15413 – meritvärde i åk 9;
* N15446 – elever i åk 9 behöriga till yrkesprogram;
* N00953 – invånare 25–64 år med eftergymnasial utbildning;
* N00945 – ohälsotal.

Apart from N07609 the ids and titles come from memory and secondary sources and
should be checked against Kolada before the demo is shown as anything but a demo.
The CEMR signing date given to Örebro (1880) is likewise a demo date.
"""

import datetime as dt
import math
from typing import Any

from jamkoll.indicators import services
from jamkoll.indicators.models import (
    RIKET,
    CharterArticle,
    Indicator,
    Municipality,
    NationalGoal,
    Value,
)

YEARS = range(2015, 2026)
#: id, title, unit, women 2015, men 2015, yearly change women, yearly change men
KPIS = [
    (
        "N07609",
        "Invånare 16–84 år som känner sig otrygga vid utevistelse sen kväll, andel (%)",
        "%",
        38.0,
        15.0,
        -0.3,
        0.1,
    ),
    ("N00967", "Sjukpenningtal, dagar per försäkrad", "dagar", 13.5, 7.4, -0.2, -0.1),
    (
        "N01720",
        "Arbetslösa eller i åtgärd 16–64 år, andel (%)",
        "%",
        7.2,
        8.1,
        0.05,
        -0.05,
    ),
    (
        "N11800",
        "Förvärvsarbetande invånare 20–64 år, andel (%)",
        "%",
        76.0,
        80.5,
        0.35,
        0.15,
    ),
    (
        "N15413",
        "Meritvärde åk 9, genomsnitt (17 ämnen)",
        "poäng",
        238.0,
        212.0,
        0.4,
        0.6,
    ),
    (
        "N15446",
        "Elever i åk 9 behöriga till yrkesprogram, andel (%)",
        "%",
        86.0,
        82.0,
        0.1,
        0.3,
    ),
    (
        "N00953",
        "Invånare 25–64 år med eftergymnasial utbildning, andel (%)",
        "%",
        48.0,
        36.0,
        0.6,
        0.3,
    ),
    (
        "N00945",
        "Ohälsotal, dagar per registrerad försäkrad",
        "dagar",
        32.0,
        22.0,
        -0.7,
        -0.4,
    ),
]
CEMR_SIGNED = {"1880": dt.date(2013, 6, 11)}


def _values(org_code: str, offset: float) -> list[tuple[str, int, str, float]]:
    rows = []
    for k, (kpi, _title, _unit, women, men, dw, dm) in enumerate(KPIS):
        for i, year in enumerate(YEARS):
            wobble = math.sin(i * 1.3 + k) * 0.4
            w = round(women + offset + dw * i + wobble, 1)
            m = round(men + offset * 0.8 + dm * i - wobble / 2, 1)
            rows.append((kpi, year, "K", w))
            rows.append((kpi, year, "M", m))
            rows.append((kpi, year, "T", round((w + m) / 2, 1)))
    return rows


def load(ctx: Any) -> None:
    org, strategist = ctx.organisation, ctx.users["strateg"]
    indicators = {}
    for kpi, title, unit, *_ in KPIS:
        indicator, _created = Indicator.objects.get_or_create(
            code=kpi,
            organisation=None,
            defaults={
                "title": title,
                "unit": unit,
                "source": "kolada",
                "is_demo": True,
            },
        )
        indicators[kpi] = indicator
    places = {org.code: 0.0, RIKET: -1.0}
    peers = [code for code in ("0484", "1880", "2480") if code != org.code]
    for n, code in enumerate(peers):
        places[code] = 0.6 * (n + 1)
    for code, offset in places.items():
        municipality = services.municipality_for_code(
            code, "Riket" if code == RIKET else ""
        )
        Value.objects.bulk_create(
            [
                Value(
                    indicator=indicators[k],
                    municipality=municipality,
                    period=y,
                    gender=g,
                    value=v,
                )
                for k, y, g, v in _values(code, offset + int(org.code) % 3 * 0.5)
            ],
            update_conflicts=True,
            unique_fields=["indicator", "municipality", "period", "gender"],
            update_fields=["value"],
        )
    Municipality.objects.filter(code=org.code, title="").update(title=org.name)
    services.save_comparison_group(
        organisation=org, by=strategist, name="Jämförbara kommuner", codes=peers
    )
    if org.code in CEMR_SIGNED:
        services.set_charter_signature(
            organisation=org, by=strategist, signed_on=CEMR_SIGNED[org.code]
        )
    _plan(ctx, indicators)
    services.feed_chair_representation(organisation=org, by=strategist)


def _plan(ctx: Any, indicators: dict[str, Indicator]) -> None:
    org, by, units = ctx.organisation, ctx.users["strateg"], ctx.units
    sub = {g.number: g for g in NationalGoal.objects.all()}
    art = {a.number: a for a in CharterArticle.objects.all()}
    goals = {
        "power": services.save_goal(
            organisation=org,
            by=by,
            title="Jämn fördelning av makt i nämnder och bolag",
            description="Andelen kvinnor bland ordförande och i bolagsstyrelser ska vara minst 40 procent.",
            national_goals=[sub[1]],
            articles=[art[2], art[3]],
            indicators=[],
        ),
        "work": services.save_goal(
            organisation=org,
            by=by,
            title="Jämställd hälsa och arbetsmiljö",
            description="Sjukfrånvaron bland kvinnor i kommunens verksamheter ska minska.",
            national_goals=[sub[2], sub[5]],
            articles=[art[11], art[14]],
            indicators=[indicators["N00967"], indicators["N00945"]],
        ),
        "safety": services.save_goal(
            organisation=org,
            by=by,
            title="Trygga offentliga miljöer för alla",
            description="Skillnaden i upplevd trygghet mellan kvinnor och män ska minska.",
            national_goals=[sub[6]],
            articles=[art[21], art[25]],
            indicators=[indicators["N07609"]],
        ),
    }
    today = ctx.today
    actions = [
        (
            "Jämställdhetsanalys av föreningsbidragen",
            "board0",
            120,
            "in_progress",
            60,
            ["safety"],
            [6],
            [9, 20],
        ),
        (
            "Trygghetsvandringar i tre bostadsområden",
            "administration0",
            60,
            "in_progress",
            40,
            ["safety"],
            [6],
            [21, 25],
        ),
        (
            "Belysningsplan för gång- och cykelvägar",
            "board1",
            300,
            "planned",
            0,
            ["safety"],
            [6],
            [25, 26],
        ),
        (
            "Heltid som norm i vård och omsorg",
            "board2",
            200,
            "in_progress",
            35,
            ["work"],
            [2],
            [11],
        ),
        (
            "Kartläggning av sjukfrånvaro per kön och arbetsplats",
            "administration2",
            -30,
            "done",
            100,
            ["work"],
            [5],
            [11, 14],
        ),
        (
            "Utbildning i jämställdhetsintegrering för nämndernas presidier",
            "executive_board",
            90,
            "in_progress",
            50,
            ["power"],
            [1],
            [2, 9],
        ),
        (
            "Nomineringsrutin för jämn fördelning i bolagsstyrelser",
            "council",
            150,
            "planned",
            10,
            ["power"],
            [1],
            [3],
        ),
        (
            "Könsuppdelad statistik i alla verksamhetsberättelser",
            "executive_board",
            -10,
            "in_progress",
            70,
            ["power", "work"],
            [1, 2],
            [9],
        ),
    ]
    for title, unit_key, days, status, progress, goal_keys, subs, arts in actions:
        action = services.save_action(
            organisation=org,
            by=by,
            title=title,
            owner=units.get(unit_key, units["executive_board"]),
            due_on=today + dt.timedelta(days=days),
            status=status,
            progress=progress,
            goals=[goals[k] for k in goal_keys],
            national_goals=[sub[n] for n in subs],
            articles=[art[n] for n in arts],
        )
        services.save_milestone(
            action=action,
            by=by,
            title="Delrapport till jämställdhetsberedningen",
            due_on=today + dt.timedelta(days=days // 2),
            is_done=status == "done",
        )
