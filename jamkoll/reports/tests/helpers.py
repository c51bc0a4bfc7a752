"""Shared helpers for the report tests."""

import io
import zipfile

import pypdfium2

WORD_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def pdf_text(data: bytes) -> str:
    document = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def docx_part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")
