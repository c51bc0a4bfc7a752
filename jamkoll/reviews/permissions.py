"""Who may see and change document reviews and checklists."""

from django.db.models import Q, QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    BODY_ROLES,
    CONTENT_ROLES,
    board_ids,
    board_scope_ids,
    has_any_role,
    managed_unit_ids,
    organisation_ids_of,
    roles_in,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.boards import acts_for_unit_id, board_level_condition
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reviews.models import REVIEW_SOURCE_PREFIX, Checklist, Review

READ_ALL_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER})


def _scope(user: User, unit_field: str) -> Q:
    """Whole organisations for readers of everything; managed units for managers; a
    board politician's own boards' domain and the organisation-wide matters (roles
    add up)."""
    condition = Q(pk__in=[])
    for org_id in organisation_ids_of(user):
        roles = roles_in(user, org_id)
        if roles & READ_ALL_ROLES:
            condition |= Q(organisation_id=org_id)
            continue
        if Role.MANAGER in roles:
            condition |= Q(
                organisation_id=org_id,
                **{f"{unit_field}__in": managed_unit_ids(user, org_id)},
            )
        if Role.BOARD_POLITICIAN in roles:
            condition |= board_level_condition(user, org_id, unit_field)
    return condition


def reviews_visible_to(user: User) -> QuerySet[Review]:
    """Reviews are read by everyone in the organisation; a manager (chef) reads only
    the reviews of the units they answer for; a board politician those of their own
    boards' domain and the organisation-wide ones (another board's are hidden)."""
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
    """Administrators and strategists create, answer and complete reviews; a board
    politician those of their own boards' domain (organisation-wide reviews are
    read-only for them). For an organisation (checklists, the organisation's own
    lists) only administrators and strategists."""
    org_id = organisation_id_of(obj)
    if has_any_role(user, org_id, CONTENT_ROLES):
        return True
    unit_id = getattr(obj, "unit_id", None)
    return acts_for_unit_id(user, org_id, unit_id)


def can_create_reviews(user: User, organisation: Organisation) -> bool:
    """Administrators and strategists; a board politician for their own boards."""
    return has_any_role(user, organisation.pk, CONTENT_ROLES) or bool(
        board_ids(user, organisation.pk)
    )


def board_units_of(user: User, organisation: Organisation) -> QuerySet[Unit] | None:
    """The units a board politician may file a review under (their own boards'
    domain); None for administrators and strategists, who may choose any unit."""
    if has_any_role(user, organisation.pk, CONTENT_ROLES):
        return None
    return Unit.objects.of(organisation).filter(
        pk__in=board_scope_ids(user, organisation.pk)
    )


def can_use_unit(user: User, organisation_id: int, unit: Unit | None) -> bool:
    """Whether the user may file a review (or a need found in one) under `unit`."""
    if has_any_role(user, organisation_id, CONTENT_ROLES):
        return True
    return unit is not None and acts_for_unit_id(user, organisation_id, unit.pk)


def can_edit_checklist(user: User, checklist: Checklist) -> bool:
    """Strategists change their organisation's own checklists; shipped ones are fixed."""
    if checklist.organisation_id is None:
        return False
    return has_any_role(user, checklist.organisation_id, CONTENT_ROLES)


def can_view_review(user: User, review: Review) -> bool:
    """Whether the review is in the user's scope (see `reviews_visible_to`)."""
    return reviews_visible_to(user).filter(pk=review.pk).exists()


def can_raise_demand(user: User, review: Review) -> bool:
    """The body's politicians and strategists turn a missing point into a demand; a
    board politician for reviews of their own boards' domain (the demand is then
    raised on behalf of their board)."""
    if has_any_role(user, review.organisation_id, BODY_ROLES):
        return True
    return acts_for_unit_id(user, review.organisation_id, review.unit_id)
