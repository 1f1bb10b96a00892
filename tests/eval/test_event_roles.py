"""The automatic scorer of doers and targets on the judged samples (eval/event_roles), on hand-made rows."""

from __future__ import annotations

from dateline.eval.event_roles import GOLD, actor_right, error_kind, error_lines, read_gold, score


def test_the_same_name_is_right_whatever_its_case_article_or_apostrophe():
    assert actor_right("The Harbour Board", "harbour board")
    assert actor_right("O\u2019Brien", "O'Brien")


def test_a_single_word_matches_the_head_word_of_a_longer_name_either_way():
    assert actor_right("the lifeguards", "lifeguards")  # the gold's word is the extracted phrase's head
    assert actor_right("Kessler", "Ana Kessler")  # a surname for the full name
    assert actor_right("Ana Kessler", "Kessler")
    assert actor_right("council", "the council of the borough")  # the head stands before "of"


def test_a_name_ending_with_all_the_words_of_the_other_matches_it():
    assert actor_right("A RETIRED ferry captain", "ferry captain")  # a modifier before the gold's phrase
    assert actor_right("City Council", "the Harbour City Council")
    assert not actor_right("City Council", "Harbour Council")


def test_two_longer_names_sharing_a_last_word_are_different_actors():
    assert not actor_right("Tomas Kessler", "Ms. Kessler")
    assert not actor_right("harbour police", "river police")
    assert not actor_right("Kessler", "Ana Brandt")


def test_any_alternative_of_the_gold_is_accepted():
    assert actor_right("Brandt", "Ana Kessler|Brandt")
    assert actor_right("the ferry crew", "passengers|ferry crew")
    assert not actor_right("passengers", "ferry crew|captain")


def test_no_actor_is_right_only_where_the_gold_allows_none():
    assert actor_right("", "-")
    assert actor_right("", "harbour board|-")
    assert not actor_right("", "harbour board")
    assert not actor_right("harbour board", "-")


def test_wrong_actors_are_sorted_by_kind():
    assert error_kind("", "lifeguards") == "dropped"
    assert error_kind("Tuesday", "-") == "given where none"
    assert error_kind("the mayor", "lifeguards") == "another actor"


def test_score_counts_parts_samples_kinds_and_misses():
    def gold(seed, part, docid, start, kind, doer, target):
        return {"seed": seed, "part": part, "docid": docid, "trigger_start": start, "trigger": "x", "kind": kind,
                "gold_doer": doer, "gold_target": target, "note": ""}

    rows = [
        gold("1", "tuning", "1", "10", "act", "lifeguards", "swimmer"),
        gold("1", "tuning", "1", "40", "statement", "Ana Kessler", "-"),
        gold("2", "tuning", "2", "5", "act", "-", "harbour wall"),
        gold("2", "tuning", "2", "9", "act", "captain", "-"),
        gold("3", "check", "3", "7", "act", "ferry crew", "passengers|-"),
    ]
    extracted = [
        {"docid": "1", "trigger_start": 10, "source": "the lifeguards", "target": "", "sentence": "Lifeguards pulled a swimmer out."},
        {"docid": "1", "trigger_start": 40, "source": "Kessler", "target": "", "sentence": "Kessler said the beach was shut."},
        {"docid": "2", "trigger_start": 5, "source": "Tuesday", "target": "harbour wall", "sentence": "Tuesday's storm broke the harbour wall."},
        {"docid": "3", "trigger_start": 7, "source": "crew", "target": "", "sentence": "The crew left the ferry."},
    ]
    result = score(rows, extracted)
    tuning, check = result["tuning"], result["check"]
    # the captain's event at offset 9 was not extracted: it counts in no accuracy
    assert (tuning["gold_events"], tuning["matched"], tuning["not_found"]) == (4, 3, 1)
    assert (tuning["doer"], tuning["doer_acts"], tuning["doer_statements"]) == (0.667, 0.5, 1.0)
    assert (tuning["target"], tuning["target_acts"], tuning["target_statements"]) == (0.667, 0.5, 1.0)
    assert tuning["by_seed"]["2"]["doer"] == 0.0 and tuning["by_seed"]["1"]["doer"] == 1.0
    assert tuning["errors"] == {"doer act: given where none": 1, "target act: dropped": 1}
    assert [(w["trigger_start"], w["role"]) for w in tuning["wrong"]] == [("10", "target"), ("5", "doer")]
    assert (check["doer"], check["target"], check["errors"]) == (1.0, 1.0, {})
    # --errors: the dropped swimmer and the weekday taken for a doer, a line each
    lines = error_lines(result, "tuning")
    assert [line.split("\t")[:4] for line in lines] == [["TARGET", "1", "1", "10"], ["DOER", "2", "2", "5"]]
    assert "gold: swimmer" in lines[0] and "got: Tuesday" in lines[1]


def test_the_gold_file_is_complete_and_split_as_the_date_gold():
    rows = read_gold(GOLD)
    assert {r["seed"] for r in rows if r["part"] == "fresh"} == {"20261213", "20261215", "20261218", "20261232", "20261233", "20261251", "20261252"}  # samples J, L, O, AC, AD, AV and AW (S became tuning at stop 31, T at stop 32, U, V and W at stop 33, X and Y at stop 34, Z and AA at stop 35, AB at stop 36, AE and AF at stop 37, AG and AH at stop 38, AI at stop 39, AJ at stop 40, AK at stop 41, AL at stop 42, AM at stop 43, AN at stop 44, AO at stop 45, AP at stop 46, AQ at stop 47, AR at stop 48, AS at stop 49, AT at stop 50, AU at stop 51)
    assert {r["seed"] for r in rows if r["part"] == "check"} == {"20261209", "20261210"}
    for listed, ok, gold in (("listed_doer", "source_ok", "gold_doer"), ("listed_target", "target_ok", "gold_target")):
        # the listed actor where the reader judged it right ("-" for none), first of the alternatives a
        # later reading added; every other one read in the article
        assert all(r[gold].split("|")[0] == (r[listed] or "-") for r in rows if r[ok] == "Y")
        assert all(r[gold] and r["from"] == "read in the article" for r in rows if r[ok] == "N")
    keys = [(r["docid"], r["trigger_start"]) for r in rows]
    assert len(keys) == len(set(keys))
