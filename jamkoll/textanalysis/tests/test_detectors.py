"""Unit tests per detector: positives and hard negatives (own wording)."""

from __future__ import annotations

import pytest

from jamkoll.textanalysis.detectors import (
    DETECTORS,
    EqualityGoals,
    GenderBlindStats,
    GenderImpactAnalysis,
    SexDisaggregatedStats,
)
from jamkoll.textanalysis.segment import Segment


def sentence(text: str, section: str | None = None, previous: str | None = None):
    return Segment("sentence", text, 1, section, previous)


def fires(detector, text: str, **kwargs) -> bool:
    return bool(detector.find(sentence(text, **kwargs)))


A = SexDisaggregatedStats()
B = GenderBlindStats()
C = GenderImpactAnalysis()
D = EqualityGoals()


def test_registry_has_four_named_detectors():
    assert [d.name for d in DETECTORS] == [
        "sexdisagg_stats",
        "genderblind_stats",
        "gender_impact_analysis",
        "equality_goals",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Andelen kvinnor bland cheferna var 62 procent år 2024.",
        "Av de nyanställda var 35 kvinnor och 12 män.",
        "Sjukfrånvaron var 7,9 procent för kvinnor och 4,1 procent för män.",
        "I årskurs 9 var 71 procent av flickorna och 64 procent av pojkarna behöriga.",
        "Bland deltagarna var 58 procent kvinnor.",
        "Risken var dubbelt så hög för kvinnor som för män.",
    ],
)
def test_sexdisagg_positive(text):
    assert fires(A, text)


@pytest.mark.parametrize(
    "text",
    [
        "Flickor trivs i högre grad än pojkar i skolan.",
        "Verksamheten riktar sig till kvinnor och män i alla åldrar.",
        "Könsfördelningen bland medarbetarna är jämn.",
        "Nämnden ska redovisa statistik uppdelad på kvinnor och män.",
        "Stödet till kvinnojouren uppgick till 2,4 miljoner kronor.",
        "Målet är att minst 40 procent av cheferna ska vara män.",
        "Kvinnor mellan 20 och 24 år är särskilt utsatta.",
    ],
)
def test_sexdisagg_hard_negative(text):
    assert not fires(A, text)


@pytest.mark.parametrize(
    "text",
    [
        "Hemtjänsten hade 412 brukare i december.",
        "Biblioteket tog emot cirka 48 000 besökare under året.",
        "Var fjärde elev i årskurs 8 uppger att de känner sig otrygga.",
        "Antalet anställda i förvaltningen var 1 240 vid årets slut.",
        "Arbetslösheten bland ungdomar 18–24 år var 11 procent.",
        "Av invånarna var 22 procent 65 år eller äldre.",
    ],
)
def test_genderblind_positive(text):
    assert fires(B, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kostnaden per elev uppgick till 112 000 kronor.",
        "Nettokostnaden var 45 mnkr, motsvarande 3 100 kr per invånare.",
        "Kommunen har 14 skolor och 32 förskolor.",
        "Målet är att minst 90 procent av eleverna ska vara behöriga.",
        "Högst 25 deltagare kan antas till kursen.",
        "Antalet besökare ökade jämfört med föregående år.",
        "Mötet hölls den 12 mars 2024 i stadshuset.",
        "Av deltagarna var 60 procent kvinnor.",
    ],
)
def test_genderblind_hard_negative(text):
    assert not fires(B, text)


def test_genderblind_and_sexdisagg_can_both_fire():
    text = "Totalt deltog 230 personer, varav 64 procent kvinnor."
    assert fires(A, text)
    assert fires(B, text)


@pytest.mark.parametrize(
    ("text", "section"),
    [
        (
            "Förslaget bedöms leda till att fler kvinnor kan arbeta heltid.",
            None,
        ),
        (
            "Omorganisationen påverkar främst kvinnor eftersom de är i majoritet "
            "inom hemtjänsten.",
            None,
        ),
        ("Ärendet bedöms inte påverka kvinnor och män olika.", None),
        (
            "Eftersom fler män än kvinnor använder idrottshallarna gynnas männen.",
            "Konsekvenser för jämställdheten",
        ),
    ],
)
def test_impact_positive(text, section):
    assert fires(C, text, section=section)


@pytest.mark.parametrize(
    "text",
    [
        "Syftet med satsningen är att öka jämställdheten i föreningslivet.",
        "Förvaltningen ska analysera hur förslaget påverkar kvinnor och män.",
        "En jämställdhetsanalys redovisas i bilaga 3.",
        "Nämnden har ett särskilt program för kvinnor som är nyanlända.",
        "Kvinnor har högre sjukfrånvaro än män.",
        "Jämställdhet är en av kommunens grundläggande värderingar.",
        "En barnkonsekvensanalys visar att flickor och pojkar påverkas lika.",
    ],
)
def test_impact_hard_negative(text):
    assert not fires(C, text)


@pytest.mark.parametrize(
    "text",
    [
        "Arbetet bidrar till målet att kvinnor och män ska ha samma makt att "
        "forma samhället och sina egna liv.",
        "Nämnden följer upp det jämställdhetspolitiska delmålet om ekonomisk "
        "jämställdhet.",
        "Kommunen har undertecknat CEMR-deklarationen.",
        "Insatserna utgår från regionens jämställdhetsstrategi 2022–2026.",
        "Verksamheten bidrar till Agenda 2030 och det globala målet 5.",
        "Förvaltningens jämställdhetsplan revideras under hösten.",
    ],
)
def test_goals_positive(text):
    assert fires(D, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen arbetar med Agenda 2030 och de globala målen.",
        "Vid rekrytering eftersträvas en jämn könsfördelning.",
        "Nämndens värdegrund bygger på jämställdhet, mångfald och respekt.",
        "Målet för integrationen är att utrikes födda kvinnor och män ska ha "
        "samma möjligheter.",
    ],
)
def test_goals_hard_negative(text):
    assert not fires(D, text)


def test_table_row_with_sex_columns_is_sexdisagg():
    row = Segment("table_row", "Chefer | 41 | 23", 2, None, header="Grupp | K | M")
    assert A.find(row)
    assert not B.find(row)


def test_table_row_people_without_sex_is_genderblind():
    row = Segment("table_row", "Antal elever | 1 234 | 1 310", 2, None)
    assert B.find(row)
    assert not A.find(row)


def test_finding_fields():
    [finding] = A.find(
        Segment("sentence", "Av dem var 30 kvinnor.", 4, "Personal", None)
    )
    assert finding.as_dict() == {
        "detector": "sexdisagg_stats",
        "page": 4,
        "section": "Personal",
        "quote": "Av dem var 30 kvinnor.",
        "rule": finding.rule,
    }
    assert finding.rule.startswith("A.")
