"""`save_local_indicator` takes the fields a user may change, nothing else: the
source (Kolada's shared figures) and the organisation are never a caller's choice."""

import pytest

from jamkoll.indicators import services
from jamkoll.indicators.models import Indicator


def _indicator(world) -> Indicator:
    return services.save_local_indicator(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        code="E1",
        title="Andel kvinnor bland sökande",
        unit="procent",
        period_kind="year",
    )


@pytest.mark.parametrize("smuggled", ["source", "organisation", "is_demo", "status"])
def test_save_local_indicator_refuses_fields_outside_its_signature(world, smuggled):
    indicator = _indicator(world)
    value = world.other.organisation if smuggled == "organisation" else "kolada"
    with pytest.raises(TypeError):
        services.save_local_indicator(
            organisation=world.own.organisation,
            by=world.user("strategist"),
            indicator=indicator,
            title="Ändrad",
            **{smuggled: value},
        )
    stored = Indicator.objects.get(pk=indicator.pk)
    assert stored.title == "Andel kvinnor bland sökande"
    assert stored.source == Indicator.Source.LOCAL
    assert stored.organisation == world.own.organisation


def test_fields_left_out_keep_their_value(world):
    indicator = _indicator(world)
    services.save_local_indicator(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        indicator=indicator,
        title="Ändrad",
    )
    stored = Indicator.objects.get(pk=indicator.pk)
    assert (stored.title, stored.unit, stored.code) == ("Ändrad", "procent", "E1")
