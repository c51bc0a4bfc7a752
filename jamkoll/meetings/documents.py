"""The agenda (kallelse och föredragningslista) and the minutes (sammanträdesprotokoll)
as documents, PDF (`pdf.py`, typst) and DOCX (`docx.py`, python-docx).

Both formats render the same plain data, built here: a title, a running header, an
optional draft marking and a list of blocks (headings, paragraphs made of runs,
label–value facts, lists, tables with a header row, the signature block, boxed
notices). Text is always Swedish, dates "13 oktober 2026", times "13.00–16.00". Links
show titles, never paths: a path inside the site becomes an absolute address behind
its title.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from jamkoll.core import formatting
from jamkoll.core.mail import absolute_url
from jamkoll.meetings import docx, pdf, selectors
from jamkoll.meetings.doclinks import DocumentLink
from jamkoll.meetings.models import AgendaItem, Attendance, Meeting, Minutes
from jamkoll.members.models import Person

LANGUAGE = "sv"
STOCKHOLM = ZoneInfo("Europe/Stockholm")

Block = dict[str, Any]
Run = dict[str, Any]


# --- Building blocks ----------------------------------------------------------------


def _run(text: str, *, bold: bool = False, italic: bool = False, url: str = "") -> Run:
    return {"text": text, "bold": bold, "italic": italic, "url": url}


def _para(*runs: Run, style: str = "body") -> Block:
    return {"type": "para", "runs": list(runs), "style": style}


def _labelled(label: str, value: str) -> Block:
    """A paragraph "Label value" with a real space between the two."""
    return _para(_run(label, bold=True), _run(" " + value))


def _heading(level: int, text: str) -> Block:
    return {"type": "heading", "level": level, "text": text}


def _text(text: str) -> list[Block]:
    """User text as paragraphs: a blank line starts a new one, a line break stays."""
    chunks = [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [_para(_run(chunk)) for chunk in chunks if chunk]


def _fact(label: str, *runs: Run) -> dict[str, Any]:
    return {"label": label, "runs": list(runs)}


# Column widths in cm; together the width of the text on A4 (21 − 2 × 2.2 cm).
THREE_COLUMNS = [8.4, 4.4, 3.8]
CORRECTION_COLUMNS = [2.8, 2.6, 7.0, 4.2]
DEMAND_COLUMNS = [6.8, 4.2, 3.0, 2.6]


def _table(
    caption: str, header: list[str], rows: list[list[str]], widths: list[float]
) -> Block:
    return {
        "type": "table",
        "caption": caption,
        "header": header,
        "rows": rows,
        "widths": widths,
    }


def _href(url: str) -> str:
    """An address usable outside the site: paths become absolute."""
    return absolute_url(url) if url.startswith("/") else url


def _day(value: dt.date) -> str:
    return formatting.date(value)


def _clock(value: dt.time) -> str:
    return formatting.time(value)


def _times(meeting: Meeting) -> str:
    if meeting.ends_at:
        return f"{_clock(meeting.starts_at)}–{_clock(meeting.ends_at)}"
    return _clock(meeting.starts_at)


def _joined(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s and %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }


def _document_link(link: DocumentLink) -> Run:
    return _run(link.title, url=_href(link.url) if link.url else "")


def _material(item: AgendaItem) -> list[Block]:
    """The item's source (suggested from another app) and its documents, as titles."""
    blocks: list[Block] = []
    if item.source_href:
        kind = item.source_kind or _("Background material")
        blocks.append(
            _para(
                _run(pgettext("agenda item", "Background material:"), bold=True),
                _run(" "),
                _run(kind, url=_href(item.source_href)),
            )
        )
    links = item.document_links()
    if links:
        blocks.append(_para(_run(_("Documents"), bold=True)))
        blocks.append({"type": "list", "items": [[_document_link(x)] for x in links]})
    return blocks


def _heading_blocks(meeting: Meeting, title: str) -> list[Block]:
    """Organisation and body above the title, then the date with its label."""
    return [
        _para(
            _run(str(meeting.organisation), bold=True),
            _run("\n" + str(meeting.body)),
            style="kicker",
        ),
        _heading(1, title),
        _labelled(_("Meeting date"), _day(meeting.held_on)),
    ]


def _document(
    *, title: str, header: str, draft: str, blocks: list[Block], author: str
) -> dict[str, Any]:
    return {
        "title": title,
        "header": header,
        "draft": draft,
        "author": author,
        "language": LANGUAGE,
        "blocks": blocks,
    }


# --- The agenda ------------------------------------------------------------------


