"""State changes for local indicators, comparison groups, goals and actions.

Each takes the acting user (``by``), checks permission itself, validates with
``full_clean()`` and leaves the audit trail through django-simple-history.
Kolada imports and file imports live in :mod:`jamkoll.indicators.imports`.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.core.changes import KEEP, assign
from jamkoll.indicators import permissions
from jamkoll.indicators.models import (
    Action,
    CharterArticle,
    CharterSignature,
    ComparisonGroup,
    Goal,
    Indicator,
    LocalValue,
    Milestone,
    Municipality,
    NationalGoal,
)
from jamkoll.members import selectors as member_selectors
from jamkoll.organisations.models import Organisation, Unit

CHAIRS_INDICATOR_CODE = "L-ORDF-K"
CHAIRS_INDICATOR_TITLE = "Andel kvinnor bland ordförande"


def _check(by: User, obj: object) -> None:
    if not permissions.can_manage(by, obj):
        raise PermissionDenied


def _save(obj: Any, by: User) -> Any:
    obj._history_user = by
    obj.full_clean()
    obj.save()
    return obj


def municipality_for_code(code: str, title: str = "") -> Municipality:
    """The code-table row for a Kolada municipality code, created if missing."""
    municipality, created = Municipality.objects.get_or_create(
        code=code, defaults={"title": title}
    )
    if title and not created and municipality.title != title:
        municipality.title = title
        municipality.save(update_fields=["title"])
    return municipality


@transaction.atomic
def save_local_indicator(
    *,
    organisation: Organisation,
    by: User,
    indicator: Indicator | None = None,
    code: str = KEEP,
    title: str = KEEP,
    unit: str = KEEP,
    period_kind: str = KEEP,
    is_split_by_sex: bool = KEEP,
    description: str = KEEP,
) -> Indicator:
    """Create or change one of the organisation's own indicators (fields not given
    keep their value; source and organisation are never a caller's choice)."""
    _check(by, organisation)
    indicator = indicator or Indicator(
        organisation=organisation, source=Indicator.Source.LOCAL
    )
    if indicator.organisation_id != organisation.pk:
        raise PermissionDenied
    assign(
        indicator,
        code=code,
        title=title,
        unit=unit,
        period_kind=period_kind,
        is_split_by_sex=is_split_by_sex,
        description=description,
    )
    return _save(indicator, by)


@transaction.atomic
def save_local_value(
    *,
    indicator: Indicator,
    by: User,
    period: int,
    gender: str,
    value: float | None,
    sub_period: int = 0,
    unit: Unit | None = None,
) -> LocalValue:
    """Store one figure of a local indicator; the same point entered again is updated."""
    _check(by, indicator)
    if indicator.organisation_id is None:
        raise ValidationError(_("Values can only be entered for local indicators."))
    if unit is not None and unit.organisation_id != indicator.organisation_id:
        raise PermissionDenied
    existing = LocalValue.objects.filter(
        indicator=indicator,
        unit=unit,
        period=period,
        sub_period=sub_period,
        gender=gender,
    )
    if unit is None:
        existing = existing.filter(organisation_id=indicator.organisation_id)
    local_value = existing.first() or LocalValue(
        indicator=indicator,
        organisation_id=indicator.organisation_id,
        unit=unit,
        period=period,
        sub_period=sub_period,
        gender=gender,
    )
    local_value.value = value
    return _save(local_value, by)


@transaction.atomic
def save_local_year_values(
    *,
    indicator: Indicator,
    by: User,
    figures: Mapping[tuple[int, str], float | None],
) -> int:
    """Store a local indicator's whole-year figures for the organisation at once.

    ``figures`` maps (year, gender) to a value; ``None`` removes a stored figure.
    All or nothing: one refused value (not finite, year out of range) saves none.
    Returns how many figures changed.
    """
    _check(by, indicator)
    if indicator.organisation_id is None:
        raise ValidationError(_("Values can only be entered for local indicators."))
    stored = {
        (v.period, v.gender): v
        for v in LocalValue.objects.filter(
            indicator=indicator,
            organisation_id=indicator.organisation_id,
            unit__isnull=True,
            sub_period=0,
            period__in={year for year, _gender in figures},
        )
    }
    changed = 0
    for (year, gender), value in sorted(figures.items()):
        existing = stored.get((year, gender))
        if value is None:
            if existing is not None:
                existing._history_user = by  # type: ignore[attr-defined]
                existing.delete()
                changed += 1
            continue
        if existing is not None and existing.value == value:
            continue
        local_value = existing or LocalValue(
            indicator=indicator,
            organisation_id=indicator.organisation_id,
            period=year,
            sub_period=0,
            gender=gender,
        )
        local_value.value = value
        _save(local_value, by)
        changed += 1
    return changed


