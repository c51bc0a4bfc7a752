"""Which documents a review reads: the shared upload checker's rules.

Content decides (`core.uploads.check_upload`): PDF, Word (DOCX), OpenDocument text
(ODT) or plain text, within `settings.JAMKOLL_MAX_UPLOAD_BYTES` read at call time;
zip containers are judged from their central directory without unpacking, with the
same limits the reader (`textanalysis.limits`) applies.
"""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from jamkoll.core import uploads

DOCUMENT_KINDS = frozenset({"pdf", "docx", "odt", "txt"})


def check_document(upload: UploadedFile) -> uploads.CheckedUpload:
    """Return what the document is, or raise ValidationError (Swedish)."""
    return uploads.check_upload(
        upload,
        kinds=DOCUMENT_KINDS,
        max_bytes=int(settings.JAMKOLL_MAX_UPLOAD_BYTES),
    )
