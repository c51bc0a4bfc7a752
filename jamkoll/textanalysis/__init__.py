"""The document reader: pure-Python text extraction and gender-equality detectors.

This package must never import Django (an import-linter contract enforces it).
Public entry points:

* :func:`analyse_file` – read one file and return an :class:`AnalysisResult`.
* :data:`DETECTORS` – the registered detectors (replaceable one by one).
* :func:`suggest_criteria` – map findings onto checklist suggestions.
"""

from jamkoll.textanalysis.analyse import AnalysisResult, analyse_file
from jamkoll.textanalysis.detectors import DETECTORS, Detector, Finding
from jamkoll.textanalysis.errors import ReaderError
from jamkoll.textanalysis.limits import Limits
from jamkoll.textanalysis.summary import Suggestion, suggest_criteria

__all__ = [
    "DETECTORS",
    "AnalysisResult",
    "Detector",
    "Finding",
    "Limits",
    "ReaderError",
    "Suggestion",
    "analyse_file",
    "suggest_criteria",
]
