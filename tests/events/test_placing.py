"""Where an event is, beyond its own clause (issue 11): the examples of events/placing.yaml,
sentences written for the table, run through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.placing import table
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

EXAMPLES = [(kind, ex) for kind, listed in table()["examples"].items() for ex in listed]


def _event(sentence: str, word: str, index: int = 0, title: str | None = None):
    article = Article(id="t", text=sentence, title=title, published=date(2024, 3, 8))
    result = read_article(article, parse(sentence), Stages.load())
    found = [e for e in result.events if e.trigger is not None and e.trigger.text == word]
    assert len(found) > index, f"no event {index} at {word!r} in {sentence!r}"
    return found[index]


def _names(event) -> list[str]:
    # gazetteer names may carry accents or a longer form ("Kandahār"): compare on the words given
    return [p.span.text for p in event.places]


@pytest.mark.parametrize("kind,example", EXAMPLES, ids=[f"{k}:{e['word']}:{i}" for i, (k, e) in enumerate(EXAMPLES)])
def test_placing_examples(kind, example):
    names = _names(_event(example["sentence"], example["word"], example.get("index", 0), example.get("title")))
    if "place" in example:
        assert example["place"] in names
    for wrong in example.get("not_place", []):
        assert wrong not in names


def test_every_kind_of_rule_has_examples():
    assert {"venue", "origin", "title", "circumstance", "setting", "counter_examples"} <= set(table()["examples"])


def test_the_steps_closed_to_statements_are_steps_of_the_place_reader():
    # a misspelt step name in placing.yaml's not_for_statements would silently close nothing
    from dateline.events.event_place import PLACE_STEPS

    closed = table()["not_for_statements"]
    assert closed and closed <= {step.name for step in PLACE_STEPS}


def test_a_court_name_keeps_its_town_only_as_a_venue():
    # the town of a court where a hearing is held is its place; the town of a company is not
    jailed = _event("A teacher was jailed at Norwich Crown Court on Tuesday.", "jailed")
    assert "Norwich" in _names(jailed)


def test_a_word_read_as_an_event_takes_no_office_place():
    # a word read as an event on request (a gold trigger of a corpus) sorts the sentence's places as
    # the text's own triggers do: "Ohio Governor" is a title, not where the tour is
    from dateline.events import read_arguments_at

    text = "Crowds cheered as Ohio Governor Ann Hill toured the fair."
    article = Article(id="t", text=text, published=date(2024, 3, 8))
    doc = parse(text)
    result = read_article(article, doc, Stages.load())
    start = text.index("toured")
    event = read_arguments_at(article, doc, result.timexes, result.places, result.mentions, [], start,
                              start + len("toured"))
    assert "Ohio" not in [p.span.text for p in event.places]


def test_the_place_of_a_described_class_is_not_the_events():
    # "fishermen detained in Egypt" says where the fishermen are (non_events.is_a_described_class),
    # not where the families made their demand
    event = _event("Families rallied on Monday to demand the return of fishermen detained in Egypt.", "demand")
    assert "Egypt" not in _names(event)
