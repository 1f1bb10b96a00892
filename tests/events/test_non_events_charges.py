"""A crime named only as what a charge, an accusation or a suit says is no event the text asserts
(docs/judging.md, "Charges, plans and scheduled steps"); a conviction, a guilty plea or the text's
own telling of an act of that kind makes it one. The examples of non_events.yaml's charge_contents
and sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.events.non_events import (charge_holding, is_a_crime_named_by_a_charge, typed_table,
                                        without_crimes_named_only_by_a_charge)
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article
from tests.events.sentences import word_in

TABLE = typed_table().charge_contents


@pytest.mark.parametrize("example", TABLE.examples, ids=lambda e: e["word"])
def test_the_crime_is_named_only_by_the_charge(example):
    assert is_a_crime_named_by_a_charge(word_in(example["sentence"], example["word"]))


@pytest.mark.parametrize("example", TABLE.counter_examples, ids=lambda e: e["word"])
def test_the_word_is_told_as_done(example):
    assert not is_a_crime_named_by_a_charge(word_in(example["sentence"], example["word"]))


@pytest.mark.parametrize("text,word,charge", [
    ("Two brothers from Dover were charged with arson on Tuesday.", "arson", "charged"),
    ("The clerk was accused of stealing cash from the church and forging checks.", "forging", "accused"),
    ("The driver faces two counts of burglary and one count of theft.", "burglary", "counts"),
    ("The farmer was held on charges of cattle smuggling.", "smuggling", "charges"),
    ("The robbery he is accused of happened in 2019.", "robbery", "accused"),
])
def test_the_charge_that_holds_the_crime(text, word, charge):
    holder = charge_holding(word_in(text, word))
    assert holder is not None and holder.text == charge


def test_not_guilty_establishes_nothing():
    assert charge_holding(word_in("The baker pleaded not guilty to two counts of fraud.", "fraud")) is not None
    assert charge_holding(word_in("The baker pleaded guilty to two counts of fraud.", "fraud")) is None


def _events(text: str):
    doc = parse(text)
    article = Article(id="t", text=text, published=date(2024, 5, 10))
    return doc, read_article(article, doc, Stages.load(), learned_filter=False).events


def test_the_article_list_loses_the_crime_and_keeps_the_charge():
    doc, events = _events("Two brothers from Dover were charged with arson on Tuesday.")
    assert {"charged", "arson"} <= {e.trigger.text for e in events}
    kept = {e.trigger.text for e in without_crimes_named_only_by_a_charge(events, doc)}
    assert "charged" in kept and "arson" not in kept


def test_the_crime_told_in_its_own_words_stays_in_the_list():
    doc, events = _events("Thieves robbed a pharmacy on Elm Street on Friday. Two men were charged with the robbery.")
    kept = [e.trigger.text for e in without_crimes_named_only_by_a_charge(events, doc)]
    assert "robbery" in kept and "robbed" in kept
