"""Formula-like text never becomes a live formula in any export (issue 12).

Every text field of the domain (units, demands and their answers, survey rounds and
questions, people, indicators …) is renamed to a spreadsheet formula, then every
export URL of the application (every URL whose route ends in .xlsx or .csv, found in
the URL conf, with its row of the permission matrix) is downloaded by a role allowed
to open it: no XLSX cell is a formula, no CSV cell starts with a raw ``=``, ``+``,
``-`` or ``@`` (a plain number like "-2,5" is a number), and the payload did reach
the file, neutralised. The open-data command export is checked the same way.
"""

from __future__ import annotations

import csv
import io
import itertools
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.test_permission_matrix import CASES

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", " =1+1"]
RISKY = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^-?\d+([.,]\d+)?%?$")
# Text fields that are not free text: machine keys, references, addresses.
NOT_FREE_TEXT = re.compile(
    r"token|hash|code|ref|url|email|path|key|file|status|kind|state|version|slug|"
    r"type|mime|extension|checksum|username|password|language|colou?r|icon|json|"
    r"kpi|gender|sex|role|outcome|detector|value|suggested|number|ip|agent|session"
)


def _export_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            ns = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _export_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = str(pattern.pattern)
            if route.endswith((".xlsx", ".csv")) or "fmt" in pattern.default_args:
                names.add(f"{prefix}{pattern.name}")
    return names


EXPORT_NAMES = _export_names()
EXPORT_CASES = list({c.name: c for c in CASES if c.name in EXPORT_NAMES}.values())


def test_every_export_is_checked():
    assert len(EXPORT_NAMES) >= 7, EXPORT_NAMES
    assert {c.name for c in EXPORT_CASES} == EXPORT_NAMES


def _poison() -> int:
    """Every free-text field of every domain model becomes a formula; the number of
    fields changed."""
    payloads = itertools.cycle(PAYLOADS)
    changed = 0
    for model in apps.get_models():
        if not model.__module__.startswith("jamkoll.") or model.__name__.startswith(
            "Historical"
        ):
            continue
        fields = {}
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, models.CharField | models.TextField)
                and not field.choices
                and not field.unique
                and not field.primary_key
                and not NOT_FREE_TEXT.search(field.name)
            ):
                fields[field.name] = (next(payloads), field.max_length)
        # One row at a time with its id, so unique names stay unique.
        for pk in model._base_manager.values_list("pk", flat=True):
            model._base_manager.filter(pk=pk).update(
                **{
                    name: f"{payload} {pk}"[: length or None]
                    for name, (payload, length) in fields.items()
                }
            )
        changed += len(fields)
    return changed


def _content(world) -> None:  # type: ignore[no-untyped-def]
    """Something in every export: demands sent, answered and assessed."""
    from jamkoll.result_requests.tests import factories

    factories.assess(factories.answer(factories.raise_demand(world.own)))
    factories.raise_demand(world.own, unit=world.own.administration)


def _cells(response) -> list[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """(value, data type) of every cell; CSV cells all have type "csv"."""
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    if body.startswith(b"PK"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body))
        return [
            (cell.value, cell.data_type)
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
        ]
    text = body.decode("utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") else ","
    return [
        (cell, "csv")
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        for cell in row
    ]


def _assert_inert(cells: list[tuple[object, str]], where: str) -> None:
    for value, data_type in cells:
        assert data_type != "f", f"{where}: formula cell {value!r}"
        if isinstance(value, str) and value.lstrip(" ").startswith(RISKY):
            assert PLAIN_NUMBER.match(value.strip()), f"{where}: live cell {value!r}"
    texts = [v for v, _ in cells if isinstance(v, str)]
    # Which payload a field gets depends on the order of every model's fields, so any
    # of them counts as having reached the file.
    assert any(payload.strip() in v for payload in PAYLOADS for v in texts), (
        f"{where}: no formula-like text reached the file, so nothing was tested"
    )


@pytest.mark.parametrize("case", EXPORT_CASES, ids=lambda c: c.name)
def test_export_has_no_live_formula(case, world, client):
    _content(world)
    extra = case.setup(world) if case.setup else None
    assert _poison() > 10
    role = next(r for r, status in case.expected.items() if status == 200)
    client.force_login(world.user(role))
    response = client.get(reverse(case.name, args=case.args(world.own, extra)))
    assert response.status_code == 200
    _assert_inert(_cells(response), case.name)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_open_data_export_has_no_live_formula(fmt, tmp_path, db):
    from jamkoll.indicators.models import Indicator, Municipality, Value

    municipality = Municipality.objects.create(code="0484", title="Eskilstuna")
    for number, payload in enumerate(PAYLOADS):
        indicator = Indicator.objects.create(
            code=payload[:20], title=payload, source=Indicator.Source.KOLADA
        )
        Value.objects.create(
            indicator=indicator,
            municipality=municipality,
            period=2020 + number,
            gender="T",
            value=-2.5,
        )
    output = tmp_path / f"values.{fmt}"
    call_command(
        "indicators",
        "export",
        "--municipality",
        "0484",
        "--format",
        fmt,
        "--output",
        str(output),
        stderr=io.StringIO(),
    )

    class Saved:
        streaming = False
        content = output.read_bytes()

    cells = _cells(Saved())
    _assert_inert(cells, f"indicators export {fmt}")
    assert -2.5 in [v for v, _ in cells] or "-2.5" in [v for v, _ in cells]
