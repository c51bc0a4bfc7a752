"""A 200 000-row Excel file (issue 12: such a file held a request for 113 s).

Written once per test process with openpyxl's write-only mode (no ``<dimension>``,
as many tools write it: openpyxl's own read-only sheet would scan it whole just to
learn its size) and cached in a temporary directory.
"""

import functools
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROWS = 200_000


@functools.cache
def big_xlsx(header: Sequence[str], row: Sequence[object]) -> bytes:
    """``header`` then ROWS copies of ``row`` (a ``{n}`` in a text cell is the row)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(header))
    templated = [
        i for i, cell in enumerate(row) if isinstance(cell, str) and "{n}" in cell
    ]
    cells = list(row)
    for n in range(ROWS):
        for i in templated:
            cells[i] = str(row[i]).replace("{n}", str(n))
        sheet.append(cells)
    path = Path(tempfile.mkdtemp(prefix="jamkoll-big-")) / "big.xlsx"
    book.save(path)
    return path.read_bytes()


class RowSpy:
    """Wraps `jamkoll.core.tables.iter_rows` and counts the rows actually pulled."""

    def __init__(self, real):  # type: ignore[no-untyped-def]
        self.real = real
        self.pulled = 0

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        for row in self.real(*args, **kwargs):
            self.pulled += 1
            yield row
