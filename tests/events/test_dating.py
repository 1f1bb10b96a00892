"""Which date an event may borrow (src/dateline/events/dating.py): the examples of dating.yaml,
each read by the whole pipeline, and the counter-cases the rules must leave alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article

PUBLISHED = date(2024, 3, 8)  # a Friday
TABLE = yaml.safe_load((Path(__file__).parents[2] / "src/dateline/events/dating.yaml").read_text(encoding="utf-8"))


def events_of(text: str):
    result = read_article(Article(id="t", text=text, published=PUBLISHED), parse(text), Stages.load())
    return {e.trigger.text: e for e in result.events}


@pytest.mark.parametrize("example", TABLE["examples"], ids=lambda e: e["rule"])
def test_every_example_of_the_table(example):
    events = events_of(example["text"])
    assert example["word"] in events, f"no event for {example['word']!r}: {sorted(events)}"
    assert events[example["word"]].date_value == example["date"]


def test_a_verb_of_the_day_still_takes_the_report_day():
    # a plain past act with no time of its own stays on the report's day
    events = events_of("Police arrested two men near the harbour.")
    assert events["arrested"].date_value == "2024-03-08"
    assert events["arrested"].date_inherited


def test_an_event_noun_with_its_own_date_keeps_it():
    events = events_of("The mayor said the indictment of her deputy last Tuesday would not change her plans.")
    assert events["indictment"].date_value == "2024-03-05"


def test_a_lead_that_ends_with_its_own_full_stop_is_not_joined_to_the_next_sentence():
    # the council met on Tuesday (the lead); the next sentence is a story of its own
    from dateline.events import _sentences
    from dateline.events.dating import lead_of

    doc = parse("The council met on Tuesday. It approved the budget.")
    assert lead_of(_sentences(doc)).text == "The council met on Tuesday."
    doc = parse("Mourners said goodbye to Cpl. Dan Ruiz on Monday. He was 24.")
    assert lead_of(_sentences(doc)).text.endswith("on Monday.")
