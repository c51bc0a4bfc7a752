"""State changes for people and mandates. Each takes the acting user (`by`)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core.changes import KEEP, assign
from jamkoll.members.models import Membership, Party, Person, Term
from jamkoll.organisations import permissions
from jamkoll.organisations.models import Organisation, Unit

ACCOUNT_TAKEN = _(
    "The account %(user)s is already linked to %(person)s in this organisation. An "
    "account can be linked to one person per organisation."
)
ACCOUNT_TAKEN_NOW = _(
    "The account was linked to another person in this organisation at the same time. "
    "Reload the page and choose again."
)
ACCOUNT_NOT_IN_ORGANISATION = _(
    "The account %(user)s has no role in this organisation."
)
PERSON_TAKEN = _("%(person)s is already linked to the account %(user)s.")


def _check(by: User, organisation_obj: object) -> None:
    if not permissions.can_edit_structure(by, organisation_obj):
        raise PermissionDenied


def _check_account(person: Person, organisation: Organisation) -> None:
    """Raise ValidationError unless `person.user` may be this person's account: it
    holds a role in the organisation and is no other person's there."""
    if person.user_id is None:
        return
    user = person.user
    assert user is not None  # noqa: S101 - user_id is set
    if not permissions.users_of(organisation).filter(pk=user.pk).exists():
        raise ValidationError({"user": ACCOUNT_NOT_IN_ORGANISATION % {"user": user}})
    other = (
        Person.objects.filter(organisation=organisation, user=user)
        .exclude(pk=person.pk)
        .first()
    )
    if other is not None:
        raise ValidationError({"user": ACCOUNT_TAKEN % {"user": user, "person": other}})


def _save_linked(person: Person, by: User) -> None:
    """Save a person whose account may have changed. The one-person-per-account rule
    is checked above with a clear message and enforced by the database
    (`person_one_per_user_and_organisation`); a parallel link that wins the race
    gives the same kind of message, not a server error."""
    person._history_user = by  # type: ignore[attr-defined]
    person.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        if person.user_id is None:
            raise
        raise ValidationError({"user": ACCOUNT_TAKEN_NOW}) from None


@transaction.atomic
def save_person(
    *,
    organisation: Organisation,
    by: User,
    person: Person | None = None,
    first_name: str = KEEP,
    last_name: str = KEEP,
    sex: str = KEEP,
    party: Party | None = KEEP,
    email: str = KEEP,
    user: User | None = KEEP,
) -> Person:
    """Create or change a person in the organisation's register, including the login
    account linked to the person (`user`, at most one person per account and
    organisation).

    Raises ValidationError (the account is someone else's or has no role here) with
    nothing saved.
    """
    _check(by, organisation)
    person = person or Person(organisation=organisation)
    if person.organisation_id != organisation.pk:
        raise PermissionDenied
    old_user_id = person.user_id
    assign(
        person,
        first_name=first_name,
        last_name=last_name,
        sex=sex,
        party=party,
        email=email,
        user=user,
    )
    if person.user_id != old_user_id:
        _check_account(person, organisation)
    _save_linked(person, by)
    return person


@transaction.atomic
def link_account(
    *, organisation: Organisation, user: User, person: Person | None, by: User
) -> Person | None:
    """Make `user` the login account of `person` in the organisation, or of nobody
    when `person` is None; a person the user was linked to before is unlinked.

    Only the organisation's administrators manage accounts. Raises ValidationError
    when the person is already linked to another account, or the account holds no
    role in the organisation.
    """
    if not permissions.can_manage_users(by, organisation):
        raise PermissionDenied
    if person is not None and person.organisation_id != organisation.pk:
        raise PermissionDenied
    if not permissions.users_of(organisation).filter(pk=user.pk).exists():
        raise ValidationError(ACCOUNT_NOT_IN_ORGANISATION % {"user": user})
    current = list(
        Person.objects.select_for_update().filter(organisation=organisation, user=user)
    )
    if person is not None:
        person = Person.objects.select_for_update().get(pk=person.pk)
        if person.user_id not in (None, user.pk):
            raise ValidationError(
                {"person": PERSON_TAKEN % {"person": person, "user": person.user}}
            )
    for linked in current:
        if person is not None and linked.pk == person.pk:
            continue
        linked.user = None
        _save_linked(linked, by)
    if person is not None and person.user_id != user.pk:
        person.user = user
        _save_linked(person, by)
    return person


@transaction.atomic
def save_term(
    *, organisation: Organisation, by: User, starts_on: dt.date, ends_on: dt.date
) -> Term:
    """Register a mandate period (mandatperiod)."""
    _check(by, organisation)
    term = Term(organisation=organisation, starts_on=starts_on, ends_on=ends_on)
    term._history_user = by  # type: ignore[attr-defined]
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def save_membership(
    *,
    by: User,
    membership: Membership | None = None,
    person: Person = KEEP,
    unit: Unit = KEEP,
    term: Term = KEEP,
    role: str = KEEP,
    starts_on: dt.date = KEEP,
    ends_on: dt.date | None = KEEP,
) -> Membership:
    """Give a person a seat in a body for a term; at most one sitting chair per term.
    Fields not given keep their value.

    Raises ValidationError (e.g. a second chair, end before start) with nothing saved.
    """
    if membership is not None and membership.pk:
        # The stored seat too: a form may already have moved the instance.
        _check(by, Membership.objects.get(pk=membership.pk).unit)
    membership = membership or Membership()
    assign(
        membership,
        person=person,
        unit=unit,
        term=term,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    _check(by, membership.unit)
    membership._history_user = by  # type: ignore[attr-defined]
    membership.full_clean()
    membership.save()
    return membership
