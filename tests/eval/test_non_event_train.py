"""The threshold of the learned non-event filter: a real event lost weighs more than a non-event kept."""

from __future__ import annotations

from dateline.eval.non_event_train import REAL_EVENT_COST, choose_threshold


def test_a_threshold_that_loses_real_events_must_drop_more_non_events_than_they_cost():
    table = {
        0.5: {"non_events_dropped": 10, "real_events_lost": 4},  # 10 dropped do not pay for 4 lost
        0.8: {"non_events_dropped": 5, "real_events_lost": 1},   # 5 dropped pay for 1 lost
        1.0: {"non_events_dropped": 0, "real_events_lost": 0},
    }
    assert REAL_EVENT_COST == 3.0
    assert choose_threshold(table) == 0.8


def test_nothing_is_dropped_when_no_threshold_pays():
    table = {0.5: {"non_events_dropped": 2, "real_events_lost": 1}, 1.0: {"non_events_dropped": 0, "real_events_lost": 0}}
    assert choose_threshold(table) == 1.0
