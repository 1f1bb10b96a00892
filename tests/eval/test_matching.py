"""One-to-one span matching and P/R/F1, shared by the scorers: hand-made spans."""

from dateline.eval.matching import match_spans, prf


def test_exact_spans_win_then_the_largest_overlap_and_nothing_is_used_twice():
    gold = [(0, 10), (20, 30)]
    predicted = [(5, 12), (0, 10), (22, 40), (25, 29)]
    assert sorted(match_spans(gold, predicted)) == [(0, 1), (1, 2)]  # (22, 40) shares 8, (25, 29) only 4
    assert match_spans(gold, predicted, exact=True) == [(0, 1)]
    assert match_spans([(0, 5)], [(5, 9)]) == []  # touching is not overlapping


def test_precision_recall_f1_from_counts():
    assert prf(3, 4, 6) == {"p": 0.5, "r": 0.75, "f1": 0.6}
    assert prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0}
