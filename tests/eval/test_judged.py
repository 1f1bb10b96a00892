"""The hand-judged samples of unseen news (issue 11): how a judged listing is scored, that every
shipped listing is fully judged, and that a fresh draw never repeats an article judged before."""

from __future__ import annotations

import csv
import re
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
    assert b"\r" not in path.read_bytes(), "one line end, as the header lines are written"
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


# --- the pools a sample is drawn from (issue 11: LGL's odd half ran low after sample W) ------------

POOLS_XML = Path(__file__).parents[1] / "fixtures" / "eval" / "lgl_pools.xml"  # 5 even-N, 5 odd-N; odd-3 has no story


def test_a_pool_too_small_for_the_draw_fails_saying_how_many_are_left():
    # the odd half of the fixture: odd-1, odd-5, odd-7 and odd-9 have a story (odd-3 is a bare headline)
    assert {a["id"] for a in judged.draw(POOLS_XML, seed=3, articles=4)} == {"odd-1", "odd-5", "odd-7", "odd-9"}
    with pytest.raises(judged.PoolTooSmall) as raised:
        judged.draw(POOLS_XML, seed=3, articles=4, exclude={"odd-5"})  # 3 left with a story, 4 asked
    message = str(raised.value)
    assert "\n" not in message
    assert "has 3 articles left" in message and "4 not drawn before" in message and "4 asked" in message
    assert "--pool lgl-even" in message  # the way out is named


