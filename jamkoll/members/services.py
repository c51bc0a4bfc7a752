"""State changes for people and mandates. Each takes the acting user (`by`)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from jamkoll.accounts.models import User
from jamkoll.members.models import Membership, Person, Term
from jamkoll.organisations import permissions
from jamkoll.organisations.models import Organisation


def _check(by: User, organisation_obj: object) -> None:
    if not permissions.can_edit_structure(by, organisation_obj):
        raise PermissionDenied


@transaction.atomic
def save_person(
    *, organisation: Organisation, by: User, person: Person | None = None, **fields: Any
) -> Person:
    """Create or change a person in the organisation's register."""
    _check(by, organisation)
    person = person or Person(organisation=organisation)
    if person.organisation_id != organisation.pk:
        raise PermissionDenied
    for name, value in fields.items():
        setattr(person, name, value)
    person._history_user = by  # type: ignore[attr-defined]
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def save_term(*, organisation: Organisation, by: User, **fields: Any) -> Term:
    """Register a mandate period (mandatperiod)."""
    _check(by, organisation)
    term = Term(organisation=organisation, **fields)
    term._history_user = by  # type: ignore[attr-defined]
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def save_membership(
    *, by: User, membership: Membership | None = None, **fields: Any
) -> Membership:
    """Give a person a seat in a body for a term; at most one sitting chair per term.

    Raises ValidationError (e.g. a second chair, end before start) with nothing saved.
    """
    membership = membership or Membership()
    for name, value in fields.items():
        setattr(membership, name, value)
    _check(by, membership.unit)
    membership._history_user = by  # type: ignore[attr-defined]
    membership.full_clean()
    membership.save()
    return membership
