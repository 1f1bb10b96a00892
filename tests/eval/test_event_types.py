"""The automatic scorer of event types on the judged samples (eval/event_types), on hand-made rows."""

from __future__ import annotations

from dateline.eval.event_types import GOLD, error_lines, read_gold, score, type_right


def test_a_type_is_right_when_the_gold_accepts_it():
    assert type_right("HAZARD", "HAZARD")
    assert type_right("MOBILIZE", "ASSAULT|MOBILIZE")
    assert not type_right("ASSAULT", "HAZARD")


def test_no_type_is_right_where_none_fits():
    assert not type_right("TRANSPORT", "none")
    assert not type_right("", "none")


def test_score_counts_parts_samples_misses_and_confusion():
    gold = [
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "10", "gold": "HAZARD"},
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "40", "gold": "COERCE",
         "trigger": "raided", "note": ""},
        {"seed": "2", "part": "tuning", "docid": "2", "trigger_start": "5", "gold": "HAZARD", "trigger": "hit",
         "note": "a road crash"},
        {"seed": "2", "part": "tuning", "docid": "2", "trigger_start": "9", "gold": "DEATH"},
        {"seed": "3", "part": "check", "docid": "3", "trigger_start": "7", "gold": "CRIME|MOVEMENT"},
    ]
    extracted = [
        {"docid": "1", "trigger_start": 10, "type": "HAZARD", "sentence": "A bus overturned."},
        {"docid": "1", "trigger_start": 40, "type": "ASSAULT", "sentence": "Police raided a flat."},
        {"docid": "2", "trigger_start": 5, "type": "ASSAULT", "sentence": "A van hit a cyclist."},
        {"docid": "3", "trigger_start": 7, "type": "MOVEMENT", "sentence": "The thief ran off."},
    ]
    result = score(gold, extracted)
    tuning, check = result["tuning"], result["check"]
    # the death at offset 9 was not extracted: it counts in no accuracy
    assert (tuning["gold_events"], tuning["matched"], tuning["not_found"], tuning["type"]) == (4, 3, 1, 0.333)
    assert tuning["by_seed"] == {"1": 0.5, "2": 0.0}
    assert tuning["confusion"] == {"COERCE -> ASSAULT": 1, "HAZARD -> ASSAULT": 1}
    assert [w["trigger_start"] for w in tuning["wrong"]] == ["40", "5"]
    assert (check["type"], check["confusion"]) == (1.0, {})
    # --errors: a line per wrong row of the part, with what was given and what the gold says
    assert [line.split("\t")[:7] for line in error_lines(result, "tuning")] == [
        ["TYPE", "1", "1", "40", "raided", "got: ASSAULT", "gold: COERCE"],
        ["TYPE", "2", "2", "5", "hit", "got: ASSAULT", "gold: HAZARD"]]
    assert error_lines(result, "check") == []


def test_the_gold_file_is_complete_and_split_as_the_date_gold():
    rows = read_gold(GOLD)
    assert {r["seed"] for r in rows if r["part"] == "fresh"} == {"20261213", "20261215", "20261218", "20261232", "20261233", "20261251", "20261252"}  # samples J, L, O, AC, AD, AV and AW (N became tuning at stop 26, P at stop 28, Q at stop 29, R at stop 30, S at stop 31, T at stop 32, U, V and W at stop 33, X and Y at stop 34, Z and AA at stop 35, AB at stop 36, AE and AF at stop 37, AG and AH at stop 38, AI at stop 39, AJ at stop 40, AK at stop 41, AL at stop 42, AM at stop 43, AN at stop 44, AO at stop 45, AP at stop 46, AQ at stop 47, AR at stop 48, AS at stop 49, AT at stop 50, AU at stop 51)
    assert {r["seed"] for r in rows if r["part"] == "check"} == {"20261209", "20261210"}
    # the listed type where the reader judged it right; every other row read again in the article
    assert all(r["gold"] == r["listed"] for r in rows if r["type_ok"] == "Y")
    assert all(r["gold"] and r["from"] == "read in the article" for r in rows if r["type_ok"] == "N")
    keys = [(r["docid"], r["trigger_start"]) for r in rows]
    assert len(keys) == len(set(keys))