@transaction.atomic
def save_comparison_group(
    *, organisation: Organisation, by: User, name: str, codes: Sequence[str]
) -> ComparisonGroup:
    """Set the municipalities the organisation compares itself with (jämförelsegrupp)."""
    _check(by, organisation)
    group = ComparisonGroup.objects.filter(organisation=organisation).first()
    group = group or ComparisonGroup(organisation=organisation)
    group.name = name
    _save(group, by)
    group.municipalities.set([municipality_for_code(code) for code in codes])
    return group


@transaction.atomic
def save_goal(
    *,
    organisation: Organisation,
    by: User,
    goal: Goal | None = None,
    title: str,
    description: str = "",
    national_goals: Iterable[NationalGoal] = (),
    articles: Iterable[CharterArticle] = (),
    indicators: Iterable[Indicator] = (),
) -> Goal:
    """Create or change a local gender-equality goal and its tags."""
    _check(by, organisation)
    goal = goal or Goal(organisation=organisation)
    if goal.organisation_id != organisation.pk:
        raise PermissionDenied
    indicators = list(indicators)
    if any(i.organisation_id not in (None, organisation.pk) for i in indicators):
        raise PermissionDenied
    goal.title, goal.description = title, description
    _save(goal, by)
    goal.national_goals.set(list(national_goals))
    goal.articles.set(list(articles))
    goal.indicators.set(indicators)
    return goal


@transaction.atomic
def save_action(
    *,
    organisation: Organisation,
    by: User,
    action: Action | None = None,
    title: str,
    owner: Unit,
    due_on: dt.date,
    status: str = Action.Status.PLANNED,
    progress: int = 0,
    description: str = "",
    goals: Iterable[Goal] = (),
    national_goals: Iterable[NationalGoal] = (),
    articles: Iterable[CharterArticle] = (),
) -> Action:
    """Create or change an action in the action plan (handlingsplan)."""
    _check(by, organisation)
    action = action or Action(organisation=organisation)
    goals = list(goals)
    if (
        action.organisation_id != organisation.pk
        or owner.organisation_id != organisation.pk
    ):
        raise PermissionDenied
    if any(goal.organisation_id != organisation.pk for goal in goals):
        raise PermissionDenied
    action.title, action.owner, action.due_on = title, owner, due_on
    action.status, action.progress, action.description = status, progress, description
    _save(action, by)
    action.goals.set(goals)
    action.national_goals.set(list(national_goals))
    action.articles.set(list(articles))
    return action


@transaction.atomic
def save_milestone(
    *, action: Action, by: User, title: str, due_on: dt.date, is_done: bool = False
) -> Milestone:
    """Add a milestone to an action."""
    _check(by, action)
    return _save(
        Milestone(action=action, title=title, due_on=due_on, is_done=is_done), by
    )


@transaction.atomic
def set_charter_signature(
    *, organisation: Organisation, by: User, signed_on: dt.date
) -> CharterSignature:
    """Record when the organisation signed the CEMR charter."""
    _check(by, organisation)
    signature = CharterSignature.objects.filter(organisation=organisation).first()
    signature = signature or CharterSignature(organisation=organisation)
    signature.signed_on = signed_on
    return _save(signature, by)


@transaction.atomic
def feed_chair_representation(*, organisation: Organisation, by: User) -> Indicator:
    """Store the share of women among chairs, per term, as a local indicator.

    The figures come from the registered mandates (members' representation); the
    period is the year the term starts. Running it again updates the values.
    """
    _check(by, organisation)
    indicator = Indicator.objects.filter(
        organisation=organisation, code=CHAIRS_INDICATOR_CODE
    ).first()
    if indicator is None:
        indicator = _save(
            Indicator(
                organisation=organisation,
                source=Indicator.Source.LOCAL,
                code=CHAIRS_INDICATOR_CODE,
                title=CHAIRS_INDICATOR_TITLE,
                unit="%",
                is_split_by_sex=False,
                description=_(
                    "Computed from the registered mandates: chairs who are women, "
                    "as a share of all chairs, per term."
                ),
            ),
            by,
        )
    starts = dict(
        organisation.terms.values_list("pk", "starts_on")  # type: ignore[attr-defined]
    )
    per_term: dict[int, list[int]] = {}
    for row in member_selectors.representation(organisation=organisation):
        tally = per_term.setdefault(row.term_id, [0, 0])
        tally[0] += row.chairs.women
        tally[1] += row.chairs.total
    for term_id, (women, total) in per_term.items():
        if total == 0 or term_id not in starts:
            continue
        save_local_value(
            indicator=indicator,
            by=by,
            period=starts[term_id].year,
            gender="T",
            value=round(100 * women / total, 1),
        )
    return indicator
