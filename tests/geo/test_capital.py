"""A bare "the capital" names no place; a reader takes it as the capital of the country the
article is about (seed 000: "flights flew from the capital's airport" in a story on
Afghanistan left from Kabul)."""

from __future__ import annotations

from dateline.geo import find_places
from dateline.model import Article
from dateline.nlp import parse


def _places(text, gazetteer):
    return find_places(Article(id="t", text=text), parse(text), gazetteer)


def test_the_capital_is_the_capital_of_the_country_the_article_is_about(fixtures_dir, gazetteer):
    text = (fixtures_dir / "geo" / "capital_kenya.txt").read_text(encoding="utf-8")
    capitals = [p for p in _places(text, gazetteer) if p.span.text == "capital"]
    assert len(capitals) == 2  # "in the capital, where" and "the capital's main hospital"
    for place in capitals:
        assert place.name == "Nairobi" and place.country_code == "KE"
        assert place.confidence < 0.5  # a description, not a name: less sure than a name
        assert "capital of Kenya" in place.reason


def test_a_capital_followed_by_its_name_is_that_name(gazetteer):
    text = "Fighting reached Afghanistan's north. The Taliban entered the capital, Kabul, on Sunday."
    places = _places(text, gazetteer)
    assert [p.span.text for p in places if p.name == "Kabul"] == ["Kabul"]


def test_the_capital_of_a_named_place_is_left_to_that_name(gazetteer):
    text = "In Afghanistan, the Taliban attacked Panjshir and the capital of the province, Bazarak."
    assert not [p for p in _places(text, gazetteer) if p.span.text == "capital"]


def test_no_country_in_the_article_no_capital(gazetteer):
    assert _places("Protesters marched in the capital on Friday.", gazetteer) == []


def test_seed_flights_leave_from_kabul(seeds_dir, gazetteer):
    text = (seeds_dir / "000_928372cbf91601d0.txt").read_text(encoding="utf-8")
    start = text.index("from the capital") + len("from the ")
    place = next(p for p in _places(text, gazetteer) if p.span.start == start)
    assert place.name == "Kabul" and place.country_code == "AF"
    assert place.reason


def test_the_afghan_capital_is_kabul_whatever_else_the_article_is_about(gazetteer):
    text = "Qatar's envoy flew from Doha to the Afghan capital on Tuesday."
    place = next(p for p in _places(text, gazetteer) if p.span.text == "Afghan capital")
    assert place.name == "Kabul" and place.country_code == "AF"
    assert "capital of Afghanistan" in place.reason


def test_the_countrys_capital_keeps_its_span_on_the_word_capital(fixtures_dir, gazetteer):
    text = "Protests spread across Kenya from Mombasa to Kisumu and reached the country's capital on Friday."
    place = next(p for p in _places(text, gazetteer) if p.name == "Nairobi")
    assert place.span.text == "capital"
