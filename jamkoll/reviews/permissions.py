"""Who may see and change document reviews and checklists."""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BODY_ROLES,
    CONTENT_ROLES,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
    roles_in,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.reviews.models import REVIEW_SOURCE_PREFIX, Checklist, Review

READ_ALL_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER})


def _scope(user: User, unit_field: str) -> Q:
    """Whole organisations for readers of everything; managed units for managers."""
    condition = Q(pk__in=[])
    for org_id in organisation_ids_of(user):
        roles = roles_in(user, org_id)
        if roles & READ_ALL_ROLES:
            condition |= Q(organisation_id=org_id)
        elif Role.MANAGER in roles:
            condition |= Q(
                organisation_id=org_id,
                **{f"{unit_field}__in": managed_unit_ids(user, org_id)},
            )
    return condition


def reviews_visible_to(user: User) -> QuerySet[Review]:
    """Reviews are read by everyone in the organisation; a manager (chef) reads only
    the reviews of the units they answer for."""
    return Review.objects.filter(_scope(user, "unit_id"))


def development_needs_visible_to(user: User) -> QuerySet[DevelopmentNeed]:
    """Development needs (utvecklingsbehov) found in reviews follow the same rule as
    reviews (they are `meetings.DevelopmentNeed` rows naming a review as source)."""
    return DevelopmentNeed.objects.filter(
        _scope(user, "unit_id"), source_ref__startswith=REVIEW_SOURCE_PREFIX
    )


def checklists_visible_to(user: User) -> QuerySet[Checklist]:
    """Shipped checklists are read by every user; own ones within the organisation."""
    return Checklist.objects.filter(
        Q(organisation__isnull=True) | Q(organisation_id__in=organisation_ids_of(user))
    )


def can_edit_reviews(user: User, obj: object) -> bool:
    """Administrators and strategists create, answer and complete reviews."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def can_edit_checklist(user: User, checklist: Checklist) -> bool:
    """Strategists change their organisation's own checklists; shipped ones are fixed."""
    if checklist.organisation_id is None:
        return False
    return has_any_role(user, checklist.organisation_id, CONTENT_ROLES)


def can_view_review(user: User, review: Review) -> bool:
    """Whether the review is in the user's scope (see `reviews_visible_to`)."""
    return reviews_visible_to(user).filter(pk=review.pk).exists()


def can_raise_demand(user: User, review: Review) -> bool:
    """The body's politicians and strategists turn a missing point into a demand."""
    return has_any_role(user, review.organisation_id, BODY_ROLES)
