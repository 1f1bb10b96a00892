"""The shared parse: sentences end where a reader sees them end, including at line breaks."""

from __future__ import annotations

import pytest
import spacy
import yaml

from dateline.nlp import (MODEL_PACKAGE, TITLE_ABBREVIATIONS_PATH, ents_of, ents_within, is_hard_wrapped, parse,
                          parse_syntax, text_of)


def sentences(text: str) -> list[str]:
    return [sentence.text.strip() for sentence in parse(text).sents]


def test_a_headline_on_its_own_line_is_its_own_sentence():
    text = "Return of Afghan soldiers\nOn Sunday, more than 1,000 Afghan security forces fled to Tajikistan."
    assert sentences(text) == [
        "Return of Afghan soldiers",
        "On Sunday, more than 1,000 Afghan security forces fled to Tajikistan.",
    ]


def test_a_blank_line_always_ends_a_sentence():
    text = ("Fighting near the border\n\nTroops moved north on Monday\n\nResidents said the road\n"
            "was closed for hours\nand nobody could leave\nthe town before dawn")
    assert "Fighting near the border" in sentences(text)


def test_hard_wrapped_prose_is_not_cut_at_every_line():
    text = (
        "The minister said on Monday that the government would\n"
        "send more troops to the northern provinces after a week\n"
        "of heavy fighting around the city, which has been under\n"
        "siege since the spring offensive began in the valley.\n"
    )
    assert is_hard_wrapped(text)
    assert len(sentences(text)) == 1


def test_one_paragraph_per_line_is_not_hard_wrapped():
    text = (
        "A senior Qatari official met with several Afghan diplomats on Tuesday during a visit to Kabul amid "
        "a stalled peace process.\nThe meeting lasted two hours.\nBoth sides called it useful.\nNo date was set.\n"
    )
    assert not is_hard_wrapped(text)


def test_a_wire_dateline_is_a_sentence_of_its_own():
    doc = parse("YANGON, March 4 (Reuters) - Myanmar security forces opened fire on protesters.")
    assert [s.text for s in doc.sents] == ["YANGON, March 4 (Reuters) -", "Myanmar security forces opened fire on protesters."]
    for text in ("KABUL (AP) — The Taliban took the city.", "KABUL, Afghanistan — The Taliban took the city."):
        assert [s.text for s in parse(text).sents][1] == "The Taliban took the city."
    # the em dash of a page read in the wrong encoding is a dash too
    assert [s.text for s in parse("HARTLEY, Iowa (AP) \x97 Deputies said a man shot his neighbor.").sents][1] == "Deputies said a man shot his neighbor."
    # a dash between names is no dateline
    assert len(list(parse("US - China talks resumed on Monday.").sents)) == 1


def test_the_entities_made_once_are_the_parses_own():
    doc = parse("Maria Lopez flew from Madrid to Lima on Friday. The Red Cross met her at the airport in Lima.")
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert ents_of(doc) is ents_of(doc)  # made once, on the first call
    assert text_of(doc) == doc.text


def test_the_entities_within_a_sentence_are_the_spans_own():
    doc = parse("Maria Lopez flew from Madrid to Lima on Friday. The Red Cross met her at the airport in Lima.")
    for sentence in doc.sents:
        assert [e.text for e in ents_within(sentence)] == [e.text for e in sentence.ents]
    second = list(doc.sents)[1]
    assert "Lima" in [e.text for e in ents_within(second)]
    assert "Madrid" not in [e.text for e in ents_within(second)]
    # a span cutting through an entity keeps only the entities wholly inside it
    lopez = doc[1:5]
    assert [e.text for e in ents_within(lopez)] == [e.text for e in lopez.ents]


def test_no_stage_rebuilds_the_doc_text_per_call():
    # ``doc.text`` joins every token again on each call; read inside a per-place or per-event
    # test it cost a tenth of the pipeline's CPU (stop 25's profile). Stages read ``text_of``.
    import re
    from pathlib import Path

    import dateline

    package = Path(dateline.__file__).parent
    offenders = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py") if path.name != "nlp.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bdoc\.text\b(?!`)", line.split("#")[0]) and '"""' not in line and "``" not in line
    ]
    assert offenders == []


def test_a_headline_parsed_for_its_syntax_has_the_full_parse_of_its_words():
    headline = "Harbor patrol pulls two anglers from icy Lake Clearwater near Millbrook"
    full, syntax = parse(headline), parse_syntax(headline)
    # the verb, its subject and object, and every word's head are what the full parse says
    assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in syntax] == \
        [(t.text, t.tag_, t.pos_, t.dep_, t.head.i) for t in full]
    assert [t.text for t in syntax if t.dep_ == "ROOT"] == ["pulls"]
    assert not syntax.ents  # the names are not looked for


def test_a_reading_per_sentence_is_made_once_per_sentence_of_a_parse():
    from dateline.nlp import per_sentence
    calls = []

    @per_sentence
    def words_in(sentence):
        calls.append(sentence.start)
        return len(sentence)

    doc = parse("The river rose overnight. Two roads were closed.")
    first, second = list(doc.sents)
    assert [words_in(first), words_in(first), words_in(second)] == [len(first), len(first), len(second)]
    assert calls == [first.start, second.start]  # the first sentence was read once


def test_a_typographic_apostrophe_is_read_as_the_plain_one():
    from dateline.nlp import plain_lower
    doc = parse("We\u2019ve SEEN the sheriff\u2019s car.")
    assert [plain_lower(t) for t in doc][:3] == ["we", "'ve", "seen"]


TITLE_TABLE = yaml.safe_load(TITLE_ABBREVIATIONS_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", TITLE_TABLE["examples"], ids=lambda e: e["text"][:30])
def test_an_abbreviated_title_before_a_name_does_not_end_the_sentence(example):
    assert len(list(parse(example["text"]).sents)) == example["sentences"]


def test_without_the_title_table_the_model_cuts_the_sentence_at_the_title():
    bare = spacy.load(MODEL_PACKAGE)  # the table's reason: the model alone ends a sentence at "Capt."
    first = TITLE_TABLE["examples"][0]
    assert len(list(bare(first["text"]).sents)) > first["sentences"]
    assert all(abbreviation.endswith(".") for abbreviation in TITLE_TABLE["abbreviations"])