def agenda_data(meeting: Meeting) -> dict[str, Any]:
    """The agenda (kallelse och föredragningslista); `meeting` from
    selectors.meeting_detail. Call inside `translation.override`."""
    title = (
        _("Invitation to a dialogue meeting")
        if meeting.is_dialogue
        else _("Invitation to a meeting")
    )
    facts = [_fact(_("Time"), _run(_times(meeting)))]
    if meeting.place:
        facts.append(_fact(_("Place"), _run(meeting.place)))
    if meeting.link:
        facts.append(
            _fact(
                _("Digital meeting"),
                _run(_("Join the digital meeting"), url=meeting.link),
            )
        )
    if meeting.counterpart_id:
        facts.append(_fact(_("Dialogue with"), _run(str(meeting.counterpart))))
    blocks = _heading_blocks(meeting, title)
    blocks.append({"type": "facts", "rows": facts})
    blocks.append(_heading(2, _("Agenda")))
    items = list(meeting.agenda_items.all())
    if not items:
        blocks.append(_para(_run(_("The agenda is empty."), italic=True)))
    for index, item in enumerate(items, start=1):
        blocks.append(
            _heading(
                3, _("%(number)s. %(title)s") % {"number": index, "title": item.title}
            )
        )
        blocks.extend(_text(item.description))
        if item.presenter:
            blocks.append(_labelled(_("Presenter:"), item.presenter))
        if item.planned_minutes:
            blocks.append(
                _labelled(
                    _("Planned time:"),
                    _("%(minutes)s min") % {"minutes": item.planned_minutes},
                )
            )
        blocks.extend(_material(item))
    questions = list(meeting.questions.all()) if meeting.is_dialogue else []
    if questions:
        blocks.append(_heading(2, _("Questions before the meeting")))
        blocks.append({"type": "list", "items": [[_run(q.text)] for q in questions]})
    date = _day(meeting.held_on)
    return _document(
        title=_("Agenda – %(body)s, %(date)s") % {"body": meeting.body, "date": date},
        header=_("%(body)s · Agenda %(date)s") % {"body": meeting.body, "date": date},
        draft="",
        blocks=blocks,
        author=str(meeting.body),
    )


# --- The minutes -------------------------------------------------------------------


def _person_name(attendance: Attendance) -> str:
    person = attendance.person
    if person is None:
        return attendance.name
    if person.party_id:
        return f"{person} ({person.party})"
    return str(person)


def _attendance(meeting: Meeting, chair: Person | None) -> tuple[list[str], list[str]]:
    """Those who decide (members and serving substitutes) and the others present."""
    deciding: list[str] = []
    others: list[str] = []
    capacity = Attendance.Capacity
    attendances = sorted(
        meeting.attendances.all(),
        key=lambda a: chair is None or a.person_id != chair.pk,
    )
    for attendance in attendances:
        name = _person_name(attendance)
        if chair is not None and attendance.person_id == chair.pk:
            name = _("%(name)s, chair") % {"name": name}
        if attendance.capacity == capacity.MEMBER:
            deciding.append(name)
        elif attendance.capacity == capacity.SUBSTITUTE_SERVING:
            deciding.append(_("%(name)s, serving substitute") % {"name": name})
        elif attendance.capacity == capacity.SUBSTITUTE:
            others.append(_("%(name)s, substitute") % {"name": name})
        else:
            others.append(name)
    return deciding, others


def _place_and_time(meeting: Meeting) -> str:
    place = meeting.place
    if meeting.link:
        place = (
            _("%(place)s and digitally") % {"place": place}
            if place
            else _("Digital meeting")
        )
    when = _("%(date)s at %(time)s") % {
        "date": _day(meeting.held_on),
        "time": _times(meeting),
    }
    return f"{place}\n{when}" if place else when


def _paragraph_range(items: list[AgendaItem]) -> str:
    numbers = [item.number for item in items]
    if not numbers:
        return ""
    if min(numbers) == max(numbers):
        return f"§ {numbers[0]}"
    return f"§ {min(numbers)}–{max(numbers)}"


def _signed_text(approval: Any) -> str:
    if approval.approved_at is not None:
        moment = timezone.localtime(approval.approved_at, STOCKHOLM)
        return pgettext("signature", "Approved on %(date)s at %(time)s") % {
            "date": _day(moment.date()),
            "time": _clock(moment.time()),
        }
    return pgettext("signature", "Approved on %(date)s") % {
        "date": _day(approval.approved_on)
    }


