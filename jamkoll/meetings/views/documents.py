"""The agenda and the minutes as documents (PDF)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from jamkoll.meetings import (
    documents,
    permissions,
    selectors,
)
from jamkoll.meetings.views import _common as _c


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(
        visible=permissions.meetings_visible_to(_c.user(request)),
        pk=_c.visible_meeting(request, pk).pk,
    )
    return _pdf(
        documents.agenda_pdf(meeting), f"foredragningslista-{meeting.held_on}.pdf"
    )


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_detail(
        visible=permissions.meetings_visible_to(_c.user(request)),
        pk=_c.visible_meeting(request, pk).pk,
    )
    if not meeting.minutes.is_approved:
        raise Http404
    return _pdf(documents.minutes_pdf(meeting), f"protokoll-{meeting.held_on}.pdf")


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
