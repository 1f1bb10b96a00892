"""The threshold of the learned non-event filter: the most non-events dropped within a budget of real
events lost, scaled to the rows fitted."""

from __future__ import annotations

from dateline.eval.non_event_train import BUDGET_ROWS, REAL_LOSS_BUDGET, THRESHOLDS, choose_threshold


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
