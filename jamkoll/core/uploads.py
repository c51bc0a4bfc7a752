"""The one checker every upload goes through before anything is stored.

`check_upload(file, kinds=..., max_bytes=...)` decides what a file IS from its content
(magic bytes, the zip container's member list, plain text that decodes), counting its
size while reading; the client's name and content type only give the display name,
and a name that claims a different accepted kind than the content is refused. Zip
based formats (DOCX, XLSX, ODT) are checked by `check_zip_container` from the central
directory alone: declared sizes and ratios, member count, nested archives, unsafe
member names and encryption; nothing is unpacked beyond two tiny members (the ODT
`mimetype` and the OOXML `[Content_Types].xml`, both size-capped before reading).

Files are stored under `stored_name(checked, prefix)`: a random name with the
extension of the DETECTED kind. `download_response` serves them back as an attachment
under the cleaned display name, with the detected content type and `nosniff`.
Every refusal is a `ValidationError` with a Swedish message naming reason and limit.
"""

import re
import unicodedata
import uuid
import zipfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any

import filetype
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

EMPTY_FILE = gettext_lazy("The file is empty (0 bytes).")

CHUNK_BYTES = 64 * 1024
# Zip limits, from the central directory's declared sizes (never by unpacking).
MAX_ZIP_MEMBERS = 1000
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
# Members smaller than this are not ratio-checked: small XML compresses very well.
ZIP_RATIO_FLOOR = 1024 * 1024
# The two members read to tell the formats apart are tiny in real documents.
MAX_SNIFF_MEMBER = 256 * 1024
NESTED_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".7z", ".rar", ".bz2", ".xz", ".jar")
MACRO_MEMBER = "vbaproject.bin"


@dataclass(frozen=True)
class Kind:
    """An accepted kind of file: its stored extension, content type and label."""

    name: str
    extension: str
    content_type: str
    label: str | Promise
    family: str  # names claiming another family's kind are refused


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("pdf", "pdf", "application/pdf", "PDF", "pdf"),
        Kind(
            "docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            gettext_lazy("Word (DOCX)"),
            "docx",
        ),
        Kind(
            "dotx",
            "dotx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
            gettext_lazy("Word template (DOTX)"),
            "docx",
        ),
        Kind(
            "xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            gettext_lazy("Excel (XLSX)"),
            "xlsx",
        ),
        Kind(
            "odt",
            "odt",
            "application/vnd.oasis.opendocument.text",
            gettext_lazy("OpenDocument text (ODT)"),
            "odt",
        ),
        Kind(
            "doc",
            "doc",
            "application/msword",
            gettext_lazy("Word 97–2003 (DOC)"),
            "doc",
        ),
        Kind("png", "png", "image/png", "PNG", "png"),
        Kind("jpg", "jpg", "image/jpeg", "JPEG", "jpg"),
        Kind("txt", "txt", "text/plain", gettext_lazy("plain text (TXT)"), "text"),
        Kind("csv", "csv", "text/csv", "CSV", "text"),
    )
}
# Client suffixes that claim a kind (for the "called .pdf but is not a PDF" message).
CLAIMED_SUFFIXES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".dotx": "dotx",
    ".xlsx": "xlsx",
    ".odt": "odt",
    ".doc": "doc",
    ".png": "png",
    ".jpg": "jpg",
    ".jpeg": "jpg",
    ".txt": "txt",
    ".csv": "csv",
}
TEXT_KINDS = ("txt", "csv")

# Messages (Swedish in jamkoll/core/locale).
EMPTY_NAMED = gettext_lazy("The file %(name)s is empty.")
TOO_LARGE = gettext_lazy(
    "The file %(name)s is too large (%(size)s); the limit is %(limit)s."
)
WRONG_KIND = gettext_lazy(
    "The file %(name)s is not an accepted kind of file. Accepted: %(kinds)s."
)
CLAIMS_OTHER_KIND = gettext_lazy(
    "The file %(name)s has the extension %(suffix)s but its content is not %(claimed)s."
)
PASSWORD_PROTECTED = gettext_lazy(
    "The file %(name)s is password protected. Remove the password and try again."
)
DAMAGED = gettext_lazy("The file %(name)s is damaged and cannot be opened.")
NOT_TEXT = gettext_lazy(
    "The file %(name)s is not plain text (it contains binary data or markup)."
)
HAS_MACROS = gettext_lazy(
    "The file %(name)s contains macros. Save it without macros and try again."
)
ZIP_TOO_MANY = gettext_lazy(
    "The file %(name)s holds too many parts (%(count)s); at most %(limit)s are allowed."
)
ZIP_TOO_BIG = gettext_lazy(
    "The file %(name)s would be %(size)s unpacked; at most %(limit)s is allowed."
)
ZIP_RATIO = gettext_lazy(
    "The file %(name)s unpacks to more than %(limit)s times its packed size "
    "(%(ratio)s:1); it looks like a zip bomb and is refused."
)
ZIP_NESTED = gettext_lazy(
    "The file %(name)s contains another packed archive (%(member)s), which is not allowed."
)
ZIP_UNSAFE_NAME = gettext_lazy(
    "The file %(name)s contains a part with an unsafe name (%(member)s)."
)
ZIP_ENCRYPTED = PASSWORD_PROTECTED


