"""Command line: ``jamkoll analyse [--json] FILE...``.

Contract: with ``--json`` prints exactly one JSON object per file per line:
``{"file", "pages", "error", "findings": [{"detector", "page", "section",
"quote", "rule"}]}``. Returns 1 if any file had an error, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from jamkoll.textanalysis.analyse import AnalysisResult, analyse_file
from jamkoll.textanalysis.detectors import DETECTOR_NAMES
from jamkoll.textanalysis.limits import MB, Limits

DETECTOR_TITLES = {
    "sexdisagg_stats": "Könsuppdelad statistik",
    "genderblind_stats": "Statistik som inte är könsuppdelad",
    "gender_impact_analysis": "Jämställdhetsanalys / konsekvenser för kvinnor och män",
    "equality_goals": "Jämställdhetsmål",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jamkoll analyse",
        description="Läs styrdokument och hitta underlag för jämställdhetskriterier.",
    )
    parser.add_argument("files", nargs="+", metavar="FIL", help="PDF, DOCX, ODT, text")
    parser.add_argument("--json", action="store_true", help="en JSON-rad per fil")
    parser.add_argument(
        "--max-mb", type=float, default=None, help="största tillåtna filstorlek i MB"
    )
    return parser


def _print_human(result: AnalysisResult) -> None:
    pages = "sida" if result.pages == 1 else "sidor"
    print(f"== {result.file} ({result.pages} {pages})")
    if result.error:
        print(f"   FEL: {result.error}")
        return
    for name in DETECTOR_NAMES:
        found = [f for f in result.findings if f.detector == name]
        hits = "träff" if len(found) == 1 else "träffar"
        print(f"-- {DETECTOR_TITLES[name]} ({name}): {len(found)} {hits}")
        for f in found:
            section = f" – {f.section}" if f.section else ""
            print(f"   s. {f.page}{section} [{f.rule}]")
            print(f"      {f.quote}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    args = _parser().parse_args(list(argv) if argv is not None else None)
    limits = Limits()
    if args.max_mb is not None:
        limits = Limits(max_file_bytes=int(args.max_mb * MB))
    failed = False
    for name in args.files:
        result = analyse_file(name, limits)
        failed = failed or result.error is not None
        if args.json:
            print(json.dumps(result.as_dict(), ensure_ascii=False), flush=True)
        else:
            _print_human(result)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
