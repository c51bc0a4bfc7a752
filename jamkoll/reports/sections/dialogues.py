"""Dialogue meetings with boards, administrations and companies, and their commitments."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.meetings.models import Commitment, Meeting
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section, Subheading, Table


def build(organisation: Organisation, year: int) -> Section | None:
    meetings = list(
        Meeting.objects.filter(
            organisation=organisation, kind=Meeting.Kind.DIALOGUE, held_on__year=year
        )
        .select_related("counterpart")
        .order_by("held_on", "pk")
    )
    if not meetings:
        return None
    commitments = list(
        Commitment.objects.filter(meeting__in=meetings)
        .select_related("meeting__counterpart")
        .order_by("due_on", "pk")
    )
    today = timezone.localdate()
    done = sum(1 for c in commitments if c.completed_on is not None)
    late = sum(1 for c in commitments if c.completed_on is None and c.due_on < today)
    section = Section(
        key="dialogues",
        heading=_("Dialogue meetings"),
        source=_(
            "Source: the dialogue meetings of %(year)s and the commitments recorded at "
            "them in Jämkoll."
        )
        % {"year": year},
    )
    section.blocks.append(
        Paragraph(
            _(
                "The body held %(n)s dialogue meetings in %(year)s. The counterparts "
                "made %(commitments)s commitments: %(done)s are fulfilled and %(late)s "
                "are past their due date."
            )
            % {
                "n": len(meetings),
                "year": year,
                "commitments": len(commitments),
                "done": done,
                "late": late,
            }
        )
    )
    section.blocks.append(
        Table(
            caption=_("Dialogue meetings, %(year)s") % {"year": year},
            header=[_("Date"), _("Held with"), _("Commitments")],
            rows=[
                [
                    formats.date_format(m.held_on, "j F Y"),
                    m.counterpart.name if m.counterpart_id else "–",
                    str(sum(1 for c in commitments if c.meeting_id == m.pk)),
                ]
                for m in meetings
            ],
            numeric=[False, False, True],
        )
    )
    if commitments:
        section.blocks.append(Subheading(_("Commitments")))
        section.blocks.append(
            Table(
                caption=_("Commitments made at the dialogue meetings, %(year)s")
                % {"year": year},
                header=[
                    _("Commitment"),
                    _("Counterpart"),
                    _("Owner"),
                    _("Due"),
                    _("Status"),
                ],
                rows=[
                    [
                        c.text,
                        c.meeting.counterpart.name if c.meeting.counterpart_id else "–",
                        c.owner,
                        formats.date_format(c.due_on, "j F Y"),
                        pgettext("commitment", "Fulfilled")
                        if c.completed_on
                        else pgettext("commitment", "Overdue")
                        if c.due_on < today
                        else pgettext("commitment", "Open"),
                    ]
                    for c in commitments
                ],
            )
        )
    return section
