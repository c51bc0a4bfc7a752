"""Agenda and minutes as PDF, typeset with typst (`typst/document.typ`).

The data (`documents.py`) goes to the template as JSON through `sys.inputs`, so no
user text is ever parsed as typst markup. Only typst's bundled fonts are used
(`ignore_system_fonts`), which cover å, ä and ö and make the output the same on every
machine. The PDF is PDF/A-2a (for the archive) and PDF/UA-1 (tagged, with title,
language and headings as bookmarks); typst refuses to compile what breaks either.
"""

import json
from pathlib import Path
from typing import Any

import typst

TEMPLATES = Path(__file__).parent / "typst"
PDF_STANDARDS = ["a-2a", "ua-1"]


def render(data: dict[str, Any]) -> bytes:
    """Compile `typst/document.typ` with `data` as JSON; returns the PDF bytes."""
    result = typst.compile(
        str(TEMPLATES / "document.typ"),
        root=str(TEMPLATES),
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False, default=str)},
        pdf_standards=PDF_STANDARDS,
    )
    return bytes(result)
