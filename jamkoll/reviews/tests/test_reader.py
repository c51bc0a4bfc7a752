from jamkoll.reviews.reader import ReaderFinding, analyse, suggestions


def _f(detector: str, page: int = 1) -> ReaderFinding:
    return ReaderFinding(detector, page, "Statistik", f"Citat {detector} {page}", "r")


def test_two_findings_suggest_yes_with_quoted_evidence_and_page():
    result = suggestions([_f("equality_goals", 2), _f("equality_goals", 3)])
    assert result["equality_goals"].value == "yes"
    assert (
        "s. 2 (Statistik): ”Citat equality_goals 2”"
        in result["equality_goals"].evidence
    )


def test_no_findings_suggest_no():
    assert suggestions([])["gender_impact_analysis"].value == "no"


def test_unsplit_statistics_invert_the_gender_blind_criterion():
    result = suggestions([_f("genderblind_stats", p) for p in (1, 2, 3)])
    assert result["genderblind_stats"].value == "no"


def test_only_split_statistics_answer_the_gender_blind_criterion_yes():
    result = suggestions([_f("sexdisagg_stats"), _f("sexdisagg_stats", 2)])
    assert result["genderblind_stats"].value == "yes"


def test_without_any_statistics_the_gender_blind_criterion_gets_no_suggestion():
    assert "genderblind_stats" not in suggestions([_f("equality_goals")])


def test_many_unsplit_figures_lower_sex_disaggregated_to_partly():
    findings = [_f("sexdisagg_stats", 1), _f("sexdisagg_stats", 2)]
    findings += [_f("genderblind_stats", p) for p in range(1, 6)]
    assert suggestions(findings)["sexdisagg_stats"].value == "partly"


def test_analyse_reports_progress_and_findings_for_a_text_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "# Plan\n\n## Mål\n\nNämndens mål bidrar till det jämställdhetspolitiska "
        "delmålet om jämställd hälsa. Arbetet följer handlingsplanen för "
        "CEMR-deklarationen och kommunens jämställdhetsplan, som alla nämnder ska "
        "följa när de planerar sin verksamhet och när de följer upp den under året.\n",
        encoding="utf-8",
    )
    pages = []
    result = analyse(path, max_file_bytes=10_000, on_page=lambda p, t: pages.append(p))
    assert result.error is None
    assert {f.detector for f in result.findings} == {"equality_goals"}
    assert pages == [1]


def test_analyse_returns_the_size_error_in_swedish(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    result = analyse(path, max_file_bytes=1000)
    assert result.error is not None
    assert "för stor" in result.error
