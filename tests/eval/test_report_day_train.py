"""The learned report's-day model is what its trainer writes from the shipped rows
(``python -m dateline.eval.report_day_train --refit``), and the trainer's figures are as it counts them."""

from __future__ import annotations

import json

from dateline.eval.report_day_train import ROWS_FILE, fit_model, righted_broken, written
from dateline.events.non_events import NonEventFilter
from dateline.events.report_day import MODEL_FILE


def test_the_shipped_model_is_what_the_trainer_writes_from_the_shipped_rows():
    rows = json.loads(ROWS_FILE.read_text(encoding="utf-8"))
    assert rows and all(set(r) == {"docid", "seed", "trigger_start", "trigger", "none", "features"} for r in rows)
    assert written(fit_model(rows)) == MODEL_FILE.read_text(encoding="utf-8")


def test_the_shipped_model_carried_between_the_halves_of_tuning():
    about = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["about"]
    for figures in about["carry_test"].values():
        assert figures["righted"] > figures["broken"] and figures["samples_righted"] >= 3


def test_righted_and_broken_count_the_rows_the_model_leaves_undated():
    model = NonEventFilter({"past": 4.0}, -2.0, 0.5)
    rows = [{"seed": "1", "none": True, "features": {"past": 1.0}},   # left undated, rightly
            {"seed": "2", "none": False, "features": {"past": 1.0}},  # left undated, wrongly
            {"seed": "3", "none": True, "features": {}}]              # kept
    assert righted_broken(model, rows) == {"righted": 1, "broken": 1, "samples_righted": 1}
