"""Which organisation owns an object: the one answer every permission check and the
audit trail use.

- An organisation owns itself.
- A model with an ``organisation`` foreign key is owned by that organisation.
- A model without one (a minutes approval, a development area of a report) defines
  the property ``owner_organisation_id``, following its parent.

Anything else is owned by no organisation, so no role anywhere grants access to it.
"""

from typing import Any

ORGANISATION_MODEL = "organisations.Organisation"


def organisation_id_of(obj: Any) -> int | None:
    meta = getattr(obj, "_meta", None)
    if meta is not None and meta.label == ORGANISATION_MODEL:
        return obj.pk  # type: ignore[no-any-return]
    if hasattr(obj, "owner_organisation_id"):
        return obj.owner_organisation_id  # type: ignore[no-any-return]
    return getattr(obj, "organisation_id", None)
