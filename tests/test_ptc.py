import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit import ptc_scores


def spans(*pairs, label="loaded", doc="d"):
    return [(doc, label, s, e) for s, e in pairs]


def approx(result, p, r, f):
    assert result["precision"] == pytest.approx(p)
    assert result["recall"] == pytest.approx(r)
    assert result["f1"] == pytest.approx(f)


def test_worked_case():
    approx(ptc_scores(spans((5, 25)), spans((0, 10), (20, 30))), 0.5, 0.5, 0.5)


def test_touching_spans_are_not_merged_but_overlapping_are():
    # touching gold [0,10) [10,20): two gold spans; prediction [0,20) covers both
    approx(ptc_scores(spans((0, 20)), spans((0, 10), (10, 20))), 1.0, 1.0, 1.0)
    # overlapping gold [0,12) [10,20) merge into [0,20): one gold span; prediction [0,10)
    approx(ptc_scores(spans((0, 10)), spans((0, 12), (10, 20))), 1.0, 0.5, 2 / 3)


def test_one_prediction_covering_two_gold_spans():
    approx(ptc_scores(spans((0, 40)), spans((0, 10), (30, 40))), 0.5, 1.0, 2 / 3)


def test_nested_gold_spans_merge():
    approx(ptc_scores(spans((0, 10)), spans((0, 20), (5, 10))), 1.0, 0.5, 2 / 3)


def test_only_same_label_pairs_count_and_edge_cases():
    approx(ptc_scores(spans((0, 10), label="claim"), spans((0, 10))), 0.0, 0.0, 0.0)
    approx(ptc_scores([], []), 1.0, 1.0, 1.0)
    approx(ptc_scores([], spans((0, 10))), 0.0, 0.0, 0.0)
    # a document with gold and no predictions still counts in |T|
    approx(ptc_scores(spans((0, 10)), spans((0, 10)) + spans((0, 10), doc="e")), 1.0, 0.5, 2 / 3)


SPAN = st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(SPAN, max_size=6))
def test_perfect_prediction_scores_one(gold):
    approx(ptc_scores(spans(*gold), spans(*gold)), 1.0 if gold else 1.0, 1.0, 1.0)


@given(st.lists(SPAN, min_size=1, max_size=6), st.lists(SPAN, min_size=1, max_size=6))
def test_scores_are_bounded(pred, gold):
    result = ptc_scores(spans(*pred), spans(*gold))
    assert all(0 <= result[k] <= 1 + 1e-9 for k in result)
