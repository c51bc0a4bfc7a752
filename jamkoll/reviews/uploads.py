"""Checks on an uploaded document before anything is stored: size and content."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy

from jamkoll.core import uploads

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
SUFFIXES = frozenset({".pdf", ".docx", ".odt", ".txt"})
SNIFF_BYTES = 4096

EMPTY_FILE = uploads.EMPTY_FILE
FILE_TOO_LARGE = gettext_lazy(
    "The file is too large (%(size)s); the limit is %(limit)s."
)
UNSUPPORTED_TYPE = gettext_lazy(
    "Jämkoll reads PDF, Word (DOCX), OpenDocument (ODT) and plain text files."
)
NOT_A_PDF = gettext_lazy("The file is called .pdf but its content is not a PDF.")
NOT_A_ZIP_DOCUMENT = gettext_lazy(
    "The file is called %(suffix)s but its content is not such a document."
)
NOT_TEXT = gettext_lazy("The file is called .txt but it does not contain plain text.")


def check_upload(upload: UploadedFile) -> None:
    """Raise ValidationError (Swedish) unless the upload is a supported document
    within the size limit whose content matches its name.

    The limit is `settings.JAMKOLL_MAX_UPLOAD_BYTES`, read at call time.
    """
    limit = int(settings.JAMKOLL_MAX_UPLOAD_BYTES)
    uploads.check_size(upload, limit, too_large=FILE_TOO_LARGE)
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(UNSUPPORTED_TYPE, code="type")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if suffix == ".pdf":
        if PDF_MAGIC not in head[:1024]:
            raise ValidationError(NOT_A_PDF, code="fake")
    elif suffix in {".docx", ".odt"}:
        if not head.startswith(ZIP_MAGIC):
            raise ValidationError(NOT_A_ZIP_DOCUMENT % {"suffix": suffix}, code="fake")
    elif b"\x00" in head or head.startswith((PDF_MAGIC, ZIP_MAGIC)):
        raise ValidationError(NOT_TEXT, code="fake")
