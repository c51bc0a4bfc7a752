"""Document summary: findings mapped onto checklist criteria as suggestions.

Pure data. The Django side maps each key (a detector name) onto its checklist
items; this module only says yes / partly / no and gives evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from jamkoll.textanalysis.detectors import DETECTOR_NAMES, Finding

Verdict = Literal["yes", "partly", "no"]
MAX_EVIDENCE = 3
YES_THRESHOLD = 2


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suggested answer for one criterion with evidence quotes."""

    verdict: Verdict
    count: int
    evidence: list[Finding] = field(default_factory=list)


def suggest_criteria(findings: Iterable[Finding]) -> dict[str, Suggestion]:
    """Map findings to one suggestion per detector name.

    ``yes`` when the detector fired in at least two places, ``partly`` for a
    single finding, ``no`` otherwise. Evidence keeps at most three findings,
    preferring distinct pages.
    """
    grouped: dict[str, list[Finding]] = {name: [] for name in DETECTOR_NAMES}
    for finding in findings:
        grouped.setdefault(finding.detector, []).append(finding)
    out: dict[str, Suggestion] = {}
    for name, items in grouped.items():
        seen_pages: set[int] = set()
        evidence: list[Finding] = []
        for item in items:
            if item.page not in seen_pages:
                evidence.append(item)
                seen_pages.add(item.page)
        for item in items:
            if len(evidence) >= MAX_EVIDENCE:
                break
            if item not in evidence:
                evidence.append(item)
        count = len(items)
        verdict: Verdict = (
            "yes" if count >= YES_THRESHOLD else "partly" if count else "no"
        )
        out[name] = Suggestion(verdict, count, evidence[:MAX_EVIDENCE])
    return out
