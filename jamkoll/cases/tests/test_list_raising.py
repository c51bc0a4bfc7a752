"""The chair raised the list of cases the body was not given the chance to prepare in
the council: recorded with the list, shown on the printable list and read by the
yearly report through `selectors.raisings_for_year`."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from jamkoll.cases import selectors, services
from jamkoll.cases.models import Case, NotGivenListRaising


def _not_given(org_world):
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number="KF 2026/0101",
        title="Taxor för förskolan",
        deciding_body=org_world.council,
        meeting_on=dt.date(2026, 3, 16),
        preparation=Case.Preparation.NOT_GIVEN_CHANCE,
        noticed_on=dt.date(2026, 3, 10),
    )


def _data(org_world, **changes):
    data = {
        "year": "2026",
        "body": org_world.council.pk,
        "raised_on": "2026-03-16",
        "paragraph_reference": "KF § 45",
        "raised_by": org_world.person.pk,
        "note": "Ordföranden begärde att ärendet skulle återremitteras.",
    }
    data.update(changes)
    return data


def test_raising_is_recorded_and_shown_with_the_printable_list(world, client_for):
    _not_given(world.own)
    client = client_for("strategist")
    page = client.get(reverse("cases:not_given_print") + "?year=2026").content.decode()
    assert "Det är ännu inte registrerat att ordföranden har lyft listan" in page
    assert "Registrera att ordföranden lyfte listan" in page

    response = client.post(reverse("cases:not_given_raising_create"), _data(world.own))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Registrerat: listan lyftes i Kommunfullmäktige den 16 mars 2026." in page
    assert "<td>Kommunfullmäktige</td><td>16 mars 2026</td><td>KF § 45</td>" in page
    assert "Åsa Öberg" in page

    raisings = selectors.raisings_for_year(world.own.organisation, 2026)
    assert [(r.meeting_name, r.raised_on, r.paragraph_reference) for r in raisings] == [
        ("Kommunfullmäktige", dt.date(2026, 3, 16), "KF § 45")
    ]
    assert selectors.raisings_for_year(world.own.organisation, 2025) == []
    assert selectors.raisings_for_year(world.other.organisation, 2026) == []


def test_readers_see_the_raising_but_no_form(world, client_for):
    services.record_list_raising(
        organisation=world.own.organisation,
        by=world.user("admin"),
        year=2026,
        body=world.own.council,
        raised_on=dt.date(2026, 3, 16),
        paragraph_reference="KF § 45",
    )
    page = (
        client_for("reader")
        .get(reverse("cases:not_given_print") + "?year=2026")
        .content.decode()
    )
    assert "KF § 45" in page
    assert "Registrera att ordföranden lyfte listan" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"paragraph_reference": ""}, "Detta fält måste fyllas i."),
        ({"paragraph_reference": "   "}, "Detta fält måste fyllas i."),
        ({"raised_on": "2099-01-01"}, "Datumet kan inte ligga i framtiden."),
        ({"raised_on": "16/3"}, "Fyll i ett giltigt datum."),
    ],
)
def test_bad_input_gives_a_swedish_message_and_saves_nothing(
    world, client_for, changes, message
):
    response = client_for("strategist").post(
        reverse("cases:not_given_raising_create"), _data(world.own, **changes)
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html
    assert message in html
    assert not NotGivenListRaising.objects.exists()


def test_the_same_meeting_twice_is_refused(world, client_for):
    client = client_for("strategist")
    client.post(reverse("cases:not_given_raising_create"), _data(world.own))
    response = client.post(
        reverse("cases:not_given_raising_create"),
        _data(world.own, paragraph_reference="KF § 46"),
    )
    assert response.status_code == 400
    assert (
        "Det är redan registrerat att listan lyftes i Kommunfullmäktige den "
        "16 mars 2026." in response.content.decode()
    )
    assert NotGivenListRaising.objects.get().paragraph_reference == "KF § 45"


def test_body_and_person_of_another_organisation_are_refused(world, client_for):
    client = client_for("admin")
    for changes in (
        {"body": world.other.council.pk},
        {"raised_by": world.other.person.pk},
        {"body": world.own.board.pk},
    ):
        response = client.post(
            reverse("cases:not_given_raising_create"), _data(world.own, **changes)
        )
        assert response.status_code == 400
    assert not NotGivenListRaising.objects.exists()


def test_service_checks_permission_and_rules(world):
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.record_list_raising(
                organisation=world.own.organisation,
                by=world.user(role),
                year=2026,
                body=world.own.council,
                raised_on=dt.date(2026, 3, 16),
                paragraph_reference="KF § 45",
            )
    with pytest.raises(ValidationError) as error:
        services.record_list_raising(
            organisation=world.own.organisation,
            by=world.user("strategist"),
            year=2026,
            body=world.own.council,
            raised_on=timezone.localdate() + dt.timedelta(days=1),
            paragraph_reference=" ",
        )
    assert set(error.value.message_dict) == {"raised_on", "paragraph_reference"}
    assert not NotGivenListRaising.objects.exists()
