"""Checks an uploaded attachment by its content, not by its name.

A file passes when its magic bytes (the `filetype` library) say it is one of the
accepted kinds AND its structure holds: office documents must be valid zip archives
with the members their format requires, a PDF must open in pdfium, an image must
carry its format's signature. The size limit is read from settings at call time.
"""

import io
import zipfile
from dataclasses import dataclass
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ACCEPTED_FORMATS_TEXT = gettext_lazy(
    "PDF, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), PNG or JPEG"
)


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str
    zip_members: tuple[str, ...] = ()


KINDS = {
    "pdf": Kind("pdf", "application/pdf"),
    "docx": Kind(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ("[Content_Types].xml", "word/document.xml"),
    ),
    "xlsx": Kind(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ("[Content_Types].xml", "xl/workbook.xml"),
    ),
    "odt": Kind(
        "odt", "application/vnd.oasis.opendocument.text", ("mimetype", "content.xml")
    ),
    "png": Kind("png", "image/png"),
    "jpg": Kind("jpg", "image/jpeg"),
}


def _refuse(message: str, name: str) -> ValidationError:
    return ValidationError(message % {"name": name}, code="bad_attachment")


def _read(upload: IO[bytes]) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _zip_ok(data: bytes, members: tuple[str, ...]) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if not all(m in names for m in members):
                return False
            if "mimetype" in members:
                return (
                    archive.read("mimetype").strip()
                    == KINDS["odt"].content_type.encode()
                )
            return archive.testzip() is None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return False


def _pdf_ok(data: bytes) -> bool:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return False
    try:
        return len(document) > 0
    finally:
        document.close()


def check_upload(upload: IO[bytes], *, name: str, size: int) -> Kind:
    """Return the attachment's kind, or raise ValidationError with a clear message."""
    limit: int = settings.JAMKOLL_MAX_UPLOAD_BYTES
    if size == 0:
        raise _refuse(_("The file %(name)s is empty."), name)
    if size > limit:
        raise ValidationError(
            _(
                "The file %(name)s is too large (%(size)s). The largest allowed size is %(limit)s."
            )
            % {
                "name": name,
                "size": filesizeformat(size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    data = _read(upload)
    guessed = filetype.guess(data)
    extension = guessed.extension if guessed else ""
    if extension == "zip":
        extension = next(
            (e for e in ("docx", "xlsx", "odt") if _zip_ok(data, KINDS[e].zip_members)),
            "",
        )
    kind = KINDS.get(extension)
    if kind is None:
        raise ValidationError(
            _("The file %(name)s is not an accepted kind of file. Attach %(formats)s.")
            % {"name": name, "formats": ACCEPTED_FORMATS_TEXT},
            code="wrong_kind",
        )
    if kind.zip_members and not _zip_ok(data, kind.zip_members):
        raise _refuse(_("The file %(name)s is damaged and cannot be opened."), name)
    if kind.extension == "pdf" and not _pdf_ok(data):
        raise _refuse(_("The PDF file %(name)s is damaged and cannot be opened."), name)
    return kind
