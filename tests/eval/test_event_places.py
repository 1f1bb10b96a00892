"""The automatic scorer of event places on the judged samples (eval/event_places), on hand-made rows."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app
from dateline.eval.event_places import GOLD, error_lines, parse_places, place_right, read_gold, score
from dateline.eval.judged_rerun import figures_only


def test_places_compare_without_accents_case_or_punctuation():
    assert place_right("Ts’khinvali [GE]", "Tskhinvali [GE]")
    assert place_right("Kandahār [AF] (inherited)", "Kandahar [AF]; Afghanistan [AF]")


def test_a_namesake_in_another_country_is_wrong():
    assert not place_right("Palestinian Territory [PS]", "Palestine [US]; Ohio [US]")
    assert not place_right("Paris [FR]", "Paris [US]")


def test_every_place_given_must_be_right_and_none_only_where_none_is():
    assert not place_right("Oakland [US]; San Francisco [US]", "Oakland [US]; California [US]")
    assert place_right("California [US]", "Oakland [US]; California [US]")
    assert not place_right("", "Oakland [US]")
    assert place_right("", "none; Georgia [US]")
    assert not place_right("Atlanta [US]", "none")


def test_unknown_country_matches_any():
    assert parse_places("Middle East [?]; Cairo [EG]") == [("middleeast", "?", None), ("cairo", "EG", None)]
    assert place_right("Middle East [?]", "Middle East [?]; Egypt [EG]")


def test_a_namesake_in_another_state_is_wrong_where_the_gold_names_the_state():
    # Columbus, Nebraska and Columbus, Ohio share name and country: only the state tells them apart
    assert parse_places("Columbus [US, Nebraska]") == [("columbus", "US", "nebraska")]
    assert not place_right("Columbus [US, Ohio]", "Columbus [US, Nebraska]; Nebraska [US]")
    assert place_right("Columbus [US, Nebraska]; Nebraska [US, Nebraska]", "Columbus [US, Nebraska]; Nebraska [US]")
    # a gold without the state accepts any, and a listing without one is not held to it
    assert place_right("Columbus [US, Ohio]", "Columbus [US]")
    assert place_right("Columbus [US]", "Columbus [US, Nebraska]")


def test_score_counts_parts_misses_and_non_events():
    gold = [
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "10", "real": "Y", "act": "Y", "gold": "Leeds [GB]"},
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "40", "real": "Y", "act": "N", "gold": "none",
         "trigger": "said"},
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "70", "real": "Y", "act": "Y", "gold": "Leeds [GB]"},
        {"seed": "1", "part": "tuning", "docid": "1", "trigger_start": "90", "real": "N", "act": "", "gold": "",
         "trigger": "plans", "note": "a plan, not carried out"},
        {"seed": "2", "part": "check", "docid": "2", "trigger_start": "5", "real": "Y", "act": "Y", "gold": "?"},
        {"seed": "2", "part": "check", "docid": "2", "trigger_start": "8", "real": "N", "act": "", "gold": ""},
    ]
    extracted = [
        {"docid": "1", "trigger_start": 10, "places": "Leeds [GB]", "sentence": "a"},
        {"docid": "1", "trigger_start": 40, "places": "Leeds [GB]", "sentence": "b"},
        {"docid": "1", "trigger_start": 90, "places": "", "sentence": "c"},
    ]
    result = score(gold, extracted)
    tuning, check = result["tuning"], result["check"]
    assert (tuning["matched"], tuning["not_found"], tuning["place"], tuning["place_of_acts"]) == (2, 1, 0.5, 1.0)
    assert (tuning["non_events_judged"], tuning["non_events_still_extracted"]) == (1, 1)
    # the act placed in Leeds is right, the statement placed in Leeds (none given) is wrong
    assert tuning["by_seed"] == {"1": {"place": 0.5, "place_of_acts": 1.0}}
    # a row not yet annotated ('?') counts in no place figure; a non-event no longer extracted is gone
    assert (check["real_with_gold"], check["matched"], check["non_events_still_extracted"]) == (0, 0, 0)
    # --errors lists the statement wrongly placed and the non-event still there, of that part only
    lines = error_lines(result, "tuning")
    assert [line.split("\t")[:5] for line in lines] == [["PLACE", "1", "1", "40", "said"], ["NONEVENT", "1", "1", "90", "plans"]]
    assert "gold: none" in lines[0]
    assert error_lines(result, "check") == []
    # --json prints the figures without the rows behind them
    assert "errors" not in figures_only(result)["tuning"] and "still" not in figures_only(result)["tuning"]
    # --part tuning prints the tuning figures alone: no other part's figure reaches the screen
    assert list(figures_only(result, "tuning")) == ["tuning"] and "check" in figures_only(result)


def test_the_gold_file_is_complete_and_split_once():
    rows = read_gold(GOLD)
    assert {r["part"] for r in rows} == {"tuning", "check", "fresh"}
    assert {r["seed"] for r in rows if r["part"] == "fresh"} == {"20261213", "20261215", "20261218", "20261232", "20261233", "20261251", "20261252"}  # samples J, L, O, AC, AD, AV and AW (M became tuning at stop 25, N at stop 26, P at stop 28, Q at stop 29, R at stop 30, S at stop 31, T at stop 32, U, V and W at stop 33, X and Y at stop 34, Z and AA at stop 35, AB at stop 36, AE and AF at stop 37, AG and AH at stop 38, AI at stop 39, AJ at stop 40, AK at stop 41, AL at stop 42, AM at stop 43, AN at stop 44, AO at stop 45, AP at stop 46, AQ at stop 47, AR at stop 48, AS at stop 49, AT at stop 50, AU at stop 51)
    assert {r["seed"] for r in rows if r["part"] == "check"} == {"20261209", "20261210"}
    assert not [r for r in rows if r["real"] == "Y" and r["gold"] == "?"]
    keys = [(r["docid"], r["trigger_start"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_the_judged_gold_commands_list_the_rows_of_a_part_and_refuse_an_unknown_one():
    for command in ("event-dates", "event-places", "event-types", "event-roles"):
        assert "--errors" in CliRunner().invoke(app, ["eval", command, "--help"]).output
        # a part that is none of tuning, check, fresh is refused before any article is read
        refused = CliRunner().invoke(app, ["eval", command, "--errors", "holdout"])
        assert refused.exit_code == 2
        assert "no part 'holdout'" in refused.output
        assert "--part" in CliRunner().invoke(app, ["eval", command, "--help"]).output
        refused = CliRunner().invoke(app, ["eval", command, "--part", "holdout"])
        assert refused.exit_code == 2 and "--part: no part 'holdout'" in refused.output


def test_listing_one_parts_errors_shows_that_parts_figures_alone(tmp_path, capsys):
    # choosing rules from tuning's wrong rows, the check and fresh figures must not be printed beside them
    from dateline.eval import event_places, event_roles, event_types

    empty = tmp_path / "rows.json"
    empty.write_text("[]", encoding="utf-8")
    for scorer in (event_places, event_types, event_roles):
        assert scorer.main(["--shared", str(tmp_path), "--rows", str(empty), "--errors", "tuning"]) == 0
        figures = json.loads(capsys.readouterr().out.splitlines()[0])
        assert list(figures) == ["tuning"]
        assert scorer.main(["--shared", str(tmp_path), "--rows", str(empty)]) == 0
        assert set(json.loads(capsys.readouterr().out.splitlines()[0])) == {"tuning", "check", "fresh"}


def _tiny_lgl(tmp_path):
    """A shared/ folder whose LGL holds three stories of one outlet, for two hand-made samples."""
    def article(docid: str, text: str) -> str:
        return (f'<article docid="{docid}"><title>T</title><text>{text}</text><dltime>2024-06-03</dltime>'
                f'<url>http://prairiepost.example/{docid}</url><domain>prairiepost.example</domain></article>')

    lgl = tmp_path / "shared" / "eval" / "geo" / "lgl.xml"
    lgl.parent.mkdir(parents=True)
    lgl.write_text("<articles>" + "".join([
        article("a1", "A barn burned near Kearney, Nebraska, on Sunday."),
        article("a2", "Voters in Grand Island, Nebraska, approved a school levy."),
        article("b1", "A man was arrested in Columbus after a chase."),
    ]) + "</articles>", encoding="utf-8")
    gold = [{"seed": "101", "docid": "a1"}, {"seed": "101", "docid": "a2"}, {"seed": "102", "docid": "b1"}]
    return tmp_path / "shared", gold


def test_each_sample_is_read_into_a_store_holding_its_own_articles_only(tmp_path, monkeypatch):
    # the outlet's stories of sample 101 name Nebraska; in one store with them, sample 102's Columbus could be
    # taken for Nebraska's (the home region is learned over the store): with a store per sample it cannot
    import dateline
    from dateline.eval import judged_rerun

    shared, gold = _tiny_lgl(tmp_path)
    steps = []

    def ingest_only(command, **kwargs):
        # what each store holds is the ingest's doing: it is run here in this process (as `dateline ingest` runs
        # it), the extraction (spaCy, the gazetteer) is left out
        steps.append(command[1])
        if command[1] == "ingest":
            store = dateline.open_store(command[command.index("--db") + 1], write=True)
            try:
                store.ingest([command[2]])
            finally:
                store.close()

    monkeypatch.setattr(judged_rerun.subprocess, "run", ingest_only)

    def stored(db):
        store = dateline.open_store(str(db), write=False)
        try:
            return sorted((a.meta or {}).get("fields", {}).get("id") for a in store.articles(100))
        finally:
            store.close()

    assert judged_rerun.samples_of(gold) == {"101": {"a1", "a2"}, "102": {"b1"}}
    judged_rerun.rerun_per_sample(shared, judged_rerun.samples_of(gold), tmp_path / "per")
    assert stored(tmp_path / "per" / "seed-101" / "store.db") == ["a1", "a2"]
    assert stored(tmp_path / "per" / "seed-102" / "store.db") == ["b1"]
    assert steps == ["ingest", "extract", "ingest", "extract"]  # each store read and extracted apart
    # the default reads every sample's articles into the one store
    judged_rerun.rerun(shared, {g["docid"] for g in gold}, tmp_path / "one")
    assert stored(tmp_path / "one" / "store.db") == ["a1", "a2", "b1"]


def test_the_rows_of_the_stores_per_sample_are_one_listing_of_the_same_shape(tmp_path, monkeypatch):
    from argparse import Namespace

    from dateline.eval import judged_rerun

    calls = []

    def fake_rerun(shared, docids, work=None, context=False):
        calls.append((sorted(docids), work.name if work else None, context))
        return [{"docid": d, "trigger_start": 5, "n": 1, "places": "", "sentence": ""} for d in sorted(docids)]

    monkeypatch.setattr(judged_rerun, "rerun", fake_rerun)
    gold = [{"seed": "102", "docid": "b1"}, {"seed": "101", "docid": "a1"}, {"seed": "101", "docid": "a2"}]
    args = Namespace(rows=None, shared=tmp_path, work=tmp_path, outlet_context=False, store_per_sample=True)
    rows = judged_rerun.rows_for(args, gold)
    # one reading per sample, in seed order, each kept in its own folder; the rows are written for event_types/roles
    assert calls == [(["a1", "a2"], "seed-101", False), (["b1"], "seed-102", False)]
    assert [r["docid"] for r in rows] == ["a1", "a2", "b1"]
    assert json.loads((tmp_path / "rows.json").read_text(encoding="utf-8")) == rows
    # samples read two at once give the same rows in the same order
    calls.clear()
    assert judged_rerun.rerun_per_sample(tmp_path, judged_rerun.samples_of(gold), jobs=2) == rows
    assert sorted(calls) == [(["a1", "a2"], None, False), (["b1"], None, False)]
    # without the option the gold's articles are read once, all together
    calls.clear()
    judged_rerun.rows_for(Namespace(**{**vars(args), "store_per_sample": False}), gold)
    assert calls == [(["a1", "a2", "b1"], tmp_path.name, False)]


def test_the_place_commands_offer_a_store_per_sample():
    assert "--store-per-sample" in CliRunner().invoke(app, ["eval", "event-places", "--help"]).output
