"""Links on a unit's page to what other apps hold about the unit.

A provider is ``provider(unit, user) -> Iterable[UnitLink]`` and returns only links
the user may open: the app that owns the linked page decides, with its own
``permissions``, so no role rule of a higher app lives here. Apps above
``organisations`` call ``register(provider)`` from their ``AppConfig.ready()``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jamkoll.core.registry import Registry


@dataclass(frozen=True)
class UnitLink:
    label: str
    url: str


Provider = Callable[[Any, Any], Iterable[UnitLink]]

_providers: Registry[Provider] = Registry()
register = _providers.register


def links_for(unit: Any, user: Any) -> list[UnitLink]:
    return [link for provider in _providers for link in provider(unit, user)]