def _signature_block(minutes: Minutes) -> list[Block]:
    """Secretary, chair and each approver; a digital signature in the current round
    shows "Justerat den … kl. …", anyone else gets a line to sign on."""
    signatures = selectors.signatures(minutes=minutes)
    signed = {s.person.pk: s.approval for s in signatures if s.approval is not None}
    chair = minutes.chair
    signers = [
        {"role": _("Secretary"), "name": minutes.secretary, "signed": ""},
        {
            "role": _("Chair"),
            "name": str(chair) if chair else "",
            "signed": _signed_text(signed[chair.pk])
            if chair is not None and chair.pk in signed
            else "",
        },
    ]
    for signature in signatures:
        if chair is not None and signature.person.pk == chair.pk:
            continue
        signers.append(
            {
                "role": _("Approver (justerare)"),
                "name": str(signature.person),
                "signed": _signed_text(signature.approval)
                if signature.approval is not None
                else "",
            }
        )
    blocks: list[Block] = [
        _heading(2, _("Signatures")),
        {"type": "signatures", "signers": signers},
    ]
    if signed:
        blocks.append(
            _para(
                _run(
                    _(
                        "Approved digitally in Jämkoll: each approver signed while "
                        "logged in with their own account."
                    ),
                    italic=True,
                ),
                style="small",
            )
        )
    return blocks


def _posting_block(minutes: Minutes) -> list[Block]:
    status = selectors.posting_status(minutes=minutes)
    if not status.applies or status.posted_on is None or not minutes.is_approved:
        return []
    down = status.taken_down_on or status.earliest_take_down
    text = _(
        "The approval has been announced on the notice board on %(posted)s; the "
        "notice is taken down on %(down)s."
    ) % {"posted": _day(status.posted_on), "down": _day(down) if down else "–"}
    return [_heading(2, _("Notice (anslag/bevis)")), _para(_run(text))]


def _item_blocks(item: AgendaItem) -> list[Block]:
    blocks = [_heading(2, f"§ {item.number} {item.title}")]
    blocks.extend(_material(item))
    blocks.extend(_text(item.discussion))
    if item.decision:
        blocks.append(_heading(3, _("Decision")))
        blocks.extend(_text(item.decision))
    if item.responsible:
        blocks.append(_labelled(_("Responsible:"), item.responsible))
    demands = list(item.demands.all())
    if demands:
        blocks.append(
            _table(
                _(
                    "Assignments to boards, administrations and companies under § %(number)s"
                )
                % {"number": item.number},
                [_("Demand"), _("Addressed to"), _("Answer by"), _("Status")],
                [
                    [
                        r.title,
                        str(r.addressed_to),
                        _day(r.due_on),
                        r.get_status_display(),
                    ]
                    for r in demands
                ],
                DEMAND_COLUMNS,
            )
        )
    decisions = list(item.decisions.all())
    if decisions:
        blocks.append(
            _table(
                _("Assignments (uppdrag) under § %(number)s") % {"number": item.number},
                [_("Assignment"), _("Owner"), _("To report back by")],
                [
                    [d.text, d.responsible or "–", _day(d.due_on) if d.due_on else "–"]
                    for d in decisions
                ],
                THREE_COLUMNS,
            )
        )
    return blocks


def _dialogue_blocks(meeting: Meeting) -> list[Block]:
    blocks: list[Block] = []
    questions = list(meeting.questions.all())
    if questions:
        blocks.append(_heading(2, _("Questions and answers")))
        for number, question in enumerate(questions, start=1):
            blocks.append(
                _para(
                    _run(_("Question %(number)s:") % {"number": number}, bold=True),
                    _run(" " + question.text),
                )
            )
            blocks.append(
                _para(
                    _run(_("Answer:"), bold=True),
                    _run(" " + (question.answer or _("No answer was given."))),
                )
            )
    if meeting.notes:
        blocks.append(_heading(2, _("Notes")))
        blocks.extend(_text(meeting.notes))
    commitments = list(meeting.commitments.all())
    if commitments:
        blocks.append(
            _table(
                _("Commitments"),
                [_("Commitment"), _("Owner"), _("Due date")],
                [[c.text, c.owner, _day(c.due_on)] for c in commitments],
                THREE_COLUMNS,
            )
        )
    return blocks


def _corrections_blocks(minutes: Minutes) -> list[Block]:
    corrections = list(minutes.corrections.all())
    if not corrections:
        return []
    rows = []
    for c in corrections:
        moment = timezone.localtime(c.created_at, STOCKHOLM)
        reason = c.reason
        if c.voided_signatures:
            reason += " " + _(
                "The signatures given were voided and approval began anew."
            )
        change = "\n".join(
            [
                c.label or c.field,
                _("Before: %(value)s") % {"value": c.old_value or "–"},
                _("After: %(value)s") % {"value": c.new_value or "–"},
            ]
        )
        rows.append(
            [
                _("%(date)s at %(time)s")
                % {"date": _day(moment.date()), "time": _clock(moment.time())},
                str(c.made_by),
                change,
                reason,
            ]
        )
    return [
        _heading(2, _("Corrections after the minutes were sent for approval")),
        _table(
            _("Corrections"),
            [_("When"), _("Who"), _("What was changed"), _("Why")],
            rows,
            CORRECTION_COLUMNS,
        ),
    ]


