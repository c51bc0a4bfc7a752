import datetime as dt

from tests.matrix import (
    ADMIN,
    ALL,
    POLITICIAN,
    STRATEGIST,
    PostCase,
    UrlCase,
    statuses,
)

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

# --- What KS or KF decided on the areas, and their follow-up (issue 16) -------------


def _adopted_areas(world):  # type: ignore[no-untyped-def]
    """An area in an adopted report per organisation, without a decision."""
    from jamkoll.reports.models import DevelopmentArea, YearlyReport

    areas = {}
    for org_world in (world.own, world.other):
        report = YearlyReport.objects.create(
            organisation=org_world.organisation,
            year=2025,
            status=YearlyReport.Status.ADOPTED,
            adopted_on=dt.date(2026, 2, 10),
        )
        areas[org_world.organisation.code] = DevelopmentArea.objects.create(
            report=report,
            title="Könsuppdelad statistik i alla verksamhetsplaner",
            rationale="Saknas i nämndernas underlag.",
            unit=org_world.board,
        )
    return areas


def _followed_up_areas(world):  # type: ignore[no-untyped-def]
    """As `_adopted_areas`, with KS's approval and a follow-up in progress."""
    from jamkoll.reports.models import AreaDecision, AreaFollowUp

    areas = _adopted_areas(world)
    for org_world in (world.own, world.other):
        area = areas[org_world.organisation.code]
        decision = AreaDecision.objects.create(
            area=area,
            outcome=AreaDecision.Outcome.APPROVED,
            decided_by=org_world.executive_board,
            decided_on=dt.date(2026, 3, 16),
            paragraph="KS § 45",
        )
        AreaFollowUp.objects.create(
            area=area,
            decision=decision,
            unit=org_world.board,
            due_on=dt.date(2026, 12, 31),
        )
    return areas


def _decision_state(org, extra):  # type: ignore[no-untyped-def]
    area = extra[org.organisation.code]
    return (
        list(area.decisions.values_list("outcome", "decided_on", "paragraph")),
        list(area.__class__.objects.filter(pk=area.pk, follow_up__isnull=False)),
    )


def _follow_up_state(org, extra):  # type: ignore[no-untyped-def]
    from jamkoll.reports.models import AreaFollowUp

    return list(
        AreaFollowUp.objects.filter(area=extra[org.organisation.code]).values_list(
            "status", "done_on", "report_text"
        )
    )


CASES += [
    UrlCase("reports:area_detail", statuses(ALL), _area_args, setup=_adopted_areas),
    UrlCase("reports:area_decide", statuses(EDITORS), _area_args, setup=_adopted_areas),
    UrlCase(
        "reports:follow_up_done",
        statuses(EDITORS),
        _area_args,
        setup=_followed_up_areas,
    ),
]

