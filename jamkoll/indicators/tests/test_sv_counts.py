"""The progress of a goal counts its actions in agreeing Swedish: "1 klar", "2 klara"."""

from types import SimpleNamespace

from django.template.loader import render_to_string


def _progress(actions: int, done: int) -> str:
    rollup = SimpleNamespace(progress=40, actions=actions, done=done)
    return render_to_string(
        "indicators/components/progress.html", {"rollup": rollup, "label": "Mål 1"}
    )


def test_one_done_action_is_klar_and_two_are_klara():
    one = _progress(actions=1, done=1)
    assert "1 åtgärd, 1 klar" in one
    assert "1 klara" not in one

    two = _progress(actions=3, done=2)
    assert "3 åtgärder, 2 klara" in two


def test_progress_is_a_percentage_with_a_no_break_space():
    assert "40\xa0%" in _progress(actions=1, done=0)
