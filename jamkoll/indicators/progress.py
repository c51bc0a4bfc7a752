"""Roll-up of action progress per goal and per charter article: pure, no Django."""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

CANCELLED = "cancelled"
DONE = "done"


@dataclass(frozen=True)
class Rollup:
    """Progress of the actions behind one goal or article.

    ``progress`` is the mean progress in percent (a done action counts as 100),
    rounded to a whole number; ``None`` when no action counts. Cancelled actions
    are left out of the mean but still counted in ``cancelled``.
    """

    actions: int
    done: int
    cancelled: int
    progress: int | None


def action_progress(status: str, progress: int) -> int:
    """An action's own progress: done is 100 whatever was last reported."""
    return 100 if status == DONE else max(0, min(100, progress))


def rollup(actions: Iterable[tuple[str, int]]) -> Rollup:
    """Roll ``(status, progress)`` pairs up into one :class:`Rollup`."""
    counted: list[int] = []
    done = cancelled = total = 0
    for status, progress in actions:
        total += 1
        if status == CANCELLED:
            cancelled += 1
            continue
        if status == DONE:
            done += 1
        counted.append(action_progress(status, progress))
    mean = round(sum(counted) / len(counted)) if counted else None
    return Rollup(actions=total, done=done, cancelled=cancelled, progress=mean)


def rollup_by(
    tagged: Iterable[tuple[Hashable, str, int]],
) -> dict[Hashable, Rollup]:
    """Roll ``(key, status, progress)`` rows up per key (goal id, article number)."""
    grouped: dict[Hashable, list[tuple[str, int]]] = {}
    for key, status, progress in tagged:
        grouped.setdefault(key, []).append((status, progress))
    return {key: rollup(rows) for key, rows in grouped.items()}