POST_CASES = [
    PostCase(
        "reports:area_decide",
        EDITORS,
        _area_args,
        _decision_state,
        data=lambda org, extra=None: {
            "outcome": "approved",
            "decided_by": org.executive_board.pk,
            "decided_on": "2026-03-16",
            "paragraph": "KS § 45",
            "follow_up_unit": org.board.pk,
            "due_on": "2027-06-30",
        },
        setup=_adopted_areas,
    ),
    PostCase(
        "reports:follow_up_done",
        EDITORS,
        _area_args,
        _follow_up_state,
        data=lambda org, extra=None: {
            "done_on": "2026-10-01",
            "report_text": "Alla nämnder redovisar nu statistik per kön.",
        },
        setup=_followed_up_areas,
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "reports:area_detail",
    "reports:detail",
    "reports:download",
    "reports:index",
    "reports:versions",
}


# --- POST: the texts, the development areas and the status (issue 16) ----------------
# The report is found by year in the active organisation, so a POST "to the other
# organisation" acts on the own report (302) and the other one stays as it was.


def _report_state(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.reports.models import DevelopmentArea, YearlyReport

    reports = list(
        YearlyReport.objects.filter(organisation=org.organisation).values_list(
            "year", "status", "introduction", "chair_words"
        )
    )
    areas = sorted(
        DevelopmentArea.objects.filter(
            report__organisation=org.organisation
        ).values_list("title", "rationale", "unit_id")
    )
    return (reports, areas)


def _area_data(org, extra=None):  # type: ignore[no-untyped-def]
    return {
        "title": "Jämställd resursfördelning",
        "rationale": "Budgeten saknar analys av vem insatserna når.",
        "unit": org.board.pk,
    }


POST_CASES += [
    PostCase(
        "reports:edit_texts",
        EDITORS,
        lambda o, e=None: [2026],
        _report_state,
        data=lambda o, e=None: {
            "introduction": "Beredningen har under året följt upp nämnderna.",
            "chair_words": "Arbetet har tagit steg framåt.",
        },
        setup=_areas,
        other=302,
        other_refused=403,
    ),
    # The other organisation's board is not offered (400).
    PostCase(
        "reports:area_create",
        EDITORS,
        lambda o, e=None: [2026],
        _report_state,
        data=_area_data,
        setup=_areas,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "reports:area_edit",
        EDITORS,
        _area_args,
        _report_state,
        data=_area_data,
        setup=_areas,
    ),
    PostCase(
        "reports:area_delete",
        EDITORS,
        _area_args,
        _report_state,
        setup=_areas,
    ),
    PostCase(
        "reports:change_status",
        EDITORS,
        lambda o, e=None: [2026],
        _report_state,
        data=lambda o, e=None: {"status": "ready"},
        setup=_areas,
        other=302,
        other_refused=403,
    ),
]


# --- Adoption by the body, and the organisation's Word template (issue 11) ----------
# Adoption belongs to the body: a strategist or the body's chair (a politician with a
# chair mandate, tested in test_adoption.py); the matrix's politician is no chair.
ADOPTERS = (STRATEGIST,)


def _ready_reports(world):  # type: ignore[no-untyped-def]
    """A report ready for approval and a paragraph of the body's meeting, per
    organisation."""
    from jamkoll.reports.models import YearlyReport
    from jamkoll.reports.tests.helpers import adoption_item

    items = {}
    for org_world in (world.own, world.other):
        YearlyReport.objects.create(
            organisation=org_world.organisation,
            year=2026,
            status=YearlyReport.Status.READY,
        )
        items[org_world.organisation.code] = adoption_item(
            org_world, held_on=dt.date(2026, 11, 10)
        )
    return items


def _adoption_state(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.reports.models import YearlyReport

    return list(
        YearlyReport.objects.filter(organisation=org.organisation).values_list(
            "status", "adopted_on", "adopted_at_id", "case_number"
        )
    )


def _template_upload(org=None, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.reports.tests.test_word_template import word_file

    return {"word_template": word_file("Kommunens mall.dotx")}


def _templates(world):  # type: ignore[no-untyped-def]
    """A Word template in use in each organisation."""
    from jamkoll.reports.models import ReportSettings
    from jamkoll.reports.tests.test_word_template import word_file

    for org_world in (world.own, world.other):
        settings = ReportSettings(organisation=org_world.organisation)
        upload = word_file(f"Mall {org_world.organisation.code}.dotx")
        settings.word_template.save(upload.name, upload, save=False)
        settings.word_template_name = upload.name
        settings.save()
    return {}


def _template_state(org, extra=None):  # type: ignore[no-untyped-def]
    from jamkoll.reports.models import ReportSettings

    return list(
        ReportSettings.objects.filter(organisation=org.organisation).values_list(
            "word_template", "word_template_name"
        )
    )


CASES += [
    UrlCase(
        "reports:adopt",
        statuses(ADOPTERS),
        lambda o, e=None: [2026],
        setup=_ready_reports,
        other=None,
    ),
    UrlCase("reports:word_template", statuses(EDITORS), other=None),
    UrlCase("reports:word_template_remove", statuses((), denied=405), other=None),
]

POST_CASES += [
    # The paragraph of the other organisation's body is not offered (400).
    PostCase(
        "reports:adopt",
        ADOPTERS,
        lambda o, e=None: [2026],
        _adoption_state,
        data=lambda org, extra: {
            "agenda_item": extra[org.organisation.code].pk,
            "case_number": "KS 2026/123",
        },
        setup=_ready_reports,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "reports:word_template",
        EDITORS,
        lambda o, e=None: [],
        _template_state,
        data=_template_upload,
        other=302,
        other_refused=403,
    ),
    PostCase(
        "reports:word_template_remove",
        EDITORS,
        lambda o, e=None: [],
        _template_state,
        setup=_templates,
        other=302,
        other_refused=403,
    ),
]
