"""Shared helpers for the report tests."""

import io
import zipfile

import pypdfium2

WORD_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def adoption_item(org_world, *, held_on, paragraph=7):  # type: ignore[no-untyped-def]
    """An agenda item of the body's meeting on `held_on`: where it adopts its report."""
    from jamkoll.meetings.models import AgendaItem
    from jamkoll.meetings.tests.factories import make_meeting

    meeting = make_meeting(org_world, held_on=held_on)
    return AgendaItem.objects.create(
        meeting=meeting,
        position=3,
        paragraph=paragraph,
        title="Årsrapport",
    )


def adopt(report, *, by, org_world, on, case_number="KS 2026/123"):  # type: ignore[no-untyped-def]
    """Mark the report ready and have the body adopt it at a meeting held `on`."""
    from jamkoll.reports import services
    from jamkoll.reports.models import YearlyReport

    if report.status == YearlyReport.Status.DRAFT:
        report = services.change_status(
            report=report, status=YearlyReport.Status.READY, by=by, today=on
        )
    return services.adopt_report(
        report=report,
        agenda_item=adoption_item(org_world, held_on=on),
        case_number=case_number,
        by=by,
        today=on,
    )
