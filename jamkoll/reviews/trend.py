"""Share of criteria met per unit and year (pure; no Django imports).

yes counts 1, partly 0.5, no 0; "not relevant" and unanswered points are left out.
For score checklists (1–4) the average score is used instead.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

WEIGHTS = {"yes": 1.0, "partly": 0.5, "no": 0.0}
SCORES = {"1": 1.0, "2": 2.0, "3": 3.0, "4": 4.0}


def share_met(values: Iterable[str]) -> float | None:
    """Percent of the relevant answered points that are met, or None if there are none."""
    weights = [WEIGHTS[v] for v in values if v in WEIGHTS]
    if not weights:
        return None
    return round(100 * sum(weights) / len(weights), 1)


def mean_score(values: Iterable[str]) -> float | None:
    scores = [SCORES[v] for v in values if v in SCORES]
    if not scores:
        return None
    return round(sum(scores) / len(scores), 2)


@dataclass
class TrendRow:
    unit_id: int
    unit_name: str
    values: list[float | None] = field(default_factory=list)


def unit_trend(
    answers: Iterable[tuple[int, str, int, str]], *, scored: bool = False
) -> tuple[list[int], list[TrendRow]]:
    """Group `(unit_id, unit_name, year, value)` answers into one row per unit with a
    value per year (sorted), using `share_met` or, when `scored`, `mean_score`."""
    buckets: dict[tuple[int, int], list[str]] = {}
    names: dict[int, str] = {}
    for unit_id, unit_name, year, value in answers:
        buckets.setdefault((unit_id, year), []).append(value)
        names[unit_id] = unit_name
    years = sorted({year for _unit, year in buckets})
    measure = mean_score if scored else share_met
    rows = [
        TrendRow(
            unit_id,
            names[unit_id],
            [
                measure(buckets[(unit_id, y)]) if (unit_id, y) in buckets else None
                for y in years
            ],
        )
        for unit_id in sorted(names, key=lambda u: names[u])
    ]
    return years, rows
