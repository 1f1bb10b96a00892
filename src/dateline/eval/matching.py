"""What every scorer here needs: one-to-one matching of gold and predicted character spans, and
precision, recall and F1 from counts."""

from __future__ import annotations

from collections.abc import Sequence


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans (start, end exclusive) share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]], *,
                exact: bool = False) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one to one. ``exact``: equal spans only; otherwise
    overlapping ones, exact matches first, then the largest overlap, then left to right."""
    candidates = []
    for g, gold_span in enumerate(gold):
        for p, predicted_span in enumerate(predicted):
            same = tuple(gold_span) == tuple(predicted_span)
            shared = overlap(gold_span, predicted_span)
            if same or (shared and not exact):
                candidates.append((not same, -shared, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return pairs


def prf(hits: int, gold: int, predicted: int) -> dict:
    """{"p", "r", "f1"} rounded to four places; 0 where a count is 0."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4)}
