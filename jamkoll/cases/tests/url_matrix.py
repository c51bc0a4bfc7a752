import datetime as dt

from django.apps import apps

from jamkoll.cases.models import Case, NotGivenListRaising
from tests.matrix import ADMIN, ALL, STRATEGIST, PostCase, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)


def _case(org_world) -> Case:
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number="KS 2026/0001",
        title="Översiktsplan för Åby",
        deciding_body=org_world.council,
        meeting_on=dt.date(2026, 4, 20),
        responsible_board=org_world.board,
    )


def _setup(world):
    return {
        world.own.organisation.pk: _case(world.own),
        world.other.organisation.pk: _case(world.other),
    }


def _pk(org, extra=None):
    return [extra[org.organisation.pk].pk]


CASES = [
    UrlCase("cases:list", statuses(ALL), other=None),
    UrlCase("cases:create", statuses(EDITORS), other=None),
    UrlCase("cases:import", statuses(EDITORS), other=None),
    UrlCase("cases:coverage", statuses(ALL), other=None, query="?year=2026"),
    UrlCase("cases:not_given_print", statuses(ALL), other=None, query="?year=2026"),
    UrlCase(
        "cases:not_given_raising_create",
        statuses(EDITORS),
        other=None,
        query="?year=2026",
    ),
    UrlCase("cases:detail", statuses(ALL), _pk, setup=_setup),
    UrlCase("cases:edit", statuses(EDITORS), _pk, setup=_setup),
    UrlCase("cases:prepare", statuses(EDITORS), _pk, setup=_setup),
]


# --- The chair raised the not-given list in KF (issue 16, item 4) ------------------


def _raisings(org, extra=None):
    return list(
        NotGivenListRaising.objects.filter(organisation=org.organisation).values_list(
            "body_id", "raised_on", "paragraph_reference"
        )
    )


def _raising_data(org, extra=None):
    return {
        "year": "2026",
        "body": org.council.pk,
        "raised_on": "2026-03-16",
        "paragraph_reference": "KF § 45",
        "raised_by": org.person.pk,
    }


# --- Meeting → case: the body's decision records the preparation (issue 16, item 2) --


def _case_at_meeting(org_world):
    case = _case(org_world)
    meeting = apps.get_model("meetings", "Meeting").objects.create(
        organisation=org_world.organisation,
        body=org_world.body,
        held_on=dt.date(2026, 4, 14),
        starts_at=dt.time(13, 0),
        title="Sammanträde april",
    )
    apps.get_model("meetings", "Minutes").objects.create(meeting=meeting)
    item = apps.get_model("meetings", "AgendaItem").objects.create(
        meeting=meeting,
        position=1,
        title="Beredning av översiktsplanen",
        source_ref=f"cases.case:{case.pk}",
    )
    return {"case": case, "meeting": meeting, "item": item}


def _setup_meeting(world):
    return {
        world.own.organisation.pk: _case_at_meeting(world.own),
        world.other.organisation.pk: _case_at_meeting(world.other),
    }


def _meeting_pk(org, extra=None):
    return [extra[org.organisation.pk]["meeting"].pk]


def _case_preparation(org, extra=None):
    case = Case.objects.get(pk=extra[org.organisation.pk]["case"].pk)
    return (case.preparation, case.statement, case.prepared_at_id)


def _minutes_data(org, extra=None):
    prefix = f"item-{extra[org.organisation.pk]['item'].pk}"
    return {
        f"{prefix}-discussion": "",
        f"{prefix}-decision": "Utskottet lämnar yttrande.",
        f"{prefix}-responsible": "",
        f"{prefix}-outcome-outcome": "prepared",
        f"{prefix}-outcome-text": "Utskottet tillstyrker.",
        f"{prefix}-outcome-gender_assessment": "Konsekvenser för kvinnor och män saknas.",
        "secretary": "Sekreterare",
        "remarks": "",
    }


POST_CASES = [
    PostCase(
        "cases:not_given_raising_create",
        EDITORS,
        lambda org, extra=None: [],
        _raisings,
        data=_raising_data,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "meetings:minutes_edit",
        EDITORS,
        _meeting_pk,
        _case_preparation,
        data=_minutes_data,
        setup=_setup_meeting,
    ),
]


# --- POST: registering, editing and preparing a case (issue 16) ----------------------


def _cases_of(org, extra=None):
    return sorted(
        Case.objects.filter(organisation=org.organisation).values_list(
            "case_number",
            "title",
            "deciding_body_id",
            "preparation",
            "not_relevant_reason",
        )
    )


def _case_data(org, extra=None):
    return {
        "case_number": "KS 2026/0042",
        "title": "Riktlinjer för bostadsanpassning",
        "deciding_body": org.council.pk,
        "meeting_on": "2026-12-14",
        "responsible_board": org.board.pk,
    }


POST_CASES += [
    # The other organisation's council is not offered as the deciding body (400).
    PostCase(
        "cases:create",
        EDITORS,
        lambda o, e=None: [],
        _cases_of,
        data=_case_data,
        other=400,
        other_refused=403,
    ),
    PostCase("cases:edit", EDITORS, _pk, _cases_of, data=_case_data, setup=_setup),
    PostCase(
        "cases:prepare",
        EDITORS,
        _pk,
        _cases_of,
        data=lambda o, e=None: {
            "preparation": "not_relevant",
            "not_relevant_reason": "Ärendet gäller taxor och avgifter.",
        },
        setup=_setup,
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "cases:coverage",
    "cases:detail",
    "cases:list",
    "cases:not_given_print",
    "cases:import_detail",
}


# --- POST: importing the council's case list (issue 16) ------------------------------


def _import_data(org, extra=None):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = (
        "Diarienummer;Rubrik;Beslutande organ;Sammanträdesdatum;Ansvarig nämnd\n"
        "KS 2026/0077;Lokalförsörjningsplan;Kommunfullmäktige;2026-06-15;"
        "Socialnämnden\n"
    )
    return {"file": SimpleUploadedFile("arenden.csv", content.encode(), "text/csv")}


# The file names no organisation's object: it is imported into the active
# organisation only (200 with the report), the other one's cases are unchanged.
POST_CASES.append(
    PostCase(
        "cases:import",
        EDITORS,
        lambda o, e=None: [],
        _cases_of,
        data=_import_data,
        other=200,
        other_refused=403,
    )
)


# --- A case list imported in the background: its progress page (issue 12) ------------


def _setup_import_jobs(world):
    from jamkoll.cases.models import CaseImport

    return {
        org.organisation.pk: CaseImport.objects.create(
            organisation=org.organisation, filename="arenden.xlsx", kind="xlsx"
        )
        for org in (world.own, world.other)
    }


CASES.append(
    UrlCase("cases:import_detail", statuses(EDITORS), _pk, setup=_setup_import_jobs)
)
