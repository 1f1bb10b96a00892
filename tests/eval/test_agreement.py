"""Agreement of two readers of one judged listing (dateline.eval.agreement), on a tiny hand-made
pair of readings whose figures can be counted by hand (no row of a judged sample)."""

from __future__ import annotations

import json

from dateline.eval import agreement

LISTED = ["docid", "published", "title", "n", "type", "modality", "trigger", "trigger_start", "date",
          "places", "source", "target", "sentence"]
VERDICTS = ["real", "statement", "type_ok", "date_ok", "place_ok", "source_ok", "target_ok"]

# (docid, n, trigger, trigger_start, listed date, listed places)
EVENTS = [
    ("a", "1", "said", "10", "2009-03-02 (inherited)", ""),
    ("a", "2", "fired", "20", "2009-03-01", "Millbrook [US, Ohio]"),
    ("a", "3", "hopes", "30", "2009-03-02 (inherited)", ""),
    ("b", "4", "arrested", "5", "2009-03-02", ""),
    ("b", "5", "held", "40", "2009-03-02 (inherited)", "Millbrook [US, Ohio] (inherited)"),
]

# the first reader: verdicts only, as the repo listings write them ('S' for a statement)
FIRST = [
    ["Y", "S", "-", "Y", "Y", "Y", "Y"],
    ["Y", "", "Y", "Y", "Y", "Y", "Y"],
    ["N", "", "", "", "", "", ""],
    ["Y", "", "Y", "N", "Y", "Y", "N"],
    ["Y", "", "N", "Y", "N", "Y", "Y"],
]
# the second reader: Y/N statement and the right values
SECOND = [
    ["Y", "Y", "-", "Y", "Y", "Y", "Y", "2009-03-02|2009-03-01", "none"],
    ["Y", "N", "Y", "N", "Y", "Y", "Y", "2009-03", "Millbrook"],
    ["N", "", "", "", "", "", "", "", ""],
    ["Y", "N", "Y", "N", "N", "Y", "Y", "none", "Dover (the town hall)"],
    ["N", "", "", "", "", "", "", "", ""],
]


