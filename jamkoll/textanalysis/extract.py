"""Text extraction with page numbers from PDF, DOCX, ODT and plain text.

Contract: :func:`iter_pages` yields :class:`Page` objects one at a time (PDF pages
are read lazily, so memory stays flat in the number of pages) and raises
:class:`ReaderError` with a Swedish message for every kind of bad input. It never
reads more than ``Limits.max_file_bytes`` from disk.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from jamkoll.textanalysis import errors
from jamkoll.textanalysis.errors import ReaderError
from jamkoll.textanalysis.limits import MB, Limits

BlockKind = Literal["raw", "heading", "paragraph", "table_row"]
Format = Literal["pdf", "docx", "odt", "text"]

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ""})
SNIFF_BYTES = 8192

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO_NS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

HEADING_STYLE_RE = re.compile(r"^(heading|rubrik|title|rubrik)\s*\d*", re.IGNORECASE)
WS_RE = re.compile(r"[ \t\u00a0\u202f]+")


@dataclass(slots=True)
class Block:
    """A piece of page text. ``raw`` blocks still need line-based segmentation."""

    kind: BlockKind
    text: str


@dataclass(slots=True)
class Page:
    """One page (1-based ``number``) and its blocks in reading order."""

    number: int
    blocks: list[Block] = field(default_factory=list)

    def char_count(self) -> int:
        """Number of non-space characters on the page."""
        return sum(len(b.text) - b.text.count(" ") for b in self.blocks)


def detect_format(path: Path, limits: Limits) -> Format:
    """Return the format from magic bytes (not the extension) or raise.

    Also enforces the size limit via ``stat`` before opening the file.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReaderError(errors.MSG_NOT_FOUND) from exc
    if not path.is_file():
        raise ReaderError(errors.MSG_NOT_FOUND)
    if size == 0:
        raise ReaderError(errors.MSG_EMPTY)
    if size > limits.max_file_bytes:
        raise ReaderError(
            errors.MSG_TOO_LARGE.format(
                size_mb=size / MB, limit_mb=limits.max_file_bytes / MB
            )
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise ReaderError(errors.MSG_NOT_FOUND) from exc
    suffix = path.suffix.lower()
    # The PDF spec allows junk before the header within the first 1024 bytes.
    if PDF_MAGIC in head[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise ReaderError(errors.MSG_FAKE_PDF)
    if head.startswith(ZIP_MAGIC):
        if suffix == ".odt" or ODT_MIMETYPE in head[:200]:
            return "odt"
        return "docx"
    if suffix == ".docx":
        raise ReaderError(errors.MSG_FAKE_DOCX)
    if suffix == ".odt":
        raise ReaderError(errors.MSG_FAKE_ODT)
    if head.startswith(OLE_MAGIC):
        raise ReaderError(errors.MSG_OLD_WORD)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReaderError(errors.MSG_UNKNOWN_FORMAT)
    return "text"


def iter_pages(path: Path | str, limits: Limits | None = None) -> Iterator[Page]:
    """Yield the pages of ``path`` in order; raise ``ReaderError`` on bad input."""
    limits = limits or Limits()
    path = Path(path)
    fmt = detect_format(path, limits)
    if fmt == "pdf":
        yield from _iter_pdf(path, limits)
    elif fmt == "docx":
        _check_zip(path, limits, errors.MSG_CORRUPT_DOCX)
        yield from _iter_docx(path, limits)
    elif fmt == "odt":
        _check_zip(path, limits, errors.MSG_CORRUPT_ODT)
        yield from _iter_odt(path, limits)
    else:
        yield from _iter_text(path, limits)


# --- PDF -----------------------------------------------------------------------


def _iter_pdf(path: Path, limits: Limits) -> Iterator[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ReaderError(errors.MSG_ENCRYPTED) from exc
        raise ReaderError(errors.MSG_CORRUPT_PDF) from exc
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise ReaderError(
                errors.MSG_TOO_MANY_PAGES.format(pages=n_pages, limit=limits.max_pages)
            )
        for index in range(n_pages):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
                page.close()
            except pdfium.PdfiumError as exc:
                raise ReaderError(errors.MSG_CORRUPT_PDF) from exc
            yield Page(index + 1, [Block("raw", text)])
    finally:
        pdf.close()


# --- Zip containers (DOCX, ODT) ------------------------------------------------


def _check_zip(path: Path, limits: Limits, corrupt_message: str) -> None:
    """Refuse zip bombs using only the central directory.

    ``zipfile`` stops decompressing a member at its declared ``file_size`` (and
    then checks the CRC), so declared sizes are an upper bound on what is read.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(corrupt_message) from exc
    if len(infos) > limits.max_zip_members:
        raise ReaderError(errors.MSG_ZIP_BOMB)
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_zip_uncompressed_bytes:
            raise ReaderError(errors.MSG_ZIP_BOMB)
        if info.file_size >= limits.zip_ratio_min_member_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise ReaderError(errors.MSG_ZIP_BOMB)


def _clean(text: str) -> str:
    return WS_RE.sub(" ", text).strip()


class _PageCollector:
    """Accumulates blocks and cuts pages at page breaks (DOCX and ODT)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.number = 1
        self.blocks: list[Block] = []
        self.done: list[Page] = []

    def add(self, kind: BlockKind, text: str) -> None:
        text = _clean(text)
        if text:
            self.blocks.append(Block(kind, text))

    def page_break(self) -> None:
        self.done.append(Page(self.number, self.blocks))
        self.blocks = []
        self.number += 1
        if self.number > self.limits.max_pages:
            raise ReaderError(
                errors.MSG_TOO_MANY_PAGES.format(
                    pages=self.number, limit=self.limits.max_pages
                )
            )

    def drain(self) -> list[Page]:
        pages, self.done = self.done, []
        return pages

    def finish(self) -> Page:
        return Page(self.number, self.blocks)


def _iter_docx(path: Path, limits: Limits) -> Iterator[Page]:
    import docx
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    # python-docx raises OpcError subclasses, KeyError for missing parts, lxml
    # errors for broken XML and zipfile/OSError for broken containers.
    docx_errors = (OpcError, KeyError, LxmlError, zipfile.BadZipFile, OSError)
    try:
        document = docx.Document(str(path))
        body = document.element.body
        style_names = {s.style_id: (s.name or "") for s in document.styles}
    except docx_errors as exc:
        raise ReaderError(errors.MSG_CORRUPT_DOCX) from exc
    except ValueError as exc:  # e.g. "file is not a Word file, content type is ..."
        raise ReaderError(errors.MSG_CORRUPT_DOCX) from exc

    rendered = next(body.iter(W + "lastRenderedPageBreak"), None) is not None
    out = _PageCollector(limits)
    for child in body.iterchildren():
        if child.tag == W + "p":
            _docx_paragraph(child, style_names, rendered, out)
        elif child.tag == W + "tbl":
            _docx_table(child, rendered, out)
        yield from out.drain()
    yield out.finish()


def _docx_is_break(node: Element, rendered: bool) -> bool:
    if rendered:
        return node.tag == W + "lastRenderedPageBreak"
    return node.tag == W + "br" and node.get(W + "type") == "page"


def _docx_paragraph(
    p: Element, style_names: dict[str, str], rendered: bool, out: _PageCollector
) -> None:
    kind: BlockKind = "paragraph"
    style = p.find(f"{W}pPr/{W}pStyle")
    if style is not None:
        name = style_names.get(style.get(W + "val") or "", "")
        if HEADING_STYLE_RE.match(name) or HEADING_STYLE_RE.match(
            style.get(W + "val") or ""
        ):
            kind = "heading"
    if p.find(f"{W}pPr/{W}outlineLvl") is not None:
        kind = "heading"
    if not rendered and p.find(f"{W}pPr/{W}pageBreakBefore") is not None:
        out.page_break()
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == W + "t":
            parts.append(node.text or "")
        elif tag == W + "tab" or (tag == W + "br" and node.get(W + "type") != "page"):
            parts.append(" ")
        elif _docx_is_break(node, rendered):
            out.add(kind, "".join(parts))
            parts = []
            out.page_break()
    out.add(kind, "".join(parts))


def _docx_table(tbl: Element, rendered: bool, out: _PageCollector) -> None:
    for row in tbl.iter(W + "tr"):
        cells: list[str] = []
        for cell in row.iter(W + "tc"):
            text: list[str] = []
            for node in cell.iter():
                if node.tag == W + "t":
                    text.append(node.text or "")
                elif node.tag in (W + "p", W + "tab", W + "br"):
                    text.append(" ")
            cell_text = _clean("".join(text))
            if cell_text:
                cells.append(cell_text)
        out.add("table_row", " | ".join(cells))
        if any(_docx_is_break(n, rendered) for n in row.iter()):
            out.page_break()


def _odt_text(node: Element) -> str:
    parts: list[str] = []

    def walk(el: Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            tag = child.tag
            if tag == f"{{{TEXT_NS}}}s":
                parts.append(" " * int(child.get(f"{{{TEXT_NS}}}c", "1") or 1))
            elif tag in (f"{{{TEXT_NS}}}tab", f"{{{TEXT_NS}}}line-break"):
                parts.append(" ")
            elif tag in (f"{{{TEXT_NS}}}note", f"{{{OFFICE_NS}}}annotation"):
                pass
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return "".join(parts)


def _iter_odt(path: Path, limits: Limits) -> Iterator[Page]:
    try:
        with zipfile.ZipFile(path) as zf:
            content = zf.read("content.xml")
        root = SafeET.fromstring(content)
    except (zipfile.BadZipFile, KeyError, OSError, ParseError) as exc:
        raise ReaderError(errors.MSG_CORRUPT_ODT) from exc
    except DefusedXmlException as exc:
        raise ReaderError(errors.MSG_CORRUPT_ODT) from exc
    break_styles: set[str] = set()
    for style in root.iter(f"{{{STYLE_NS}}}style"):
        props = style.find(f"{{{STYLE_NS}}}paragraph-properties")
        if props is not None and props.get(f"{{{FO_NS}}}break-before") == "page":
            break_styles.add(style.get(f"{{{STYLE_NS}}}name", ""))
    body = root.find(f"{{{OFFICE_NS}}}body/{{{OFFICE_NS}}}text")
    if body is None:
        raise ReaderError(errors.MSG_CORRUPT_ODT)
    out = _PageCollector(limits)
    style_attr = f"{{{TEXT_NS}}}style-name"

    def walk(el: Element) -> Iterator[Page]:
        for child in el:
            tag = child.tag
            if tag == f"{{{TEXT_NS}}}soft-page-break":
                out.page_break()
            elif tag in (f"{{{TEXT_NS}}}h", f"{{{TEXT_NS}}}p"):
                if child.get(style_attr) in break_styles and (out.blocks or out.done):
                    out.page_break()
                if child.find(f".//{{{TEXT_NS}}}soft-page-break") is not None:
                    out.page_break()
                kind: BlockKind = "heading" if tag == f"{{{TEXT_NS}}}h" else "paragraph"
                out.add(kind, _odt_text(child))
            elif tag == f"{{{TABLE_NS}}}table-row":
                cells = [
                    _clean(_odt_text(c))
                    for c in child
                    if c.tag == f"{{{TABLE_NS}}}table-cell"
                ]
                out.add("table_row", " | ".join(c for c in cells if c))
            else:
                yield from walk(child)
            yield from out.drain()

    yield from walk(body)
    yield out.finish()


# --- Plain text and Markdown ---------------------------------------------------


def _iter_text(path: Path, limits: Limits) -> Iterator[Page]:
    raw = path.read_bytes()
    for encoding in (
        ("utf-8-sig", "utf-16")
        if raw[:2]
        in (
            b"\xff\xfe",
            b"\xfe\xff",
        )
        else ("utf-8-sig", "cp1252")
    ):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReaderError(errors.MSG_BAD_ENCODING)
    for index, page_text in enumerate(text.split("\f")):
        if index >= limits.max_pages:
            raise ReaderError(
                errors.MSG_TOO_MANY_PAGES.format(
                    pages=index + 1, limit=limits.max_pages
                )
            )
        yield Page(index + 1, [Block("raw", page_text)])


__all__ = ["Block", "Page", "detect_format", "iter_pages"]
