"""Read paths for people, mandates and representation."""

from django.db.models import Count, Q, QuerySet

from jamkoll.members.models import Membership, Person, Term
from jamkoll.members.representation import BodyRepresentation, tally
from jamkoll.organisations.models import Organisation, Unit


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
