"""Shared analysis of figures (numbers) in a sentence or table row.

Contract: :func:`analyse_figures` returns which figures quantify people split
by sex (``sex_rules``) and which quantify people without a sex split
(``people_rules``). Money, time, measures, years, dates, references and
targets/thresholds ("minst 50 personer") are not statistics about people.
Results are cached per text, so the A and B detectors share the work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jamkoll.textanalysis.lexicon import (
    ADJ_PEOPLE,
    CLAUSE_BREAKS,
    FEMALE,
    FUNCTION_WORDS,
    MAGNITUDES,
    MONEY_UNITS,
    MONTHS,
    NON_PEOPLE_UNITS,
    NOT_PEOPLE_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    PEOPLE_COMPOUND_RE,
    PEOPLE_WORDS,
    PERCENT_WORDS,
    PRECEDING_NON_FIGURE,
    SEX_WORDS,
    TARGET_PRECEDERS,
)

TOKEN_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d)"
    r"|\d+(?:[.,:/]\d+)*"
    r"|%"
    r"|[^\W\d_]+(?:[-:][^\W\d_]+)*"
    r"|[,;:()|–—?!]"
)
# A figure is needed for any statistic: digits, number words or "var femte".
FIGURE_HINT_RE = re.compile(
    r"\d|\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|hälften|tredjedel|fjärdedel|"
    r"var (?:annan|tredje|fjärde|femte|sjätte|tionde)|dubbelt|tusen|hundra)",
    re.IGNORECASE,
)
# Targets, thresholds and goals are not observed statistics.
TARGET_SENTENCE_RE = re.compile(
    r"\b(?:målet är|målet för \w+ är|målvärde\w*|målsättning\w*|ambition\w*|"
    r"eftersträva\w*|ska (?:\w+ ){0,4}(?:uppgå|omfatta|nå upp|uppnå)\w*|"
    r"bör (?:\w+ ){0,3}(?:uppgå|vara minst)\w*|mål(?:et)?: )",
    re.IGNORECASE,
)
RELATIVE_SEX_RE = re.compile(
    r"\b(?:dubbelt|tre gånger|fyra gånger|\d+ gånger|hälften) så "
    r"(?:hög|stor|många|vanlig|låg|liten|få)\w* (?:som )?(?:för|bland|hos)? ?"
    r"(?:kvinnor|män|flickor|pojkar|kvinnorna|männen|flickorna|pojkarna)\b",
    re.IGNORECASE,
)
SEX_BALANCE_RE = re.compile(r"\bkönsfördelning|\bkönsbalans", re.IGNORECASE)
SERVICE_NAME_RE = re.compile(
    r"(?:linje|linjen|jour|jouren|mottagning|mottagningen|grupp|gruppen)$"
)
SEX_COLUMN_TOKENS = frozenset({"k", "m", "kv", "kvinnor", "män", "flickor", "pojkar"})
OPPOSITE_PAIRS = {
    frozenset({"kvinnor", "män"}),
    frozenset({"flickor", "pojkar"}),
    frozenset({"tjejer", "killar"}),
    frozenset({"kvinnorna", "männen"}),
    frozenset({"flickorna", "pojkarna"}),
}
BACK_WINDOW = 6
HEAD_WINDOW = 6


@dataclass(slots=True)
class FigureAnalysis:
    """Rules that fired for sex-split (A) and non-split (B) people figures."""

    sex_rules: list[str] = field(default_factory=list)
    people_rules: list[str] = field(default_factory=list)


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens: numbers, words and clause punctuation."""
    return [t.lower() for t in TOKEN_RE.findall(text)]


def is_people_word(token: str) -> bool:
    """True when ``token`` names people (incl. compounds like "gymnasieelever")."""
    if token in NOT_PEOPLE_WORDS or token in SEX_WORDS:
        return False
    if token in PEOPLE_WORDS:
        return True
    return len(token) > 6 and bool(PEOPLE_COMPOUND_RE.search(token))


def _is_digit_token(tok: str) -> bool:
    return tok[:1].isdigit()


def _is_year(tok: str) -> bool:
    return len(tok) == 4 and tok.isdigit() and 1900 <= int(tok) <= 2099


def _figure_start(tokens: list[str], i: int) -> bool:
    """Is ``tokens[i]`` the start of a figure (before unit checks)?"""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if _is_digit_token(tok):
        return ":" not in tok and "/" not in tok
    if tok in ORDINALS:
        return i > 0 and tokens[i - 1] == "var"
    if tok in NUMBER_WORDS:
        return nxt in PERCENT_WORDS or nxt in ("av", "stycken")
    return False


