"""Speed and memory of the document reader (``run()`` prints figures).

Generates a realistic Swedish PDF with typst (300 pages), then measures in
fresh subprocesses: pages/s for extraction alone and for extraction+analysis,
and peak RSS for 30 and 300 pages (``resource.getrusage``).
Floors: extraction+analysis >= 100 pages/s, analysis adds <= 3x extraction
time, memory flat in pages.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARAGRAPHS = [
    "Under året uppgick antalet elever i grundskolan till {n} 412, varav "
    "{p} procent flickor och {q} procent pojkar.",
    "Nämnden har under perioden arbetat med att utveckla verksamheten och "
    "förbättra tillgängligheten för kommunens invånare. Arbetet fortsätter "
    "under nästa år med fokus på digitalisering och samverkan.",
    "Antalet brukare inom hemtjänsten var {n} 150 vid årets slut, en ökning "
    "med {p} procent jämfört med föregående år.",
    "Nettokostnaden uppgick till {n} miljoner kronor, vilket är {p} mnkr lägre "
    "än budget. Avvikelsen beror främst på vakanta tjänster.",
    "Förslaget bedöms gynna kvinnor och män i lika hög grad eftersom insatsen "
    "riktar sig till samtliga medarbetare.",
    "Verksamheten ska bidra till det jämställdhetspolitiska målet att kvinnor "
    "och män ska ha samma makt att forma samhället och sina egna liv.",
    "Sjukfrånvaron bland medarbetarna var {p},{q} procent. Andelen "
    "heltidsanställda ökade under året.",
    "Lokalerna vid Norrskolan har renoverats och ventilationen har bytts ut. "
    "Projektet avslutades i oktober och höll den beslutade budgeten.",
]


def _typst_source(pages: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ['#set page(paper: "a4")', '#set text(lang: "sv", size: 10pt)']
    for page in range(1, pages + 1):
        out.append(f"= Avsnitt {page}: Verksamhetsberättelse")
        for _ in range(9):
            text = rng.choice(PARAGRAPHS).format(
                n=rng.randint(2, 90), p=rng.randint(10, 60), q=rng.randint(10, 60)
            )
            out.append(text + "\n")
        out.append(
            "#table(columns: 4, [Grupp], [Kvinnor], [Män], [Totalt], "
            f"[Medarbetare], [{rng.randint(100, 900)}], [{rng.randint(100, 900)}], "
            f"[{rng.randint(900, 1800)}], [Chefer], [{rng.randint(10, 90)}], "
            f"[{rng.randint(10, 90)}], [{rng.randint(90, 180)}])"
        )
        out.append("#pagebreak()")
    out.pop()
    return "\n".join(out)


def make_pdf(path: Path, pages: int) -> Path:
    """Write a ``pages``-page Swedish PDF to ``path`` using typst."""
    import typst

    source = path.with_suffix(".typ")
    source.write_text(_typst_source(pages), encoding="utf-8")
    typst.compile(str(source), output=str(path))
    return path


CHILD = """
import json, resource, sys, time
from jamkoll.textanalysis.analyse import analyse_file
from jamkoll.textanalysis.extract import iter_pages
mode, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "extract":
    pages = sum(1 for _ in iter_pages(path))
    findings = 0
else:
    result = analyse_file(path)
    assert result.error is None, result.error
    pages, findings = result.pages, len(result.findings)
elapsed = time.perf_counter() - start
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"pages": pages, "seconds": elapsed, "rss_kb": rss_kb,
                  "findings": findings}))
"""


def _measure(mode: str, pdf: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=REPO,
    )
    return json.loads(proc.stdout)


def _make_pdf_in_subprocess(path: Path, pages: int) -> Path:
    # Linux keeps ru_maxrss across fork+exec, so the (large) typst compilation
    # must not happen in the parent of the measured children.
    code = (
        "import sys; from pathlib import Path; "
        "sys.path.insert(0, sys.argv[3]); "
        "from textanalysis_bench import make_pdf; "
        "make_pdf(Path(sys.argv[1]), int(sys.argv[2]))"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(path), str(pages), str(Path(__file__).parent)],
        check=True,
    )
    return path


def run() -> None:
    """Generate PDFs, measure and print the figures with pass/fail per floor."""
    with tempfile.TemporaryDirectory(prefix="jamkoll-bench-") as tmp:
        small = _make_pdf_in_subprocess(Path(tmp) / "30.pdf", 30)
        large = _make_pdf_in_subprocess(Path(tmp) / "300.pdf", 300)
        ext = _measure("extract", large)
        full = _measure("analyse", large)
        mem_small = _measure("analyse", small)
        mem_large = full
    ext_rate = ext["pages"] / ext["seconds"]
    full_rate = full["pages"] / full["seconds"]
    added = (full["seconds"] - ext["seconds"]) / ext["seconds"]
    print("Textanalys (300 sidor, typst-genererad PDF)")
    print(f"  extraktion:            {ext_rate:8.0f} sidor/s ({ext['seconds']:.2f} s)")
    print(
        f"  extraktion + analys:   {full_rate:8.0f} sidor/s ({full['seconds']:.2f} s), "
        f"{full['findings']} fynd"
    )
    print(f"  analysens tillägg:     {added:8.2f} x extraktionstiden")
    print(f"  topp-RSS  30 sidor:    {mem_small['rss_kb'] / 1024:8.1f} MB")
    print(f"  topp-RSS 300 sidor:    {mem_large['rss_kb'] / 1024:8.1f} MB")
    growth = mem_large["rss_kb"] / mem_small["rss_kb"]
    checks = {
        "extraktion+analys >= 100 sidor/s": full_rate >= 100,
        "analysen tillför <= 3x extraktionstiden": added <= 3.0,
        "minne platt (300 vs 30 sidor < 1,25x)": growth < 1.25,
    }
    for label, ok in checks.items():
        print(f"  [{'OK' if ok else 'MISSAD'}] {label}")


if __name__ == "__main__":
    run()
