"""The data for the agenda and minutes PDFs (typst templates in `typst/`)."""

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jamkoll.meetings import pdf, selectors
from jamkoll.meetings.models import Attendance, Meeting


def _facts(meeting: Meeting) -> list[list[str]]:
    when = date_format(meeting.held_on, "j F Y")
    time = meeting.starts_at.strftime("%H:%M")
    if meeting.ends_at:
        time += "–" + meeting.ends_at.strftime("%H:%M")
    facts = [[_("Body"), str(meeting.body)], [_("Date"), when], [_("Time"), time]]
    if meeting.place:
        facts.append([_("Place"), meeting.place])
    if meeting.link:
        facts.append([_("Link"), meeting.link])
    if meeting.counterpart_id:
        facts.append([_("Held with"), str(meeting.counterpart)])
    return facts


def agenda_pdf(meeting: Meeting) -> bytes:
    """The agenda (föredragningslista); `meeting` from selectors.meeting_detail."""
    data: dict[str, Any] = {
        "title": _("Agenda – %(body)s, %(date)s")
        % {"body": meeting.body, "date": meeting.held_on.isoformat()},
        "facts": _facts(meeting),
        "labels": {
            "presenter": _("Presenter"),
            "planned": _("Planned time"),
            "documents": _("Documents"),
        },
        "items": [
            {
                "number": item.position,
                "title": item.title,
                "description": item.description,
                "presenter": item.presenter,
                "planned_minutes": _("%(minutes)s min")
                % {"minutes": item.planned_minutes}
                if item.planned_minutes
                else "",
                "documents": item.document_lines(),
            }
            for item in meeting.agenda_items.all()
        ],
    }
    return pdf.render("agenda", data)


def minutes_pdf(meeting: Meeting) -> bytes:
    """The approved minutes (protokoll) with attendance, decisions, signatures and any
    corrections."""
    minutes = meeting.minutes
    groups = []
    for capacity in Attendance.Capacity:
        names = [str(a) for a in meeting.attendances.all() if a.capacity == capacity]
        if names:
            groups.append({"label": str(capacity.label), "names": names})
    quorum = selectors.quorum(meeting=meeting)
    data: dict[str, Any] = {
        "title": _("Minutes – %(body)s, %(date)s")
        % {"body": meeting.body, "date": meeting.held_on.isoformat()},
        "facts": _facts(meeting),
        "attendance": groups,
        "quorum": (
            _("The meeting was quorate.")
            if quorum.is_quorate
            else _("The meeting was not quorate.")
        )
        if quorum.members
        else "",
        "labels": {
            "attendance": _("Present"),
            "decision": _("Decision"),
            "responsible": _("Responsible"),
            "assignment": _("Assignment"),
            "remarks": _("Protocol remarks"),
            "approval": _("Approval (justering)"),
            "corrections": _("Corrections after approval"),
        },
        "items": [
            {
                "number": item.position,
                "title": item.title,
                "discussion": item.discussion,
                "decision": item.decision,
                "responsible": item.responsible,
                "decisions": [
                    _("%(text)s – %(responsible)s")
                    % {"text": d.text, "responsible": d.responsible}
                    for d in item.decisions.all()
                ],
            }
            for item in meeting.agenda_items.all()
        ],
        "remarks": minutes.remarks,
        "approvals": [
            _("Approved by %(name)s on %(date)s")
            % {"name": a.person, "date": a.approved_on.isoformat()}
            for a in minutes.approvals.all()
        ],
        "corrections": [
            _("%(date)s %(user)s corrected %(field)s: %(reason)s")
            % {
                "date": c.created_at.date().isoformat(),
                "user": c.made_by,
                "field": c.field,
                "reason": c.reason,
            }
            for c in minutes.corrections.all()
        ],
    }
    return pdf.render("minutes", data)
