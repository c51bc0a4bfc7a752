"""Dialogue meetings with boards, administrations and companies, and their commitments."""

from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from jamkoll.meetings.models import Commitment, Meeting
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section, Subheading, Table
from jamkoll.reports.sections.common import body_names


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
    names = body_names(organisation)
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
            ngettext(
                "%(body)s held %(n)s dialogue meeting in %(year)s.",
                "%(body)s held %(n)s dialogue meetings in %(year)s.",
                len(meetings),
            )
            % {"body": capfirst(names.form), "n": len(meetings), "year": year}
            + " "
            + (
                ngettext(
                    "The counterparts made %(n)s commitment: %(done)s fulfilled and "
                    "%(late)s past the due date.",
                    "The counterparts made %(n)s commitments: %(done)s fulfilled and "
                    "%(late)s past the due date.",
                    len(commitments),
                )
                % {"n": len(commitments), "done": done, "late": late}
                if commitments
                else _("No commitments were made at the meetings.")
            )
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
