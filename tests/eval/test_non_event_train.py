"""The threshold of the learned non-event filter: the most non-events dropped within a budget of real
events lost, scaled to the rows fitted."""

from __future__ import annotations

import numpy as np

from dateline.eval.non_event_train import (
    BUDGET_ROWS,
    CUE_MIN_ARTICLES,
    CUE_SCALE,
    REAL_LOSS_BUDGET,
    THRESHOLDS,
    choose_threshold,
    cue_vocabulary,
    design,
    _fit,
    fit_filter,
)
from dateline.events.non_event_features import CUE_PREFIX, FEATURES


def test_the_threshold_drops_the_most_non_events_within_the_budget_of_real_events_lost():
    table = {
        0.5: {"non_events_dropped": 10, "real_events_lost": 4},  # over the budget of 2 per 2,500 rows
        0.8: {"non_events_dropped": 5, "real_events_lost": 2},   # within it: the most dropped
        0.9: {"non_events_dropped": 3, "real_events_lost": 0},
        1.0: {"non_events_dropped": 0, "real_events_lost": 0},
    }
    assert (REAL_LOSS_BUDGET, BUDGET_ROWS) == (2.0, 2500)
    assert choose_threshold(table, 2500) == 0.8
    # half the rows, half the budget: one real event lost is all it allows
    assert choose_threshold(table, 1250) == 0.9


def test_of_thresholds_dropping_as_many_the_highest_is_kept():
    table = {0.96: {"non_events_dropped": 4, "real_events_lost": 1}, 0.97: {"non_events_dropped": 4, "real_events_lost": 0},
             1.0: {"non_events_dropped": 0, "real_events_lost": 0}}
    assert choose_threshold(table, 2500) == 0.97


def test_nothing_is_dropped_when_every_threshold_loses_too_many():
    table = {0.5: {"non_events_dropped": 20, "real_events_lost": 9}}
    assert choose_threshold(table, 2500) == 1.0


def test_the_grid_is_fine_near_the_top():
    assert {0.9, 0.9025, 0.95, 0.9525, 0.975, 0.9975, 1.0} <= set(THRESHOLDS)
    assert THRESHOLDS == tuple(sorted(THRESHOLDS)) and len(set(THRESHOLDS)) == len(THRESHOLDS)


def _row(docid: str, cues: list[str], none: bool = False) -> dict:
    return {"docid": docid, "features": [1.0, 0.0], "cues": cues, "none": none}


def test_a_clause_cue_is_weighed_only_when_enough_articles_show_it():
    # "c:aux:will" in as many articles as the floor asks; "c:advmod:often" in one article short of it
    rows = [_row(f"a{k}", ["c:aux:will"] + (["c:advmod:often"] if k else [])) for k in range(CUE_MIN_ARTICLES)]
    assert cue_vocabulary(rows) == ["c:aux:will"]
    # many rows of one article count once
    assert cue_vocabulary([_row("a0", ["sa:often"]) for _ in range(3 * CUE_MIN_ARTICLES)]) == []


def test_the_design_holds_the_features_then_each_cue_scaled():
    rows = [_row("a", ["c:aux:will", "sv:VBD"]), _row("b", ["sv:VBD"]), _row("c", [])]
    x = design(rows, ["c:aux:will", "sv:VBD"])
    assert x.shape == (3, 4)
    assert np.array_equal(x[:, :2], [[1.0, 0.0]] * 3)
    assert np.array_equal(x[:, 2:], [[CUE_SCALE, CUE_SCALE], [0.0, CUE_SCALE], [0.0, 0.0]])


def test_a_cue_that_tells_the_non_events_apart_gets_a_weight_the_filter_reads():
    # in each of ten articles, the events whose clause has "will" are the non-events; the features all 0
    rows = [{**_row(f"a{k}", ["c:aux:will", "sv:MD"] if none else ["sv:VBD"], none=none),
             "features": [0.0] * len(FEATURES)} for k in range(10) for none in (True, False, False, False)]
    model = fit_filter(rows)
    assert model.weights[CUE_PREFIX + "c:aux:will"] > 0 > model.weights[CUE_PREFIX + "sv:VBD"]
    assert {name for name in model.weights if not name.startswith(CUE_PREFIX)} == set(FEATURES)
    # the filter reads a cue as 1.0: the weight stored is the fitted one times the column's scale, so the
    # filter's probability is the fitted model's
    cues = cue_vocabulary(rows)
    fitted = _fit(design(rows, cues), np.array([r["none"] for r in rows]))
    for row in rows[:2]:
        expected = fitted.predict_proba(design([row], cues))[0, 1]
        assert abs(model.probability({CUE_PREFIX + cue: 1.0 for cue in row["cues"]}) - expected) < 1e-3
