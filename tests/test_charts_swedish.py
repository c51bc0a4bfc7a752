"""Every chart Jämkoll draws, rendered in Swedish, has numbers an SVG reader can parse.

Django's localisation writes 244.5 as "244,5" in Swedish; in an SVG attribute that is
either garbage or (for `<text x>`, `points`) a *list* of numbers, which is how the
indicator chart once showed every year as "2" and the markers as black polygons.
This test builds data that makes every chart draw (the indicator line chart with
women, men, total, Riket and a comparison group with decimals; the review trend; the
representation of women and men; the demand figures per unit and per year; every
chart of the yearly report, the survey included), requests each page in Swedish and
parses every numeric attribute of every `<svg>`. The report's standalone SVG for
typst (`reports.charts.chart_svg`) is checked the same way.
"""

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from types import SimpleNamespace
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
import pytest
from django.urls import reverse
from django.utils import translation

from jamkoll.accounts.models import Role
from jamkoll.indicators.tests.factories import KoladaIndicatorFactory, series
from jamkoll.members.models import Membership, Person, Sex
from jamkoll.reports import charts as report_charts
from jamkoll.reports import selectors as report_selectors
from jamkoll.reports.content import Chart
from jamkoll.result_requests.tests import factories as demand_factories
from jamkoll.reviews import services as review_services
from jamkoll.reviews.models import Review
from jamkoll.reviews.tests.conftest import shipped

pytestmark = pytest.mark.django_db

YEAR = 2026
YEARS = [2022, 2023, 2024, 2025, 2026]

NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
SINGLE = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry"}
LENGTHS = {"width", "height", "font-size", "stroke-width"}


def _number(text: str) -> float:
    assert re.fullmatch(NUMBER, text.strip()), f"not a number: {text!r}"
    return float(text)


def _numbers(text: str) -> list[float]:
    """Whitespace-separated numbers; a comma is never accepted as a separator here."""
    return [_number(part) for part in text.split()]


def check_attributes(tag: str, attrs: dict[str, str]) -> None:
    """Assert every numeric attribute of one SVG element parses as numbers."""
    where = f"<{tag} {attrs}>"
    for name, value in attrs.items():
        if name in SINGLE:
            _number(value)
        elif name in LENGTHS and value is not None:
            _number(value.removesuffix("px"))
        elif name.lower() == "viewbox":
            assert len(_numbers(value)) == 4, where
        elif name == "points":
            points = value.split()
            assert points, where
            for point in points:
                pair = point.split(",")
                assert len(pair) == 2, f"{where}: point {point!r}"
                _number(pair[0]), _number(pair[1])
        elif name == "d":
            assert "," not in value, where
            tokens = re.findall(rf"[MmLlHhVvCcSsQqTtAaZz]|{NUMBER}|\S", value)
            for token in tokens:
                assert re.fullmatch(rf"[MmLlHhVvCcSsQqTtAaZz]|{NUMBER}", token), (
                    f"{where}: {token!r}"
                )
        elif name == "transform":
            calls = re.findall(r"(\w+)\(([^)]*)\)", value)
            assert calls, where
            assert re.sub(r"\w+\([^)]*\)", "", value).strip() == "", where
            for _name, args in calls:
                assert _numbers(args), where
        elif name == "stroke-dasharray":
            assert _numbers(value), where


