"""CLI JSON contract, human output, segmentation and summary."""

from __future__ import annotations

import json
from pathlib import Path

from jamkoll.textanalysis.cli import main
from jamkoll.textanalysis.detectors import Finding
from jamkoll.textanalysis.segment import split_sentences
from jamkoll.textanalysis.summary import suggest_criteria

GOOD = (
    "# Årsredovisning\n\nAv de 310 medarbetarna var 78 procent kvinnor. "
    "Kommunen hade 18 200 invånare vid årets slut.\n"
)


def test_json_one_line_per_file_and_exit_code(tmp_path: Path, capsys):
    good = tmp_path / "bra.md"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "tom.txt"
    empty.touch()
    code = main(["--json", str(good), str(empty)])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert set(first) == {"file", "pages", "error", "findings"}
    assert first["file"] == str(good)
    assert first["pages"] == 1
    assert first["error"] is None
    for finding in first["findings"]:
        assert set(finding) == {"detector", "page", "section", "quote", "rule"}
        assert isinstance(finding["page"], int)
    assert {f["detector"] for f in first["findings"]} == {
        "sexdisagg_stats",
        "genderblind_stats",
    }
    assert first["findings"][0]["section"] == "Årsredovisning"
    assert second["error"] == "Filen är tom (0 byte)."
    assert second["findings"] == []


def test_json_exit_zero_when_all_ok(tmp_path: Path, capsys):
    good = tmp_path / "bra.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["--json", str(good)]) == 0
    assert json.loads(capsys.readouterr().out)["error"] is None


def test_human_output_groups_by_detector(tmp_path: Path, capsys):
    good = tmp_path / "bra.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main([str(good)]) == 0
    out = capsys.readouterr().out
    assert "sexdisagg_stats" in out
    assert "s. 1 – Årsredovisning" in out


def test_sentence_splitter_keeps_abbreviations():
    text = "Detta gäller bl.a. Region Skåne. Antalet var 12 st. Nästa mening."
    assert split_sentences(text) == [
        "Detta gäller bl.a. Region Skåne.",
        "Antalet var 12 st. Nästa mening.",
    ]


def test_suggest_criteria():
    findings = [
        Finding("sexdisagg_stats", 1, None, "a", "A.x"),
        Finding("sexdisagg_stats", 3, None, "b", "A.x"),
        Finding("equality_goals", 2, "Mål", "c", "D.x"),
    ]
    result = suggest_criteria(findings)
    assert result["sexdisagg_stats"].verdict == "yes"
    assert result["equality_goals"].verdict == "partly"
    assert result["gender_impact_analysis"].verdict == "no"
    assert result["genderblind_stats"].evidence == []
    assert [f.quote for f in result["sexdisagg_stats"].evidence] == ["a", "b"]
