"""One answer to "which organisation owns this?" for permissions and the audit trail."""

from jamkoll.core.ownership import organisation_id_of
from jamkoll.meetings.models import AgendaItem
from jamkoll.meetings.tests.factories import make_meeting
from jamkoll.reports.models import DevelopmentArea, YearlyReport


def test_an_organisation_owns_itself_and_its_objects(world):
    org = world.own.organisation
    assert organisation_id_of(org) == org.pk
    assert organisation_id_of(world.own.board) == org.pk


def test_a_child_without_an_organisation_key_follows_its_parent(world):
    meeting = make_meeting(world.own)
    item = AgendaItem.objects.create(meeting=meeting, title="Punkt", position=1)
    assert organisation_id_of(item) == world.own.organisation.pk
    report = YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    area = DevelopmentArea(report=report, title="Område", rationale="Skäl")
    assert organisation_id_of(area) == world.own.organisation.pk


def test_an_object_with_no_organisation_is_owned_by_none():
    # Before, some apps fell back to the object's own primary key here, which could
    # match an unrelated organisation's id.
    class Loose:
        pk = 1

    assert organisation_id_of(Loose()) is None
