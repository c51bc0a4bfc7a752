"""Agenda and approved minutes as PDF, typeset with typst.

The data goes to the template as JSON through `sys.inputs`, so no user text is ever
parsed as typst markup. Only typst's bundled fonts are used (`ignore_system_fonts`),
which cover å, ä and ö and make the output the same on every machine.
"""

import json
from pathlib import Path
from typing import Any

import typst

TEMPLATES = Path(__file__).parent / "typst"


def render(template: str, data: dict[str, Any]) -> bytes:
    """Compile `typst/<template>.typ` with `data` as JSON; returns the PDF bytes."""
    source = TEMPLATES / f"{template}.typ"
    result = typst.compile(
        str(source),
        root=str(TEMPLATES),
        ignore_system_fonts=True,
        sys_inputs={"data": json.dumps(data, ensure_ascii=False, default=str)},
    )
    assert isinstance(result, bytes)  # noqa: S101 - no output path given, so bytes
    return result
