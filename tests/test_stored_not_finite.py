"""A value stored as infinite or NaN never breaks a page (issue 12).

Forms, imports and services refuse such values, but a float column can still hold
one (an old import, a hand-edited database). Every page of the indicators, the
yearly report and the home page opens with them in place (the indicator page, the
gap overview, the charts) and shows "–", never "inf" or "nan".
"""

from __future__ import annotations

import math
import re

import pytest
from django.urls import reverse

from jamkoll.indicators.models import Indicator, LocalValue, Municipality, Value
from tests.test_permission_matrix import CASES

APPS = ("indicators:", "reports:", "dashboard:", "organisations:unit_detail")
LEAK = re.compile(r"(?<![\w-])(nan|inf|-inf|infinity)(?![\w-])", re.IGNORECASE)


def _not_finite_values(world) -> list[int]:  # type: ignore[no-untyped-def]
    org = world.own.organisation
    own = Municipality.objects.get_or_create(code=org.code)[0]
    country = Municipality.objects.get_or_create(code="0000")[0]
    kolada = Indicator.objects.create(
        code="N99999",
        title="Andel kvinnor bland chefer",
        source=Indicator.Source.KOLADA,
        is_split_by_sex=True,
        stable_threshold=math.inf,  # SQLite stores NaN as NULL
    )
    rows = {2021: (40.0, 60.0, 50.0), 2022: (math.inf, 55.0, math.nan)}
    rows |= {2023: (math.nan, -math.inf, 48.0), 2024: (42.0, 58.0, 50.0)}
    for municipality in (own, country):
        for year, figures in rows.items():
            for gender, value in zip("KMT", figures, strict=True):
                Value.objects.create(
                    indicator=kolada,
                    municipality=municipality,
                    period=year,
                    gender=gender,
                    value=value,
                )
    local = Indicator.objects.create(
        organisation=org,
        source=Indicator.Source.LOCAL,
        code="L9",
        title="Lokal andel",
        is_split_by_sex=True,
        period_kind=Indicator.PeriodKind.YEAR,
    )
    for year, figures in rows.items():
        for gender, value in zip("KMT", figures, strict=True):
            LocalValue.objects.create(
                indicator=local,
                organisation=org,
                period=year,
                gender=gender,
                value=value,
            )
    return [kolada.pk, local.pk]


def _cases() -> list:
    seen: dict[str, object] = {}
    for case in CASES:
        if case.name.startswith(APPS) and any(s == 200 for s in case.expected.values()):
            seen.setdefault(case.name, case)
    return list(seen.values())


def _visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"<[^>]*>", " ", html)


def _assert_clean(response, url: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, url
    if "html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    leaks = LEAK.findall(_visible_text(html))
    assert not leaks, f"{url}: {leaks}"
    attributes = re.findall(r'="(-?(?:nan|inf)[^"]*)"', html, re.IGNORECASE)
    assert not attributes, f"{url}: {attributes}"


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.name)
def test_page_opens_with_stored_values_that_are_not_finite(case, world, client):
    extra = case.setup(world) if case.setup else None
    _not_finite_values(world)
    role = next(r for r, s in case.expected.items() if s == 200)
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    _assert_clean(client.get(url), url)


def test_indicator_pages_show_a_dash_for_values_that_are_not_finite(world, client):
    client.force_login(world.user("strategist"))
    for pk in _not_finite_values(world):
        url = reverse("indicators:detail", args=[pk])
        response = client.get(url)
        _assert_clean(response, url)
        assert "–" in _visible_text(response.content.decode())
