"""Checks of a rendered PDF through its glyph boxes (pypdfium2), for documents that are
sent as they are: nothing printed outside the page, no glyphs on top of each other, no
word split across two lines, no leftover placeholders.

Each check returns a list of human-readable findings (empty when the PDF is fine), so a
failing test says where the problem is.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass

import pypdfium2

# How far (pt) a glyph may reach beyond the page edge, and how much two glyph boxes may
# overlap in both directions before they count as printed over each other (kerning and
# italic overhangs overlap a little).
PAGE_TOLERANCE = 0.5
OVERLAP_TOLERANCE = 1.5
PLACEHOLDERS = (
    re.compile(r"%\("),
    re.compile(r"%%"),
    re.compile(r"\{\{"),
    re.compile(r"\[slide label\]", re.IGNORECASE),
    re.compile(r"\bNone\b"),
    re.compile(r"\bnan\b"),
)
WORD = re.compile(r"\w+")
LAST_WORD = re.compile(r"(\w+)(-?)\s*$")
FIRST_WORD = re.compile(r"^\s*(\w+)")


@dataclass(frozen=True)
class Glyph:
    index: int
    char: str
    rotated: bool
    left: float
    bottom: float
    right: float
    top: float


@dataclass
class Page:
    number: int
    width: float
    height: float
    text: str
    glyphs: list[Glyph]


def read_pages(data: bytes) -> list[Page]:
    document = pypdfium2.PdfDocument(data)
    pages = []
    try:
        for index, page in enumerate(document):
            width, height = page.get_size()
            textpage = page.get_textpage()
            glyphs = []
            for i in range(textpage.count_chars()):
                char = textpage.get_text_range(i, 1)
                if not char.strip():
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                angle = pypdfium2.raw.FPDFText_GetCharAngle(textpage.raw, i)
                rotated = min(angle, 2 * math.pi - angle) > 0.01
                glyphs.append(Glyph(i, char, rotated, left, bottom, right, top))
            pages.append(
                Page(index + 1, width, height, textpage.get_text_range(), glyphs)
            )
    finally:
        document.close()
    return pages


def outside_page(pages: list[Page]) -> list[str]:
    found = []
    for page in pages:
        for g in page.glyphs:
            if (
                g.left < -PAGE_TOLERANCE
                or g.bottom < -PAGE_TOLERANCE
                or g.right > page.width + PAGE_TOLERANCE
                or g.top > page.height + PAGE_TOLERANCE
            ):
                found.append(
                    f"page {page.number}: {g.char!r} at {g.left:.0f},{g.top:.0f}"
                )
    return found


def overprinted(pages: list[Page]) -> list[str]:
    """Pairs of glyphs whose boxes overlap by more than the tolerance both ways.

    Neighbours in the text (a ligature such as "ff" shares one box) and rotated glyphs
    (slanted chart labels, whose upright boxes always overlap) are not compared.
    """
    found = []
    cell = 12.0
    for page in pages:
        buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
        for index, g in enumerate(page.glyphs):
            if g.rotated:
                continue
            for x in range(int(g.left // cell), int(g.right // cell) + 1):
                for y in range(int(g.bottom // cell), int(g.top // cell) + 1):
                    buckets[(x, y)].append(index)
        seen: set[tuple[int, int]] = set()
        for members in buckets.values():
            for a_pos, a in enumerate(members):
                for b in members[a_pos + 1 :]:
                    if (a, b) in seen:
                        continue
                    seen.add((a, b))
                    ga, gb = page.glyphs[a], page.glyphs[b]
                    if abs(ga.index - gb.index) == 1:
                        continue
                    width = min(ga.right, gb.right) - max(ga.left, gb.left)
                    height = min(ga.top, gb.top) - max(ga.bottom, gb.bottom)
                    if width > OVERLAP_TOLERANCE and height > OVERLAP_TOLERANCE:
                        found.append(
                            f"page {page.number}: {ga.char!r} over {gb.char!r} "
                            f"at {ga.left:.0f},{ga.top:.0f}"
                        )
    return found


def vocabulary(texts: list[str]) -> set[str]:
    """Every word of the report content, lower case."""
    return {w.lower() for text in texts for w in WORD.findall(text)}


def split_words(pages: list[Page], words: set[str]) -> list[str]:
    """Line-final tokens that are not words but join the next line's first into one."""
    found = []
    for page in pages:
        # pdfium joins a line ending in a hyphen to the next with U+FFFE.
        text = page.text.replace("\ufffe", "-\n").replace("\x02", "-\n")
        lines = [line for line in re.split(r"\r?\n", text) if line.strip()]
        for line, following in itertools.pairwise(lines):
            end = LAST_WORD.search(line)
            start = FIRST_WORD.search(following)
            if end is None or start is None:
                continue
            tail, head = end.group(1), start.group(1)
            if tail.lower() in words and not end.group(2):
                continue
            if (tail + head).lower() in words:
                found.append(f"page {page.number}: {tail}{end.group(2)} / {head}")
    return found


def placeholders(pages: list[Page]) -> list[str]:
    found = []
    for page in pages:
        for pattern in PLACEHOLDERS:
            for match in pattern.finditer(page.text):
                context = page.text[max(0, match.start() - 30) : match.end() + 30]
                found.append(f"page {page.number}: {context!r}")
    return found


def problems(data: bytes, words: set[str]) -> dict[str, list[str]]:
    """Every check on one PDF, by name."""
    pages = read_pages(data)
    return {
        "outside the page": outside_page(pages),
        "printed over each other": overprinted(pages),
        "words split across lines": split_words(pages, words),
        "leftover placeholders": placeholders(pages),
    }
