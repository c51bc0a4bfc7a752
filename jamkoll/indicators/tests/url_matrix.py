import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.matrix import ADMIN, ALL, STRATEGIST, PostCase, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)


def _setup(world):
    from jamkoll.indicators.models import Action, Goal, ImportRun, Indicator

    extra = {}
    for _key, org_world in (("own", world.own), ("other", world.other)):
        org = org_world.organisation
        local = Indicator.objects.create(
            organisation=org, source="local", code="L1", title="Lokal"
        )
        goal = Goal.objects.create(organisation=org, title="Mål")
        action = Action.objects.create(
            organisation=org,
            title="Åtgärd",
            owner=org_world.board,
            due_on=dt.date(2030, 1, 1),
        )
        run = ImportRun.objects.create(
            organisation=org,
            kpis=["N07609"],
            municipalities=[org.code],
            years=[2020],
            base_url="https://api.kolada.se/v3/",
            status="done",
        )
        extra[org.pk] = {
            "indicator": local.pk,
            "goal": goal.pk,
            "action": action.pk,
            "run": run.pk,
        }
    return extra


def _arg(name):
    return lambda o, e=None: [e[o.organisation.pk][name]]


CASES = [
    UrlCase("indicators:list", statuses(ALL), other=None),
    UrlCase("indicators:gaps", statuses(ALL), other=None),
    UrlCase("indicators:detail", statuses(ALL), _arg("indicator"), setup=_setup),
    UrlCase(
        "indicators:value_create", statuses(EDITORS), _arg("indicator"), setup=_setup
    ),
    UrlCase(
        "indicators:value_grid", statuses(EDITORS), _arg("indicator"), setup=_setup
    ),
    UrlCase("indicators:local_create", statuses(EDITORS), other=None),
    UrlCase("indicators:local_import", statuses(EDITORS), other=None),
    UrlCase("indicators:feed_chairs", statuses((), denied=405), other=None),
    UrlCase("indicators:comparison_group", statuses(EDITORS), other=None),
    UrlCase("indicators:import_start", statuses(EDITORS), other=None),
    UrlCase("indicators:import_detail", statuses(EDITORS), _arg("run"), setup=_setup),
    UrlCase("indicators:goal_list", statuses(ALL), other=None),
    UrlCase("indicators:goal_create", statuses(EDITORS), other=None),
    UrlCase("indicators:goal_detail", statuses(ALL), _arg("goal"), setup=_setup),
    UrlCase("indicators:goal_edit", statuses(EDITORS), _arg("goal"), setup=_setup),
    UrlCase("indicators:action_plan", statuses(ALL), other=None),
    UrlCase("indicators:action_create", statuses(EDITORS), other=None),
    UrlCase("indicators:action_detail", statuses(ALL), _arg("action"), setup=_setup),
    UrlCase("indicators:action_edit", statuses(EDITORS), _arg("action"), setup=_setup),
    UrlCase(
        "indicators:milestone_create", statuses(EDITORS), _arg("action"), setup=_setup
    ),
    UrlCase("indicators:charter", statuses(ALL), other=None),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "indicators:action_detail",
    "indicators:action_plan",
    "indicators:detail",
    "indicators:gaps",
    "indicators:goal_detail",
    "indicators:goal_list",
    "indicators:list",
    "indicators:local_import_detail",
}


# --- POST: indicators, goals, the action plan and the charter (issue 16) -------------
# Organisation-scoped forms are posted "to the other organisation" with its objects
# in the data, which the forms do not offer (400), or, where no field names an
# organisation's object, they act on the active one only (302) and the other
# organisation's state is unchanged; other roles are refused first (403).


def _setup_resumable(world):
    """Adds a failed run with nothing to fetch, so resuming it needs no Kolada."""
    from jamkoll.indicators.models import ImportRun

    extra = _setup(world)
    for org_world in (world.own, world.other):
        org = org_world.organisation
        extra[org.pk]["failed"] = ImportRun.objects.create(
            organisation=org,
            kpis=[],
            municipalities=[],
            years=[],
            base_url="http://127.0.0.1:9/",
            status="failed",
        ).pk
    return extra


def _local_values(org, extra=None):
    from jamkoll.indicators.models import LocalValue

    return sorted(
        LocalValue.objects.filter(organisation=org.organisation).values_list(
            "indicator__code", "period", "sub_period", "gender", "value"
        )
    )


def _indicators(org, extra=None):
    from jamkoll.indicators.models import Indicator

    return sorted(
        Indicator.objects.filter(organisation=org.organisation).values_list(
            "code", "title"
        )
    )


def _comparison_group(org, extra=None):
    from jamkoll.indicators.models import ComparisonGroup

    return sorted(
        ComparisonGroup.objects.filter(organisation=org.organisation).values_list(
            "name", "municipalities__code"
        )
    )


def _goals(org, extra=None):
    from jamkoll.indicators.models import Goal

    return sorted(
        Goal.objects.filter(organisation=org.organisation).values_list(
            "title", "indicators__pk"
        )
    )


def _actions(org, extra=None):
    from jamkoll.indicators.models import Action

    return sorted(
        Action.objects.filter(organisation=org.organisation).values_list(
            "title", "owner_id", "status", "progress"
        )
    )


def _milestones(org, extra=None):
    from jamkoll.indicators.models import Milestone

    return sorted(
        Milestone.objects.filter(action__organisation=org.organisation).values_list(
            "title", "due_on", "is_done"
        )
    )


def _signature(org, extra=None):
    from jamkoll.indicators.models import CharterSignature

    return list(
        CharterSignature.objects.filter(organisation=org.organisation).values_list(
            "signed_on"
        )
    )