def _excluded(tokens: list[str], i: int) -> bool:
    """True when the figure at ``i`` is money, time, a year, date, ref or target."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    prev = tokens[i - 1] if i > 0 else ""
    prev2 = tokens[i - 2] if i > 1 else ""
    if prev in TARGET_PRECEDERS or prev2 in TARGET_PRECEDERS:
        return True
    if prev2 == "upp" and prev == "till":
        return True
    if prev in PRECEDING_NON_FIGURE and _is_digit_token(tok):
        return True
    if nxt in MAGNITUDES:
        nxt = tokens[i + 2] if i + 2 < len(tokens) else ""
    if nxt in MONEY_UNITS or nxt in NON_PEOPLE_UNITS or nxt in MONTHS:
        return True
    if nxt == "–" and i + 2 < len(tokens):  # ranges: "16–24 år"
        after = tokens[i + 3] if i + 3 < len(tokens) else ""
        if after in NON_PEOPLE_UNITS or after in MONEY_UNITS:
            return True
    return (
        _is_year(tok)
        and nxt not in PERCENT_WORDS
        and not (is_people_word(nxt) or nxt in SEX_WORDS)
    )


def _head(tokens: list[str], i: int) -> tuple[str, int] | None:
    """Find what the figure at ``i`` counts: ("sex"|"people"|"inclusive", index)."""
    j = i + 1
    n = len(tokens)
    limit = min(n, i + 1 + HEAD_WINDOW)
    skip = PERCENT_WORDS | {
        "av",
        "de",
        "dem",
        "alla",
        "samtliga",
        "dessa",
        "totalt",
        "är",
        "var",
        "blev",
        "utgör",
        "utgjorde",
        "utgjordes",
        "nu",
        "levande",
        "stycken",
        "st",
        "sådana",
        "varit",
    }
    if (
        j < n
        and tokens[j] == "av"
        and j + 1 < n
        and (tokens[j + 1] in NUMBER_WORDS or _is_digit_token(tokens[j + 1]))
    ):
        j += 2  # "sex av tio elever"
    modifiers = 0
    while j < limit:
        tok = tokens[j]
        if tok in CLAUSE_BREAKS or tok == "–" or _is_digit_token(tok):
            return None
        nxt = tokens[j + 1] if j + 1 < n else ""
        if tok in ("de", "dem", "alla") and nxt == "som":
            return ("people", j)
        if tok in skip:
            j += 1
            continue
        if (
            nxt in ("är", "var", "varit", "blev")
            and j + 2 < n
            and (tokens[j + 2] in SEX_WORDS)
        ):
            return ("sex", j + 2)  # "40 procent av ledamöterna är kvinnor"
        if tok in SEX_WORDS:
            if (
                nxt in ("och", "eller")
                and j + 2 < n
                and frozenset({tok, tokens[j + 2]}) in OPPOSITE_PAIRS
            ):
                return ("inclusive", j)
            return ("sex", j)
        nxt_is_word = bool(nxt) and nxt[:1].isalpha() and nxt not in FUNCTION_WORDS
        if is_people_word(tok):
            if tok in ADJ_PEOPLE and nxt_is_word and modifiers < 3:
                modifiers += 1
                j += 1
                continue
            return ("people", j)
        if tok.endswith(("a", "e")) and nxt_is_word and modifiers < 3:
            modifiers += 1  # plural adjective: "vuxna", "svenska", "gifta"
            j += 1
            continue
        if tok in FUNCTION_WORDS:
            return None
        return ("other", j)
    return None


def _sex_before(tokens: list[str], i: int) -> bool:
    """A sex word shortly before the figure in the same clause ("kvinnor, 2,8 %")."""
    commas = 0
    for k in range(i - 1, max(-1, i - 1 - BACK_WINDOW), -1):
        tok = tokens[k]
        if tok == ",":
            commas += 1
            if commas > 1:
                return False
            continue
        if tok in CLAUSE_BREAKS or _is_digit_token(tok):
            return False
        if tok in SEX_WORDS:
            before = tokens[k - 1] if k > 0 else ""
            before2 = tokens[k - 2] if k > 1 else ""
            return not (before == "för" and SERVICE_NAME_RE.search(before2))
    return False


def _people_before(tokens: list[str], i: int) -> bool:
    """A people word shortly before a percent figure ("ungdomar ... 11 procent")."""
    for k in range(i - 1, max(-1, i - 1 - BACK_WINDOW), -1):
        tok = tokens[k]
        if tok == "–" or (_is_digit_token(tok) and tokens[k + 1] in ("–", "år", "års")):
            continue  # an age range describing the group: "ungdomar 18–24 år"
        if tok in CLAUSE_BREAKS or _is_digit_token(tok) or tok in SEX_WORDS:
            return False
        if is_people_word(tok):
            return k == 0 or tokens[k - 1] not in ("per", "/")
    return False


def _count_head(tokens: list[str], i: int) -> str | None:
    """For "antalet/andelen X ...": "sex" or "people" when X names people."""
    saw_people = False
    for k in range(i + 1, min(len(tokens), i + 6)):
        tok = tokens[k]
        if tok in CLAUSE_BREAKS or _is_digit_token(tok):
            break
        if tok in SEX_WORDS:
            return "sex"
        if is_people_word(tok):
            saw_people = True
    return "people" if saw_people else None


def _clauses_with_figures(tokens: list[str]) -> list[int]:
    return [
        i
        for i in range(len(tokens))
        if _figure_start(tokens, i) and not _excluded(tokens, i)
    ]


@lru_cache(maxsize=4096)
def analyse_figures(text: str, header: str | None = None) -> FigureAnalysis:
    """Classify the figures of ``text`` (a sentence or a table row)."""
    result = FigureAnalysis()
    if not FIGURE_HINT_RE.search(text):
        return result
    if RELATIVE_SEX_RE.search(text):
        result.sex_rules.append("A.relative_figure")
    if TARGET_SENTENCE_RE.search(text):
        return result
    tokens = tokenize(text)
    figures = _clauses_with_figures(tokens)
    if not figures:
        return result
    is_jamix = "jämix" in tokens
    for i in figures:
        head = _head(tokens, i)
        if head and head[0] == "sex" and not is_jamix:
            result.sex_rules.append("A.figure_of_sex")
            continue
        if _sex_before(tokens, i) and not is_jamix:
            result.sex_rules.append("A.sex_with_figure")
            continue
        if head and head[0] in ("people", "inclusive"):
            result.people_rules.append("B.figure_of_people")
        elif (
            (head is None or head[0] != "other")
            and i + 1 < len(tokens)
            and tokens[i + 1] in PERCENT_WORDS
            and _people_before(tokens, i)
        ):
            result.people_rules.append("B.people_with_figure")
    # "antalet elever ... 1 234", "andelen kvinnor ... 51 procent"
    for k, tok in enumerate(tokens):
        if tok.startswith(("antal", "andel")) and len(tok) <= 8:
            later = [i for i in figures if i > k]
            if not later:
                continue
            kind = _count_head(tokens, k)
            between = tokens[k + 1 : later[0]]
            if kind == "sex" or (kind == "people" and SEX_WORDS.intersection(between)):
                if not is_jamix:
                    result.sex_rules.append("A.share_of_sex")
            elif kind == "people" and "varav" not in between:
                result.people_rules.append("B.count_of_people")
    if SEX_BALANCE_RE.search(text) and any(_is_digit_token(tokens[i]) for i in figures):
        result.sex_rules.append("A.sex_balance_count")
    return result


def analyse_table_row(text: str, header: str | None) -> FigureAnalysis:
    """Table rows: a sex column header or a sex label makes figures sex-split."""
    base = analyse_figures(text)
    result = FigureAnalysis(list(base.sex_rules), list(base.people_rules))
    tokens = tokenize(text)
    figures = _clauses_with_figures(tokens)
    if not figures:
        return result
    header_tokens = set(tokenize(header)) if header and header != text else set()
    row_words = [t for t in tokens if t[:1].isalpha()]
    sex_header = len(SEX_COLUMN_TOKENS & header_tokens) >= 2 or bool(
        FEMALE & header_tokens
    )
    if sex_header or SEX_WORDS.intersection(row_words):
        if not result.sex_rules:
            result.sex_rules.append("A.table_sex_columns")
        result.people_rules.clear()
        return result
    money = MONEY_UNITS.intersection(row_words) or "kostnad" in " ".join(row_words)
    label = next((t for t in row_words if is_people_word(t)), None)
    if label and not money and not result.people_rules:
        idx = tokens.index(label)
        if idx == 0 or tokens[idx - 1] != "per":
            result.people_rules.append("B.table_people_row")
    if money:
        result.people_rules.clear()
    return result
