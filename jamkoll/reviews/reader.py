"""The only place the reviews app talks to the document reader (`jamkoll.textanalysis`).

Keeps the reader's API out of services and views, so a change there is absorbed
here. Also turns the reader's per-detector suggestions into checklist answers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jamkoll.textanalysis import (
    DETECTORS,
    Finding,
    Limits,
    analyse_file,
    suggest_criteria,
)

SEXDISAGG = "sexdisagg_stats"
GENDERBLIND = "genderblind_stats"
MAX_EVIDENCE_CHARS = 400


@dataclass(frozen=True)
class ReaderFinding:
    detector: str
    page: int
    section: str
    quote: str
    rule: str


@dataclass
class ReaderResult:
    pages: int
    error: str | None
    findings: list[ReaderFinding] = field(default_factory=list)


@dataclass(frozen=True)
class CriterionSuggestion:
    """A suggested yes/partly/no for criteria linked to a detector, with evidence."""

    value: str
    evidence: str


ProgressCallback = Callable[[int, int | None], None]


class _ProgressDetector:
    """Wraps one detector to report the page being read (throttled)."""

    def __init__(self, inner: object, on_page: ProgressCallback, total: int | None):
        self.inner = inner
        self.name = inner.name  # type: ignore[attr-defined]
        self.on_page = on_page
        self.total = total
        self.page = 0
        self.last = 0.0

    def find(self, segment):  # type: ignore[no-untyped-def]
        if segment.page != self.page:
            self.page = segment.page
            now = time.monotonic()
            if now - self.last > 0.5:
                self.last = now
                self.on_page(self.page, self.total)
        return self.inner.find(segment)  # type: ignore[attr-defined]


def _pdf_page_count(path: Path) -> int | None:
    try:
        with path.open("rb") as fh:
            if b"%PDF-" not in fh.read(1024):
                return None
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - only a progress hint; the reader reports errors
        return None


def analyse(
    path: Path | str,
    *,
    max_file_bytes: int,
    on_page: ProgressCallback | None = None,
) -> ReaderResult:
    """Read one file; bad input comes back as `error` (Swedish), never as an exception
    from the reader's own checks."""
    path = Path(path)
    limits = Limits(max_file_bytes=max_file_bytes)
    detectors: list[object] = list(DETECTORS)
    if on_page is not None and detectors:
        detectors[0] = _ProgressDetector(detectors[0], on_page, _pdf_page_count(path))
    result = analyse_file(path, limits=limits, detectors=detectors)  # type: ignore[arg-type]
    return ReaderResult(
        pages=result.pages,
        error=result.error,
        findings=[_convert(f) for f in result.findings],
    )


def _convert(finding: Finding) -> ReaderFinding:
    return ReaderFinding(
        detector=finding.detector,
        page=finding.page,
        section=finding.section or "",
        quote=finding.quote,
        rule=finding.rule,
    )


def _to_reader_finding(f: ReaderFinding) -> Finding:
    return Finding(f.detector, f.page, f.section or None, f.quote, f.rule)


def _evidence(findings: Iterable[ReaderFinding | Finding]) -> str:
    lines = []
    for f in findings:
        quote = (
            f.quote
            if len(f.quote) <= MAX_EVIDENCE_CHARS
            else f.quote[:MAX_EVIDENCE_CHARS] + "…"
        )
        where = f"s. {f.page}" + (f" ({f.section})" if f.section else "")
        lines.append(f"{where}: ”{quote}”")
    return "\n".join(lines)


def suggestions(findings: Iterable[ReaderFinding]) -> dict[str, CriterionSuggestion]:
    """One suggestion per detector name for the criteria linked to it.

    A criterion linked to the gender-blind detector asks "statistics about people is
    split by sex", so its answer is inverted: unsplit figures found mean "no". With no
    statistics about people at all there is nothing to suggest for it.
    """
    items = list(findings)
    summary = suggest_criteria(_to_reader_finding(f) for f in items)
    out: dict[str, CriterionSuggestion] = {}
    for name, suggestion in summary.items():
        if name == GENDERBLIND:
            continue
        out[name] = CriterionSuggestion(
            value=suggestion.verdict, evidence=_evidence(suggestion.evidence)
        )
    blind = summary.get(GENDERBLIND)
    split = summary.get(SEXDISAGG)
    if blind is not None and split is not None and (blind.count or split.count):
        if blind.count == 0:
            value = "yes"
        elif split.count >= blind.count:
            value = "partly"
        else:
            value = "no"
        out[GENDERBLIND] = CriterionSuggestion(
            value=value, evidence=_evidence(blind.evidence)
        )
    # Many unsplit figures and few split ones: sex-disaggregated statistics are only
    # partly there even when the detector fired twice.
    if (
        split is not None
        and blind is not None
        and split.verdict == "yes"
        and blind.count > 2 * split.count
    ):
        out[SEXDISAGG] = CriterionSuggestion(
            value="partly", evidence=out[SEXDISAGG].evidence
        )
    return out