def minutes_data(meeting: Meeting) -> dict[str, Any]:
    """The minutes (sammanträdesprotokoll) laid out as municipal minutes: facts and
    the signature block first, then each paragraph (§). Unapproved minutes are marked
    "Utkast – ej justerat" on every page. `meeting` from selectors.meeting_detail;
    call inside `translation.override`."""
    minutes = meeting.minutes
    items = list(meeting.agenda_items.all())
    deciding, others = _attendance(meeting, minutes.chair)
    approvers = [str(p) for p in minutes.approvers.all()]
    title = (
        _("Minutes of a dialogue meeting")
        if meeting.is_dialogue
        else _("Minutes (sammanträdesprotokoll)")
    )
    facts = [_fact(_("Place and time"), _run(_place_and_time(meeting)))]
    if meeting.counterpart_id:
        facts.append(_fact(_("Dialogue with"), _run(str(meeting.counterpart))))
    facts.append(_fact(_("Deciding"), _run("\n".join(deciding) or "–")))
    if others:
        facts.append(_fact(_("Others present"), _run("\n".join(others))))
    if meeting.is_dialogue and meeting.participants.strip():
        facts.append(
            _fact(_("From the counterpart"), _run(meeting.participants.strip()))
        )
    facts.append(_fact(_("Elected to approve"), _run(_joined(approvers) or "–")))
    if minutes.approved_on:
        facts.append(
            _fact(
                _("Place and time of approval"),
                _run(_("Digitally, %(date)s") % {"date": _day(minutes.approved_on)}),
            )
        )
    if items:
        facts.append(_fact(_("Paragraphs"), _run(_paragraph_range(items))))
    if not meeting.is_dialogue:
        quorum = selectors.quorum(meeting=meeting)
        if quorum.members:
            facts.append(_fact(_("Quorum"), _run(_quorum_text(quorum))))
    draft = "" if minutes.is_approved else _("Draft – not approved (ej justerat)")
    blocks = _heading_blocks(meeting, title)
    if draft:
        blocks.append({"type": "notice", "runs": [_run(draft, bold=True)]})
    blocks.append({"type": "facts", "rows": facts})
    blocks.extend(_signature_block(minutes))
    blocks.extend(_posting_block(minutes))
    for item in items:
        blocks.extend(_item_blocks(item))
    if meeting.is_dialogue:
        blocks.extend(_dialogue_blocks(meeting))
    if minutes.remarks:
        blocks.append(_heading(2, _("Protocol remarks")))
        blocks.extend(_text(minutes.remarks))
    blocks.extend(_corrections_blocks(minutes))
    date = _day(meeting.held_on)
    names = {"body": meeting.body, "date": date}
    doc_title = _("Minutes – %(body)s, %(date)s") % names
    if draft:
        doc_title = f"{draft}: {doc_title}"
    return _document(
        title=doc_title,
        header=_("%(body)s · Minutes %(date)s") % names,
        draft=draft,
        blocks=blocks,
        author=str(meeting.body),
    )


def _quorum_text(quorum: selectors.Quorum) -> str:
    counts = {"present": quorum.present, "members": quorum.members}
    if quorum.is_quorate:
        return (
            ngettext(
                "%(present)s of %(members)s member present; the meeting was quorate.",
                "%(present)s of %(members)s members present; the meeting was quorate.",
                quorum.members,
            )
            % counts
        )
    return (
        ngettext(
            "%(present)s of %(members)s member present; the meeting was not quorate.",
            "%(present)s of %(members)s members present; the meeting was not quorate.",
            quorum.members,
        )
        % counts
    )


# --- Files -------------------------------------------------------------------------


def _in_swedish(
    build: Callable[[Meeting], dict[str, Any]], meeting: Meeting
) -> dict[str, Any]:
    with translation.override(LANGUAGE):
        return build(meeting)


def agenda_pdf(meeting: Meeting) -> bytes:
    return pdf.render(_in_swedish(agenda_data, meeting))


def agenda_docx(meeting: Meeting) -> bytes:
    return docx.render(_in_swedish(agenda_data, meeting))


def minutes_pdf(meeting: Meeting) -> bytes:
    return pdf.render(_in_swedish(minutes_data, meeting))


def minutes_docx(meeting: Meeting) -> bytes:
    return docx.render(_in_swedish(minutes_data, meeting))


def filename(kind: str, meeting: Meeting, *, draft: bool = False) -> str:
    """A file name without spaces or non-ASCII letters, e.g. protokoll-2026-10-13."""
    stem = f"{kind}-utkast" if draft else kind
    return f"{stem}-{meeting.held_on.isoformat()}"
