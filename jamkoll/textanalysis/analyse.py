"""Whole-file analysis: extraction, segmentation, detectors, sanity checks.

Contract: :func:`analyse_file` never raises for bad input; it returns an
:class:`AnalysisResult` whose ``error`` is a Swedish message (and then
``findings`` is empty). Pages are streamed one at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jamkoll.textanalysis import errors
from jamkoll.textanalysis.detectors import DETECTORS, Detector, Finding
from jamkoll.textanalysis.errors import ReaderError
from jamkoll.textanalysis.extract import Page, detect_format, iter_pages
from jamkoll.textanalysis.limits import Limits
from jamkoll.textanalysis.segment import iter_segments

WORD_RE = re.compile(r"[^\W\d_]+")
SWEDISH_STOPWORDS = frozenset(
    [
        "och",
        "att",
        "är",
        "inte",
        "av",
        "på",
        "för",
        "med",
        "till",
        "som",
        "det",
        "har",
        "ett",
        "en",
        "om",
        "de",
        "den",
        "från",
        "eller",
        "också",
        "samt",
        "även",
        "vid",
        "kan",
        "ska",
        "så",
        "sig",
        "när",
        "inom",
        "under",
        "efter",
        "mellan",
        "detta",
        "dessa",
        "vi",
        "man",
        "hur",
        "vilket",
        "där",
        "andra",
        "bland",
        "än",
        "mot",
    ]
)
OTHER_STOPWORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "that",
        "for",
        "it",
        "with",
        "as",
        "was",
        "on",
        "are",
        "be",
        "by",
        "this",
        "which",
        "from",
        "have",
        "not",
        "der",
        "die",
        "und",
        "das",
        "ist",
        "nicht",
        "mit",
        "von",
        "zu",
        "auf",
        "ein",
        "eine",
        "og",
        "ikke",
        "af",
        "er",
        "jeg",
        "hvor",
        "fra",
        "les",
        "des",
        "est",
        "pas",
        "une",
        "dans",
        "pour",
        "que",
        "qui",
        "sur",
    ]
)


@dataclass(slots=True)
class AnalysisResult:
    """Outcome for one file (mirrors the CLI JSON line)."""

    file: str
    pages: int = 0
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready representation (the CLI contract)."""
        return {
            "file": self.file,
            "pages": self.pages,
            "error": self.error,
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass(slots=True)
class _Stats:
    pages: int = 0
    text_pages: int = 0
    words: int = 0
    swedish: int = 0
    other: int = 0


def _counting(pages: Iterator[Page], stats: _Stats, limits: Limits) -> Iterator[Page]:
    for page in pages:
        stats.pages += 1
        if page.char_count() >= limits.min_chars_per_text_page:
            stats.text_pages += 1
        for block in page.blocks:
            for word in WORD_RE.findall(block.text.lower()):
                stats.words += 1
                if word in SWEDISH_STOPWORDS:
                    stats.swedish += 1
                elif word in OTHER_STOPWORDS:
                    stats.other += 1
        yield page


def _language_error(stats: _Stats, limits: Limits) -> str | None:
    if stats.words < limits.language_min_words:
        return None
    ratio = stats.swedish / stats.words
    if ratio < limits.min_swedish_stopword_ratio or stats.other > 2 * stats.swedish:
        return errors.MSG_NOT_SWEDISH
    return None


def analyse_file(
    path: Path | str,
    limits: Limits | None = None,
    detectors: Sequence[Detector] | None = None,
) -> AnalysisResult:
    """Read ``path`` and run ``detectors`` (default: :data:`DETECTORS`)."""
    limits = limits or Limits()
    active = DETECTORS if detectors is None else detectors
    result = AnalysisResult(file=str(path))
    stats = _Stats()
    try:
        fmt = detect_format(Path(path), limits)
        pages = _counting(iter_pages(path, limits), stats, limits)
        for segment in iter_segments(pages):
            for detector in active:
                result.findings.extend(detector.find(segment))
    except ReaderError as exc:
        result.pages = stats.pages
        result.error = exc.message
        result.findings = []
        return result
    result.pages = stats.pages
    if stats.text_pages == 0:
        result.error = errors.MSG_SCANNED if fmt == "pdf" else errors.MSG_NO_TEXT
    else:
        result.error = _language_error(stats, limits)
    if result.error:
        result.findings = []
    return result
