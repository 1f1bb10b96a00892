"""The bare currency mark of an article's amounts says whose readers it is written for: its
towns lean to the namesakes in those countries, unless the article names another country or the
name is a city of millions abroad."""

from __future__ import annotations

import pytest

from dateline.geo import find_places
from dateline.geo import resolve
from dateline.geo.resolve import money_countries, money_marks
from dateline.model import Article
from dateline.nlp import parse


def _place(gazetteer, text, name):
    return next(p for p in find_places(Article(id="t", text=text), parse(text), gazetteer) if p.span.text == name)


@pytest.mark.parametrize("mark, countries, example", money_marks(), ids=[m for m, _, _ in money_marks()])
def test_each_marks_example_reads_its_town_in_a_country_of_the_mark(gazetteer, mark, countries, example):
    assert mark in example["text"]
    assert _place(gazetteer, example["text"], example["town"]).country_code in countries


@pytest.mark.parametrize("mark, countries, example", money_marks(), ids=[m for m, _, _ in money_marks()])
def test_without_the_rule_each_example_town_is_a_namesake_abroad(gazetteer, monkeypatch, mark, countries, example):
    # the examples are chosen so that only the mark decides: without it, a bigger namesake wins
    monkeypatch.setattr(resolve, "MONEY_MARK_BONUS", 0.0)
    assert _place(gazetteer, example["text"], example["town"]).country_code not in countries


def test_a_story_that_names_the_other_country_keeps_its_city(gazetteer):
    text = "Firefighters in Alexandria, on Egypt's northern coast, saved a warehouse valued at $300,000."
    assert _place(gazetteer, text, "Alexandria").country_code == "EG"


def test_a_city_of_millions_abroad_is_not_outvoted_by_the_mark(gazetteer):
    text = "A firm in London agreed to pay $2 million for the old mill."
    assert _place(gazetteer, text, "London").country_code == "GB"


def test_a_foreign_dollar_or_two_currencies_say_nothing_of_the_outlet():
    assert money_countries("The deal was worth US$40 million.") == frozenset()
    assert money_countries("Tickets cost $25 here and £20 there.") == frozenset()
    assert "US" in money_countries("The grant of $40,000 was approved.")
    assert money_countries("A fine of £60 was set.") == frozenset({"GB"})


def test_an_outlets_country_code_domain_outranks_the_mark(gazetteer):
    # a .ca paper counting in dollars: the domain, not the mark, says the country
    text = "Residents of Windsor were told the permit would now cost $60 a year."
    article = Article(id="t", text=text, url="http://www.windsorstar.ca/news/permits.html")
    place = next(p for p in find_places(article, parse(text), gazetteer) if p.span.text == "Windsor")
    assert place.country_code == "CA"
