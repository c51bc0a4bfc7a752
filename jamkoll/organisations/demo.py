"""The three demo organisations, modelled on the seed texts (Umeå, Örebro, Eskilstuna)."""

from dataclasses import dataclass, field
from decimal import Decimal

from jamkoll.organisations.models import Organisation, RemitTask, Unit


@dataclass(frozen=True)
class OrganisationPlan:
    name: str
    code: str
    body_name: str
    body_form: str
    body_reports_to: str  # "council" or "executive_board"
    body_budget: int
    boards: list[str]
    companies: list[str]
    remit: list[str] = field(default_factory=list)


COMMON_REMIT = [
    "Initiera, granska och följa upp övergripande frågor ur ett jämställdhetsperspektiv.",
    "Utveckla strategier för att nå de jämställdhetspolitiska målen.",
    "Öka kunskapen om jämställdhet inom alla politikområden.",
    "Inhämta och sprida kunskap från forskning, lagstiftning, andra kommuner och myndigheter.",
]

PLANS = [
    OrganisationPlan(
        name="Umeå kommun",
        code="2480",
        body_name="Jämställdhetsutskottet",
        body_form=Unit.BodyForm.COMMITTEE,
        body_reports_to="council",
        body_budget=1_200_000,
        boards=[
            "För- och grundskolenämnden",
            "Gymnasienämnden",
            "Individ- och familjenämnden",
            "Äldrenämnden",
            "Fritidsnämnden",
            "Kulturnämnden",
            "Tekniska nämnden",
        ],
        companies=["Umeå Energi AB", "AB Bostaden i Umeå"],
        remit=[
            *COMMON_REMIT,
            "Bereda ärenden till kommunfullmäktige ur ett jämställdhetsperspektiv.",
            "Ordföranden får påtala i fullmäktige när utskottet inte getts möjlighet att bereda ett ärende.",
        ],
    ),
    OrganisationPlan(
        name="Örebro kommun",
        code="1880",
        body_name="Jämställdhetsdelegationen",
        body_form=Unit.BodyForm.DELEGATION,
        body_reports_to="executive_board",
        body_budget=900_000,
        boards=[
            "Förskole- och grundskolenämnden",
            "Social- och arbetsmarknadsnämnden",
            "Vård- och omsorgsnämnden",
            "Kultur- och fritidsnämnden",
            "Samhällsbyggnadsnämnden",
            "Gymnasie- och vuxenutbildningsnämnden",
        ],
        companies=[
            "Örebrobostäder AB",
            "Örebro Rådhus AB",
            "Länsgården Fastigheter AB",
        ],
        remit=[
            *COMMON_REMIT,
            "Integrera CEMR-deklarationen i alla beslut, all planering och verksamhet.",
            "Äga kommunens plan för jämställdhet och icke-diskriminering.",
            "Kalla nämnder och bolag till dialog.",
            "Genomföra en årlig enkät till politiker om deras villkor som förtroendevalda.",
        ],
    ),
    OrganisationPlan(
        name="Eskilstuna kommun",
        code="0484",
        body_name="Jämställdhetsberedningen",
        body_form=Unit.BodyForm.DRAFTING_COMMITTEE,
        body_reports_to="executive_board",
        body_budget=750_000,
        boards=[
            "Barn- och utbildningsnämnden",
            "Socialnämnden",
            "Vård- och omsorgsnämnden",
            "Kultur- och fritidsnämnden",
            "Miljö- och räddningstjänstnämnden",
            "Arbetsmarknads- och familjenämnden",
        ],
        companies=[
            "Eskilstuna Energi och Miljö AB",
            "Kommunfastigheter i Eskilstuna AB",
        ],
        remit=[
            *COMMON_REMIT,
            "Genomföra dialogmöten med förvaltningar och kommunala bolag.",
            "Varje år redovisa idéer och förslag på utvecklingsområden till kommunstyrelsen.",
        ],
    ),
]


def _unit(
    org: Organisation, name: str, kind: str, parent: Unit | None, **extra: object
) -> Unit:
    unit = Unit(organisation=org, name=name, kind=kind, parent=parent, **extra)
    unit.full_clean()
    unit.save()
    return unit


def administration_name(board: str) -> str:
    return board.replace("nämnden", "förvaltningen")


def build(plan: OrganisationPlan) -> dict[str, Unit]:
    """Create the organisation and its unit tree; returns units by role name."""
    org = Organisation.objects.create(name=plan.name, code=plan.code)
    council = _unit(org, "Kommunfullmäktige", Unit.Kind.COUNCIL, None, short_name="KF")
    ks = _unit(
        org, "Kommunstyrelsen", Unit.Kind.EXECUTIVE_BOARD, council, short_name="KS"
    )
    _unit(org, "Kommunledningsförvaltningen", Unit.Kind.ADMINISTRATION, ks)
    units: dict[str, Unit] = {"council": council, "executive_board": ks}
    for index, board_name in enumerate(plan.boards):
        board = _unit(org, board_name, Unit.Kind.BOARD, council)
        units[f"board{index}"] = board
        units[f"administration{index}"] = _unit(
            org, administration_name(board_name), Unit.Kind.ADMINISTRATION, board
        )
    for index, company in enumerate(plan.companies):
        units[f"company{index}"] = _unit(org, company, Unit.Kind.COMPANY, ks)
    body = _unit(
        org,
        plan.body_name,
        Unit.Kind.EQUALITY_BODY,
        units[plan.body_reports_to],
        body_form=plan.body_form,
        budget=Decimal(plan.body_budget),
        yearly_meeting_target=10,
    )
    RemitTask.objects.bulk_create(
        RemitTask(unit=body, text=text, position=i) for i, text in enumerate(plan.remit)
    )
    units["body"] = body
    return units
