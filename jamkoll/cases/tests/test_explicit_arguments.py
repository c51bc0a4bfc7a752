"""`save_case` takes the fields a user may change, nothing else: the preparation and
the organisation cannot be set past their own service and permission check."""

import datetime as dt

import pytest

from jamkoll.cases import services
from jamkoll.cases.models import Case


@pytest.mark.parametrize(
    "smuggled", ["preparation", "organisation", "prepared_at", "version"]
)
def test_save_case_refuses_fields_outside_its_signature(world, smuggled):
    by = world.user("strategist")
    case = services.save_case(
        organisation=world.own.organisation,
        by=by,
        case_number="KS 2026/0001",
        title="Budget 2027",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 11, 20),
    )
    value = world.other.organisation if smuggled == "organisation" else "prepared"
    with pytest.raises(TypeError):
        services.save_case(
            organisation=world.own.organisation,
            by=by,
            case=case,
            title="Ändrad",
            **{smuggled: value},
        )
    stored = Case.objects.get(pk=case.pk)
    assert stored.title == "Budget 2027"
    assert stored.organisation == world.own.organisation
    assert stored.preparation == case.preparation


def test_fields_left_out_keep_their_value(world):
    by = world.user("strategist")
    case = services.save_case(
        organisation=world.own.organisation,
        by=by,
        case_number="KS 2026/0002",
        title="Budget 2027",
        deciding_body=world.own.council,
        meeting_on=dt.date(2026, 11, 20),
        documents="Tjänsteskrivelse",
    )
    services.save_case(
        organisation=world.own.organisation, by=by, case=case, title="Ändrad"
    )
    stored = Case.objects.get(pk=case.pk)
    assert (stored.title, stored.documents) == ("Ändrad", "Tjänsteskrivelse")
