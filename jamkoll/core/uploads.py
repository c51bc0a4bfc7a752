"""The size check every upload goes through before its content is read."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

EMPTY_FILE = gettext_lazy("The file is empty (0 bytes).")


def check_size(upload: UploadedFile, limit: int, *, too_large: str | Promise) -> None:
    """Raise ValidationError unless `upload` has content and at most `limit` bytes.

    `too_large` is the Swedish message, with `%(size)s` and `%(limit)s` filled in as
    people read sizes ("6,0 MB").
    """
    size = upload.size or 0
    if size == 0:
        raise ValidationError(EMPTY_FILE, code="empty")
    if size > limit:
        raise ValidationError(
            str(too_large)
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
