"""File generators for the reader tests (typst PDF, DOCX, ODT, crafted PDFs)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, typst_source: str) -> Path:
    """Compile ``typst_source`` to a PDF at ``path``."""
    import typst

    source = path.with_suffix(".typ")
    source.write_text(typst_source, encoding="utf-8")
    typst.compile(str(source), output=str(path))
    return path


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


def make_docx(path: Path) -> Path:
    """Two pages: heading, sentences, a K/M table; explicit page break."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_heading("Verksamhetsplan 2025", level=1)
    document.add_paragraph(
        "Nämnden ansvarar för förskola och grundskola i kommunen. "
        "Under 2024 hade grundskolan 2 340 elever."
    )
    run = document.add_paragraph().add_run()
    run.add_break(WD_BREAK.PAGE)
    document.add_heading("Konsekvenser för jämställdheten", level=2)
    document.add_paragraph(
        "Förslaget bedöms påverka kvinnor och män på olika sätt eftersom "
        "fler kvinnor arbetar deltid."
    )
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(
        table.rows[0].cells, ["Grupp", "Kvinnor", "Män"], strict=True
    ):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Chefer", "41", "23"], strict=True):
        cell.text = text
    document.save(str(path))
    return path


def make_odt(path: Path) -> Path:
    """Heading, a paragraph, a soft page break, and a second paragraph."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, SoftPageBreak

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Årsredovisning 2024"))
    doc.text.addElement(
        P(text="Kommunen hade 18 200 invånare vid årets slut enligt SCB.")
    )
    doc.text.addElement(SoftPageBreak())
    doc.text.addElement(
        P(
            text="Arbetet utgår från kommunens jämställdhetsplan och "
            "den europeiska deklarationen för jämställdhet (CEMR)."
        )
    )
    doc.save(str(path))
    return path
