"""Örebro's year in the browser: a delegation under the executive board (KS) holds a
dialogue with a municipal company whose manager answers the questions, ties an action
in the action plan to a CEMR charter article, and runs the politician survey round.

Setup creates only the organisation, its units, people and accounts; every step of
the story goes through the pages, with axe on each page visited."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.organisations.models import Unit
from jamkoll.surveys.tests.conftest import seat_people
from tests.e2e.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

QUESTION = "Hur fördelas lägenheterna med förtur mellan kvinnor och män?"
ANSWER = "Vi redovisar förturerna per kön i varje delårsrapport från och med 2027."


def _orebro(world):  # type: ignore[no-untyped-def]
    """Örebro: a delegation under KS and Örebrobostäder, a company owned through KS."""
    own = world.own
    own.organisation.name = "Örebro kommun"
    own.organisation.save()
    own.body.name = "Jämställdhetsdelegationen"
    own.body.body_form = Unit.BodyForm.DELEGATION
    own.body.save()
    own.company.name = "Örebrobostäder AB"
    own.company.save()
    manager = User.objects.create_user(
        username="vd-obo",
        password="pw-test-123456",
        email="vd@obo.example.se",
        first_name="Karin",
        last_name="Lund",
    )
    RoleAssignment.objects.create(
        user=manager, organisation=own.organisation, role=Role.MANAGER
    ).units.set([own.company])
    return own


def _visit(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    assert_accessible(page)


def _submit(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Press the form's button and check the page it leads to."""
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=name, exact=True).click()
    assert_accessible(page)


def _follow(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Follow a link in the page's content and check the page it leads to."""
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=name, exact=True).click()
    assert_accessible(page)


def _dialogue_with_the_company(page, own) -> None:  # type: ignore[no-untyped-def]
    held_on = timezone.localdate() + dt.timedelta(days=21)
    form = page.locator("main")
    login(page, "u-strategist")
    _visit(page, "/moten/")
    _follow(page, "Nytt möte")
    form.get_by_label("Organ").select_option(label="Jämställdhetsdelegationen")
    form.get_by_label("Typ").select_option(label="Dialogmöte")
    form.get_by_label("Rubrik").fill("Dialog med Örebrobostäder")
    form.get_by_label("Datum").fill(held_on.isoformat())
    form.get_by_label("Börjar").fill("13:00")
    form.get_by_label("Slutar").fill("15:00")
    form.get_by_label("Plats").fill("Stadshuset, rum Svartån")
    form.get_by_label("Hålls med").select_option(label="Örebrobostäder AB")
    form.get_by_label("Lägg till standardpunkterna", exact=False).uncheck()
    _submit(page, "Spara")
    meeting_url = urlsplit(page.url).path
    dialogue = page.locator("#dialogue")
    assert "Frågorna har inte skickats." in dialogue.inner_text()

    _follow(page, "Lägg till fråga")
    form.get_by_label(re.compile("^Fråga")).fill(QUESTION)
    _submit(page, "Spara")
    assert QUESTION in dialogue.inner_text()
    assert "Inte besvarad ännu." in dialogue.inner_text()

    mail.outbox.clear()
    dialogue.get_by_role("button", name="Skicka frågorna").click()
    page.get_by_text(
        "Frågorna och inbjudan skickades till vd@obo.example.se."
    ).wait_for()
    assert_accessible(page)
    (invitation,) = mail.outbox
    assert invitation.to == ["vd@obo.example.se"]
    assert invitation.subject.startswith(
        "Inbjudan och frågor: dialogmöte med Jämställdhetsdelegationen"
    )
    assert f"1. {QUESTION}" in invitation.body
    answer_link = re.search(r"https?://\S+/fragor/svar/", invitation.body)
    assert answer_link is not None

    # The company's manager follows the link in the mail and answers.
    page.context.clear_cookies()
    login(page, "vd-obo")
    _visit(page, urlsplit(answer_link.group()).path)
    assert page.get_by_text("Örebrobostäder AB").first.is_visible()
    form.get_by_label(f"Fråga 1: {QUESTION}").fill(ANSWER)
    _submit(page, "Spara")
    page.get_by_text("Dina svar har sparats.").wait_for()

    # The delegation reads the answer on the meeting page.
    page.context.clear_cookies()
    login(page, "u-strategist")
    _visit(page, meeting_url)
    text = page.locator("#dialogue").inner_text()
    assert ANSWER in text
    assert "Svar från Karin Lund" in text


