"""Review → demand ("Efterfråga"): the demand form opens prefilled from the finding,
the demand keeps the review, and the review lists the demands raised from it.

The demands app is on the same layer, so it is reached by URL names and the
`review.demands` relation only (no import of result_requests)."""

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

CREATE = "result_requests:create"


@pytest.fixture
def strategist(client_for):
    return client_for("strategist")


@pytest.fixture
def finding(make_review):
    """A review whose point S2 is answered "no", with the reader's evidence."""
    review = make_review(title="Budget 2027 för socialnämnden")
    answer = review.answers.select_related("criterion").get(criterion__code="S2")
    answer.value = "no"
    answer.suggested = "no"
    answer.suggested_evidence = "s. 14 (Ekonomi): ”Budgeten fördelas per verksamhet”"
    answer.comment = "Ingen analys av hur resurserna fördelas mellan kvinnor och män."
    answer.save()
    return review, answer


def _demand_link(page: str) -> str:
    match = re.search(r'href="([^"]*\?review=[^"]*)"', page)
    assert match, "the review page has no demand link"
    return unescape(match.group(1))


def _post_data(form) -> dict:
    due = timezone.localdate() + dt.timedelta(days=30)
    return {
        "addressees": form.initial["addressees"],
        "title": form.initial["title"],
        "question": form.initial["question"],
        "occasion": "other",
        "due_on": due.isoformat(),
        "is_public": "on",
        "send": "1",
    }


def test_raising_a_demand_from_a_finding_round_trip(strategist, world, finding):
    review, answer = finding
    page = strategist.get(review.get_absolute_url()).content.decode()
    assert "Inga efterfrågningar har ställts utifrån granskningen." in page
    link = _demand_link(page)
    assert link.startswith(reverse(CREATE))

    response = strategist.get(link)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["addressees"] == [world.own.board.pk]
    assert form.initial["title"] == (
        "Efterfrågan efter granskning: Budget 2027 för socialnämnden"
    )
    question = form.initial["question"]
    assert answer.criterion.text in question
    assert "s. 14 (Ekonomi)" in question
    assert "Ingen analys av hur resurserna fördelas" in question
    html = response.content.decode()
    assert "Från granskning" in html
    assert review.get_absolute_url() in html

    response = strategist.post(link, _post_data(form))
    assert response.status_code == 302
    demand = review.demands.get()
    assert demand.addressed_to == world.own.board
    assert demand.review_id == review.pk
    assert "s. 14 (Ekonomi)" in demand.question

    detail = strategist.get(demand.get_absolute_url()).content.decode()
    assert "Från granskning" in detail
    assert f'href="{review.get_absolute_url()}"' in detail

    page = strategist.get(review.get_absolute_url()).content.decode()
    assert f'href="{demand.get_absolute_url()}"' in page
    assert "Skickad" in page
    assert "Socialnämnden" in page


def test_the_review_page_hides_demands_the_manager_may_not_open(
    strategist, client, world, finding
):
    review, _answer = finding
    link = _demand_link(strategist.get(review.get_absolute_url()).content.decode())
    form = strategist.get(link).context["form"]
    data = _post_data(form)
    data["addressees"] = [world.own.board.pk, world.own.other_board.pk]
    data["title"] = "Två nämnder"
    assert strategist.post(link, data).status_code == 302
    assert review.demands.count() == 2
    other = review.demands.get(addressed_to=world.own.other_board)

    client.force_login(world.user("manager"))  # manages world.own.board only
    page = client.get(review.get_absolute_url()).content.decode()
    assert page.count("Två nämnder") == 1
    assert other.get_absolute_url() not in page


@pytest.mark.parametrize("case", ["other_organisation", "deleted", "not_a_number"])
def test_a_bad_review_in_the_link_gives_a_message_and_prefills_nothing(
    strategist, world, make_review, case
):
    if case == "other_organisation":
        pk = str(make_review(world.other).pk)
    elif case == "deleted":
        review = make_review()
        pk = str(review.pk)
        review.delete()
    else:
        pk = "abc"
    url = f"{reverse(CREATE)}?review={pk}"
    response = strategist.get(url)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Granskningen i länken hittades inte" in html
    form = response.context["form"]
    assert "title" not in form.initial
    assert "question" not in form.initial
    assert "addressees" not in form.initial

    due = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    response = strategist.post(
        url,
        {
            "addressees": [world.own.board.pk],
            "title": "Fråga",
            "question": "Hur?",
            "occasion": "other",
            "due_on": due,
        },
    )
    assert response.status_code == 400
    assert "Granskningen i länken hittades inte" in unescape(response.content.decode())
    assert not world.own.board.result_requests.exists()


def test_a_unit_of_another_organisation_in_the_link_is_ignored(strategist, world):
    response = strategist.get(
        f"{reverse(CREATE)}?unit={world.other.board.pk}&unit={world.own.company.pk}"
    )
    assert response.status_code == 200
    assert response.context["form"].initial["addressees"] == [world.own.company.pk]
    assert "tillhör inte din organisation" in unescape(response.content.decode())


def test_a_point_that_is_not_part_of_the_review_is_refused(
    strategist, make_review, finding
):
    review, _answer = finding
    stranger = make_review(title="Annan plan").answers.first()
    response = strategist.get(
        f"{reverse(CREATE)}?review={review.pk}&answer={stranger.pk}"
    )
    assert "ingår inte i granskningen" in unescape(response.content.decode())
    assert "title" not in response.context["form"].initial


def test_only_the_body_gets_a_prefilled_form(client_for, finding):
    review, answer = finding
    url = f"{reverse(CREATE)}?review={review.pk}&answer={answer.pk}"
    assert client_for("reader").get(url).status_code == 403
    assert client_for("manager").get(url).status_code == 403
    form = client_for("politician").get(url).context["form"]
    assert form.initial["title"].startswith("Efterfrågan efter granskning")
