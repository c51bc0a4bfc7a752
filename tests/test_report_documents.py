"""The yearly report of each demo organisation, as PDF and as DOCX opened in
LibreOffice, checked through its glyph boxes: nothing outside the page, nothing printed
over anything else, no word split across lines, no leftover placeholders.

The demo is loaded once for the module inside a transaction that is rolled back, the
six documents are rendered, and the transaction ends before any test runs.
"""

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.utils import translation

from jamkoll.dashboard import demo
from jamkoll.reports.docx import render_docx
from jamkoll.reports.pdf import render_pdf
from jamkoll.reports.selectors import assemble, report_for
from jamkoll.reports.tests import glyphs

# The module fixture needs the test database set up (pytest-django sets up only the
# databases that marked tests use).
pytestmark = pytest.mark.django_db

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TODAY = dt.date(2026, 11, 28)
ORGANISATIONS = ["2480", "1880", "0484"]  # Umeå, Örebro, Eskilstuna
CHECKS = [
    "outside the page",
    "printed over each other",
    "words split across lines",
    "leftover placeholders",
]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def documents(django_db_setup, django_db_blocker, tmp_path_factory):
    """{code: {"words": set, "pdf": bytes, "docx": bytes}} for the demo organisations."""
    rendered: dict[str, dict[str, Any]] = {}
    with django_db_blocker.unblock(), translation.override("sv"):
        try:
            with transaction.atomic():
                for organisation in demo.load(today=TODAY):
                    report = report_for(organisation=organisation, year=TODAY.year)
                    content = assemble(
                        organisation=organisation, year=TODAY.year, report=report
                    )
                    rendered[organisation.code] = {
                        "words": glyphs.vocabulary(_strings(content.to_dict())),
                        "pdf": render_pdf(content),
                        "docx": render_docx(content),
                    }
                raise _Rollback
        except _Rollback:
            pass
    folder = tmp_path_factory.mktemp("reports")
    for code, files in rendered.items():
        (folder / f"{code}.docx").write_bytes(files["docx"])
        (folder / f"{code}.pdf").write_bytes(files["pdf"])
    if OFFICE is not None:
        subprocess.run(
            [
                OFFICE,
                f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder / "office"),
                *(str(folder / f"{code}.docx") for code in rendered),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        for code, files in rendered.items():
            files["docx-pdf"] = Path(folder / "office" / f"{code}.pdf").read_bytes()
    return rendered


def _check(documents, code: str, kind: str, check: str) -> None:
    files = documents[code]
    found = glyphs.problems(files[kind], files["words"])[check]
    assert not found, f"{len(found)} {check}:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("code", ORGANISATIONS)
def test_report_pdf_is_fit_to_send(documents, code, check):
    _check(documents, code, "pdf", check)


@pytest.mark.skipif(
    OFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt install libreoffice-writer-nogui",
)
@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("code", ORGANISATIONS)
def test_report_docx_in_libreoffice_is_fit_to_send(documents, code, check):
    _check(documents, code, "docx-pdf", check)
