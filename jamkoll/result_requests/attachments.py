"""Which files may be attached to an answer: the shared upload checker's rules.

Content decides (`core.uploads.check_upload`): PDF, Word, Excel, OpenDocument text,
PNG or JPEG, within `settings.JAMKOLL_MAX_UPLOAD_BYTES` read at call time; zip
containers are judged from their central directory without unpacking.
"""

from typing import IO

from django.conf import settings
from django.utils.translation import gettext_lazy

from jamkoll.core import uploads

ACCEPTED_FORMATS_TEXT = gettext_lazy(
    "PDF, Word (DOCX), Excel (XLSX), OpenDocument text (ODT), PNG or JPEG"
)
ATTACHMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "odt", "png", "jpg"})


def check_attachment(upload: IO[bytes]) -> uploads.CheckedUpload:
    """Return what the attachment is, or raise ValidationError (Swedish)."""
    return uploads.check_upload(
        upload,
        kinds=ATTACHMENT_KINDS,
        max_bytes=int(settings.JAMKOLL_MAX_UPLOAD_BYTES),
    )
