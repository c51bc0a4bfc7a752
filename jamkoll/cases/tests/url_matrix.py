import datetime as dt

from jamkoll.cases.models import Case
from tests.matrix import ADMIN, ALL, STRATEGIST, UrlCase, statuses

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
    UrlCase("cases:detail", statuses(ALL), _pk, setup=_setup),
    UrlCase("cases:edit", statuses(EDITORS), _pk, setup=_setup),
    UrlCase("cases:prepare", statuses(EDITORS), _pk, setup=_setup),
]
