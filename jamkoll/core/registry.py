"""A list of plug-ins that higher apps add to a lower one (agenda suggestions, year
wheel events, links on a unit's page), so the lower app never imports them."""

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Plug-ins in the order they were registered; registering one twice has no
    effect, so `AppConfig.ready()` may run more than once."""

    def __init__(self) -> None:
        self._items: list[T] = []

    def register(self, item: T) -> T:
        """Add `item` (usable as a decorator)."""
        if item not in self._items:
            self._items.append(item)
        return item

    def unregister(self, item: T) -> None:
        if item in self._items:
            self._items.remove(item)

    def __iter__(self) -> Iterator[T]:
        return iter(list(self._items))
