"""Answering the politician survey with the keyboard only, and axe on every step."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jamkoll.surveys import services
from jamkoll.surveys.models import Answer, QuestionKind, Response
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import add_link, make_survey
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def tab_to(page, selector: str, limit: int = 150) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the element matching `selector` has focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def _survey(world):  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    survey = make_survey(
        organisation=world.own.organisation,
        by=world.user("admin"),
        year=today.year,
        opens_on=dt.date(today.year, 1, 1),
        closes_on=dt.date(today.year, 12, 31),
    )
    versions = [sq.version for sq in survey.survey_questions.select_related("version")]
    return survey, versions


def test_a_politician_answers_the_survey_by_keyboard_only(world, page, live_server):
    survey, versions = _survey(world)
    token = add_link(survey, seat_people(world.own, 1)[0])
    # The mailed link: the start page's script posts the code after # and goes on.
    page.goto(f"{reverse('surveys:answer_start')}#{token}")
    page.wait_for_url(f"**{reverse('surveys:answer')}")
    assert_accessible(page)

    # Sending nothing shows the error summary, which takes focus.
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert_accessible(page)

    scale = next(v for v in versions if v.kind == QuestionKind.SCALE)
    single = next(v for v in versions if v.kind == QuestionKind.SINGLE)
    multiple = next(v for v in versions if v.kind == QuestionKind.MULTIPLE)
    free = next(v for v in versions if v.kind == QuestionKind.FREE_TEXT)

    # Single choice: Tab into the group, Space picks the focused option.
    tab_to(page, f"#id_q{single.pk}_0")
    page.keyboard.press("Space")
    # Scale: arrow keys move within a radio group and select.
    tab_to(page, f"#id_q{scale.pk}_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    # Multiple choice: Space toggles each checkbox reached by Tab.
    tab_to(page, f"#id_q{multiple.pk}_0")
    page.keyboard.press("Space")
    tab_to(page, f"#id_q{multiple.pk}_2")
    page.keyboard.press("Space")
    tab_to(page, f"#id_q{free.pk}")
    page.keyboard.type("Kortare möten.")
    # "Not stated" is preselected, so Tab lands on it; ArrowDown wraps to "Woman".
    tab_to(page, "input[name=sex]:checked")
    page.keyboard.press("ArrowDown")
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{reverse('surveys:thanks')}")
    assert page.get_by_role("heading", level=1).inner_text() == "Tack för dina svar"
    assert_accessible(page)

    services.close_survey(survey=survey, by=world.user("admin"))
    response = Response.objects.get()
    assert response.sex == "woman"
    answers = {(a.version_id, a.choice, a.text) for a in Answer.objects.all()}
    assert (single.pk, 0, "") in answers
    assert (scale.pk, 4, "") in answers
    assert {(multiple.pk, 0, ""), (multiple.pk, 2, "")} <= answers
    assert (free.pk, None, "Kortare möten.") in answers

    # The link is used up: opening it again says so.
    page.goto(f"{reverse('surveys:answer_start')}#{token}")
    page.wait_for_selector("#link-status")
    assert "redan använts" in page.locator("#link-status").inner_text()
    assert_accessible(page)


def test_results_and_round_pages_are_accessible(world, page, live_server):
    survey, versions = _survey(world)
    scale = next(v for v in versions if v.kind == QuestionKind.SCALE)
    for i, person in enumerate(seat_people(world.own, 7)):
        services.submit_response(
            token=add_link(survey, person),
            answers={scale.pk: 2 + i % 3},
            sex="woman" if i < 5 else "man",
            role_level="member",
            today=timezone.localdate(),
        )
    services.close_survey(survey=survey, by=world.user("admin"))
    login(page, "u-strategist")
    for url in (
        reverse("surveys:list"),
        reverse("surveys:detail", args=[survey.pk]),
        reverse("surveys:results", args=[survey.pk]),
        reverse("surveys:create"),
        reverse("surveys:question_list"),
        reverse("surveys:question_create"),
    ):
        page.goto(url)
        assert_accessible(page)
    page.goto(reverse("surveys:results", args=[survey.pk]))
    assert page.locator(".hidden-figure").count() > 0
