"""Segmentation of pages into headings, paragraphs, sentences and table rows.

Contract: :func:`iter_segments` consumes pages lazily and yields
:class:`Segment` objects of kind ``sentence`` or ``table_row`` (headings update
the current section and are also yielded as ``heading`` segments). Each segment
knows its page, its section heading (or ``None``), the previous sentence in
the same paragraph and, for table rows, the table's header row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from jamkoll.textanalysis.extract import Block, Page

SegmentKind = Literal["heading", "sentence", "table_row"]

MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*•▪◦●–]|\d{1,2}[.)])\s+")
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
MD_EMPH_RE = re.compile(r"(\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w))")
HTML_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
PAGE_FURNITURE_RE = re.compile(
    r"^\s*(?:(?:sida|sid|s\.)\s*)?\d{1,4}(?:\s*(?:av|/)\s*\d{1,4})?\s*$", re.IGNORECASE
)
NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+[A-ZÅÄÖ]")
NUMBER_TOKEN_RE = re.compile(r"^[-–+]?\d[\d.,]*%?$")
WS_RE = re.compile(r"\s+")
SENTENCE_END_RE = re.compile(
    r"(?<=[.!?…:])[\"”’)]?\s+(?=[\"”“'(\[–—-]?\s*[A-ZÅÄÖÉ0-9])"
)
ABBREV_END_RE = re.compile(
    r"(?:\b(?:bl\.a|t\.ex|s\.k|d\.v\.s|dvs|ca|inkl|exkl|resp|jfr|kap|prop|nr|st|"
    r"f\.d|fr\.o\.m|t\.o\.m|o\.s\.v|p\.g\.a|pga|enl|tel|ang|avd|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|okt|nov|dec|kl|mnkr|tkr|milj|mdr|proc|s)\.)$",
    re.IGNORECASE,
)
MAX_HEADING_CHARS = 90
MAX_HEADING_WORDS = 12


@dataclass(slots=True, frozen=True)
class Segment:
    """A unit the detectors look at; ``text`` is whitespace-normalised."""

    kind: SegmentKind
    text: str
    page: int
    section: str | None
    previous: str | None = None
    header: str | None = None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (simple Swedish-aware splitter)."""
    pieces = SENTENCE_END_RE.split(paragraph)
    sentences: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if sentences and ABBREV_END_RE.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _is_numeric(token: str) -> bool:
    return bool(NUMBER_TOKEN_RE.match(token))


def looks_like_table_row(line: str) -> bool:
    """True for a text line that looks like a flattened table row."""
    if "|" in line and line.count("|") >= 2:
        return True
    tokens = line.split()
    if len(tokens) < 2 or line.rstrip().endswith((".", "?", "!")):
        return False
    numbers = sum(1 for t in tokens if _is_numeric(t))
    return numbers >= 2 and numbers / len(tokens) >= 0.34


def looks_like_heading(line: str, next_line: str | None) -> bool:
    """Heuristic heading test for PDF/plain-text lines."""
    text = line.strip()
    if not text or len(text) > MAX_HEADING_CHARS:
        return False
    if text[-1] in ".,;:!?)–-" or text[0].islower():
        return False
    words = text.split()
    if len(words) > MAX_HEADING_WORDS:
        return False
    if sum(1 for w in words if _is_numeric(w)) > 1:
        return False
    if not any(c.isalpha() for c in text):
        return False
    if NUMBERED_HEADING_RE.match(text):
        return True
    # An unnumbered short line is a heading when it stands alone (blank line or
    # end of page after it) or is followed by a line starting a new sentence.
    if next_line is None or not next_line.strip():
        return len(words) <= 10
    nxt = next_line.strip()
    return len(words) <= 8 and nxt[:1].isupper() and len(nxt) > len(text) + 20


def _clean_line(line: str) -> str:
    line = HTML_BR_RE.sub(" ", line)
    line = MD_ESCAPE_RE.sub(r"\1", line)
    line = MD_EMPH_RE.sub("", line)
    return line.replace("\u00ad", "").replace("\x02", "")


def raw_to_blocks(text: str) -> list[Block]:
    """Turn raw page text (PDF or plain text/Markdown) into typed blocks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = " ".join(para)
            blocks.append(Block("paragraph", WS_RE.sub(" ", joined).strip()))
            para.clear()

    for i, raw_line in enumerate(lines):
        line = _clean_line(raw_line).strip()
        if not line:
            flush()
            continue
        md = MD_HEADING_RE.match(line)
        if md:
            flush()
            blocks.append(Block("heading", md.group(1)))
            continue
        if MD_TABLE_SEP_RE.match(line) and "-" in line:
            continue
        if PAGE_FURNITURE_RE.match(line):
            continue
        if line.startswith("|") or looks_like_table_row(line):
            flush()
            cells = [c.strip() for c in line.strip("|").split("|")]
            blocks.append(Block("table_row", " | ".join(c for c in cells if c)))
            continue
        bullet = BULLET_RE.match(line)
        if bullet:
            flush()
            line = line[bullet.end() :]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if (
            nxt
            and len(line.split()) <= MAX_HEADING_WORDS
            and line[-1] not in ".!?"
            and looks_like_table_row(_clean_line(nxt).strip())
        ):
            flush()  # a caption / column header line just above a table
            blocks.append(Block("paragraph", line))
            continue
        if not para and looks_like_heading(line, nxt):
            blocks.append(Block("heading", line))
            continue
        if para and para[-1].endswith("-") and line[:1].islower():
            last = para[-1]
            if (
                len(last) > 1
                and last[-2].isalpha()
                and not line.startswith(("och ", "eller ", "samt "))
            ):
                para[-1] = last[:-1] + line
                continue
        para.append(line)
        if bullet:
            flush()
    flush()
    return blocks


def iter_segments(pages: Iterable[Page]) -> Iterator[Segment]:
    """Yield headings, sentences and table rows with page and section."""
    section: str | None = None
    header: str | None = None
    caption: str | None = None  # last short line: a likely table header in PDFs
    for page in pages:
        for block in page.blocks:
            kinds = raw_to_blocks(block.text) if block.kind == "raw" else [block]
            for blk in kinds:
                text = WS_RE.sub(" ", blk.text).strip()
                if not text:
                    continue
                if blk.kind == "heading":
                    section = text
                    header = None
                    caption = text if len(text.split()) <= MAX_HEADING_WORDS else None
                    yield Segment("heading", text, page.number, section)
                elif blk.kind == "table_row":
                    if header is None:
                        header = f"{caption} | {text}" if caption else text
                    yield Segment(
                        "table_row", text, page.number, section, header=header
                    )
                else:
                    header = None
                    short = len(text.split()) <= MAX_HEADING_WORDS
                    caption = text if short and text[-1] not in ".!?" else None
                    previous: str | None = None
                    for sentence in split_sentences(text):
                        yield Segment(
                            "sentence", sentence, page.number, section, previous
                        )
                        previous = sentence
