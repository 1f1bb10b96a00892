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


def test_the_judged_gold_section_quotes_both_parts():
    from dateline.eval.report import judged_gold_markdown

    figures = {"dates": {"tuning": {"matched": 447, "gold events": 466, "date": 0.805, "date of acts": 0.62},
                         "check": {"matched": 138, "gold events": 138, "date": 0.783, "date of acts": 0.54,
                                   "acts by source": {"carried": {"right": 11, "of": 25}}}},
               "places": {"tuning": {"place": 0.79, "place_of_acts": 0.61, "non_events_still_extracted": 61,
                                     "non_events_judged": 111},
                          "check": {"place": 0.732, "place_of_acts": 0.429, "non_events_still_extracted": 31,
                                    "non_events_judged": 37}}}
    text = judged_gold_markdown(figures)
    rows = [line for line in text.splitlines() if line.startswith("| tuning") or line.startswith("| check")]
    assert rows[0].startswith("| tuning | 447 of 466 | 0.805 / 0.62 | 0.79 / 0.61 | 61 of 111")
    assert rows[1].startswith("| check | 138 of 138 | 0.783 / 0.54 | 0.732 / 0.429 | 31 of 37")
    assert "carried 11/25" in text


def test_the_judged_gold_section_quotes_the_type_accuracy_of_each_part_and_sample():
    from dateline.eval.report import judged_gold_markdown

    figures = {"dates": {"tuning": {"matched": 10, "gold events": 12, "date": 0.8, "date of acts": 0.7}},
               "places": {"tuning": {"place": 0.9, "place_of_acts": 0.8, "non_events_still_extracted": 1,
                                     "non_events_judged": 4}},
               "types": {"tuning": {"type": 0.875, "matched": 8, "gold_events": 9, "by_seed": {"20261216": 0.875}}}}
    text = judged_gold_markdown(figures)
    row = next(line for line in text.splitlines() if line.startswith("| tuning"))
    assert row.endswith("| 0.875 (8 of 9) |")
    assert "seed 20261216 0.875" in text


def test_the_judged_gold_section_quotes_doers_and_targets_of_each_part():
    from dateline.eval.report import judged_gold_markdown

    figures = {"dates": {"check": {"matched": 5, "gold events": 5, "date": 0.8, "date of acts": 0.5}},
               "places": {"check": {"place": 0.6, "place_of_acts": 0.5, "non_events_still_extracted": 0,
                                    "non_events_judged": 1}},
               "roles": {"check": {"matched": 5, "gold_events": 6, "doer": 0.8, "doer_acts": 0.667, "doer_statements": 1.0,
                                   "target": 0.6, "target_acts": 0.333, "target_statements": 1.0}}}
    text = judged_gold_markdown(figures)
    row = [line for line in text.splitlines() if line.startswith("| check")][-1]
    assert row == "| check | 5 of 6 | 0.8 / 0.667 / 1.0 | 0.6 / 0.333 / 1.0 |"


def test_the_judged_gold_section_quotes_places_with_the_outlets_articles_as_context():
    from dateline.eval.report import judged_gold_markdown

    figures = {"dates": {"fresh": {"matched": 4, "gold events": 4, "date": 0.75, "date of acts": 0.5}},
               "places": {"fresh": {"place": 0.5, "place_of_acts": 0.25, "non_events_still_extracted": 0,
                                    "non_events_judged": 0}},
               "places_in_context": {"fresh": {"place": 0.75, "place_of_acts": 0.5}}}
    text = judged_gold_markdown(figures)
    line = next(line for line in text.splitlines() if line.startswith("Places with the outlets' other LGL articles"))
    assert line.endswith("fresh 0.75 / 0.5.")
    assert "| fresh | 4 of 4 | 0.75 / 0.5 | 0.5 / 0.25 |" in text


def test_the_judged_gold_section_quotes_places_in_one_store_and_in_a_store_per_sample():
    from dateline.eval.report import judged_gold_markdown

    figures = {"dates": {"tuning": {"matched": 4, "gold events": 4, "date": 0.75, "date of acts": 0.5},
                         "fresh": {"matched": 4, "gold events": 4, "date": 0.75, "date of acts": 0.5}},
               "places": {"tuning": {"place": 0.9, "place_of_acts": 0.8, "non_events_still_extracted": 0,
                                     "non_events_judged": 0},
                          "fresh": {"place": 0.75, "place_of_acts": 0.5, "non_events_still_extracted": 0,
                                    "non_events_judged": 0, "by_seed": {"7": {"place": 0.75, "place_of_acts": 0.5}}}},
               "places_per_sample": {"tuning": {"place": 0.85, "place_of_acts": 0.7},
                                     "fresh": {"place": 0.5, "place_of_acts": 0.25,
                                               "by_seed": {"7": {"place": 0.5, "place_of_acts": 0.25}}}},
               "places_per_sample_seconds": 300}
    text = judged_gold_markdown(figures)
    assert "| tuning | 0.9 / 0.8 | 0.85 / 0.7 |" in text
    assert "| fresh | 0.75 / 0.5 | 0.5 / 0.25 |" in text
    assert "seed 7 0.75 / 0.5 against 0.5 / 0.25" in text
    assert "took 300 s" in text and "home region" in text
    # a quality.json of before the second reading: no such table
    del figures["places_per_sample"]
    assert "each sample in its own store |" not in judged_gold_markdown(figures)
