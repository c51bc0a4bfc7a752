"""Swedish by default, English on request, and no English on a Swedish page.

Every page of the permission matrix, rendered in Swedish for a role that may open
it, shows no text that is an English msgid of our catalogues (whose Swedish
differs), a msgid no catalogue translates, or one of Django's own English messages.

What is read: the visible text nodes and the attributes a user meets (`aria-label`,
`title`, `placeholder`, `alt`, a button's `value`), outside anything marked with
another `lang` (the language switcher's "English"). Forms are also posted empty, so
their error messages are read too.
"""

import contextlib
import importlib
import pkgutil
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from django.urls import reverse
from django.utils.translation import trans_real

import jamkoll

ROOT = Path(jamkoll.__file__).resolve().parent
DJANGO_SV = (
    Path(django.__file__).resolve().parent / "conf/locale/sv/LC_MESSAGES/django.po"
)
ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
SKIPPED_ELEMENTS = {"script", "style", "template"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")
#: Strings that read the same in both languages are not leaks (a msgid equal to
#: its msgstr is skipped anyway; these differ only by case or are names).
NOT_ENGLISH = {"English", "Svenska", "Jämkoll", "Kolada", "CEMR", "OK"}


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":*").strip()


def _pattern(msgid: str) -> re.Pattern[str] | None:
    """A msgid with placeholders as a pattern; None when too little of it is words
    of its own to tell English from the data it is filled with."""
    literal = PLACEHOLDER.sub("", msgid)
    if len(re.findall(r"[A-Za-z]{3,}", literal)) < 3:
        return None
    parts = PLACEHOLDER.split(msgid)
    # split() keeps the group (name or None) between literal parts.
    regex = "".join(
        re.escape(_normal(part).replace("%%", "%")) if i % 2 == 0 else ".+?"
        for i, part in enumerate(parts)
    )
    return re.compile(regex)