class SvgCollector(HTMLParser):
    """Collects the elements (with attributes and text) inside each <svg>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.svgs: list[list[SimpleNamespace]] = []
        self._depth = 0
        self._open: list[SimpleNamespace] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            if self._depth == 0:
                self.svgs.append([])
            self._depth += 1
        if self._depth:
            element = SimpleNamespace(
                tag=tag, attrs={k: v or "" for k, v in attrs}, text=""
            )
            self.svgs[-1].append(element)
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        while self._open:
            element = self._open.pop()
            if element.tag == tag:
                break
        if tag == "svg":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].text += data


def svgs_in(html: str) -> list[list[SimpleNamespace]]:
    collector = SvgCollector()
    collector.feed(html)
    collector.close()
    return collector.svgs


def assert_svgs_parse(html: str, *, at_least: int = 1) -> list[list[SimpleNamespace]]:
    svgs = svgs_in(html)
    charts = [s for s in svgs if any(e.tag in ("rect", "path") for e in s[1:])]
    assert len(charts) >= at_least, "the page should draw a chart"
    for elements in svgs:
        for element in elements:
            check_attributes(element.tag, element.attrs)
            if element.tag == "title":
                assert not re.search(r"\d\.\d", element.text), (
                    f"an English decimal point in {element.text!r}"
                )
    return svgs


def _elements(tree: Element) -> Iterator[tuple[str, dict[str, str], str]]:
    for element in tree.iter():
        yield element.tag.rsplit("}", 1)[-1], dict(element.attrib), element.text or ""


# --- data that makes every chart draw --------------------------------------------


@pytest.fixture
def charted(world):
    own = world.own
    code = own.organisation.code
    # The indicator: women, men, total with decimals, Riket and a comparison group.
    indicator = KoladaIndicatorFactory(
        code="N00945", title="Andel med eftergymnasial utbildning"
    )
    series(
        indicator,
        code,
        {y: (40.5 + i * 1.25, 30.25 + i * 0.5, 35.35 + i) for i, y in enumerate(YEARS)},
    )
    series(indicator, "0000", {y: (38.5, 31.5, 34.95 + i) for i, y in enumerate(YEARS)})
    series(indicator, "0003", dict.fromkeys(YEARS, (30.5, 28.25, 29.45)))
    from jamkoll.indicators import services as indicator_services

    indicator_services.save_comparison_group(
        organisation=own.organisation,
        by=world.user(Role.STRATEGIST),
        name="Liknande kommuner",
        codes=["0003"],
    )
    # Reviews done in two years, with a partly met result (shares with decimals).
    for year, value in ((2025, "no"), (YEAR, "partly")):
        review = review_services.create_review(
            organisation=own.organisation,
            by=world.user(Role.STRATEGIST),
            checklist_version=shipped("styrdokument"),
            unit=own.board,
            upload=None,
            title=f"Verksamhetsplan {year}",
            document_type="operating_plan",
            year=year,
            document_reference="Diariet",
        )
        answers = list(review.answers.all())
        review_services.save_answers(
            review=review,
            by=world.user(Role.STRATEGIST),
            answers={
                a.pk: {"value": "yes" if i % 3 == 0 else value}
                for i, a in enumerate(answers)
            },
            findings="",
            status=Review.Status.DONE,
        )
    # Demands: three raised, one answered and accepted, one answered late.
    for _ in range(3):
        demand_factories.raise_demand(own)
    first = demand_factories.raise_demand(own, unit=own.other_board)
    demand_factories.answer(first)
    demand_factories.assess(first)
    # Members with both sexes in several bodies (representation with decimals).
    for i in range(7):
        person = Person.objects.create(
            organisation=own.organisation,
            first_name=f"Förnamn{i}",
            last_name=f"Efternamn{i}",
            sex=Sex.MAN if i % 3 == 0 else Sex.WOMAN,
        )
        Membership.objects.create(
            person=person,
            unit=own.body if i < 4 else own.board,
            term=own.term,
            role=Membership.Role.MEMBER,
            starts_on=own.term.starts_on,
        )
    # A closed survey round with answers (the report's survey chart).
    from jamkoll.surveys import demo as survey_demo

    for i in range(40):
        person = Person.objects.create(
            organisation=own.organisation,
            first_name=f"Ledamot{i}",
            last_name=f"Enkätsson{i}",
            sex=Sex.WOMAN if i % 5 < 3 else Sex.MAN,
        )
        Membership.objects.create(
            person=person,
            unit=own.council,
            term=own.term,
            role=Membership.Role.MEMBER,
            starts_on=own.term.starts_on,
        )
    survey_demo.load(
        SimpleNamespace(
            organisation=own.organisation,
            units={},
            users={
                "strateg": world.user(Role.STRATEGIST),
                "admin": world.user("admin"),
            },
            today=dt.date(YEAR, 11, 23),
        )
    )
    return SimpleNamespace(indicator=indicator)


def test_every_chart_page_draws_parseable_numbers_in_swedish(world, charted, client):
    client.force_login(world.user(Role.STRATEGIST))
    pages = {
        "indicator": charted.indicator.get_absolute_url(),
        "review trend": reverse("reviews:trend"),
        "representation": reverse("members:representation"),
        "demand figures": reverse("result_requests:figures"),
        "demands of a unit": reverse("result_requests:unit", args=[world.own.board.pk]),
        "yearly report": reverse("reports:detail", args=[YEAR]),
    }
    drawn = {}
    for name, url in pages.items():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
        assert response.status_code == 200, name
        assert response.headers["Content-Language"] == "sv", name
        drawn[name] = assert_svgs_parse(response.content.decode())
    # The report draws a chart for the body, the reviews, the demands and the survey.
    report_charts_drawn = [
        s for s in drawn["yearly report"] if any(e.tag == "rect" for e in s)
    ]
    assert len(report_charts_drawn) >= 4


def test_the_indicator_line_chart_labels_the_years_and_draws_every_series(
    world, charted, client
):
    client.force_login(world.user(Role.READER))
    html = client.get(charted.indicator.get_absolute_url()).content.decode()
    [chart, *_legend] = [s for s in svgs_in(html) if s[0].attrs.get("role") == "img"]
    labels = [e for e in chart if "chart__label" in e.attrs.get("class", "")]
    assert [e.text for e in labels] == [str(y) for y in YEARS]
    xs = [float(e.attrs["x"]) for e in labels]
    assert xs == sorted(xs)
    assert len(set(xs)) == len(xs)
    # One marker a year for each line: circles for women, squares for men, diamonds
    # for the total, triangles for Riket and crosses for the comparison group.
    assert sum(e.tag == "circle" for e in chart) == len(YEARS)
    polygons = [e for e in chart if e.tag == "polygon"]
    assert len(polygons) == 2 * len(YEARS)
    assert all(len(p.attrs["points"].split()) in (3, 4) for p in polygons)
    titles = [e.text for e in chart if e.tag == "title"]
    assert any("40,5" in t for t in titles), titles
    ticks = [e.text for e in chart if "chart__tick" in e.attrs.get("class", "")]
    assert all("." not in t for t in ticks), ticks


def test_the_report_chart_svg_for_typst_is_unlocalised_in_swedish(world, charted):
    chart = Chart(
        caption="Andel kvinnor och män",
        alt="Stapeldiagram över andelen kvinnor och män per nämnd.",
        categories=[
            "Barn- och utbildningsnämnden",
            "Socialnämnden",
            "Miljö- och räddningstjänstnämnden",
        ],
        series=["Kvinnor", "Män"],
        values=[[55.5, 44.5], [62.25, 37.75], [None, 33.3]],
        empty_text="Inga siffror.",
        unit=" %",
        max_value=100,
    )
    with translation.override("sv"):
        content = report_selectors.assemble(
            organisation=world.own.organisation, year=YEAR
        )
        charts = [chart, *content.charts()]
        assert len(charts) >= 5
        for each in charts:
            if not each.has_data:
                continue
            tree = SafeET.fromstring(report_charts.chart_svg(each))
            for tag, attrs, _text in _elements(tree):
                check_attributes(tag, attrs)
        ticks = [
            text
            for tag, attrs, text in _elements(
                SafeET.fromstring(report_charts.chart_svg(chart))
            )
            if tag == "text"
            and attrs.get("text-anchor") == "end"
            and text[:1].isdigit()
        ]
    assert ticks[:6] == ["0", "20", "40", "60", "80", "100"]


def test_the_check_catches_a_localised_coordinate():
    """The parser itself: Django's Swedish "244,5" must fail it."""
    with pytest.raises(AssertionError):
        check_attributes("line", {"y1": "244,5"})
    with pytest.raises(AssertionError):
        check_attributes("polygon", {"points": "52,0,239,0 57,0,244,0"})
    with pytest.raises(AssertionError):
        check_attributes("path", {"d": "M52,0 244,0"})
    with pytest.raises(AssertionError):
        check_attributes("text", {"transform": "rotate(-40 75,5 236)"})
    check_attributes("polygon", {"points": "52,239 57,244 47,244"})
