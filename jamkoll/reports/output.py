"""Generate the yearly report file (DOCX or PDF) for an organisation and year.

Documents are always written in Swedish, whatever the language of the user's session,
because the document language is declared as sv-SE.
"""

from dataclasses import dataclass

from django.utils import translation

from jamkoll.organisations.models import Organisation
from jamkoll.reports.docx import render_docx
from jamkoll.reports.pdf import render_pdf
from jamkoll.reports.selectors import assemble, report_for, word_template_for

FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class ReportFile:
    data: bytes
    filename: str
    content_type: str


def generate(*, organisation: Organisation, year: int, fmt: str) -> ReportFile:
    """Assemble and render the report; `fmt` is "docx" or "pdf" (else ValueError).

    The Word file is built on the organisation's own template when it has uploaded
    one (`selectors.word_template_for`).
    """
    if fmt not in FORMATS:
        raise ValueError(fmt)
    with translation.override("sv"):
        content = assemble(
            organisation=organisation,
            year=year,
            report=report_for(organisation=organisation, year=year),
        )
        if fmt == "docx":
            data = render_docx(content, template=word_template_for(organisation))
        else:
            data = render_pdf(content)
    filename = f"arsrapport-{organisation.code}-{year}.{fmt}"
    return ReportFile(data=data, filename=filename, content_type=FORMATS[fmt])
