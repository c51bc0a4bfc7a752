"""Hand-offs from the minutes to the material an agenda item came from.

When the body records its decision on an item that was made from another app's
material (its ``source_ref``, e.g. ``"cases.case:12"``), that app may want to record
the outcome on its own object: the body's preparation (beredning) of a council case.
Apps on the same layer as meetings (cases) may not import it, so they register a
handler through ``apps.get_app_config("meetings").register_item_outcome_handler``.

Contract for handlers
---------------------
A handler is registered for a ``source_ref`` prefix (``"cases.case:"``) and has:

- ``label``: the legend of the fieldset in the minutes form (translated);
- ``choices``: ``[(value, label), ...]`` of the outcomes the body may record;
- ``can_record(user, item) -> bool``: whether the user may record it on this item
  (the owning app's own permission rule, the item's source object visible to them);
- ``current(item) -> dict``: what is recorded for this item now, with keys
  ``outcome``, ``text``, ``gender_assessment`` (empty dict: nothing yet);
- ``record(*, item, outcome, text, gender_assessment, by)``: apply it. It checks
  permission itself and raises ``ValidationError`` with a Swedish message (and
  changes nothing) when the outcome cannot be recorded.

Registering twice for the same prefix replaces the earlier handler.
"""

from typing import Any, Protocol


class ItemOutcomeHandler(Protocol):
    label: Any
    choices: list[tuple[str, Any]]

    def can_record(self, user: Any, item: Any) -> bool: ...

    def current(self, item: Any) -> dict[str, str]: ...

    def record(
        self, *, item: Any, outcome: str, text: str, gender_assessment: str, by: Any
    ) -> Any: ...


_handlers: dict[str, ItemOutcomeHandler] = {}


def register_item_outcome_handler(prefix: str, handler: ItemOutcomeHandler) -> None:
    _handlers[prefix] = handler


def unregister_item_outcome_handler(prefix: str) -> None:
    _handlers.pop(prefix, None)


def handler_for(item: Any) -> ItemOutcomeHandler | None:
    """The handler for the material `item` was made from, if any."""
    ref = getattr(item, "source_ref", "") or ""
    for prefix, handler in _handlers.items():
        if ref.startswith(prefix):
            return handler
    return None


def record_outcome(
    *, item: Any, by: Any, outcome: str, text: str, gender_assessment: str = ""
) -> Any:
    """Hand the body's decision on `item` to the app its material came from.

    The minutes' own permission is checked here; the handler checks its own and raises
    ``ValidationError`` (nothing changed) when the outcome cannot be recorded.
    """
    from django.core.exceptions import PermissionDenied

    from jamkoll.meetings import permissions

    handler = handler_for(item)
    if handler is None or not permissions.can_edit(by, item.meeting):
        raise PermissionDenied
    return handler.record(
        item=item,
        outcome=outcome,
        text=text,
        gender_assessment=gender_assessment,
        by=by,
    )