def test_the_sample_command_stops_with_one_line_and_writes_nothing_when_the_pool_is_too_small(tmp_path, capsys):
    shared = tmp_path / "shared"
    (shared / judged.LGL).parent.mkdir(parents=True)
    (shared / judged.LGL).write_text(POOLS_XML.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert judged.main(["sample", str(out), "--shared", str(shared), "--seed", "1", "--articles", "5"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "has 4 articles left" in error and "--pool lgl-even" in error
    assert not out.exists()


def test_a_draw_from_the_even_half_never_returns_an_odd_position_article():
    for seed in range(30):
        drawn = [a["id"] for a in judged.draw(POOLS_XML, seed=seed, articles=3, pool="lgl-even")]
        assert len(drawn) == 3 and all(docid.startswith("even-") for docid in drawn), drawn
        assert all(a["id"].startswith("odd-") for a in judged.draw(POOLS_XML, seed=seed, articles=3))  # the default
    everything = judged.draw(POOLS_XML, seed=1, articles=5, pool="lgl-even")
    assert {a["id"] for a in everything} == {"even-0", "even-2", "even-4", "even-6", "even-8"}
    assert judged.left_in(POOLS_XML, "lgl-even", {"even-0", "odd-1"}) == judged.Left("lgl-even", 4, 4)
    assert judged.left_in(POOLS_XML, "lgl-odd", {"even-0"}) == judged.Left("lgl-odd", 5, 4)


def test_an_even_half_listing_is_replayed_from_the_even_half(tmp_path):
    drawn = [a["id"] for a in judged.draw(POOLS_XML, seed=11, articles=3, pool="lgl-even")]
    left = judged.left_in(POOLS_XML, "lgl-even")
    # the header sample writes, and a listing of the two articles that gave events (no '# drawn:' line)
    listing = tmp_path / "lgl-even-seed-11.tsv"
    listing.write_text(judged.sample_line("lgl-even", 11, 3, left) + "\ndocid\tn\n"
                       + "".join(f"{d}\t1\n" for d in drawn[:2]), encoding="utf-8")
    assert judged.pool_of(listing) == "lgl-even"
    assert judged.drawn_before(POOLS_XML, [listing]) == set(drawn)  # the third, with no event, is left out too
    # the same listing naming no pool is of the odd half: its replay cannot be that draw
    unnamed = tmp_path / "lgl-check-seed-11.tsv"
    unnamed.write_text("# sample: 3 articles of LGL's check half\ndocid\tn\n"
                       + "".join(f"{d}\t1\n" for d in drawn[:2]), encoding="utf-8")
    assert judged.pool_of(unnamed) == "lgl-odd"
    assert judged.drawn_before(POOLS_XML, [unnamed]) == set(drawn[:2])
    # a later odd-half draw leaves the even articles alone and the even draw's articles stay drawn
    odd = tmp_path / "lgl-check-seed-12.tsv"
    odd_drawn = [a["id"] for a in judged.draw(POOLS_XML, seed=12, articles=2, exclude=set(drawn))]
    odd.write_text("# sample: 2 articles\ndocid\tn\n" + "".join(f"{d}\t1\n" for d in odd_drawn), encoding="utf-8")
    assert judged.drawn_before(POOLS_XML, [listing, odd]) == set(drawn) | set(odd_drawn)
    stray = tmp_path / "lgl-x-seed-13.tsv"
    stray.write_text("# sample: 2 articles, pool lgl-middle\ndocid\tn\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown pool"):
        judged.pool_of(stray)


REAL_LISTINGS = sorted(judged.JUDGED_DIR.glob(judged.LISTINGS), key=judged._seed_of)


def test_the_shipped_listings_replay_as_their_headers_say():
    """Samples A to Y (all of the odd half, none naming a pool), Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV and AW (the first
    twenty-four of the even half, naming it) are replayed as they were drawn: each listing with a ``# drawn:`` line adds exactly its drawn
    articles, all of its own pool, and that pool had as many articles left before each of them as its
    ``# sample:`` line says."""
    lgl = SHARED / judged.LGL
    if not lgl.exists():
        _missing("LGL corpus", lgl)
    pools = {pool: {a.get("docid") for a in judged.pool_articles(lgl, pool)} for pool in ("lgl-odd", "lgl-even")}
    assert [judged.pool_of(path) for path in REAL_LISTINGS].count("lgl-even") == 24  # Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW: seeds 20261229-52
    every = judged.drawn_before(lgl, REAL_LISTINGS)
    assert every <= pools["lgl-odd"] | pools["lgl-even"]
    first_named = next(i for i, path in enumerate(REAL_LISTINGS) if "drawn" in judged.header_of(path))
    for i in range(first_named, len(REAL_LISTINGS)):
        about = judged.header_of(REAL_LISTINGS[i])
        before, after = judged.drawn_before(lgl, REAL_LISTINGS[:i]), judged.drawn_before(lgl, REAL_LISTINGS[:i + 1])
        pool = pools[judged.pool_of(REAL_LISTINGS[i])]
        assert after - before == set(about["drawn"].split()) and after - before <= pool, REAL_LISTINGS[i].stem
        stated = re.search(r"over the (\d+) left(?: \((\d+) were meant)?", about["sample"])  # T's figure was mended
        assert len(pool - before) == int(stated[2] or stated[1]), REAL_LISTINGS[i].stem
    listed = {row["docid"] for path in REAL_LISTINGS for row in judged.read(path)}
    assert listed <= every


def test_the_report_orders_samples_by_seed_and_names_an_even_half_sample(tmp_path):
    def listing(name, sample_line, rows):
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as handle:
            handle.write(sample_line + "\n# extraction: commit abc\n# reader: a test\n")
            writer = csv.DictWriter(handle, HEADER, delimiter="\t")
            writer.writeheader()
            writer.writerows(rows)

    listing("lgl-even-seed-31.tsv", judged.sample_line("lgl-even", 31, 1, judged.Left("lgl-even", 5, 5)),
            [row("even-2", "Y", "S", "-", "Y", "Y", "Y", "Y")])
    listing("lgl-check-seed-32.tsv", "# sample: 1 articles of LGL's check half", [row("odd-1", "N")])
    result = judged.evaluate(directory=tmp_path)
    assert list(result["samples"]) == ["lgl-even-seed-31", "lgl-check-seed-32"]  # seed order, not name order
    assert [s["pool"] for s in result["samples"].values()] == ["lgl-even", "lgl-odd"]
    assert result["latest"]["precision"] == 0.0  # the odd sample, drawn last: its one record is no event
    text = judged.to_markdown(result)
    assert "even half (lgl-even-seed-31" in text and "optimistic for places" in text


def test_a_section_rebuilt_from_quality_json_keeps_each_listings_header_order():
    # report.py rebuilds a section it did not re-run from quality.json, written with sorted keys:
    # the listing's "sample" line still comes first in its paragraph
    import json as json_module

    from dateline.eval.judged import evaluate, to_markdown
    result = evaluate()
    rebuilt = json_module.loads(json_module.dumps(result, sort_keys=True, default=str))
    assert to_markdown(rebuilt) == to_markdown(result)
    assert "**lgl-check-seed-20261214** (sample: " in to_markdown(rebuilt)


def test_the_outlet_context_is_the_other_articles_of_the_judged_articles_outlets(tmp_path):
    from dateline.eval.judged_rerun import context_articles

    def article(docid: str, domain: str, text: str) -> str:
        return (f'<article docid="{docid}"><title>T</title><text>{text}</text><dltime>2024-06-03</dltime>'
                f'<url>http://{domain}/{docid}</url><domain>{domain}</domain></article>')

    lgl = tmp_path / "lgl.xml"
    lgl.write_text("<articles>" + "".join([
        article("1", "plainsherald.example", "Hail fell on Kearney."),       # judged
        article("2", "plainsherald.example", "Hay prices rose in Hastings."),  # its outlet's other story
        article("3", "plainsherald.example", ""),                             # no text: nothing to read
        article("4", "harborgazette.example", "A ferry docked at dawn."),      # another outlet's
    ]) + "</articles>", encoding="utf-8")
    assert [a["id"] for a in context_articles(lgl, {"1"})] == ["2"]


def test_a_near_copy_of_an_article_drawn_before_is_left_out_of_a_fresh_draw(tmp_path):
    def article(docid: str, text: str) -> str:
        return f'<article docid="{docid}"><title>T</title><text>{text}</text><dltime>2024-06-03</dltime></article>'

    story = ("A grain barn burned to the ground north of Kearney on Sunday night. Firefighters from three towns "
             "fought the blaze for six hours. Nobody was hurt, the county sheriff said. The owner said he would rebuild.")
    lgl = tmp_path / "lgl.xml"
    lgl.write_text("<articles>" + "".join([
        article("1", story),                                              # drawn before
        article("2", story.replace("six hours", "seven hours")),          # the same story, one word changed
        article("3", "The school board voted to hire two more teachers for the fall term in Hastings."),
        article("4", ""),                                                 # no story: nothing to repeat
    ]) + "</articles>", encoding="utf-8")
    assert judged.copies_of(lgl, {"1"}) == {"2"}
    assert judged.copies_of(lgl, {"3"}) == set()
