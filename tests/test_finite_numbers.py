"""Numbers that are not finite are refused everywhere (issue 12).

`jamkoll.core.numbers.parse_number` reads every typed figure; every form that takes
a number refuses "inf", "nan" and "1e309" with a Swedish message and saves nothing.
A value that is somehow stored as infinite or NaN never breaks a page.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from jamkoll.accounts.models import Role
from jamkoll.core.forms import FiniteDecimalField, FiniteFloatField
from jamkoll.core.numbers import parse_number, parse_optional_number
from jamkoll.indicators.models import Indicator, LocalValue
from jamkoll.organisations.models import Unit

NOT_FINITE = ["inf", "nan", "1e309", "Infinity", "-inf", "NaN"]


@pytest.mark.parametrize("typed", [*NOT_FINITE, math.inf, math.nan, Decimal("1e400")])
def test_parse_number_refuses_what_is_not_finite(typed):
    with pytest.raises(ValidationError) as error:
        parse_number(typed)
    assert error.value.code == "not_finite"
    assert "Ange ett ändligt tal" in error.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 234,5", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("1\u202f234,5", Decimal("1234.5")),
        ("1234.5", Decimal("1234.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("\u22123,25", Decimal("-3.25")),
        ("17", Decimal(17)),
        (12.5, Decimal("12.5")),
        (7, Decimal(7)),
    ],
)
def test_parse_number_reads_swedish_and_plain_figures(typed, expected):
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed", ["abc", "1_000", "0x10", "12 kr", "1e", "x" * 100])
def test_parse_number_refuses_text_that_is_not_a_number(typed):
    with pytest.raises(ValidationError) as error:
        parse_number(typed)
    assert error.value.code == "invalid"
    assert "Ange ett tal" in error.value.messages[0]


def test_empty_is_required_or_none():
    assert parse_optional_number("  ") is None
    with pytest.raises(ValidationError) as error:
        parse_number("")
    assert error.value.code == "required"


@pytest.mark.parametrize("field_class", [FiniteDecimalField, FiniteFloatField])
def test_form_fields_refuse_what_is_not_finite(field_class):
    field = field_class(required=False)
    for typed in NOT_FINITE:
        with pytest.raises(ValidationError) as error:
            field.clean(typed)
        assert "ändligt tal" in error.value.messages[0]
    assert field.clean("1 234,5") == 1234.5
    assert field.clean("") is None


# --- through every form that takes a number -----------------------------------------


@pytest.mark.parametrize("typed", ["inf", "nan", "1e309"])
def test_unit_budget_refuses_what_is_not_finite(typed, client_for, world):
    client = client_for(Role.ADMIN)
    unit = world.own.body  # only the gender-equality body has a budget
    url = reverse("organisations:unit_edit", args=[unit.pk])
    data = {
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent_id,
        "body_form": unit.body_form,
        "budget": typed,
        "is_active": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ange ett ändligt tal" in page
    assert f'value="{typed}"' in page  # what the user typed is kept
    unit.refresh_from_db()
    assert unit.budget is None
    created = client.post(
        reverse("organisations:unit_create"), {**data, "name": "Ny beredning"}
    )
    assert created.status_code == 400
    assert not Unit.objects.filter(name="Ny beredning").exists()


def test_unit_budget_takes_a_swedish_figure(client_for, world):
    client = client_for(Role.ADMIN)
    unit = world.own.body  # only the gender-equality body has a budget
    response = client.post(
        reverse("organisations:unit_edit", args=[unit.pk]),
        {
            "name": unit.name,
            "kind": unit.kind,
            "parent": unit.parent_id,
            "body_form": unit.body_form,
            "budget": "1 250 000",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.budget == Decimal(1_250_000)


def _local(world) -> Indicator:
    return Indicator.objects.create(
        organisation=world.own.organisation,
        source=Indicator.Source.LOCAL,
        code="L1",
        title="Andel kvinnor bland chefer",
        is_split_by_sex=True,
        period_kind=Indicator.PeriodKind.YEAR,
    )


@pytest.mark.parametrize("typed", ["inf", "nan", "1e309"])
def test_local_value_forms_refuse_what_is_not_finite(typed, client_for, world):
    indicator = _local(world)
    client = client_for(Role.STRATEGIST)
    single = client.post(
        reverse("indicators:value_create", args=[indicator.pk]),
        {"period": "2024", "sub_period": "0", "gender": "T", "value": typed},
    )
    assert single.status_code == 400
    assert "ändligt tal" in single.content.decode()
    grid = client.post(
        reverse("indicators:value_grid", args=[indicator.pk]),
        {"v-2024-K": typed, "v-2024-M": "12"},
    )
    assert grid.status_code == 400
    assert "ändligt tal" in grid.content.decode()
    assert not LocalValue.objects.exists()
