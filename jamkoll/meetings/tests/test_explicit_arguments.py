"""`save_meeting` and `save_agenda_item` take the fields a user may change, nothing
else: the organisation, the invitation's sequence and an item's minutes, paragraph
and source have their own services."""

import pytest

from jamkoll.meetings import services
from jamkoll.meetings.models import AgendaItem, Meeting
from jamkoll.meetings.tests.factories import make_meeting


def _row(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


@pytest.mark.parametrize(
    "smuggled", ["organisation", "invitation_sequence", "notes", "status"]
)
def test_save_meeting_refuses_fields_outside_its_signature(world, smuggled):
    meeting = make_meeting(world.own)
    before = _row(Meeting, meeting.pk)
    value = world.other.organisation if smuggled == "organisation" else 7
    with pytest.raises(TypeError):
        services.save_meeting(
            organisation=world.own.organisation,
            by=world.user("strategist"),
            meeting=meeting,
            title="Ändrat",
            **{smuggled: value},
        )
    assert _row(Meeting, meeting.pk) == before


def test_save_meeting_changes_only_the_fields_given(world):
    meeting = make_meeting(world.own)
    services.save_meeting(
        organisation=world.own.organisation,
        by=world.user("strategist"),
        meeting=meeting,
        title="Budgetdialog",
    )
    stored = Meeting.objects.get(pk=meeting.pk)
    assert (stored.title, stored.place) == ("Budgetdialog", "Rådhuset, sal Åsen")


@pytest.mark.parametrize(
    "smuggled", ["decision", "paragraph", "source_ref", "meeting", "position"]
)
def test_save_agenda_item_refuses_fields_outside_its_signature(world, smuggled):
    meeting = make_meeting(world.own)
    by = world.user("strategist")
    item = services.save_agenda_item(meeting=meeting, by=by, title="Budget")
    before = _row(AgendaItem, item.pk)
    value = make_meeting(world.other) if smuggled == "meeting" else 3
    with pytest.raises(TypeError):
        services.save_agenda_item(
            meeting=meeting, by=by, item=item, title="Ändrad", **{smuggled: value}
        )
    assert _row(AgendaItem, item.pk) == before
