"""The agenda and the minutes as documents (PDF and Word).

The agenda is read by everyone in the organisation. Approved minutes too; before
approval only the body's secretary and the designated approvers get them, marked as
a draft (everyone else: 404, as if there were none).
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from jamkoll.meetings import documents, permissions, selectors
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.views import _common as _c

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    return _file(
        documents.agenda_pdf(meeting), documents.filename("foredragningslista", meeting)
    )


@require_GET
def agenda_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    return _file(
        documents.agenda_docx(meeting),
        documents.filename("foredragningslista", meeting),
        docx=True,
    )


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _minutes_meeting(request, pk)
    return _file(documents.minutes_pdf(meeting), _minutes_name(meeting))


@require_GET
def minutes_docx(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _minutes_meeting(request, pk)
    return _file(documents.minutes_docx(meeting), _minutes_name(meeting), docx=True)


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    visible = permissions.meetings_visible_to(_c.user(request))
    try:
        return selectors.meeting_detail(visible=visible, pk=pk)
    except Meeting.DoesNotExist:
        raise Http404 from None


def _minutes_meeting(request: HttpRequest, pk: int) -> Meeting:
    meeting = _meeting(request, pk)
    if not permissions.can_read_draft_minutes(_c.user(request), meeting.minutes):
        raise Http404
    return meeting


def _minutes_name(meeting: Meeting) -> str:
    return documents.filename(
        "protokoll", meeting, draft=not meeting.minutes.is_approved
    )


def _file(content: bytes, stem: str, *, docx: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX if docx else PDF)
    disposition = "attachment" if docx else "inline"
    extension = "docx" if docx else "pdf"
    response["Content-Disposition"] = f'{disposition}; filename="{stem}.{extension}"'
    response["Cache-Control"] = "private, no-store"
    return response
