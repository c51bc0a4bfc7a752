"""Agenda suggestions ("föreslå punkter"): open material the secretary may pick from.

Contract for providers
----------------------
A provider is a callable ``provider(organisation, today, *, user) -> Iterable[Suggestion]``:

- ``organisation`` is an ``organisations.Organisation``; ``today`` a ``datetime.date``;
  ``user`` the person asking. A provider returns only what that user may open: it
  filters with its own app's ``*_visible_to(user)`` queryset (the owning app decides,
  never the app that shows the list).
- It returns what is open *now* for that organisation, e.g. demands awaiting assessment
  or overdue (result_requests), council cases to prepare (cases), reviews to discuss
  (reviews), dialogue meetings to prepare and assignments to follow up (meetings).
- Each item has ``kind`` (a short, translated label such as "Ärende att bereda"),
  ``title``, ``url`` (where the material lives) and ``source_ref`` — a stable key such
  as ``"result_requests.resultrequest:12"``. An agenda item made from a suggestion keeps
  the ``source_ref``, so the same material is not suggested twice for one meeting.
- It must run a fixed number of queries (no per-row queries) and must not write.
- Apps above meetings import ``Suggestion`` and call ``register(provider)`` from their
  ``AppConfig.ready()``. ``cases`` sits on the same layer and may not import meetings:
  it registers through ``apps.get_app_config("meetings").register_suggestion_provider``
  and returns its own objects with the same four attributes (duck typing is allowed).

Registering the same callable twice has no effect.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from jamkoll.core.registry import Registry


class SuggestionLike(Protocol):
    kind: Any
    title: str
    url: str
    source_ref: str


@dataclass(frozen=True)
class Suggestion:
    kind: str
    title: str
    url: str
    source_ref: str


Provider = Callable[..., Iterable[SuggestionLike]]

_providers: Registry[Provider] = Registry()
register = _providers.register
unregister = _providers.unregister


def collect(
    organisation: Any, today: dt.date, *, user: Any, exclude: Iterable[str] = ()
) -> list[Suggestion]:
    """Every provider's suggestions that `user` may open, without those whose
    `source_ref` is in `exclude`, in provider order, each source once."""
    skip = set(exclude)
    result: list[Suggestion] = []
    for provider in _providers:
        for item in provider(organisation, today, user=user):
            if item.source_ref in skip:
                continue
            skip.add(item.source_ref)
            result.append(
                Suggestion(
                    kind=str(item.kind),
                    title=str(item.title),
                    url=str(item.url),
                    source_ref=str(item.source_ref),
                )
            )
    return result
