"""Library tests of the small-group suppression (no database)."""

import itertools

import pytest

from jamkoll.surveys.suppression import share, suppress, total_is_shown

SEX = ["woman", "man", "other", "not_stated"]


def _groups(**sizes: int) -> list[tuple[str, int]]:
    return [(key, sizes.get(key, 0)) for key in SEX]


def _derivable(
    groups: list[tuple[str, int]], hidden: frozenset[str], total: int
) -> int:
    """What a reader learns about the hidden groups together: total minus shown."""
    return total - sum(n for key, n in groups if key not in hidden)


def test_five_women_and_two_men_hide_both_so_the_men_cannot_be_derived():
    groups = _groups(woman=5, man=2)
    decision = suppress(groups, k=5)
    assert not decision.total_hidden
    assert "man" in decision.hidden
    assert "woman" in decision.hidden
    # Everything is hidden, so the total says nothing about the men.
    assert _derivable(groups, decision.hidden, decision.total) == 7


def test_a_single_small_group_hides_the_next_smallest_too():
    groups = [("leading", 3), ("member", 20), ("substitute", 8), ("not_stated", 6)]
    decision = suppress(groups, k=5)
    assert decision.hidden == {"leading", "not_stated"}


def test_groups_at_the_threshold_are_shown():
    decision = suppress(_groups(woman=5, man=5), k=5)
    # other and not stated are empty: hidden, but they hide nobody.
    assert decision.hidden == {"other", "not_stated"}
    assert decision.is_shown("woman")
    assert decision.is_shown("man")


def test_not_stated_counts_as_a_group_of_its_own():
    groups = _groups(woman=12, man=9, not_stated=2)
    decision = suppress(groups, k=5)
    assert "not_stated" in decision.hidden
    # Complementary: the men (next smallest) are hidden too, women stay.
    assert decision.hidden == {"man", "other", "not_stated"}
    assert _derivable(groups, decision.hidden, decision.total) == 11


def test_two_small_groups_that_together_reach_k_need_no_more_hiding():
    decision = suppress(_groups(woman=10, man=10, other=2, not_stated=3), k=5)
    assert decision.hidden == {"other", "not_stated"}


def test_two_small_groups_below_k_together_hide_another():
    decision = suppress(_groups(woman=10, man=8, other=1, not_stated=2), k=5)
    assert decision.hidden == {"man", "other", "not_stated"}


def test_a_total_below_k_hides_the_whole_breakdown():
    decision = suppress(_groups(woman=3, man=1), k=5)
    assert decision.total_hidden
    assert decision.hidden == set(SEX)
    assert not total_is_shown(4, k=5)
    assert total_is_shown(5, k=5)


def test_k_is_configurable():
    groups = _groups(woman=6, man=4)
    assert suppress(groups, k=3).hidden == {"other", "not_stated"}
    assert suppress(groups, k=5).hidden == set(SEX)
    assert suppress(groups, k=11).total_hidden


def test_no_respondents_at_all_hides_everything_without_error():
    decision = suppress(_groups(), k=5)
    assert decision.total == 0
    assert decision.total_hidden
    assert share(0, 0) is None


def test_invalid_input_is_refused():
    with pytest.raises(ValueError, match="at least 2"):
        suppress(_groups(woman=5), k=1)
    with pytest.raises(ValueError, match="negative"):
        suppress([("woman", -1), ("man", 7)], k=5)


def test_ties_are_broken_by_the_given_order():
    decision = suppress([("a", 2), ("b", 6), ("c", 6)], k=5)
    assert decision.hidden == {"a", "b"}


@pytest.mark.parametrize("k", [3, 5])
def test_no_hidden_group_of_fewer_than_k_can_ever_be_derived(k):
    """Exhaustive over small populations: what is derivable is empty or at least k."""
    for sizes in itertools.product(range(9), repeat=4):
        groups = list(zip(SEX, sizes, strict=True))
        decision = suppress(groups, k=k)
        if decision.total_hidden:
            assert sum(sizes) < k
            continue
        shown = [n for key, n in groups if key not in decision.hidden]
        assert all(n >= k for n in shown)
        derivable = _derivable(groups, decision.hidden, decision.total)
        assert derivable == 0 or derivable >= k, (sizes, decision.hidden)


def test_share_rounds_to_one_decimal():
    assert share(1, 3) == 33.3
    assert share(7, 7) == 100.0
