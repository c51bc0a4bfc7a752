"""Precision/recall of the reader on ``shared/eval`` (``make eval``).

Runs the real CLI entry point in a subprocess on the dev passages (each written
to a temporary .txt file) and on the dev documents, prints per-detector
precision, recall and F1, and exits 1 when a floor is missed. When the eval
directory is absent it prints a message and exits 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jamkoll.textanalysis.detectors import DETECTOR_NAMES

# (precision floor, recall floor) per detector.
FLOORS: dict[str, tuple[float, float]] = {
    "sexdisagg_stats": (0.90, 0.80),
    "genderblind_stats": (0.80, 0.70),
    "gender_impact_analysis": (0.90, 0.80),
    "equality_goals": (0.90, 0.80),
}
TIMEOUT_SECONDS = 600


@dataclass
class Score:
    """Confusion counts for one detector."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        """Count one item."""
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        """Precision (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Recall (1.0 when there were no positives)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def eval_dir() -> Path:
    """``shared/eval`` next to the repository, or ``$JAMKOLL_EVAL_DIR``."""
    override = os.environ.get("JAMKOLL_EVAL_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "shared" / "eval"


def run_cli(files: Sequence[Path]) -> dict[str, dict[str, object]]:
    """Run ``python -m jamkoll.textanalysis --json`` and index results by file."""
    cmd = [sys.executable, "-m", "jamkoll.textanalysis", "--json", *map(str, files)]
    proc = subprocess.run(
        cmd, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
    )
    results: dict[str, dict[str, object]] = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            results[obj["file"]] = obj
    missing = [str(f) for f in files if str(f) not in results]
    if missing:
        print(proc.stderr, file=sys.stderr)
        raise SystemExit(f"CLI returned no result for {len(missing)} files")
    return results


def _detected(result: dict[str, object]) -> set[str]:
    findings = result.get("findings") or []
    if not isinstance(findings, list):
        return set()
    return {str(f["detector"]) for f in findings}


def _table(title: str, scores: dict[str, Score]) -> None:
    print(title)
    print(f"{'detector':<24} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn  tn")
    for name in DETECTOR_NAMES:
        s = scores[name]
        print(
            f"{name:<24} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}  "
            f"{s.tp:3d} {s.fp:3d} {s.fn:3d} {s.tn:3d}"
        )
    print()


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate; ``-v`` lists the misclassified passages."""
    verbose = bool(argv and "-v" in argv) or (argv is None and "-v" in sys.argv[1:])
    directory = eval_dir()
    dev = directory / "dev.jsonl"
    if not dev.is_file():
        print(f"Hittar ingen utvärderingsdata i {directory}; hoppar över.")
        return 0
    passages = [
        json.loads(line) for line in dev.read_text("utf-8").splitlines() if line
    ]
    with tempfile.TemporaryDirectory(prefix="jamkoll-eval-") as tmp:
        files: list[Path] = []
        for item in passages:
            path = Path(tmp) / f"{item['id']}.txt"
            path.write_text(item["text"], encoding="utf-8")
            files.append(path)
        docs_file = directory / "documents-dev.jsonl"
        docs = []
        if docs_file.is_file():
            docs = [
                json.loads(line)
                for line in docs_file.read_text("utf-8").splitlines()
                if line
            ]
        doc_paths = [directory / d["file"] for d in docs]
        results = run_cli(files + doc_paths)

    scores = {name: Score() for name in DETECTOR_NAMES}
    for item, path in zip(passages, files, strict=True):
        found = _detected(results[str(path)])
        for name in DETECTOR_NAMES:
            gold = bool(item["labels"][name])
            scores[name].add(gold, name in found)
            if verbose and gold != (name in found):
                kind = "FN" if gold else "FP"
                print(f"{kind} {name} {item['id']}: {item['text'][:160]}")
    _table(f"Passager (n={len(passages)})", scores)

    doc_scores = {name: Score() for name in DETECTOR_NAMES}
    for doc, path in zip(docs, doc_paths, strict=True):
        found = _detected(results[str(path)])
        for name in DETECTOR_NAMES:
            doc_scores[name].add(bool(doc["labels"][name]), name in found)
    if docs:
        _table(f"Dokument (n={len(docs)})", doc_scores)

    failed = []
    for name, (p_floor, r_floor) in FLOORS.items():
        s = scores[name]
        if s.precision < p_floor or s.recall < r_floor:
            failed.append(
                f"{name}: P {s.precision:.2f} (golv {p_floor}), "
                f"R {s.recall:.2f} (golv {r_floor})"
            )
    if failed:
        print("Golv missade:\n  " + "\n  ".join(failed))
        return 1
    print("Alla golv uppnådda.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
