"""Checks on an uploaded Word template (.docx or .dotx) before anything is stored.

A template is accepted by its content, not its name (the shared checker in
`core.uploads`): a Word zip container, judged from its central directory without
unpacking, holding `word/document.xml` and `word/styles.xml`, without macros, within
the size limit. It is stored under a random name with the detected extension.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy

from jamkoll.core import uploads

MAX_BYTES = 5 * 1024 * 1024
KINDS = frozenset({"docx", "dotx"})
REQUIRED_MEMBERS = ("word/document.xml", "word/styles.xml")

TEMPLATE_TOO_LARGE = gettext_lazy(
    "The template is too large (%(size)s); the limit is %(limit)s."
)
TEMPLATE_WRONG_TYPE = gettext_lazy(
    "Choose a Word document (.docx) or Word template (.dotx)."
)
TEMPLATE_NOT_WORD = gettext_lazy(
    "The file is called %(suffix)s but its content is not a Word document."
)
TEMPLATE_HAS_MACROS = gettext_lazy(
    "The template contains macros. Save it as a Word template without macros (.dotx)."
)


def check_word_template(upload: UploadedFile) -> uploads.CheckedUpload:
    """Return what the template is, or raise ValidationError (Swedish) unless `upload`
    is a Word document or template within the size limit, by content (the shared
    `core.uploads.check_upload`: zip judged from its central directory, macros
    refused) and with the styles and body a template needs."""
    suffix = PurePath(upload.name or "").suffix.lower()
    try:
        checked = uploads.check_upload(upload, kinds=KINDS, max_bytes=MAX_BYTES)
    except ValidationError as error:
        raise _template_message(error, upload, suffix) from None
    infos = uploads.check_zip_container(upload, name=checked.display_name)
    names = {info.filename for info in infos}
    if any(member not in names for member in REQUIRED_MEMBERS):
        raise ValidationError(
            TEMPLATE_NOT_WORD % {"suffix": suffix or ".docx"}, code="fake"
        )
    return checked


def _template_message(
    error: ValidationError, upload: UploadedFile, suffix: str
) -> ValidationError:
    """The template page's own wording for the common refusals."""
    code = getattr(error, "code", None)
    if code == "too_large":
        size = max(upload.size or 0, MAX_BYTES + 1)
        return ValidationError(
            TEMPLATE_TOO_LARGE
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    if code == "wrong_kind":
        return ValidationError(TEMPLATE_WRONG_TYPE, code="type")
    if code == "fake":
        return ValidationError(TEMPLATE_NOT_WORD % {"suffix": suffix}, code="fake")
    if code == "macros":
        return ValidationError(TEMPLATE_HAS_MACROS, code="macros")
    return error
