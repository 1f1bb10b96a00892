"""The seed articles stay an out-of-sample check: no rule table, example or training sentence
under src/ repeats a run of their words."""

from __future__ import annotations

from pathlib import Path

from dateline.eval.seed_overlap import find_shared_runs, seed_grams, shared_runs_in

SRC = Path(__file__).resolve().parents[2] / "src"
# the hand annotations of the seeds quote them by design, in short phrases
SEED_ANNOTATIONS = {"seed_event_words.yaml", "seed_event_judgements.yaml", "seed_gold_triggers.yaml"}
RULE_SUFFIXES = {".yaml", ".yml", ".tsv", ".json", ".txt", ".csv"}


def test_a_copied_run_is_reported_once_at_its_full_length():
    seed = "Rebel fighters crossed the river at dawn and took the old fort without a shot."
    table = "example: 'Rebel fighters crossed the river at dawn and took the old fort.' other words"
    runs = shared_runs_in(table, seed_grams([seed], 5), 5)
    assert runs == [tuple("rebel fighters crossed the river at dawn and took the old fort".split())]


def test_a_sentence_of_the_same_construction_with_other_words_shares_no_run():
    seed = "Rebel fighters crossed the river at dawn and took the old fort without a shot."
    table = "Militia units forded the stream at night and seized the hilltop post."
    assert shared_runs_in(table, seed_grams([seed], 5), 5) == []


def test_curly_and_straight_apostrophes_are_the_same_word_break():
    seed = "The capital\u2019s main airport reopened to flights on Monday."
    assert shared_runs_in("the capital's main airport reopened to", seed_grams([seed], 6), 6)


def test_no_rule_table_repeats_six_words_of_a_seed(seeds_dir):
    runs = [r for r in find_shared_runs(seeds_dir, [SRC], 6)
            if r.path.suffix in RULE_SUFFIXES and r.path.name not in SEED_ANNOTATIONS]
    assert runs == [], [(str(r.path.relative_to(SRC)), r.text) for r in runs]


def test_no_source_file_repeats_eight_words_of_a_seed(seeds_dir):
    runs = find_shared_runs(seeds_dir, [SRC], 8)
    assert runs == [], [(str(r.path.relative_to(SRC)), r.text) for r in runs]
