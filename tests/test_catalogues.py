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


def _entries():
    """Every live entry of our catalogues as (app, entry)."""
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                yield path.parents[3].name, entry


def _translation(entry: polib.POEntry) -> str | tuple[str, ...]:
    if entry.msgid_plural:
        return tuple(v for _, v in sorted(entry.msgstr_plural.items()))
    return entry.msgstr


def test_one_msgid_has_one_swedish_meaning_across_apps():
    """Django merges every app's catalogue into one: when two apps translate the
    same msgid (in the same context) differently, one of them shows the other's
    words. Give one of them a pgettext context instead."""
    seen: dict[tuple[str | None, str], dict[str, object]] = {}
    for app, entry in _entries():
        seen.setdefault((entry.msgctxt, entry.msgid), {})[app] = _translation(entry)
    collisions = {
        f"{ctx}|{msgid}" if ctx else msgid: apps
        for (ctx, msgid), apps in seen.items()
        if len(set(apps.values())) > 1
    }
    assert collisions == {}


def test_what_django_shows_is_what_our_catalogue_says():
    """At run time the merged catalogue (Django's contrib apps included) gives each
    of our msgids exactly our Swedish."""
    from django.utils import translation

    wrong = []
    with translation.override("sv"):
        for app, entry in _entries():
            ctx, msgid = entry.msgctxt, entry.msgid
            if entry.msgid_plural:
                for n, index in ((1, 0), (5, 1)):
                    got = (
                        translation.npgettext(ctx, msgid, entry.msgid_plural, n)
                        if ctx
                        else translation.ngettext(msgid, entry.msgid_plural, n)
                    )
                    if got != entry.msgstr_plural[index]:
                        wrong.append((app, ctx, msgid, entry.msgstr_plural[index], got))
            else:
                got = (
                    translation.pgettext(ctx, msgid)
                    if ctx
                    else translation.gettext(msgid)
                )
                if got != entry.msgstr:
                    wrong.append((app, ctx, msgid, entry.msgstr, got))
    assert wrong == []


def test_the_demand_form_says_svarsdag_and_the_action_form_klart_senast(settings):
    """The collision the issue found: the demand form's "Due date" showed the
    action plan's "Klart senast"."""
    from django.utils import translation

    from jamkoll.indicators.forms import ActionForm
    from jamkoll.result_requests.forms import ResultRequestForm

    with translation.override("sv"):
        assert str(ResultRequestForm.base_fields["due_on"].label) == "Svarsdag"
        assert str(ActionForm.base_fields["due_on"].label) == "Klart senast"
