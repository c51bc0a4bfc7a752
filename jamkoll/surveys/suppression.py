"""Small-group suppression for survey results. Pure Python: no Django imports.

The rule, as implemented (k = the round's smallest group shown, default 5):

1. **Total.** When fewer than k people answered a question, nothing about it is shown:
   neither the totals nor any breakdown.
2. **Primary suppression.** In a breakdown (by sex, by role level) every group with
   fewer than k respondents is hidden. Empty groups are hidden as well, so a reader
   cannot tell an empty group from a small one.
3. **Complementary suppression.** The shown total minus the shown groups equals the sum
   of the hidden groups. While that sum is above zero but below k (for example exactly
   one small group is hidden, or "other" and "not stated" are empty), the smallest
   shown group is hidden too, and so on until the hidden groups together hold at least
   k people or every group is hidden. This generalises "if exactly one group is hidden,
   hide the next smallest too": with 5 women and 2 men, the men's group (2) and the
   empty groups are hidden; they hold 2 < 5 people, so the women's group is hidden as
   well and the men's answers cannot be derived from the total.

The same rule is applied to every answer count inside a group: a group is shown or
hidden as a whole, so its option counts never allow differencing either.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DEFAULT_K = 5


@dataclass(frozen=True)
class Breakdown:
    """Which groups of one breakdown may be shown.

    `total_hidden` is true when the whole question must be hidden (rule 1); `hidden`
    holds the keys of hidden groups (all keys when `total_hidden`).
    """

    total: int
    hidden: frozenset[str]
    total_hidden: bool

    def is_shown(self, key: str) -> bool:
        return key not in self.hidden


def total_is_shown(total: int, *, k: int = DEFAULT_K) -> bool:
    """A question's totals are shown when at least k people answered it."""
    _check_k(k)
    return total >= k


def suppress(
    groups: Mapping[str, int] | Sequence[tuple[str, int]], *, k: int = DEFAULT_K
) -> Breakdown:
    """Decide which groups of a breakdown to hide.

    `groups` maps each group key to its number of respondents; the groups must
    partition the question's respondents (include "not stated", and empty groups).
    Ties among the smallest shown groups are broken by the order given.
    Raises ValueError for k < 2 or negative counts.
    """
    _check_k(k)
    items = list(groups.items()) if isinstance(groups, Mapping) else list(groups)
    if any(n < 0 for _key, n in items):
        raise ValueError("Group sizes cannot be negative.")
    total = sum(n for _key, n in items)
    keys = [key for key, _n in items]
    if total < k:
        return Breakdown(total=total, hidden=frozenset(keys), total_hidden=True)
    hidden = {key for key, n in items if n < k}
    while True:
        hidden_sum = sum(n for key, n in items if key in hidden)
        if hidden_sum == 0 or hidden_sum >= k:
            break
        shown = [
            (n, index, key) for index, (key, n) in enumerate(items) if key not in hidden
        ]
        if not shown:
            break
        hidden.add(min(shown)[2])
    return Breakdown(total=total, hidden=frozenset(hidden), total_hidden=False)


def share(count: int, total: int) -> float | None:
    """A percentage with one decimal, or None when there is nothing to divide by."""
    if total <= 0:
        return None
    return round(100 * count / total, 1)


def _check_k(k: int) -> None:
    if k < 2:
        raise ValueError("The smallest group shown must be at least 2.")
