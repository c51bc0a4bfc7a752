"""Representation by sex (the first R of 3R): pure counting, no database.

Rows come from one aggregate query; this module turns them into a table per body and
term. Chairs and vice chairs count as members; substitutes are counted apart.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

WOMAN, MAN = "woman", "man"
GROUPS = ("members", "substitutes", "chairs")


@dataclass
class Tally:
    women: int = 0
    men: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men + self.other

    @property
    def share_women(self) -> float | None:
        """Share of women in percent, or None when the group is empty."""
        return None if self.total == 0 else round(100 * self.women / self.total, 1)

    @property
    def share_men(self) -> float | None:
        return None if self.total == 0 else round(100 * self.men / self.total, 1)

    def add(self, sex: str, n: int) -> None:
        if sex == WOMAN:
            self.women += n
        elif sex == MAN:
            self.men += n
        else:
            self.other += n


@dataclass
class BodyRepresentation:
    unit_id: int
    unit_name: str
    term_id: int
    term_label: str
    members: Tally = field(default_factory=Tally)
    substitutes: Tally = field(default_factory=Tally)
    chairs: Tally = field(default_factory=Tally)


def tally(
    rows: Iterable[tuple[int, str, int, str, str, str, int]],
) -> list[BodyRepresentation]:
    """Build the table from (unit_id, unit_name, term_id, term_label, role, sex, n) rows.

    Order follows the rows' first appearance, so the caller's ORDER BY decides.
    """
    table: dict[tuple[int, int], BodyRepresentation] = {}
    for unit_id, unit_name, term_id, term_label, role, sex, n in rows:
        key = (unit_id, term_id)
        entry = table.get(key)
        if entry is None:
            entry = table[key] = BodyRepresentation(
                unit_id, unit_name, term_id, term_label
            )
        if role == "substitute":
            entry.substitutes.add(sex, n)
            continue
        entry.members.add(sex, n)
        if role == "chair":
            entry.chairs.add(sex, n)
    return list(table.values())
