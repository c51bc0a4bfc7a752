"""The body's own meetings in the year against its target, and attendance by sex."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from jamkoll.core.formatting import number
from jamkoll.meetings import selectors
from jamkoll.meetings.models import Attendance, Meeting
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section, Table


def build(organisation: Organisation, year: int) -> Section | None:
    years = [
        b
        for b in selectors.body_years(
            organisation=organisation, year=year, today=timezone.localdate()
        )
        if b.total
    ]
    if not years:
        return None
    section = Section(
        key="meetings",
        heading=pgettext("report section", "Meetings"),
        source=_(
            "Source: the body's meetings and attendance lists in Jämkoll for %(year)s "
            "(dialogue meetings are reported separately)."
        )
        % {"year": year},
    )
    section.blocks.append(
        Table(
            caption=_("Meetings held against the target, %(year)s") % {"year": year},
            header=[
                _("Body"),
                _("Held"),
                _("Planned for the rest of the year"),
                _("Target"),
            ],
            rows=[
                [b.body.name, str(b.held), str(b.planned), str(b.target)] for b in years
            ],
            numeric=[False, True, True, True],
        )
    )
    for b in years:
        key = "reached" if b.total >= b.target else "missed"
        text = (
            ngettext(
                "%(body)s held or planned %(n)s meeting, reaching its target of "
                "%(target)s.",
                "%(body)s held or planned %(n)s meetings, reaching its target of "
                "%(target)s.",
                b.total,
            )
            if key == "reached"
            else ngettext(
                "%(body)s held or planned %(n)s meeting, short of its target of "
                "%(target)s.",
                "%(body)s held or planned %(n)s meetings, short of its target of "
                "%(target)s.",
                b.total,
            )
        )
        section.blocks.append(
            Paragraph(text % {"body": b.body.name, "n": b.total, "target": b.target})
        )
    held = Meeting.objects.filter(
        organisation=organisation, held_on__year=year, held_on__lt=timezone.localdate()
    ).exclude(kind=Meeting.Kind.DIALOGUE)
    present = Attendance.objects.filter(
        meeting__in=held,
        capacity__in=[
            Attendance.Capacity.MEMBER,
            Attendance.Capacity.SUBSTITUTE_SERVING,
        ],
    ).aggregate(
        total=Count("pk"),
        women=Count("pk", filter=Q(person__sex="woman")),
        men=Count("pk", filter=Q(person__sex="man")),
        meetings=Count("meeting", distinct=True),
    )
    if present["meetings"]:
        section.blocks.append(
            Table(
                caption=_("Attendance at meetings with an attendance list, %(year)s")
                % {"year": year},
                header=[
                    _("Meetings"),
                    _("Present on average"),
                    _("Attendances, women"),
                    _("Attendances, men"),
                ],
                rows=[
                    [
                        str(present["meetings"]),
                        number(present["total"] / present["meetings"]),
                        str(present["women"]),
                        str(present["men"]),
                    ]
                ],
                numeric=[True, True, True, True],
            )
        )
    return section