@dataclass(frozen=True)
class CheckedUpload:
    """What `check_upload` found: the kind by content, its size, and the display name."""

    kind: str
    extension: str
    content_type: str
    size: int
    display_name: str


def _refuse(message: str | Promise, code: str, **params: Any) -> ValidationError:
    return ValidationError(str(message) % params, code=code)


def display_name(client_name: str | None, extension: str) -> str:
    """The client's file name made safe to show and to send in Content-Disposition.

    Path parts, control characters and anything but letters (å, ä, ö included),
    digits, `-`, `_`, `.` and spaces are dropped. The client's extension is kept only
    when it names a kind of the same family as `extension` (the detected kind's:
    `mall.dotx` stays, `poly.html` holding a PDF shows as `poly.pdf`).
    """
    raw = (client_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    raw = unicodedata.normalize("NFC", raw)
    cleaned = "".join(
        ch
        for ch in raw
        if (ch.isalnum() or ch in "-_. ") and unicodedata.category(ch)[0] != "C"
    )
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    stem = " ".join(stem.split()).strip(". ")[:150] or "fil"
    claimed = CLAIMED_SUFFIXES.get(f".{suffix.lower()}")
    detected = next((k for k in KINDS.values() if k.extension == extension), None)
    if claimed and detected and KINDS[claimed].family == detected.family:
        return f"{stem}.{suffix}"
    return f"{stem}.{extension}"


def stored_name(checked: CheckedUpload, prefix: str) -> str:
    """A random storage name under `prefix` with the DETECTED kind's extension."""
    prefix = prefix.strip("/")
    name = f"{uuid.uuid4().hex}.{checked.extension}"
    return f"{prefix}/{name}" if prefix else name


STORED_BASENAME = re.compile(r"[0-9a-f]{32}\.[a-z]{3,4}")


def storage_path(prefix: str, filename: str) -> str:
    """What a model's `upload_to` returns: `filename` when it is a `stored_name`
    (random hex and a known kind's extension), under `prefix`; anything else (a
    client's name) gets a fresh random name ending `.bin`, never the client's
    extension."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    extensions = {kind.extension for kind in KINDS.values()}
    prefix = prefix.strip("/")
    if STORED_BASENAME.fullmatch(base) and base.rsplit(".", 1)[1] in extensions:
        return f"{prefix}/{base}"
    return f"{prefix}/{uuid.uuid4().hex}.bin"


def content_type_for(name: str) -> str:
    """The content type of a file stored under `stored_name` (by its extension)."""
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    for kind in KINDS.values():
        if kind.extension == extension:
            return kind.content_type
    return "application/octet-stream"


def download_response(
    handle: IO[bytes], *, display_name: str, content_type: str
) -> FileResponse:
    """Serve a stored file as a download: attachment with the display name (RFC 5987
    for å, ä, ö), the detected content type, `nosniff` and no caching."""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=display_name or "fil",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _size_while_reading(
    file: IO[bytes], max_bytes: int, name: str
) -> tuple[int, bytes]:
    """Read `file` in chunks, stop as soon as it passes `max_bytes`; return the size
    and the first chunk (for sniffing). `file.size` is never trusted."""
    file.seek(0)
    head = b""
    size = 0
    while True:
        chunk = file.read(CHUNK_BYTES)
        if not chunk:
            break
        if not head:
            head = chunk
        size += len(chunk)
        if size > max_bytes:
            file.seek(0)
            # The decision is by what was read; the size shown may use the
            # declared size, which is only ever larger here.
            shown = max(size, getattr(file, "size", 0) or 0)
            raise _refuse(
                TOO_LARGE,
                "too_large",
                name=name,
                size=filesizeformat(shown),
                limit=filesizeformat(max_bytes),
            )
    file.seek(0)
    return size, head


def check_zip_container(
    file: IO[bytes],
    *,
    max_members: int = MAX_ZIP_MEMBERS,
    max_total_uncompressed: int = MAX_ZIP_UNCOMPRESSED,
    max_ratio: float = MAX_ZIP_RATIO,
    name: str = "",
) -> list[zipfile.ZipInfo]:
    """Check a zip container from its central directory only and return its members.

    Refused (ValidationError): not a readable zip, more than `max_members` members, a
    declared unpacked total above `max_total_uncompressed`, a member (of at least
    1 MB unpacked) or the whole archive packed more than `max_ratio`:1, nested
    archives, absolute or `..` member names, encrypted members. Nothing is unpacked.
    """
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse(DAMAGED, "damaged", name=name) from None
    finally:
        file.seek(0)
    if len(infos) > max_members:
        raise _refuse(
            ZIP_TOO_MANY, "zip_members", name=name, count=len(infos), limit=max_members
        )
    total = sum(info.file_size for info in infos)
    if total > max_total_uncompressed:
        raise _refuse(
            ZIP_TOO_BIG,
            "zip_size",
            name=name,
            size=filesizeformat(total),
            limit=filesizeformat(max_total_uncompressed),
        )
    packed = sum(info.compress_size for info in infos)
    for info in infos:
        if info.file_size >= ZIP_RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > max_ratio:
                raise _refuse(
                    ZIP_RATIO,
                    "zip_ratio",
                    name=name,
                    limit=int(max_ratio),
                    ratio=int(ratio),
                )
    if total >= ZIP_RATIO_FLOOR and total / max(packed, 1) > max_ratio:
        raise _refuse(
            ZIP_RATIO,
            "zip_ratio",
            name=name,
            limit=int(max_ratio),
            ratio=int(total / max(packed, 1)),
        )
    for info in infos:
        member = info.filename
        parts = member.replace("\\", "/").split("/")
        if (
            member.startswith(("/", "\\"))
            or ".." in parts
            or (len(member) > 1 and member[1] == ":")
            or "\x00" in member
        ):
            raise _refuse(ZIP_UNSAFE_NAME, "zip_name", name=name, member=member[:80])
        if member.lower().endswith(NESTED_ARCHIVE_SUFFIXES):
            raise _refuse(ZIP_NESTED, "zip_nested", name=name, member=member[:80])
        if info.flag_bits & 0x1:
            raise _refuse(ZIP_ENCRYPTED, "zip_encrypted", name=name)
    return infos


def _read_small_member(
    file: IO[bytes], infos: Iterable[zipfile.ZipInfo], member: str
) -> bytes:
    info = next((i for i in infos if i.filename == member), None)
    if info is None or info.file_size > MAX_SNIFF_MEMBER:
        return b""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive, archive.open(info) as handle:
            return handle.read(MAX_SNIFF_MEMBER)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        return b""
    finally:
        file.seek(0)


def _zip_kind(file: IO[bytes], infos: list[zipfile.ZipInfo], name: str) -> str:
    names = {info.filename for info in infos}
    if any(n.lower().rsplit("/", 1)[-1] == MACRO_MEMBER for n in names):
        raise _refuse(HAS_MACROS, "macros", name=name)
    if "mimetype" in names and "content.xml" in names:
        mimetype = _read_small_member(file, infos, "mimetype").strip()
        return "odt" if mimetype == KINDS["odt"].content_type.encode() else ""
    if "[Content_Types].xml" not in names:
        return ""
    if "word/document.xml" in names:
        types = _read_small_member(file, infos, "[Content_Types].xml")
        return "dotx" if b"wordprocessingml.template.main+xml" in types else "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return ""


def _check_pdf(file: IO[bytes], name: str) -> None:
    """Refuse a PDF that pdfium cannot open (damaged) or that needs a password."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    file.seek(0)
    try:
        document = pypdfium2.PdfDocument(file.read())
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise _refuse(PASSWORD_PROTECTED, "encrypted", name=name) from None
        raise _refuse(DAMAGED, "damaged", name=name) from None
    finally:
        file.seek(0)
    try:
        if len(document) == 0:
            raise _refuse(DAMAGED, "damaged", name=name)
    finally:
        document.close()


MARKUP_STARTS = (
    b"<!doctype",
    b"<html",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<body",
    b"<iframe",
)


# Control bytes that never occur in text (tab, line feed, form feed, carriage return
# and the DOS end-of-file mark are allowed).
TEXT_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26)) + b"\x7f"


