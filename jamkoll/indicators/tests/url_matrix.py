import datetime as dt

from tests.matrix import ADMIN, ALL, STRATEGIST, UrlCase, statuses

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
