"""How to find the organisation that owns an audited object."""

from typing import Any


def organisation_id_of(obj: Any) -> int | None:
    """Follow `organisation_id`, or the object's `audit_organisation_id` property.

    Models without a direct organisation link define `audit_organisation_id`.
    """
    if hasattr(obj, "audit_organisation_id"):
        return obj.audit_organisation_id  # type: ignore[no-any-return]
    if obj.__class__.__name__ == "Organisation":
        return obj.pk  # type: ignore[no-any-return]
    return getattr(obj, "organisation_id", None)
