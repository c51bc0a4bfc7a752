"""Demands in each state, built through the services (never by writing rows)."""

import datetime as dt
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from jamkoll.accounts.models import Role, RoleAssignment, User
from jamkoll.result_requests import services
from jamkoll.result_requests.models import Occasion, Outcome, ResultRequest


def png_bytes() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.new_page(200, 200)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Könsuppdelad statistik för hemtjänsten.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Kvinnor", "Män"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Analys av skillnader"))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def upload(
    name: str, content: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def strategist_of(org_world) -> User:  # type: ignore[no-untyped-def]
    """A strategist of the organisation (may raise, answer and assess)."""
    username = f"strateg-{org_world.organisation.code}"
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.se"}
    )
    if created:
        RoleAssignment.objects.create(
            user=user, organisation=org_world.organisation, role=Role.STRATEGIST
        )
    return user


def raise_demand(
    org_world, by: User | None = None, *, unit=None, due_in: int = 30, **fields
) -> ResultRequest:  # type: ignore[no-untyped-def]
    by = by or strategist_of(org_world)
    values = {
        "title": "Könsuppdelad statistik i hemtjänsten",
        "question": "Hur fördelas beviljade timmar mellan kvinnor och män?",
        "occasion": Occasion.BUDGET_DIALOGUE,
        "occasion_on": timezone.localdate(),
        "due_on": timezone.localdate() + dt.timedelta(days=due_in),
        "evidence_required": ["statistics"],
    }
    values.update(fields)
    [result_request] = services.create_result_requests(
        organisation=org_world.organisation,
        by=by,
        addressees=[unit or org_world.board],
        **values,
    )
    return result_request


def answer(
    result_request: ResultRequest, by: User | None = None, *, files=()
) -> ResultRequest:  # type: ignore[no-untyped-def]
    by = by or strategist_of_org(result_request)
    services.save_reply(
        result_request=result_request,
        by=by,
        text="Kvinnor beviljas i snitt 12 timmar, män 9 timmar.",
        evidence_given=["statistics"],
        files=files,
        submit=True,
    )
    result_request.refresh_from_db()
    return result_request


def assess(
    result_request: ResultRequest,
    by: User | None = None,
    outcome: str = Outcome.INSUFFICIENT,
) -> ResultRequest:
    by = by or strategist_of_org(result_request)
    result_request.refresh_from_db()
    services.assess_reply(
        result_request=result_request,
        by=by,
        outcome=outcome,
        comment="Analysen saknas.",
        expected_version=result_request.version,
    )
    result_request.refresh_from_db()
    return result_request


def strategist_of_org(result_request: ResultRequest) -> User:
    username = f"strateg-{result_request.organisation.code}"
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.se"}
    )
    if created:
        RoleAssignment.objects.create(
            user=user, organisation=result_request.organisation, role=Role.STRATEGIST
        )
    return user
