"""The hand-judged samples of unseen news (issue 11): how a judged listing is scored, that every
shipped listing is fully judged, and that a fresh draw never repeats an article judged before."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dateline.eval import judged
from tests.conftest import SHARED, _missing

HEADER = judged.LISTED + judged.JUDGED


def row(docid, real, statement="", type_ok="", date_ok="", place_ok="", source_ok="", target_ok="", note=""):
    return {**{k: "" for k in judged.LISTED}, "docid": docid, "real": real, "statement": statement,
            "type_ok": type_ok, "date_ok": date_ok, "place_ok": place_ok, "source_ok": source_ok,
            "target_ok": target_ok, "note": note}


def test_a_judged_listing_is_scored_as_a_reader_counts_it():
    rows = [
        row("a", "Y", "S", "-", "Y", "Y", "Y", "Y"),        # a statement, all right
        row("a", "Y", "", "Y", "N", "Y", "Y", "N"),          # an act: date and target wrong
        row("b", "Y", "", "N", "Y", "N", "Y", "Y"),          # an act: type and place wrong
        row("b", "N", note="a state, not an event"),         # not an event: no field is judged
    ]
    figures = judged.score(rows)
    assert figures["articles"] == 2 and figures["events"] == 4
    assert figures["real"] == 3 and figures["statements"] == 1
    assert figures["precision"] == 0.75                      # 3 of 4 records are events
    assert figures["precision_without_statements"] == 0.667  # 2 of the 3 records that are not statements
    assert figures["type"] == 0.5                            # acts only: one of two
    assert figures["date"] == 0.667 and figures["date_of_acts"] == 0.5
    assert figures["place"] == 0.667 and figures["place_of_acts"] == 0.5
    assert figures["date_and_place_of_acts"] == 0.0          # no act has both right
    assert figures["notes"] == ["a state, not an event"]


@pytest.mark.parametrize("path", sorted(judged.JUDGED_DIR.glob(judged.LISTINGS)), ids=lambda p: p.stem)
def test_every_shipped_listing_is_fully_judged(path: Path):
    about = judged.header_of(path)
    assert {"sample", "extraction", "reader"} <= set(about), "a listing says how it was drawn, made and read"
    rows = judged.read(path)
    assert rows and list(rows[0]) == list(HEADER)
    for r in rows:
        assert r["real"] in ("Y", "N"), r["n"]
        if r["real"] == "N":
            continue
        assert r["statement"] in ("", "S")
        assert r["type_ok"] in (("-",) if r["statement"] == "S" else ("Y", "N")), r["n"]
        for field in ("date_ok", "place_ok", "source_ok", "target_ok"):
            assert r[field] in ("Y", "N"), (r["n"], field)


def test_a_fresh_draw_leaves_out_the_articles_judged_before():
    lgl = SHARED / judged.LGL
    if not lgl.exists():
        _missing("LGL corpus", lgl)
    first = judged.draw(lgl, seed=1, articles=5)
    again = judged.draw(lgl, seed=1, articles=5)
    assert [a["id"] for a in first] == [a["id"] for a in again]  # the seed fixes the sample
    fresh = judged.draw(lgl, seed=1, articles=5, exclude={a["id"] for a in first})
    assert not {a["id"] for a in fresh} & {a["id"] for a in first}
    for article in first:
        assert article["text"] and not article["text"].startswith(article["title"])  # the repeated title is cut
        assert len(article["date"]) == 10


def test_an_article_drawn_before_that_gave_no_event_is_not_drawn_again(tmp_path):
    lgl = SHARED / judged.LGL
    if not lgl.exists():
        _missing("LGL corpus", lgl)
    drawn = [a["id"] for a in judged.draw(lgl, seed=7, articles=4)]
    # a listing names only the articles that gave events: say the last one gave none
    listing = tmp_path / "lgl-check-seed-7.tsv"
    listing.write_text("# sample: 4 articles of LGL's check half, one with no event\n"
                       "docid\tn\n" + "".join(f"{docid}\t{n}\n" for n, docid in enumerate(drawn[:3], 1)),
                       encoding="utf-8")
    assert drawn[3] in judged.drawn_before(lgl, [listing])
    # a listing the replay does not reproduce leaves out its listed articles only
    other = tmp_path / "lgl-check-seed-8.tsv"
    other.write_text("# sample: 4 articles\ndocid\tn\n" + "".join(f"{d}\t1\n" for d in drawn[:3]), encoding="utf-8")
    assert judged.drawn_before(lgl, [other]) == set(drawn[:3])
    # a later draw that left out every article drawn before it, the unlisted one too, is replayed so
    later_drawn = [a["id"] for a in judged.draw(lgl, seed=9, articles=4, exclude=set(drawn))]
    later = tmp_path / "lgl-check-seed-9.tsv"
    later.write_text("# sample: 4 articles, one with no event\ndocid\tn\n"
                     + "".join(f"{d}\t1\n" for d in later_drawn[:3]), encoding="utf-8")
    assert judged.drawn_before(lgl, [listing, later]) == set(drawn) | set(later_drawn)
    # a listing that names its draw is taken at its word, with no replay
    named = tmp_path / "lgl-check-seed-10.tsv"
    named.write_text(f"# sample: 2 articles\n# drawn: {drawn[0]} {drawn[3]}\ndocid\tn\n{drawn[0]}\t1\n", encoding="utf-8")
    assert judged.drawn_before(lgl, [named]) == {drawn[0], drawn[3]}


def test_a_listed_place_names_its_state_so_a_reader_sees_a_namesake():
    from dateline.eval.judged import place_region
    from dateline.model import Place, Span

    def place(country, admin1):
        return Place(span=Span(0, 8, "Columbus"), name="Columbus", country_code=country, admin1=admin1)

    assert place_region(place("US", "Nebraska")) == "US, Nebraska"
    assert place_region(place("US", "Ohio")) != place_region(place("US", "Nebraska"))
    assert place_region(place("US", None)) == "US"
    assert place_region(place(None, "Nebraska")) == "?"
