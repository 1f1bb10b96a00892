"""`make bench` runs every benchmark in turn: one that cannot run here must not lose the others'."""

from __future__ import annotations

import json
import sys
import types

import pytest

from dateline.bench import __main__ as bench


def _benchmark(run):
    return types.SimpleNamespace(run=run, to_markdown=lambda result: f"## figures\n\n{json.dumps(result)}\n")


def test_a_benchmark_that_fails_keeps_the_others_figures_and_its_last_ones(tmp_path, monkeypatch):
    out = tmp_path / "benchmarks.md"
    out.with_suffix(".json").write_text(json.dumps({"time": {"earlier": 1}}), encoding="utf-8")

    def no_browser(shared):
        raise RuntimeError("chromium not found")

    # two stand-in stages: the loop under test is the runner's, not a stage's
    monkeypatch.setitem(sys.modules, "dateline.bench.ingest", _benchmark(lambda shared: {"measured": 2}))
    monkeypatch.setitem(sys.modules, "dateline.bench.time", _benchmark(no_browser))
    monkeypatch.setattr(sys, "argv", ["bench", "--shared", str(tmp_path), "--out", str(out), "--only", "ingest", "time"])
    with pytest.raises(SystemExit) as exit_:
        bench.main()
    assert "time: RuntimeError: chromium not found" in str(exit_.value)
    written = out.read_text(encoding="utf-8")
    assert '{"measured": 2}' in written  # the stage that ran
    assert '{"earlier": 1}' in written and "this run failed, RuntimeError: chromium not found" in written
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8")) == {"ingest": {"measured": 2}, "time": {"earlier": 1}}


def test_figures_kept_from_an_earlier_run_keep_the_order_they_were_measured_in(tmp_path, monkeypatch):
    # sections list their rows in the order of the result's keys; saving them sorted put the API's
    # questions and its two stores in alphabetical order at the next partial run
    out = tmp_path / "benchmarks.md"
    monkeypatch.setitem(sys.modules, "dateline.bench.ingest", _benchmark(lambda shared: {"zebra": 1, "apple": 2}))
    monkeypatch.setitem(sys.modules, "dateline.bench.time", _benchmark(lambda shared: {"measured": 3}))
    for only in (["ingest", "time"], ["time"]):  # the second run keeps ingest's figures
        monkeypatch.setattr(sys, "argv", ["bench", "--shared", str(tmp_path), "--out", str(out), "--only", *only])
        bench.main()
    assert '{"zebra": 1, "apple": 2}' in out.read_text(encoding="utf-8")


def test_the_events_ratio_is_read_run_by_run():
    # three runs of bare spaCy and dateline in turn: in the second the machine was twice as slow for
    # both halves (20 s and 40 s against 10 s and 20 s), in the third dateline alone ran slow. Two of
    # the three runs say dateline takes twice bare spaCy's time, a ratio of 0.5; the medians of each
    # side (10 s and 40 s, from different runs) would say 0.25
    from dateline.bench.events import paired_ratio

    bare, ours = [10.0, 20.0, 10.0], [20.0, 40.0, 40.0]
    assert paired_ratio([b / o for b, o in zip(bare, ours)]) == 0.5


def test_the_fusion_ratio_is_read_repeat_by_repeat():
    # three repeats of the 2,500- and 10,000-article fusions: in the second the machine ran twice as
    # slow for both (14 s and 56 s against 7 s and 28 s), in the third only the large run was slowed.
    # Two repeats of three say four times the CPU time; the medians of each size (7 s and 40 s, taken
    # from different repeats) would say 5.7 and miss the goal of 4.4
    from dateline.bench.events import paired_ratio
    from dateline.bench.fusion import repeat_ratios

    small, large = [7.0, 14.0, 7.0], [28.0, 56.0, 40.0]
    assert paired_ratio(repeat_ratios(small, large)) == 4.0
    assert repeat_ratios([0.0, 7.0], [28.0, 28.0]) == [4.0]  # a repeat too short to time says nothing