def _run_state(org, extra=None):
    from jamkoll.indicators.models import ImportRun

    run = ImportRun.objects.get(pk=extra[org.organisation.pk]["failed"])
    return (run.status, run.history.count())


def _action_data(org, extra=None):
    return {
        "title": "Könsuppdelad brukarundersökning",
        "owner": org.board.pk,
        "due_on": "2027-06-30",
        "status": "in_progress",
        "progress": "40",
    }


def _csv(org, extra=None):
    return {
        "indicator": extra[org.organisation.pk]["indicator"],
        "file": SimpleUploadedFile(
            "varden.csv", b"period,gender,value\n2025,T,42\n", "text/csv"
        ),
    }


ORG_ONLY = {"other": 302, "other_refused": 403}
ORG_DATA = {"other": 400, "other_refused": 403}

POST_CASES = [
    PostCase(
        "indicators:value_create",
        EDITORS,
        _arg("indicator"),
        _local_values,
        data=lambda o, e=None: {
            "period": "2025",
            "sub_period": "0",
            "gender": "T",
            "value": "42",
        },
        setup=_setup,
    ),
    PostCase(
        "indicators:value_grid",
        EDITORS,
        _arg("indicator"),
        _local_values,
        data=lambda o, e=None: {"v-2025-K": "41,5", "v-2025-M": "38", "v-2025-T": ""},
        setup=_setup,
    ),
    PostCase(
        "indicators:local_create",
        EDITORS,
        lambda o, e=None: [],
        _indicators,
        data=lambda o, e=None: {
            "code": "L2",
            "title": "Andel kvinnor bland chefer",
            "unit": "%",
            "period_kind": "year",
        },
        **ORG_ONLY,
    ),
    PostCase(
        "indicators:local_import",
        EDITORS,
        lambda o, e=None: [],
        _local_values,
        data=_csv,
        setup=_setup,
        **ORG_DATA,
    ),
    PostCase(
        "indicators:feed_chairs",
        EDITORS,
        lambda o, e=None: [],
        _indicators,
        **ORG_ONLY,
    ),
    PostCase(
        "indicators:comparison_group",
        EDITORS,
        lambda o, e=None: [],
        _comparison_group,
        data=lambda o, e=None: {"name": "Liknande kommuner", "codes": "1880, 2480"},
        **ORG_ONLY,
    ),
    PostCase(
        "indicators:import_detail",
        EDITORS,
        _arg("failed"),
        _run_state,
        setup=_setup_resumable,
    ),
    PostCase(
        "indicators:goal_create",
        EDITORS,
        lambda o, e=None: [],
        _goals,
        data=lambda o, e=None: {
            "title": "Jämställd ekonomi",
            "indicators": [e[o.organisation.pk]["indicator"]],
        },
        setup=_setup,
        **ORG_DATA,
    ),
    PostCase(
        "indicators:goal_edit",
        EDITORS,
        _arg("goal"),
        _goals,
        data=lambda o, e=None: {"title": "Jämställd hälsa"},
        setup=_setup,
    ),
    PostCase(
        "indicators:action_create",
        EDITORS,
        lambda o, e=None: [],
        _actions,
        data=_action_data,
        **ORG_DATA,
    ),
    PostCase(
        "indicators:action_edit",
        EDITORS,
        _arg("action"),
        _actions,
        data=_action_data,
        setup=_setup,
    ),
    PostCase(
        "indicators:milestone_create",
        EDITORS,
        _arg("action"),
        _milestones,
        data=lambda o, e=None: {"title": "Enkäten skickad", "due_on": "2027-03-31"},
        setup=_setup,
    ),
    # Everyone reads the charter page; only editors record the signing date.
    PostCase(
        "indicators:charter",
        EDITORS,
        lambda o, e=None: [],
        _signature,
        data=lambda o, e=None: {"signed_on": "2026-03-08"},
        **ORG_ONLY,
    ),
]


# --- POST: starting a Kolada import (issue 16) ---------------------------------------


def _import_runs(org, extra=None):
    from jamkoll.indicators.models import ImportRun

    return sorted(
        ImportRun.objects.filter(organisation=org.organisation).values_list(
            "kpis", "municipalities", "years", "started_by_id"
        )
    )


def _no_kolada():
    """The import task is not run: the matrix proves who may register an import,
    and nothing reaches Kolada or waits for it (the task is tested with a stub in
    test_views.py)."""
    from unittest import mock

    return mock.patch("jamkoll.indicators.views.tasks")


# The form names no organisation's object: the run is registered for the active
# organisation only (302), the other one's runs are unchanged.
POST_CASES.append(
    PostCase(
        "indicators:import_start",
        EDITORS,
        lambda o, e=None: [],
        _import_runs,
        data=lambda o, e=None: {
            "kpis": "N07609",
            "municipalities": f"{o.organisation.code}, 0000",
            "years": "2020-2022",
        },
        patch=_no_kolada,
        **ORG_ONLY,
    )
)


# --- Local figures imported in the background: the progress page (issue 12) ---------


def _setup_local_imports(world):
    from jamkoll.indicators.models import Indicator, LocalImport

    extra = {}
    for org in (world.own, world.other):
        indicator = Indicator.objects.create(
            organisation=org.organisation, source="local", code="L1", title="Lokal"
        )
        job = LocalImport.objects.create(
            organisation=org.organisation,
            indicator=indicator,
            filename="varden.csv",
            kind="csv",
        )
        extra[org.organisation.pk] = {"job": job.pk}
    return extra


CASES.append(
    UrlCase(
        "indicators:local_import_detail",
        statuses(EDITORS),
        _arg("job"),
        setup=_setup_local_imports,
    )
)