@cache
def _english() -> tuple[frozenset[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """English strings a Swedish page must not show: (exact texts, patterns)."""
    exact: set[str] = set()
    patterns: list[tuple[re.Pattern[str], str]] = []

    def add(msgid: str, swedish: list[str]) -> None:
        text = _normal(msgid)
        if not text or text in NOT_ENGLISH or all(_normal(s) == text for s in swedish):
            return
        if PLACEHOLDER.search(msgid):
            if (pattern := _pattern(msgid)) is not None:
                patterns.append((pattern, msgid))
        elif re.search(r"[A-Za-z]{2,}", text):
            exact.add(text)

    for path in sorted(ROOT.glob("*/locale/sv/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if entry.msgid_plural:
                forms = list(entry.msgstr_plural.values())
                add(entry.msgid, forms)
                add(entry.msgid_plural, forms)
            else:
                add(entry.msgid, [entry.msgstr])
    # Django's own messages (form validation, "Yes"/"No", dates) in English.
    for entry in polib.pofile(str(DJANGO_SV)):
        if entry.msgstr and not entry.msgid_plural and " " in entry.msgid:
            add(entry.msgid, [entry.msgstr])
    return frozenset(exact), tuple(patterns)


class _Reader(HTMLParser):
    """Collects what a user sees and hears: text nodes and spoken attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, inside another language)
        self.texts: list[tuple[str, str]] = []  # (where, text)

    def _foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _skipped(self) -> bool:
        return any(tag in SKIPPED_ELEMENTS for tag, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        lang = values.get("lang")
        foreign = self._foreign() or bool(lang and not lang.startswith("sv"))
        if not foreign and not self._skipped():
            for name in ATTRIBUTES & values.keys():
                self.texts.append((f"<{tag} {name}>", values[name]))
            if (
                values.get("type") in {"submit", "button", "reset"}
                and "value" in values
            ):
                self.texts.append((f"<{tag} value>", values["value"]))
        if tag not in VOID:
            self.stack.append((tag, foreign))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._foreign() and not self._skipped():
            where = self.stack[-1][0] if self.stack else "document"
            self.texts.append((f"<{where}>", data))


@contextlib.contextmanager
def untranslated():
    """Collects the msgids asked for while rendering that no catalogue translates
    (a new string nobody gave a Swedish entry): they reach the page in English."""
    missed: set[str] = set()
    original_gettext = trans_real.DjangoTranslation.gettext
    original_ngettext = trans_real.DjangoTranslation.ngettext
    absent = object()

    def gettext(self, message):
        if self._catalog.get(message, absent) is absent:
            missed.add(message.rpartition("\x04")[2])
        return original_gettext(self, message)

    def ngettext(self, msgid1, msgid2, n):
        try:
            self._catalog.plural(msgid1, n)
        except KeyError:
            missed.update({msgid1.rpartition("\x04")[2], msgid2})
        return original_ngettext(self, msgid1, msgid2, n)

    trans_real.DjangoTranslation.gettext = gettext  # type: ignore[method-assign]
    trans_real.DjangoTranslation.ngettext = ngettext  # type: ignore[method-assign]
    try:
        yield missed
    finally:
        trans_real.DjangoTranslation.gettext = original_gettext  # type: ignore[method-assign]
        trans_real.DjangoTranslation.ngettext = original_ngettext  # type: ignore[method-assign]


def english_on(html: str, missed: set[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(where, text, msgid) for every English UI string on the page; `missed` adds
    the msgids that had no translation while the page was rendered."""
    exact, patterns = _english()
    if missed:
        extra_exact = {_normal(m) for m in missed if not PLACEHOLDER.search(m)}
        exact = exact | {
            m for m in extra_exact - NOT_ENGLISH if re.search(r"[A-Za-z]{2,}", m)
        }
        patterns = patterns + tuple(
            (pattern, m)
            for m in missed
            if PLACEHOLDER.search(m) and (pattern := _pattern(m)) is not None
        )
    reader = _Reader()
    reader.feed(html)
    found = []
    for where, raw in reader.texts:
        text = _normal(raw)
        if not text:
            continue
        if text in exact:
            found.append((where, text, text))
            continue
        for pattern, msgid in patterns:
            if pattern.fullmatch(text):
                found.append((where, text, msgid))
                break
    return found


def _matrix(kind: str) -> list:
    cases = []
    for module in pkgutil.iter_modules(jamkoll.__path__):
        try:
            matrix = importlib.import_module(f"jamkoll.{module.name}.tests.url_matrix")
        except ModuleNotFoundError:
            continue
        cases.extend(getattr(matrix, kind, []))
    return cases


GET_CASES = [case for case in _matrix("CASES") if 200 in case.expected.values()]
POST_CASES = [case for case in _matrix("POST_CASES") if case.allowed]


def _is_html(response) -> bool:
    return response.status_code == 200 and response.get("Content-Type", "").startswith(
        "text/html"
    )


def test_the_reader_finds_english_and_lets_swedish_pass():
    page = (
        "<main><h1>Handlingsplan</h1><label>Due date:</label>"
        '<input type="submit" value="Save">'
        '<nav aria-label="Breadcrumbs"></nav>'
        "<ul class=errorlist><li>This field is required.</li></ul>"
        "<p>Showing the actions tied to CEMR article 3. Hälsa.</p>"
        '<option lang="en">English</option><p lang="en">Due date</p>'
        "<script>var x = 'Due date';</script></main>"
    )
    found = {(where, text) for where, text, _ in english_on(page)}
    assert found == {
        ("<label>", "Due date"),
        ("<input value>", "Save"),
        ("<nav aria-label>", "Breadcrumbs"),
        ("<li>", "This field is required."),
        ("<p>", "Showing the actions tied to CEMR article 3. Hälsa."),
    }
    assert english_on("<p>Svarsdag: 8 november 2026</p><p>Hälsa</p>") == []


def test_a_string_no_catalogue_translates_is_caught(settings):
    from django.utils import translation

    with translation.override("sv"), untranslated() as missed:
        translation.gettext("Due date")
        text = translation.gettext("A sentence nobody has translated yet")
        translation.pgettext("demand", "Another untranslated thing")
        translation.ngettext("%(n)s new thing nobody knows", "%(n)s new things", 2)
    assert "Due date" not in missed
    assert missed == {
        "A sentence nobody has translated yet",
        "Another untranslated thing",
        "%(n)s new thing nobody knows",
        "%(n)s new things",
    }
    assert english_on(f"<p>{text}</p>", missed) == [("<p>", text, text)]


@pytest.mark.parametrize("case", GET_CASES, ids=lambda c: c.name)
def test_swedish_page_shows_no_english(case, world, client):
    extra = case.setup(world) if case.setup else None
    role = next(r for r, status in case.expected.items() if status == 200)
    client.force_login(world.user(role))
    url = reverse(case.name, args=case.args(world.own, extra)) + case.query
    with untranslated() as missed:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    if not _is_html(response):
        return
    found = english_on(response.content.decode(), missed)
    assert found == [], f"{url}: {found}"


@pytest.mark.parametrize("case", POST_CASES, ids=lambda c: c.name)
def test_swedish_form_errors_show_no_english(case, world, client):
    extra = case.setup(world) if case.setup else None
    client.force_login(world.user(case.allowed[0]))
    url = reverse(case.name, args=case.args(world.own, extra))
    patch = case.patch() if case.patch else contextlib.nullcontext()
    with untranslated() as missed, patch:
        response = client.post(url, {}, HTTP_ACCEPT_LANGUAGE="en")
    if not _is_html(response):
        return
    found = english_on(response.content.decode(), missed)
    assert found == [], f"{url}: {found}"


def test_swedish_is_the_default_whatever_the_browser_asks_for(client, db):
    response = client.get(
        reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert "Logga in i Jämkoll" in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_english_can_be_chosen(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/logga-in/"})
    response = client.get(reverse("accounts:login"))
    assert "Log in to Jämkoll" in response.content.decode()
