"""From a CEMR article on the charter page to the actions tied to it."""

import datetime as dt

import pytest
from django.urls import reverse

from jamkoll.indicators.models import Action, CharterArticle

pytestmark = pytest.mark.django_db


def _action(org_world, title: str, *articles: int) -> Action:
    action = Action.objects.create(
        organisation=org_world.organisation,
        title=title,
        owner=org_world.company,
        due_on=dt.date(2027, 6, 30),
        status=Action.Status.IN_PROGRESS,
        progress=40,
    )
    action.articles.set(CharterArticle.objects.filter(number__in=articles))
    return action


@pytest.fixture
def actions(world):
    return {
        "housing": _action(world.own, "Förturer per kön", 19),
        "health": _action(world.own, "Vårdbesök per kön", 14),
        "other_org": _action(world.other, "Annan kommuns bostadsåtgärd", 19),
    }


def test_the_charter_links_an_article_with_actions_to_them(client_for, actions):
    html = client_for("reader").get(reverse("indicators:charter")).content.decode()
    plan = reverse("indicators:action_plan")
    assert f'href="{plan}?artikel=19">Visa åtgärderna för artikel 19</a>' in html
    # An article without actions has no link.
    assert f'{plan}?artikel=1"' not in html


def test_the_action_plan_filtered_by_article_lists_only_its_actions(
    client_for, actions
):
    response = client_for("reader").get(
        reverse("indicators:action_plan"), {"artikel": "19"}
    )
    html = response.content.decode()
    assert "Visar åtgärderna som hör till artikel 19. Bostäder" in html
    assert "Förturer per kön" in html
    assert "Vårdbesök per kön" not in html
    assert "Annan kommuns bostadsåtgärd" not in html
    assert "Visa hela handlingsplanen" in html
    assert "Genomförande av artikelns åtgärder" in html
    assert "Hela planens genomförande" not in html


def test_an_article_without_actions_says_so(client_for, actions):
    html = (
        client_for("reader")
        .get(reverse("indicators:action_plan"), {"artikel": "2"})
        .content.decode()
    )
    assert "Inga åtgärder hör till artikeln ännu." in html
    assert "Förturer per kön" not in html


@pytest.mark.parametrize("value", ["31", "bostäder", ""])
def test_an_unknown_article_is_not_found(client_for, actions, value):
    response = client_for("reader").get(
        reverse("indicators:action_plan"), {"artikel": value}
    )
    assert response.status_code == 404


def test_the_whole_plan_is_shown_without_a_filter(client_for, actions):
    html = client_for("reader").get(reverse("indicators:action_plan")).content.decode()
    assert "Förturer per kön" in html
    assert "Vårdbesök per kön" in html
    assert "Visar åtgärderna som hör till" not in html
    # "Action" is the action plan's åtgärd, not the admin log's händelse.
    assert '<th scope="col">Åtgärd</th>' in html
    assert "Händelse" not in html
