"""Test documents: a typst-generated PDF with Swedish text, crafted bad files."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

SWEDISH_PLAN = """= Verksamhetsplan 2026 för Socialnämnden

== Statistik

Under 2025 fick 1 240 personer hemtjänst, varav 780 kvinnor och 460 män.
Andelen kvinnor bland brukarna i särskilt boende var 68 procent.

#pagebreak()

== Konsekvenser för jämställdheten

Förslaget att utöka dagverksamheten påverkar kvinnor och män på olika sätt,
eftersom fler kvinnor än män är anhörigvårdare. Förändringen bedöms minska den
obetalda omsorgsbördan för kvinnor.

== Mål

Nämndens mål bidrar till det jämställdhetspolitiska delmålet om jämn fördelning
av det obetalda hem- och omsorgsarbetet.
"""


def pdf_bytes(tmp_path: Path, source: str = SWEDISH_PLAN) -> bytes:
    import typst

    typ = tmp_path / "doc.typ"
    typ.write_text(source, encoding="utf-8")
    out = tmp_path / "doc.pdf"
    typst.compile(str(typ), output=str(out))
    return out.read_bytes()


def encrypted_pdf_bytes() -> bytes:
    """A tiny PDF with a Standard security handler and an unknown password."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<" % (len(objs) + 1)
        + b"ab" * 16
        + b"> <"
        + b"ab" * 16
        + b">] >>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return bytes(out)


def upload(
    name: str, content: bytes, content_type: str = "application/pdf"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
