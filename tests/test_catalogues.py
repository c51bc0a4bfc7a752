"""The Swedish catalogues are complete, and the compiled .mo files match the .po files."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(ROOT.glob("jamkoll/*/locale/sv/LC_MESSAGES/django.po"))


def test_every_app_with_templates_or_models_has_a_catalogue():
    apps_with_text = {
        p.parent.name
        for p in ROOT.glob("jamkoll/*/models.py")
        if "gettext" in p.read_text(encoding="utf-8")
    }
    with_catalogue = {p.parents[3].name for p in CATALOGUES}
    assert apps_with_text - with_catalogue == set()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_catalogue_has_no_empty_or_fuzzy_entries(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_compiled_catalogue_matches_its_source(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages` to compile {path}"
    po = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(path))
        if not e.obsolete
    }
    mo = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.mofile(str(mo_path))
    }
    assert {k: v for k, v in po.items() if k in mo or v} == {
        k: mo.get(k) for k, v in po.items() if k in mo or v
    }
