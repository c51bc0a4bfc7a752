"""Checks on an uploaded Word template (.docx or .dotx) before anything is stored.

A template is accepted by its content, not its name: a zip archive holding
`word/document.xml` and `word/styles.xml`, without macros, within the size limit.
"""

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy

from jamkoll.core.uploads import check_size

MAX_BYTES = 5 * 1024 * 1024
# A zip bomb guard: the members together, unpacked.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
SUFFIXES = frozenset({".docx", ".dotx"})
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


def check_word_template(upload: UploadedFile) -> None:
    """Raise ValidationError (Swedish) unless `upload` is a Word document or template
    within the size limit whose content is really Word (styles and body present)."""
    check_size(upload, MAX_BYTES, too_large=TEMPLATE_TOO_LARGE)
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(TEMPLATE_WRONG_TYPE, code="type")
    not_word = ValidationError(TEMPLATE_NOT_WORD % {"suffix": suffix}, code="fake")
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if any(member not in names for member in REQUIRED_MEMBERS):
                raise not_word
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise not_word
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(TEMPLATE_HAS_MACROS, code="macros")
            head = archive.read("word/document.xml")[:200]
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise not_word from error
    finally:
        upload.seek(0)
    if not head.lstrip().startswith(b"<"):
        raise not_word
