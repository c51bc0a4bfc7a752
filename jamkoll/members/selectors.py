"""Read paths for people, mandates and representation."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import board_ids
from jamkoll.members.models import Membership, Person, Term
from jamkoll.members.representation import BodyRepresentation, tally
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.organisations.permissions import users_of


def representation(
    *, organisation: Organisation, term: Term | None = None
) -> list[BodyRepresentation]:
    """Women and men per body and term as members, substitutes and chairs (one query)."""
    mandates = Membership.objects.filter(
        unit__organisation=organisation, ends_on__isnull=True
    )
    if term is not None:
        mandates = mandates.filter(term=term)
    rows = (
        mandates.values(
            "unit_id",
            "unit__name",
            "unit__kind",
            "term_id",
            "term__starts_on",
            "role",
            "person__sex",
        )
        .annotate(n=Count("pk"))
        .order_by("-term__starts_on", "unit__kind", "unit__name")
    )
    labels = {t.pk: str(t) for t in Term.objects.filter(organisation=organisation)}
    kind_order = {kind: i for i, kind in enumerate(Unit.Kind.values)}
    ordered = sorted(
        rows,
        key=lambda r: (
            -r["term__starts_on"].toordinal(),
            kind_order[r["unit__kind"]],
            r["unit__name"],
        ),
    )
    return tally(
        (
            r["unit_id"],
            r["unit__name"],
            r["term_id"],
            labels.get(r["term_id"], ""),
            r["role"],
            r["person__sex"],
            r["n"],
        )
        for r in ordered
    )


def people(*, organisation: Organisation, query: str = "") -> QuerySet[Person]:
    result = Person.objects.filter(organisation=organisation).select_related("party")
    if query:
        for word in query.split():
            result = result.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
    return result.annotate(mandate_count=Count("memberships")).order_by(
        "last_name", "first_name"
    )


def unit_mandates(*, unit: Unit) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(unit=unit)
        .select_related("person", "person__party", "term")
        .order_by("-term__starts_on", "role", "person__last_name")
    )


def person_mandates(*, person: Person) -> QuerySet[Membership]:
    return person.memberships.select_related("unit", "term").order_by(
        "-term__starts_on", "unit__name"
    )


def boards_acted_for(*, person: Person) -> list[Unit]:
    """The boards the person's account acts for as a board politician (nämndpolitiker):
    those of their current mandates and those named on the role
    (`accounts.roles.board_ids`); empty without a linked account holding the role."""
    if person.user is None:
        return []
    ids = board_ids(person.user, person.organisation_id)
    return list(Unit.objects.filter(pk__in=ids).order_by("name", "pk"))


def linkable_users(
    *, organisation: Organisation, person: Person | None = None
) -> QuerySet[User]:
    """Accounts that can be linked to `person`: users holding a role in the
    organisation and not linked to another of its people (plus the person's own)."""
    taken = Person.objects.filter(organisation=organisation, user__isnull=False)
    if person is not None:
        taken = taken.exclude(pk=person.pk)
    candidates = users_of(organisation).exclude(pk__in=taken.values("user_id"))
    if person is not None and person.user_id:
        candidates = User.objects.filter(
            Q(pk__in=candidates.values("pk")) | Q(pk=person.user_id)
        )
    return candidates.order_by("last_name", "first_name", "username")


def linkable_people(*, organisation: Organisation, user: User) -> QuerySet[Person]:
    """People of the organisation that `user` can be linked to: those without an
    account, and the one already linked to `user`."""
    return (
        Person.objects.filter(organisation=organisation)
        .filter(Q(user__isnull=True) | Q(user=user))
        .select_related("party")
        .order_by("last_name", "first_name")
    )


def people_of_user(*, user: User, organisation: Organisation) -> list[Person]:
    """The person (at most one, by constraint) `user` is in the organisation, with
    the person's mandates."""
    return list(
        Person.objects.filter(organisation=organisation, user=user)
        .select_related("party")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("unit", "term").order_by(
                    "-term__starts_on", "unit__name"
                ),
            )
        )
    )


def chairs_equality_body(user: User, organisation_id: int, today: dt.date) -> bool:
    """Whether `user` is linked to a person who chairs (is ordförande of) a
    gender-equality body of the organisation on `today`, through a current mandate."""
    return (
        Membership.objects.filter(
            person__user=user,
            person__organisation_id=organisation_id,
            unit__organisation_id=organisation_id,
            unit__kind=Unit.Kind.EQUALITY_BODY,
            role=Membership.Role.CHAIR,
            starts_on__lte=today,
            term__ends_on__gte=today,
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .exists()
    )