def write(path, header, rows):
    lines = ["# a hand-made reading for the test", "\t".join(header)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def event(e):
    docid, n, trigger, start, date, places = e
    return [docid, "2009-03-02", "t", n, "OCCURRENCE", "reported", trigger, start, date, places, "", "",
            "a made-up sentence"]


def readings(tmp_path):
    first = write(tmp_path / "first-seed-20990101.tsv", LISTED + VERDICTS + ["note"],
                  [event(e) + v + [""] for e, v in zip(EVENTS, FIRST)])
    second = write(tmp_path / "second.tsv", LISTED + VERDICTS + ["right_date", "right_place", "note"],
                   [event(e) + v + [""] for e, v in zip(EVENTS, SECOND)])
    gold = tmp_path / "gold"
    gold.mkdir()
    write(gold / "dates.tsv", ["seed", "part", "docid", "published", "trigger_start", "trigger", "kind", "listed",
                               "date_ok", "gold", "note"],
          [["20990101", "tuning", "a", "2009-03-02", "10", "said", "statement", "", "Y", "2009-03-02|2009-03-01", ""],
           ["20990101", "tuning", "a", "2009-03-02", "20", "fired", "act", "", "Y", "2009-03-01", ""],
           ["20990101", "tuning", "b", "2009-03-02", "5", "arrested", "act", "", "N", "before-report", ""],
           ["20990101", "tuning", "b", "2009-03-02", "40", "held", "act", "", "Y", "2009-03-02", ""],
           ["20990102", "tuning", "b", "2009-03-02", "5", "arrested", "act", "", "N", "2009-01-01", ""]])
    write(gold / "places.tsv", ["seed", "part", "docid", "trigger_start", "trigger", "real", "act", "gold", "from", "note"],
          [["20990101", "tuning", "a", "10", "said", "Y", "N", "none", "", ""],
           ["20990101", "tuning", "a", "20", "fired", "Y", "Y", "Millbrook [US, Ohio]", "", ""],
           ["20990101", "tuning", "a", "30", "hopes", "N", "", "", "", ""],
           ["20990101", "tuning", "b", "5", "arrested", "Y", "Y", "none; Dover [US, Ohio]", "", ""],
           ["20990101", "tuning", "b", "40", "held", "Y", "Y", "Millbrook [US, Ohio]", "", ""]])
    return first, second, gold


def test_per_field_agreement_and_kappa_as_counted_by_hand(tmp_path):
    first, second, gold = readings(tmp_path)
    figures = agreement.compare(first, second, gold_dir=gold)
    f = figures["fields"]
    assert figures["listed"] == 5 and figures["seed"] == "20990101"
    # real: Y Y N Y Y against Y Y N Y N: 4 of 5; chance .8*.6 + .2*.4 = .56; kappa .24/.44
    assert f["real"] == {"judged_by_both": 5, "share_judged_by_both": 1.0, "agree": 4, "agreement": 0.8,
                         "kappa": 0.545}
    # the rest only where both say real (rows 1, 2, 4); 'S' and 'Y' both mean a statement
    assert f["statement"]["judged_by_both"] == 3 and f["statement"]["share_judged_by_both"] == 0.6
    assert f["statement"]["agreement"] == 1.0 and f["statement"]["kappa"] == 1.0
    # type only for acts both call real (rows 2 and 4): both Y, kappa undefined (one category)
    assert f["type_ok"]["judged_by_both"] == 2 and f["type_ok"]["agreement"] == 1.0 and f["type_ok"]["kappa"] is None
    # date: Y Y N against Y N N: 2 of 3; chance 2/3*1/3 + 1/3*2/3 = 4/9; kappa (6/9-4/9)/(5/9) = .4
    assert f["date_ok"]["agree"] == 2 and f["date_ok"]["agreement"] == 0.667 and f["date_ok"]["kappa"] == 0.4
    # place: Y Y Y against Y Y N: 2 of 3, no better than chance
    assert f["place_ok"]["agreement"] == 0.667 and f["place_ok"]["kappa"] == 0.0
    # target: Y Y N against Y Y Y
    assert f["target_ok"]["agreement"] == 0.667 and f["target_ok"]["kappa"] == 0.0
    assert f["source_ok"]["agreement"] == 1.0 and f["source_ok"]["kappa"] is None
    assert figures["disagreements"]["real"] == ["b held@40"]
    assert figures["disagreements"]["date_ok"] == ["a fired@20"]


def test_values_of_date_and_place_among_events_both_call_real(tmp_path):
    first, second, gold = readings(tmp_path)
    f = agreement.compare(first, second, gold_dir=gold)["fields"]
    # dates: same alternatives; a day against a month (disagree); before-report against none (agree)
    assert f["date_value"]["judged_by_both"] == 3 and f["date_value"]["agree"] == 2
    assert f["date_value"]["agreement"] == 0.667
    # places: none/none; Millbrook [US, Ohio]/Millbrook; 'none; Dover [US, Ohio]'/'Dover (the town hall)'
    assert f["place_value"]["agree"] == 3 and f["place_value"]["agreement"] == 1.0


def test_without_gold_a_right_verdict_lends_the_listed_value(tmp_path):
    first, second, _ = readings(tmp_path)
    f = agreement.compare(first, second, gold_dir=None)["fields"]
    # the first reader's row 4 date was judged wrong and has no gold: its right value is unknown
    assert f["date_value"]["judged_by_both"] == 2 and f["date_value"]["unknown"] == 1
    assert f["date_value"]["agree"] == 1  # row 1 (listed day in both); row 2 a day against a month


def test_values_compare_as_calendar_stretches_and_place_names():
    assert agreement.dates_agree("2009-03-27|2009-03-26", "2009-03-26")
    assert agreement.dates_agree("before-report", "none")
    assert not agreement.dates_agree("2009-03", "2009-03-01")
    assert agreement.dates_agree("2008-FA", "2008-09/2008-11")
    assert not agreement.dates_agree("before-report", "2009-03-30")
    assert agreement.dates_agree("PAST_REF", "none")  # a past with no calendar day either way
    assert agreement.places_agree("none; Sligo [IE]", "Sligo")
    assert not agreement.places_agree("none", "Georgia")
    assert agreement.places_agree("Athens [US, Georgia]; Clarke County [US, Georgia]", "Clarke County (Superior Court)")
    # the gazetteer's bracket before a reader's note, and a reader's "Town, State" for the gazetteer's name
    assert agreement.places_agree("Millbrook [US, Ohio] (the mill)", "Millbrook")
    assert agreement.places_agree("Millbrook [US, Ohio]", "Millbrook, Ohio (Main Street)")
    assert not agreement.places_agree("Millbrook [US, Ohio]", "Dover, Ohio")


def test_kappa():
    assert agreement.kappa([("Y", "Y"), ("N", "N")]) == 1.0
    assert agreement.kappa([("Y", "Y"), ("Y", "Y")]) is None
    assert agreement.kappa([("Y", "N"), ("N", "Y")]) == -1.0
    assert agreement.kappa([]) is None


def test_the_entry_prints_one_json_object(tmp_path, capsys):
    first, second, gold = readings(tmp_path)
    assert agreement.main([str(first), str(second), "--gold-dir", str(gold), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["fields"]["real"]["agreement"] == 0.8 and figures["fields"]["date_value"]["agree"] == 2


def shipped_layout(tmp_path):
    """The hand-made pair laid out as the repo ships readings: judged/NAME.tsv and
    judged-agreement/NAME-second.tsv; returns (listings, readings_dir, gold)."""
    first, second, gold = readings(tmp_path)
    listings, readings_dir = tmp_path / "judged", tmp_path / "judged-agreement"
    listings.mkdir(), readings_dir.mkdir()
    first.rename(listings / "lgl-seed-20990101.tsv")
    second.rename(readings_dir / "lgl-seed-20990101-second.tsv")
    return listings, readings_dir, gold


def test_make_eval_pairs_each_second_reading_with_its_listing(tmp_path):
    listings, readings_dir, _ = shipped_layout(tmp_path)
    (readings_dir / "notes.txt").write_text("not a reading\n", encoding="utf-8")
    result = agreement.evaluate(readings_dir, listings)
    assert list(result["readings"]) == ["lgl-seed-20990101"]
    assert result["readings"]["lgl-seed-20990101"]["fields"]["real"]["agree"] == 4
    page = agreement.to_markdown(result)
    assert "| real | 5 | 4 | 0.8 | 0.545 |" in page


def test_every_shipped_second_reading_covers_its_listing_row_for_row():
    shipped = sorted(agreement.AGREEMENT_DIR.glob("*-second.tsv"))
    assert shipped, "no second reading shipped"
    for second in shipped:
        first = agreement.LISTING_DIR / second.name.replace("-second.tsv", ".tsv")
        assert set(agreement.read_judged(first)) == set(agreement.read_judged(second)), second.name


def test_make_eval_reads_the_first_readers_values_from_the_frozen_first_gold(tmp_path):
    # after an adjudication rewrites judged-gold/, the agreement stays that of the two readings as
    # made: the first reader's right values come from judged-agreement/first-gold/ where it exists
    listings, readings_dir, gold = shipped_layout(tmp_path)
    gold.rename(readings_dir / "first-gold")
    f = agreement.evaluate(readings_dir, listings)["readings"]["lgl-seed-20990101"]["fields"]
    # as with the gold passed by hand (test_values_of_date_and_place_among_events_both_call_real)
    assert f["date_value"]["agree"] == 2 and f["place_value"]["agree"] == 3
    # without it, the shipped judged-gold/ holds no row of this made-up seed: the first reader's
    # 'arrested' (date judged wrong, no right value anywhere) can no longer be compared
    (readings_dir / "first-gold" / "dates.tsv").unlink()
    f = agreement.evaluate(readings_dir, listings)["readings"]["lgl-seed-20990101"]["fields"]
    assert f["date_value"]["unknown"] == 1
