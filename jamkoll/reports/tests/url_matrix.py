from tests.matrix import ADMIN, ALL, POLITICIAN, STRATEGIST, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)
# Managers and readers see the report page but do not generate the documents.
DOWNLOADERS = (ADMIN, STRATEGIST, POLITICIAN)


def _areas(world):  # type: ignore[no-untyped-def]
    from jamkoll.reports.models import DevelopmentArea, YearlyReport

    areas = {}
    for org_world in (world.own, world.other):
        report = YearlyReport.objects.create(
            organisation=org_world.organisation, year=2026
        )
        areas[org_world.organisation.code] = DevelopmentArea.objects.create(
            report=report,
            title="Könsuppdelad statistik",
            rationale="Saknas i underlagen.",
        )
    return areas


def _area_args(org, extra=None):  # type: ignore[no-untyped-def]
    return [extra[org.organisation.code].pk]


CASES = [
    UrlCase("reports:index", statuses(ALL), other=None),
    UrlCase("reports:detail", statuses(ALL), lambda o, e=None: [2026], other=None),
    UrlCase(
        "reports:edit_texts", statuses(EDITORS), lambda o, e=None: [2026], other=None
    ),
    UrlCase(
        "reports:area_create", statuses(EDITORS), lambda o, e=None: [2026], other=None
    ),
    UrlCase("reports:area_edit", statuses(EDITORS), _area_args, setup=_areas),
    UrlCase("reports:area_delete", statuses(EDITORS), _area_args, setup=_areas),
    # Status changes are POST only; a GET is refused for everyone.
    UrlCase(
        "reports:change_status",
        statuses((), denied=405),
        lambda o, e=None: [2026],
        other=None,
    ),
    UrlCase(
        "reports:versions", statuses(EDITORS), lambda o, e=None: [2026], other=None
    ),
    UrlCase(
        "reports:download",
        statuses(DOWNLOADERS),
        lambda o, e=None: [2026, "docx"],
        other=None,
    ),
]
