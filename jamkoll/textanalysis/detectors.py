"""The four detectors and their registry.

Contract: a detector has a ``name`` (one of the eval label names) and
``find(segment) -> list[Finding]``; it is stateless and must not raise on any
text. :data:`DETECTORS` lists the active detectors; replace one entry (for
example with a trained classifier implementing the same protocol) without
touching the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from jamkoll.textanalysis.figures import analyse_figures, analyse_table_row
from jamkoll.textanalysis.segment import Segment

SEXDISAGG = "sexdisagg_stats"
GENDERBLIND = "genderblind_stats"
IMPACT = "gender_impact_analysis"
GOALS = "equality_goals"
DETECTOR_NAMES = (SEXDISAGG, GENDERBLIND, IMPACT, GOALS)


@dataclass(frozen=True, slots=True)
class Finding:
    """Evidence for one detector in one segment."""

    detector: str
    page: int
    section: str | None
    quote: str
    rule: str

    def as_dict(self) -> dict[str, object]:
        """JSON-ready representation (the CLI contract)."""
        return {
            "detector": self.detector,
            "page": self.page,
            "section": self.section,
            "quote": self.quote,
            "rule": self.rule,
        }


@runtime_checkable
class Detector(Protocol):
    """What every detector (rule-based or learned) provides."""

    name: str

    def find(self, segment: Segment) -> list[Finding]:
        """Return findings in ``segment`` (empty list when none)."""
        ...


def _finding(name: str, segment: Segment, rule: str) -> list[Finding]:
    return [Finding(name, segment.page, segment.section, segment.text, rule)]


class SexDisaggregatedStats:
    """A: statistics about people in which sex is an explicit dimension."""

    name = SEXDISAGG

    def find(self, segment: Segment) -> list[Finding]:
        """Fire on a sex-split figure in a sentence or table row."""
        if segment.kind == "table_row":
            rules = analyse_table_row(segment.text, segment.header).sex_rules
        elif segment.kind == "sentence":
            rules = analyse_figures(segment.text).sex_rules
        else:
            return []
        return _finding(self.name, segment, rules[0]) if rules else []


class GenderBlindStats:
    """B: statistics about people that are not split by sex."""

    name = GENDERBLIND

    def find(self, segment: Segment) -> list[Finding]:
        """Fire on a figure that counts people with no sex split of its own."""
        if segment.kind == "table_row":
            rules = analyse_table_row(segment.text, segment.header).people_rules
        elif segment.kind == "sentence":
            rules = analyse_figures(segment.text).people_rules
        else:
            return []
        return _finding(self.name, segment, rules[0]) if rules else []


# --- C: gender impact analysis ----------------------------------------------

GENDER_OBJ = (
    r"(?:kvinnor|kvinnors|kvinnorna|män|mäns|männen|flickor|flickors|pojkar|"
    r"pojkars|tjejer|killar|mammor|pappor|mamman|mammans|pappan|"
    r"(?:o)?jämställ(?!dhetsintegr|dhetsarbet|dhetsminister|dhetspolit)\w*|"
    r"könen|kön|könsskillnader\w*|könsfördelning\w*)"
)
IMPACT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "C.effect_on_gender",
        re.compile(
            r"\b(?:effekt\w*|konsekvens\w*|påverkan|inverkan|betydelse|följd\w*)"
            r"\s+(?:\S+\s+){0,3}(?:på|för)\s+(?:\S+\s+){0,2}" + GENDER_OBJ + r"\b",
            re.IGNORECASE,
        ),
    ),
    (
        "C.affects_gender",
        re.compile(
            r"\b(?:påverka[rs]?|påverkat|gynna[rs]?|gynnat|missgynna[rs]?|"
            r"(?<!som )(?<!som även )(?<!som också )drabba[rs]?|"
            r"medför|medföra|innebär|innebära|skapa\w*|förbättra\w*|försämra\w*)"
            r"\s+(?:\S+\s+){0,7}?" + GENDER_OBJ + r"\b",
            re.IGNORECASE,
        ),
    ),
    (
        "C.leads_to_gender_outcome",
        # "leder till / bidrar (det) till ..." with a longer reach: the
        # consequence clause often names the group last.
        re.compile(
            r"\b(?:leda|leder|lett|ledde|bidra|bidrar|bidragit|bidrog)\s+"
            r"(?:det\s+|detta\s+|\w+\s+)?till\s+(?:[^\s.;:]+\s+){0,16}?"
            + GENDER_OBJ
            + r"\b",
            re.IGNORECASE,
        ),
    ),
    (
        "C.conditional_effect",
        # "När fler kvinnor deltar ... bidrar det till ..."
        re.compile(
            r"\bnär (?:fler|färre|flera) " + GENDER_OBJ + r"\b[^.;]{0,120}?"
            r"\b(?:bidrar|leder|medför|innebär|ger) (?:det|detta) ",
            re.IGNORECASE,
        ),
    ),
    (
        "C.promotes_equality",
        re.compile(
            r"\b(?:öka|ökar|stärka|stärker|främja|främjar)\s+(?:den |en |ett )?"
            r"(?:mer |ökad |större )?jämställ\w*",
            re.IGNORECASE,
        ),
    ),
    (
        "C.effect_on_equality",
        re.compile(
            r"\beffekt\w*\b.*\bjämställd(?!hetsintegr)\w*|"
            r"\bjämställd(?!hetsintegr)\w*\b.*\beffekt\w*",
            re.IGNORECASE,
        ),
    ),
    (
        "C.gender_affected",
        re.compile(
            r"\b(?:jämställdheten|kvinnor|män|flickor|pojkar|kvinnorna|männen)\s+"
            r"(?:\S+\s+){0,2}(?:gynnas|missgynnas|påverkas|främjas|stärks|"
            r"försämras|förbättras|drabbas)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "C.differs_by_sex",
        re.compile(
            r"\b(?:olika|olikt|större|mindre|högre|lägre)\s+(?:\S+\s+){0,2}"
            r"(?:för|mellan|bland)\s+(?:\S+\s+){0,1}"
            r"(?:kvinnor|män|flickor|pojkar|kvinnorna|männen)\b",
            re.IGNORECASE,
        ),
    ),
)
IMPACT_HINT_RE = re.compile(
    r"kvinn|\bmän|männ|flick|pojk|jämställ|kön|tjej|kill|mamm|papp", re.IGNORECASE
)
# Something public whose consequences are described.
POLICY_RE = re.compile(
    r"(?:förslag|föreslag|reform|satsning|insats|åtgärd|program|projekt|beslut|"
    r"lagändring|lagstiftning|regel|regler|regelverk|ändring|system|bonus|"
    r"förmån|ersättning|bidrag|pension|föräldrapenning|föräldraförsäkring|"
    r"dubbeldag|budget|investering|upphandling|utbyggnad|verksamhet|tjänst|"
    r"taxa|avgift|prioritering|omorganisation|planen|detaljplan|ärendet|"
    r"avdrag|skatt|utbildning|stöd)\w*",
    re.IGNORECASE,
)
PURPOSE_RE = re.compile(
    r"\b(?:syft\w*|i syfte|ska analysera|ska redovisa|ska belysa|ska beskriva|"
    r"ska utreda|ska bedöma|ska klarlägga|ska kartlägga|ska undersöka|"
    r"ska utvärdera|ska följa upp|ska beakta|ska utgå|bör analysera|"
    r"uppdrag\w*|direktiv\w*|målet|mål är|delmål\w*|"
    r"presenteras en|redovisas i|se avsnitt|se kapitel|barnkonsekvens\w*|"
    r"jämställdhetsintegrering\w*|saknas|ingen jämställdhetsanalys|"
    r"inte jämställdhetsanalyser\w*)",
    re.IGNORECASE,
)
PURPOSE_CLAUSE_RE = re.compile(
    r"\bför att (?:\S+\s+){0,2}(?:öka|främja|stärka|minska|förbättra)", re.IGNORECASE
)
PROPOSAL_RE = re.compile(r"\b(?:förslag|föreslag|reform)\w*", re.IGNORECASE)
IMPACT_HEADING_RE = re.compile(
    r"(?:konsekvens\w* för (?:jämställdhet|kvinnor|flickor|män)|"
    r"jämställdhetskonsekvens|jämställdhetsanalys|jämställdhetsbedömning|"
    r"könskonsekvens|konsekvensanalys ur ett jämställdhetsperspektiv|"
    r"påverkan på jämställdhet|jämställdhetsperspektiv)",
    re.IGNORECASE,
)
ASSESSMENT_RE = re.compile(
    r"\b(?:bedöm\w*|påverk\w*|konsekvens\w*|effekt\w*|innebär\w*|leder|gynna\w*|"
    r"missgynna\w*|kvinnor|män|flickor|pojkar)\b",
    re.IGNORECASE,
)


class GenderImpactAnalysis:
    """C: how a proposal, rule or activity affects women and men, girls and boys."""

    name = IMPACT

    def find(self, segment: Segment) -> list[Finding]:
        """Fire on an impact statement tied to a proposal or activity."""
        if segment.kind != "sentence":
            return []
        text = segment.text
        if not IMPACT_HINT_RE.search(text) or PURPOSE_RE.search(text):
            return []
        in_impact_section = bool(
            segment.section and IMPACT_HEADING_RE.search(segment.section)
        )
        if in_impact_section and ASSESSMENT_RE.search(text):
            return _finding(self.name, segment, "C.impact_section")
        context = " ".join(
            part for part in (segment.previous, text, segment.section) if part
        )
        has_policy = bool(POLICY_RE.search(context))
        for rule, pattern in IMPACT_PATTERNS:
            match = pattern.search(text)
            if not match:
                continue
            if rule == "C.gender_affected" and match.group(0).lower().startswith(
                "jämställdheten"
            ):
                return _finding(self.name, segment, rule)
            if not has_policy:
                continue
            before = text[: match.end()]
            if PURPOSE_CLAUSE_RE.search(before) and not PROPOSAL_RE.search(text):
                continue
            return _finding(self.name, segment, rule)
        return []


# --- D: gender-equality goals -------------------------------------------------

GOAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "D.national_goal_wording",
        re.compile(r"samma makt att forma samhället", re.IGNORECASE),
    ),
    (
        "D.equality_policy_goal",
        re.compile(
            r"jämställdhetspolitisk\w*\s+(?:\w+\s+){0,2}(?:mål|delmål)\w*|"
            r"jämställdhetspolitikens\s+(?:\w+\s+)?(?:mål|delmål)\w*|"
            r"\b(?:mål|målet|målen|delmål\w*)\s+(?:\w+\s+){0,2}"
            r"(?:för|med|inom)\s+jämställdhetspolitiken",
            re.IGNORECASE,
        ),
    ),
    (
        "D.sub_goal_wording",
        re.compile(
            r"jämn fördelning av (?:makt och inflytande|det obetalda)|"
            r"mäns våld mot kvinnor (?:ska|skall) upphöra|"
            r"samma rätt och möjlighet till kroppslig integritet|"
            r"samma möjligheter och villkor (?:i fråga om|när det gäller) "
            r"(?:betalt arbete|utbildning|hälsa)",
            re.IGNORECASE,
        ),
    ),
    (
        "D.sub_goal_named",
        re.compile(
            r"\b(?:delmål\w*|mål\w*|fokusområde\w*|målområde\w*)\b[^.]{0,60}"
            r"\b(?:ekonomisk jämställdhet|jämställd utbildning|jämställd hälsa|"
            r"jämställd makt)\b|"
            r"\b(?:ekonomisk jämställdhet|jämställd utbildning|jämställd hälsa)\b"
            r"[^.]{0,40}\b(?:delmål\w*|fokusområde\w*|målområde\w*)",
            re.IGNORECASE,
        ),
    ),
    (
        "D.gender_balance_goal",
        re.compile(r"\bmålet om (?:en )?jämn könsfördelning", re.IGNORECASE),
    ),
    (
        "D.equality_strategy_or_plan",
        re.compile(
            r"jämställdhetsstrategi\w*|jämställdhetsplan\w*|jämställdhetsmål\w*|"
            r"jämställdhetsprogram\w*|handlingsplan\w* för (?:ökad )?jämställdhet\b|"
            r"strategi\w* för (?:ökad )?jämställdhet\b|"
            r"\bmål\w* för (?:kommunens |regionens |ökad )?jämställdhet(?:en)?\b|"
            r"handlingsplan\w* för kvinnor, fred och säkerhet",
            re.IGNORECASE,
        ),
    ),
    (
        "D.cemr_charter",
        re.compile(
            r"\bCEMR\b|europeiska deklarationen för jämställdhet|"
            r"jämställdhetsdeklaration\w*|deklarationen för jämställdhet",
            re.IGNORECASE,
        ),
    ),
    (
        "D.agenda2030_goal5",
        re.compile(
            r"(?:globala |agenda 2030[^.]{0,120})(?:mål|målet)\s*(?:nummer |nr\.? )?5\b|"
            r"\(mål 5\)|\bmål 5\b[^.]{0,40}jämställd|\bSDG ?5\b",
            re.IGNORECASE,
        ),
    ),
)
GOAL_HINT_RE = re.compile(
    r"jämställd|makt att forma|fördelning av|mäns våld|kroppslig|CEMR|mål 5|målet 5|könsförd|"
    r"SDG|kvinnor, fred|villkor",
    re.IGNORECASE,
)


class EqualityGoals:
    """D: references to gender-equality goals, plans and strategies."""

    name = GOALS

    def find(self, segment: Segment) -> list[Finding]:
        """Fire on a named or quoted gender-equality goal, plan or strategy."""
        text = segment.text
        if not GOAL_HINT_RE.search(text):
            return []
        for rule, pattern in GOAL_PATTERNS:
            if pattern.search(text):
                return _finding(self.name, segment, rule)
        return []


DETECTORS: list[Detector] = [
    SexDisaggregatedStats(),
    GenderBlindStats(),
    GenderImpactAnalysis(),
    EqualityGoals(),
]
