import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jamkoll.accounts.models import Role
from jamkoll.indicators import selectors, services
from jamkoll.indicators.models import (
    Action,
    CharterArticle,
    CharterSignature,
    Indicator,
    LocalValue,
    NationalGoal,
)
from jamkoll.members.models import Membership, Person, Sex

pytestmark = pytest.mark.django_db


def test_migration_loads_six_sub_goals_and_thirty_articles_with_unconfirmed_marked():
    assert NationalGoal.objects.count() == 6
    assert CharterArticle.objects.count() == 30
    unconfirmed = CharterArticle.objects.filter(is_confirmed=False)
    assert unconfirmed.count() == 16
    assert all("UNCONFIRMED" in a.source for a in unconfirmed)
    assert CharterArticle.objects.get(number=2).is_confirmed
    assert CharterArticle.objects.get(number=24).title_en == "Sustainable Development"


def _action(world, progress, status="in_progress", **tags):
    return services.save_action(
        organisation=world.own.organisation,
        by=world.user(Role.STRATEGIST),
        title=f"Åtgärd {progress}",
        owner=world.own.board,
        due_on=dt.date(2027, 6, 30),
        status=status,
        progress=progress,
        **tags,
    )


def test_progress_rolls_up_per_goal_and_per_article(world):
    strategist = world.user(Role.STRATEGIST)
    article = CharterArticle.objects.get(number=9)
    goal = services.save_goal(
        organisation=world.own.organisation,
        by=strategist,
        title="Jämställd service",
        national_goals=[NationalGoal.objects.get(number=6)],
        articles=[article],
    )
    _action(world, 20, goals=[goal], articles=[article])
    _action(world, 60, goals=[goal])
    _action(world, 0, status="done", goals=[goal], articles=[article])
    _action(world, 90, status="cancelled", goals=[goal])
    [item] = selectors.goal_list(organisation=world.own.organisation)
    assert item.rollup.progress == 60  # (20 + 60 + 100) / 3
    assert (item.rollup.actions, item.rollup.done, item.rollup.cancelled) == (4, 1, 1)
    per_article = {
        a.article.number: a.rollup
        for a in selectors.article_progress(organisation=world.own.organisation)
    }
    assert per_article[9].progress == 60  # (20 + 100) / 2
    assert per_article[1].progress is None


def test_politicians_and_managers_cannot_change_goals_or_actions(world):
    for role in (Role.POLITICIAN, Role.MANAGER, Role.READER):
        with pytest.raises(PermissionDenied):
            services.save_goal(
                organisation=world.own.organisation, by=world.user(role), title="x"
            )
        with pytest.raises(PermissionDenied):
            _action_as(world, role)


def _action_as(world, role):
    return services.save_action(
        organisation=world.own.organisation,
        by=world.user(role),
        title="x",
        owner=world.own.board,
        due_on=dt.date(2027, 1, 1),
    )


def test_an_action_cannot_be_owned_by_another_organisations_unit(world):
    with pytest.raises(PermissionDenied):
        services.save_action(
            organisation=world.own.organisation,
            by=world.user(Role.ADMIN),
            title="x",
            owner=world.other.board,
            due_on=dt.date(2027, 1, 1),
        )


def test_outsider_cannot_edit_the_organisation(world):
    with pytest.raises(PermissionDenied):
        services.set_charter_signature(
            organisation=world.own.organisation,
            by=world.outsider,
            signed_on=dt.date(2020, 1, 1),
        )


def test_action_progress_above_100_is_refused(world):
    with pytest.raises(ValidationError):
        _action(world, 120)
    assert not Action.objects.exists()


def test_charter_deadline_is_two_years_after_signing(world):
    signature = services.set_charter_signature(
        organisation=world.own.organisation,
        by=world.user(Role.ADMIN),
        signed_on=dt.date(2024, 2, 29),
    )
    assert signature.action_plan_due_on == dt.date(2026, 2, 28)
    assert CharterSignature.objects.get().history.first().history_user == world.user(
        Role.ADMIN
    )


def test_chairs_feed_stores_share_of_women_per_term(world):
    org = world.own
    man = Person.objects.create(
        organisation=org.organisation, first_name="Olle", last_name="Berg", sex=Sex.MAN
    )
    Membership.objects.create(
        person=man,
        unit=org.board,
        term=org.term,
        role=Membership.Role.CHAIR,
        starts_on=org.term.starts_on,
    )
    indicator = services.feed_chair_representation(
        organisation=org.organisation, by=world.user(Role.STRATEGIST)
    )
    services.feed_chair_representation(
        organisation=org.organisation, by=world.user(Role.STRATEGIST)
    )
    value = LocalValue.objects.get(indicator=indicator)
    assert (value.period, value.gender, value.value) == (2026, "T", 50.0)
    assert indicator.title == services.CHAIRS_INDICATOR_TITLE
    assert Indicator.objects.filter(code=services.CHAIRS_INDICATOR_CODE).count() == 1


def test_local_value_for_kolada_indicator_is_refused(world):
    kolada = Indicator.objects.create(code="N1", title="K", source="kolada")
    with pytest.raises(PermissionDenied):
        services.save_local_value(
            indicator=kolada,
            by=world.user(Role.ADMIN),
            period=2020,
            gender="T",
            value=1,
        )


def test_goal_cannot_use_another_organisations_local_indicator(world):
    other = Indicator.objects.create(
        organisation=world.other.organisation, source="local", code="X", title="X"
    )
    with pytest.raises(PermissionDenied):
        services.save_goal(
            organisation=world.own.organisation,
            by=world.user(Role.ADMIN),
            title="Mål",
            indicators=[other],
        )