def _is_plain_text(file: IO[bytes], head: bytes) -> bool:
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(MARKUP_STARTS):
        return False
    file.seek(0)
    try:
        while chunk := file.read(CHUNK_BYTES):
            if chunk.translate(None, TEXT_CONTROLS) != chunk:
                return False
    finally:
        file.seek(0)
    if filetype.guess(head) is not None:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            # A multi-byte character cut at the chunk's end is still UTF-8.
            if encoding == "utf-8-sig" and len(head) == CHUNK_BYTES:
                try:
                    head[:-3].decode(encoding)
                    return True
                except UnicodeDecodeError:
                    pass
    return False


def _accepted_text(kinds: Collection[str]) -> str:
    return ", ".join(str(kind.label) for key, kind in KINDS.items() if key in kinds)


def check_upload(
    file: IO[bytes], *, kinds: Collection[str], max_bytes: int, name: str | None = None
) -> CheckedUpload:
    """Return what the upload is, or raise ValidationError (Swedish) saying why not.

    `kinds` names what the caller accepts (keys of `KINDS`: "pdf", "docx", "dotx",
    "xlsx", "odt", "doc", "png", "jpg", "txt", "csv"); `max_bytes` is counted while
    reading. `name` defaults to `file.name` and is used only for the display name and
    the "called .pdf but is not a PDF" message.
    """
    unknown = set(kinds) - KINDS.keys()
    if unknown:
        raise ValueError(f"Unknown upload kinds: {sorted(unknown)}")
    client = name if name is not None else (getattr(file, "name", "") or "")
    shown = client.replace("\\", "/").rsplit("/", 1)[-1][:120]
    size, head = _size_while_reading(file, max_bytes, shown)
    if size == 0:
        raise _refuse(EMPTY_NAMED, "empty", name=shown)
    detected = ""
    if head.startswith(b"PK\x03\x04"):
        infos = check_zip_container(file, name=shown)
        detected = _zip_kind(file, infos, shown)
    elif head.startswith(b"%PDF-"):
        detected = "pdf"
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        detected = "doc"
    else:
        guessed = filetype.guess(head)
        if guessed is not None:
            detected = {"png": "png", "jpg": "jpg"}.get(guessed.extension, "")
        elif any(k in TEXT_KINDS for k in kinds) and _is_plain_text(file, head):
            suffix = PurePosixPath(shown.lower()).suffix
            text_kinds = [k for k in TEXT_KINDS if k in kinds]
            detected = CLAIMED_SUFFIXES.get(suffix, "")
            if detected not in text_kinds:
                detected = text_kinds[0]
    claimed = CLAIMED_SUFFIXES.get(PurePosixPath(shown.lower()).suffix, "")
    if (
        claimed
        and claimed in kinds
        and (not detected or KINDS[claimed].family != KINDS[detected].family)
    ):
        raise _refuse(
            CLAIMS_OTHER_KIND,
            "fake",
            name=shown,
            suffix=PurePosixPath(shown.lower()).suffix,
            claimed=KINDS[claimed].label,
        )
    if claimed and detected in TEXT_KINDS and claimed not in TEXT_KINDS:
        # Text is told apart only by decoding; a name claiming a binary kind the
        # caller does not take (a cut-off bild.png) is not accepted as text.
        detected = ""
    if detected not in kinds:
        raise _refuse(WRONG_KIND, "wrong_kind", name=shown, kinds=_accepted_text(kinds))
    if detected == "pdf":
        _check_pdf(file, shown)
    kind = KINDS[detected]
    return CheckedUpload(
        kind=kind.name,
        extension=kind.extension,
        content_type=kind.content_type,
        size=size,
        display_name=display_name(shown, kind.extension),
    )


def check_size(upload: Any, limit: int, *, too_large: str | Promise) -> None:
    """Raise ValidationError unless `upload` has content and at most `limit` bytes.

    Kept for callers that only limit size; prefer `check_upload`, which also counts
    while reading. `too_large` has `%(size)s` and `%(limit)s` ("6,0 MB").
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


__all__ = [
    "KINDS",
    "CheckedUpload",
    "check_size",
    "check_upload",
    "check_zip_container",
    "content_type_for",
    "display_name",
    "download_response",
    "storage_path",
    "stored_name",
]
