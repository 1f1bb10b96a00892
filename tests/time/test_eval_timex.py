"""The TempEval-3 scorer on a hand-made TimeML file whose answers a reader can check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.eval.timex import TimeMLError, evaluate, read_timeml, same_value, to_markdown


def test_reader_takes_the_creation_time_as_metadata(fixtures_dir: Path):
    document = read_timeml(fixtures_dir / "time" / "two_timexes.tml")
    assert document.dct == date(2021, 9, 4)
    assert [(t.text, t.value) for t in document.timexes] == [("Friday", "2021-09-03"), ("the past two weeks", "P2W")]
    assert document.text[document.timexes[0].start : document.timexes[0].end] == "Friday"


def test_scores_and_section(tmp_path: Path, fixtures_dir: Path):
    (tmp_path / "doc.tml").write_bytes((fixtures_dir / "time" / "two_timexes.tml").read_bytes())
    result = evaluate(tmp_path)
    # the tagger also finds "the 1990s", which the hand-made gold leaves out: one spurious timex
    assert (result["gold"], result["predicted"]) == (2, 3)
    assert result["relaxed"]["r"] == 1.0 and result["value_accuracy"] == 1.0
    assert result["value_f1"] == pytest.approx(0.8, abs=0.001)
    section = to_markdown(result)
    for heading in ("## Time expressions", "### Tuning and check halves", "### By gold type", "### Top error classes", "### Against the goals", "### Still weak"):
        assert heading in section
    assert "HeidelTime" in section and "spurious DATE" in section


def test_unreadable_files_are_one_clear_error(tmp_path: Path):
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(TimeMLError, match="broken.tml"):
        evaluate(tmp_path)
    with pytest.raises(TimeMLError, match="not a directory"):
        evaluate(tmp_path / "missing")


def test_the_corpus_splits_once_into_even_and_odd_files(tmp_path: Path, fixtures_dir: Path):
    # three copies of one hand-made file: a and c are at even positions of the sorted list, b at an odd one
    for name in ("c.tml", "a.tml", "b.tml"):
        (tmp_path / name).write_bytes((fixtures_dir / "time" / "two_timexes.tml").read_bytes())
    result = evaluate(tmp_path, parse=False)
    halves = result["halves"]
    assert "even" in halves["rule"] and "odd" in halves["rule"]
    assert (halves["tuning"]["documents"], halves["check"]["documents"]) == (2, 1)
    assert (halves["tuning"]["gold"], halves["check"]["gold"]) == (4, 2)
    assert result["with_parse"] is False and "without_parse" not in result


def test_the_scorer_tags_on_the_parse_as_the_pipeline_does(tmp_path: Path, fixtures_dir: Path):
    (tmp_path / "doc.tml").write_bytes((fixtures_dir / "time" / "two_timexes.tml").read_bytes())
    seen = []

    def tagger(text, dct, doc=None):
        seen.append(doc)
        return []

    result = evaluate(tmp_path, tagger=tagger)
    # once without the parse (for speed and the no-parse figures), once with it
    assert seen[0] is None and "landed in Kabul" in seen[1].text
    assert result["with_parse"] is True and result["without_parse"]["all"]["gold"] == 2
    assert set(result["speeds"]) == {"tagger_no_parse_sentences_per_s", "tagger_given_parse_sentences_per_s", "parse_and_tagger_sentences_per_s"}


# hand-made pairs: the same value in two spellings TimeML allows
SAME_VALUE = [
    ("2000-W07", "2000-W7"),  # ISO week numbers have two digits
    ("2000-W07-3", "2000-W7-3"),
    ("1949", "1949-XX"),  # a month left unknown adds nothing to the year
    ("1994", "1994-XX-XX"),
    ("1994-06", "1994-06-XX"),
    ("1988", "1988-QX"),
    ("199", "199X"),  # the 1990s, TIMEX3 and TIDES
    ("19", "19XX"),  # the 1900s
    ("1989-11-06T17", "1989-11-06T17:00"),  # 5 p.m.
    ("2021-09-03", "2021-09-03"),
]
# hand-made pairs that must stay different
DIFFERENT_VALUE = [
    ("2000-W07", "2000-W17"),
    ("2000-W07", "2000-02"),
    ("1994", "1994-06"),  # a year is not a month of it
    ("1994-XX", "1995"),
    ("XXXX-XX-XX", "XXXX"),  # some day is not some year
    ("199", "1990"),  # the decade is not its first year
    ("19", "1900"),
    ("1998-WXX-5", "1998"),  # a Friday of 1998 says more than the year
    ("P1D", "PT24H"),  # the unit is part of what the text says
    ("P1W", "P7D"),
    ("1989-11-06T17", "1989-11-06T17:30"),
    ("PRESENT_REF", "2021-09-04"),
]


@pytest.mark.parametrize("gold, predicted", SAME_VALUE)
def test_one_value_in_two_spellings_is_no_error(gold, predicted):
    assert same_value(gold, predicted) and same_value(predicted, gold)


@pytest.mark.parametrize("gold, predicted", DIFFERENT_VALUE)
def test_different_values_stay_different(gold, predicted):
    assert not same_value(gold, predicted) and not same_value(predicted, gold)
