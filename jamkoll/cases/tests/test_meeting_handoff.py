"""Meeting → case: the body's decision on an agenda item made from a council case
records its preparation (beredning) on the case, which links to the paragraph.

meetings sits on the same layer as cases, so its models are reached by name.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from jamkoll.cases import services
from jamkoll.cases.models import Case


def _case(org_world, number="KF 2026/0042") -> Case:
    return Case.objects.create(
        organisation=org_world.organisation,
        case_number=number,
        title="Program för fritidsgårdar",
        deciding_body=org_world.council,
        meeting_on=dt.date(2026, 11, 16),
        responsible_board=org_world.board,
    )


def _meeting(org_world, held_on=dt.date(2026, 10, 13), title="Sammanträde oktober"):
    meeting = apps.get_model("meetings", "Meeting").objects.create(
        organisation=org_world.organisation,
        body=org_world.body,
        held_on=held_on,
        starts_at=dt.time(13, 0),
        title=title,
    )
    apps.get_model("meetings", "Minutes").objects.create(meeting=meeting)
    return meeting


def _item(meeting, case, position=3):
    return apps.get_model("meetings", "AgendaItem").objects.create(
        meeting=meeting,
        position=position,
        title=f"Beredning: {case.title}",
        source_ref=f"cases.case:{case.pk}",
        source_kind="Ärende att bereda",
    )


def _minutes_post(item, **outcome):
    prefix = f"item-{item.pk}"
    data = {
        f"{prefix}-discussion": "Nämnden diskuterade ärendet.",
        f"{prefix}-decision": "Nämnden lämnar yttrande enligt förslag.",
        f"{prefix}-responsible": "",
        "secretary": "Sekreteraren",
        "remarks": "",
    }
    data.update({f"{prefix}-outcome-{k}": v for k, v in outcome.items()})
    return data


def test_recording_the_decision_prepares_the_case_and_links_the_paragraph(
    world, client_for
):
    case = _case(world.own)
    meeting = _meeting(world.own)
    item = _item(meeting, case)
    client = client_for("strategist")
    form_page = client.get(reverse("meetings:minutes_edit", args=[meeting.pk]))
    html = form_page.content.decode()
    assert "Nämndens beredning av ärendet" in html
    assert "Berett – yttrande" in html

    response = client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        _minutes_post(
            item,
            outcome="prepared",
            text="Utskottet tillstyrker med tillägg om könsuppdelad statistik.",
            gender_assessment="Beslutsunderlaget saknar konsekvenser för flickor och pojkar.",
        ),
    )
    assert response.status_code == 302

    page = client.get(case.get_absolute_url()).content.decode()
    assert '<span class="tag tag--ok">Berett</span>' in page
    assert "Berett vid Sammanträde oktober 13 oktober 2026 § 3" in page
    assert f'href="{reverse("meetings:detail", args=[meeting.pk])}#minutes"' in page
    assert "Utskottet tillstyrker med tillägg om könsuppdelad statistik." in page

    # The minutes form shows what was recorded (round trip on the meeting's side).
    again = client.get(reverse("meetings:minutes_edit", args=[meeting.pk]))
    form = next(i for i, _f in again.context["item_forms"] if i.pk == item.pk)
    assert form.outcome_form.initial["outcome"] == "prepared"
    assert form.outcome_form.initial["text"].startswith("Utskottet tillstyrker")


def test_not_relevant_with_a_reason(world, client_for):
    case = _case(world.own)
    meeting = _meeting(world.own)
    item = _item(meeting, case)
    client = client_for("admin")
    client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        _minutes_post(
            item, outcome="not_relevant", text="Ärendet rör en teknisk justering."
        ),
    )
    case.refresh_from_db()
    assert case.preparation == Case.Preparation.NOT_RELEVANT
    assert case.not_relevant_reason == "Ärendet rör en teknisk justering."
    assert case.prepared_at_id == item.pk
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Ej aktuellt" in page
    assert "Bedömt som ej aktuellt vid Sammanträde oktober 13 oktober 2026 § 3" in page


def test_prepared_without_statement_is_refused_and_nothing_is_saved(world, client_for):
    case = _case(world.own)
    meeting = _meeting(world.own)
    item = _item(meeting, case)
    response = client_for("strategist").post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        _minutes_post(item, outcome="prepared", text="", gender_assessment=""),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ett berett ärende behöver organets yttrande" in html
    case.refresh_from_db()
    item.refresh_from_db()
    assert case.preparation == Case.Preparation.UNHANDLED
    assert case.prepared_at_id is None
    # The minutes text of the same form was not half-saved either.
    assert item.decision == ""


def test_recording_twice_at_another_paragraph_is_refused(world, client_for):
    by = world.user("strategist")
    case = _case(world.own)
    first = _item(_meeting(world.own), case)
    services.record_preparation_from_meeting(
        case=case,
        item=first,
        outcome="prepared",
        text="Yttrande",
        by=by,
        gender_assessment="Bedömning",
    )
    later = _meeting(world.own, held_on=dt.date(2026, 11, 10), title="November")
    second = _item(later, case, position=5)
    response = client_for("strategist").post(
        reverse("meetings:minutes_edit", args=[later.pk]),
        _minutes_post(second, outcome="not_relevant", text="Ej aktuellt längre"),
    )
    assert response.status_code == 400
    assert (
        "Ärendet KF 2026/0042 är redan hanterat vid Sammanträde oktober "
        "13 oktober 2026 § 3" in response.content.decode()
    )
    case.refresh_from_db()
    second.refresh_from_db()
    assert (case.preparation, case.statement, case.prepared_at_id) == (
        "prepared",
        "Yttrande",
        first.pk,
    )
    assert second.decision == ""


def test_recording_again_at_the_same_paragraph_updates(world):
    by = world.user("strategist")
    case = _case(world.own)
    item = _item(_meeting(world.own), case)
    for text in ("Första yttrandet", "Justerat yttrande"):
        services.record_preparation_from_meeting(
            case=case,
            item=item,
            outcome="prepared",
            text=text,
            by=by,
            gender_assessment="Bedömning",
        )
    case.refresh_from_db()
    assert case.statement == "Justerat yttrande"
    assert case.history.count() == 3  # created + two recordings


def test_refused_roles_and_other_organisation(world):
    case = _case(world.own)
    item = _item(_meeting(world.own), case)
    for role in ("politician", "manager", "reader"):
        with pytest.raises(PermissionDenied):
            services.record_preparation_from_meeting(
                case=case,
                item=item,
                outcome="prepared",
                text="x",
                gender_assessment="y",
                by=world.user(role),
            )
    foreign_item = _item(_meeting(world.other), _case(world.other))
    with pytest.raises(ValidationError):
        services.record_preparation_from_meeting(
            case=case,
            item=foreign_item,
            outcome="prepared",
            text="x",
            gender_assessment="y",
            by=world.user("admin"),
        )
    case.refresh_from_db()
    assert case.preparation == Case.Preparation.UNHANDLED


def test_a_politician_sees_no_preparation_choices(world, client_for):
    case = _case(world.own)
    meeting = _meeting(world.own)
    _item(meeting, case)
    # Politicians may not write the minutes at all; the strategist sees the choices.
    response = client_for("politician").get(
        reverse("meetings:minutes_edit", args=[meeting.pk])
    )
    assert response.status_code == 403


def test_item_from_a_case_of_another_organisation_offers_nothing(world, client_for):
    foreign = _case(world.other)
    meeting = _meeting(world.own)
    item = _item(meeting, foreign)
    client = client_for("strategist")
    html = client.get(reverse("meetings:minutes_edit", args=[meeting.pk])).content
    assert "Nämndens beredning av ärendet" not in html.decode()
    client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        _minutes_post(item, outcome="prepared", text="x", gender_assessment="y"),
    )
    foreign.refresh_from_db()
    assert foreign.preparation == Case.Preparation.UNHANDLED


def test_manual_not_given_clears_the_paragraph(world):
    by = world.user("strategist")
    case = _case(world.own)
    item = _item(_meeting(world.own), case)
    services.record_preparation_from_meeting(
        case=case, item=item, outcome="not_relevant", text="Skäl", by=by
    )
    services.record_preparation(
        case=case,
        by=by,
        preparation="not_given_chance",
        noticed_on=dt.date(2026, 11, 1),
    )
    case.refresh_from_db()
    assert case.prepared_at_id is None
