"""docs/quality.md opens with the goals: a figure under its bar says so, a task not run says so."""

from __future__ import annotations

from dateline.eval.report import goal_table


def row_for(table: str, measure: str, task_word: str) -> str:
    return next(line for line in table.splitlines() if f"| {measure} |" in line and task_word in line)


def test_figures_under_the_goal_are_marked_not_met():
    table = goal_table({"timex": {"value_f1": 0.83, "relaxed": {"f1": 0.95}, "strict": {"f1": 0.90}}})
    assert row_for(table, "value F1", "time").endswith("| 0.830 | >= 0.85 | **no** |")
    assert row_for(table, "relaxed extent F1", "time").endswith("| yes |")


def test_tasks_that_did_not_run_are_not_counted_as_met():
    table = goal_table({})
    row = row_for(table, "acc@161 km given gold names", "GeoVirus")
    assert "not run" in row and "yes" not in row
