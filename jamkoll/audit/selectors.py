"""The audit trail, read from django-simple-history's tables."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model


@dataclass
class Change:
    field: str
    old: Any
    new: Any


@dataclass
class HistoryEntry:
    when: Any
    who: str
    action: str
    changes: list[Change]
    reason: str


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def object_history(obj: Model) -> list[HistoryEntry]:
    """Every recorded version of `obj`, newest first, with field-level differences."""
    records = list(
        obj.history.select_related("history_user").order_by(
            "-history_date", "-history_id"
        )
    )  # type: ignore[attr-defined]
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[Change] = []
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [
                Change(_label(obj, c.field), c.old, c.new) for c in delta.changes
            ]
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user) if record.history_user else "",
                action=ACTIONS.get(record.history_type, record.history_type),
                changes=changes,
                reason=record.history_change_reason or "",
            )
        )
    return entries


def _label(obj: Model, field: str) -> str:
    try:
        return str(obj._meta.get_field(field).verbose_name)
    except FieldDoesNotExist:
        return field
