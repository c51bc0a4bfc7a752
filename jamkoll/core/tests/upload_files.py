"""Files for upload tests: real small documents and crafted zip containers.

`docx_bomb()` is a real 1 GB zip bomb built in about a second.

The bomb's big member is raw deflate of 1 GB of zeros. Each 1 MB block is compressed
on its own after a full flush, so every block has the same compressed bytes; the
member is one block repeated 1 024 times (about 1 MB packed) with the right CRC, so a
reader that unpacks it really gets 1 GB of zeros.
"""

import functools
import io
import struct
import zipfile
import zlib

MB = 1024 * 1024


@functools.cache
def _zeros_member(megabytes: int) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(MB)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = repeated * megabytes + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    return data, crc, megabytes * MB


def build_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, packed data, crc, unpacked size, method) tuples, by hand."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size, method in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
        )
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH",
        0x06054B50,
        0,
        0,
        len(members),
        len(members),
        len(central),
        start,
        0,
    )
    return bytes(out)


def stored(name: str, text: str | bytes) -> tuple[str, bytes, int, int, int]:
    data = text.encode() if isinstance(text, str) else text
    return (name, data, zlib.crc32(data), len(data), 0)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
    '.org/package/2006/content-types"><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/></Types>'
)


def docx_bomb(megabytes: int = 1024) -> bytes:
    """A DOCX-shaped zip with a member of `megabytes` MB of zeros (~1 MB packed)."""
    data, crc, size = _zeros_member(megabytes)
    return build_zip(
        [
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", "<w:document/>"),
            ("word/media/image1.png", data, crc, size, 8),
        ]
    )


def docx_with(*extra: tuple[str, bytes, int, int, int]) -> bytes:
    """A small DOCX-shaped zip with extra members."""
    return build_zip(
        [
            stored("[Content_Types].xml", CONTENT_TYPES),
            stored("word/document.xml", "<w:document/>"),
            *extra,
        ]
    )


def pdf_bytes() -> bytes:
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    document.new_page(200, 200)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def docx_bytes(template: bool = False) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Könsuppdelad statistik för hemtjänsten.")
    buffer = io.BytesIO()
    document.save(buffer)
    if not template:
        return buffer.getvalue()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Kvinnor", "Män"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Analys av skillnader"))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )
