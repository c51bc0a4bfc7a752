"""The CEMR and national-goal catalogues read right on a Swedish page: Swedish titles
only (never English, never a slide label), and rows whose source is unconfirmed are
marked "(ej bekräftad)" wherever they appear, the yearly report included."""

import csv
import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from jamkoll.indicators.models import Action, CharterArticle, NationalGoal
from jamkoll.reports.content import Table
from jamkoll.reports.sections import action_plan

pytestmark = pytest.mark.django_db

CSV = (
    Path(__file__).resolve().parent.parent
    / "jamkoll/indicators/data/cemr-charter-articles.csv"
)
UNCONFIRMED = {
    int(row["number"])
    for row in csv.DictReader(CSV.open(encoding="utf-8"))
    if "UNCONFIRMED" in row["source"].upper()
}


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def tagged_action(world):
    """An action tied to an unconfirmed (3) and a confirmed (19) article."""
    action = Action.objects.create(
        organisation=world.own.organisation,
        title="Förturer per kön",
        owner=world.own.board,
        due_on=dt.date(2027, 6, 30),
        status=Action.Status.IN_PROGRESS,
        progress=40,
    )
    action.articles.set(CharterArticle.objects.filter(number__in=[3, 19]))
    action.national_goals.set(NationalGoal.objects.filter(number=1))
    return action


def test_the_loaded_catalogue_has_swedish_titles_and_no_slide_labels():
    articles = list(CharterArticle.objects.all())
    assert len(articles) == 30
    for article in articles:
        assert "slide" not in f"{article.title_sv} {article.title_en}".lower()
        assert "[" not in article.title_sv
        assert article.is_confirmed == (article.number not in UNCONFIRMED)
    assert UNCONFIRMED, "the corrected list still marks rows UNCONFIRMED"


def test_a_swedish_page_gets_the_swedish_title_or_area_never_english():
    article = CharterArticle.objects.get(number=3)
    assert str(article) == "3. Deltagande i politik och samhälle (ej bekräftad)"
    assert str(CharterArticle.objects.get(number=19)) == "19. Bostäder"
    untitled = CharterArticle(
        number=99, area_en="Area", title_en="English title", area_sv="Svenskt område"
    )
    assert untitled.title == "Svenskt område"
    assert CharterArticle(number=98, title_en="English only").title == "Artikel 98"
    with translation.override("en"):
        assert article.title == "Participation in Political and Civic Life"
        assert str(article) == (
            "3. Participation in Political and Civic Life (unconfirmed)"
        )


def test_the_charter_page_shows_no_english_title_and_marks_unconfirmed(client_for):
    html = client_for("reader").get(reverse("indicators:charter")).content.decode()
    text = _text(html)
    assert "slide label" not in text
    for article in CharterArticle.objects.all():
        assert f"{article.number}. {article.title_sv}" in text
        if article.title_en != article.title_sv:
            assert article.title_en not in text, article.title_en
        assert article.area_sv in text
    assert "3. Deltagande i politik och samhälle ej bekräftad" in text


def test_form_choices_mark_unconfirmed_articles(client_for):
    html = (
        client_for("strategist")
        .get(reverse("indicators:action_create"))
        .content.decode()
    )
    assert "3. Deltagande i politik och samhälle (ej bekräftad)</option>" in html
    assert "19. Bostäder</option>" in html
    assert "Participation in Political" not in html


def test_the_action_plan_marks_the_unconfirmed_article(client_for, tagged_action):
    client = client_for("reader")
    html = client.get(reverse("indicators:action_plan")).content.decode()
    assert "Art. 3 (ej bekräftad)" in _text(html)
    filtered = client.get(reverse("indicators:action_plan"), {"artikel": "3"})
    assert (
        "Visar åtgärderna som hör till artikel 3. Deltagande i politik och samhälle "
        "(ej bekräftad) i CEMR-deklarationen." in _text(filtered.content.decode())
    )


def test_the_yearly_report_marks_the_unconfirmed_article(world, tagged_action):
    section = action_plan.build(world.own.organisation, 2026)
    assert section is not None
    tables = [b for b in section.blocks if isinstance(b, Table)]
    rows = [row[0] for table in tables for row in table.rows]
    assert "Artikel 3: Deltagande i politik och samhälle (ej bekräftad)" in rows
    assert "Artikel 19: Bostäder" in rows
    assert not any("Participation" in row or "Housing" in row for row in rows)