def _action_tied_to_a_charter_article(page) -> None:  # type: ignore[no-untyped-def]
    form = page.locator("main")
    _visit(page, "/mal/")
    _follow(page, "Nytt mål")
    form.get_by_label("Rubrik").fill("Jämställd tilldelning av bostäder")
    form.get_by_label("Artiklar i CEMR-deklarationen").select_option(
        label="19. Bostäder"
    )
    _submit(page, "Spara")

    _visit(page, "/handlingsplan/")
    _follow(page, "Ny åtgärd")
    form.get_by_label("Rubrik").fill("Könsuppdelad statistik över bostadsförturer")
    form.get_by_label("Ansvarig enhet").select_option(label="Örebrobostäder AB")
    form.get_by_label("Klart senast").fill(
        (timezone.localdate() + dt.timedelta(days=180)).isoformat()
    )
    form.get_by_label("Status").select_option(label="Pågår")
    form.get_by_label("Genomfört (%)").fill("40")
    form.get_by_label("Jämställd tilldelning av bostäder").check()
    form.get_by_label("Artiklar i CEMR-deklarationen").select_option(
        label="19. Bostäder"
    )
    _submit(page, "Spara")
    assert page.get_by_role(
        "heading", name="Könsuppdelad statistik över bostadsförturer"
    ).is_visible()
    assert "Art. 19" in page.locator("main").inner_text()

    _visit(page, "/handlingsplan/")
    row = page.locator("tbody tr", has_text="Könsuppdelad statistik")
    assert "Art. 19" in row.inner_text()
    assert "Örebrobostäder AB" in row.inner_text()

    _visit(page, "/cemr/")
    article = page.locator("tbody tr", has_text="19. Bostäder")
    assert "40\xa0%" in article.inner_text()
    assert "1 åtgärd" in article.inner_text()
    untouched = page.locator("tbody tr", has_text="14. Hälsa")
    assert "Inga åtgärder ännu" in untouched.inner_text()
    assert untouched.get_by_role("link").count() == 0

    # From the article to its actions.
    _follow(page, "Visa åtgärderna för artikel 19")
    assert "artikel 19. Bostäder" in page.locator("main").inner_text()
    assert page.get_by_role("columnheader", name="Åtgärd", exact=True).is_visible()
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert "Könsuppdelad statistik över bostadsförturer" in rows.inner_text()


def _survey_round(page) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    form = page.locator("main")
    _visit(page, "/enkater/")
    _follow(page, "Ny enkätomgång")
    form.get_by_label("Öppnar").fill(today.isoformat())
    form.get_by_label("Stänger").fill((today + dt.timedelta(days=14)).isoformat())
    form.get_by_label("Minsta grupp som redovisas").fill("3")
    _submit(page, "Spara")
    round_url = urlsplit(page.url).path
    assert re.fullmatch(r"/enkater/\d+/", round_url)

    _follow(page, "Skicka personliga länkar")
    mail.outbox.clear()
    _submit(page, "Skicka personliga länkar")
    page.get_by_text("Skickade personliga länkar: 4.").wait_for()
    links = {
        m.to[0]: "/svara/#" + re.search(r"https?://\S+/svara/#(\S+)", m.body).group(1)
        for m in mail.outbox
    }
    assert sorted(links) == [f"p{i}@example.se" for i in range(4)]

    # Four politicians answer through their own links without logging in: three
    # women and one man.
    page.context.clear_cookies()
    for n, (_address, link) in enumerate(sorted(links.items())):
        page.goto(link)  # the script posts the code after # and opens the questions
        page.wait_for_url("**/svara/enkat/")
        assert_accessible(page)
        first_choice = page.locator("main input[type=radio][name^=q]").first
        first_choice.check()
        answered = first_choice.get_attribute("name")
        page.locator(f"input[name=sex][value={'man' if n == 3 else 'woman'}]").check()
        _submit(page, "Skicka mina svar")
        assert page.get_by_role("heading", level=1).inner_text() == (
            "Tack för dina svar"
        )

    login(page, "u-strategist")
    _visit(page, round_url)
    _follow(page, "Stäng enkätomgången")
    _submit(page, "Stäng enkätomgången")
    page.get_by_text("Enkätomgången stängdes.").wait_for()
    _follow(page, "Resultat")
    assert urlsplit(page.url).path == f"{round_url}resultat/"

    question = page.locator(f"section[aria-labelledby=question-{answered[1:]}]")
    total = question.locator("tbody tr").first.locator("td").first
    assert total.inner_text() == "4"
    # One man could be worked out from the total, so the women's group (3, which is
    # k) is hidden as well.
    for label in ("Kvinna", "Man"):
        header = page.get_by_role("rowheader", name=label, exact=True)
        row = question.locator("tr", has=header)
        assert row.locator("td.hidden-figure").count() > 0
        assert row.locator("td").first.inner_text() == "dolt"


def test_orebro_runs_its_year_in_the_browser(page, world):
    own = _orebro(world)
    seat_people(own, 4)
    _dialogue_with_the_company(page, own)
    _action_tied_to_a_charter_article(page)
    _survey_round(page)
