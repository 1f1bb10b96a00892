"""Every example written in the entity stage's YAML files, run as a test."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.entities import EntityResolver
from dateline.entities.lexicon import HERE, read_yaml
from dateline.model import Article
from dateline.nlp import parse

KINDS = read_yaml(HERE / "kinds.yaml")
TITLES = read_yaml(HERE / "titles.yaml")
COUNTRIES = read_yaml(HERE / "countries.yaml")


def read(text: str, day: date = date(2021, 9, 4)):
    resolver = EntityResolver(aliases_path=None)
    mentions = resolver.add_article(Article(id="example", text=text, published=day), parse(text))
    return mentions, {e.id: e for e in resolver.entities()}


@pytest.mark.parametrize("example", KINDS["examples"], ids=lambda e: e["text"][:40])
def test_kind_examples(example):
    mentions, entities = read(example["text"])
    by_words = {m.span.text: m for m in mentions}
    for name, kind in example.get("entities", {}).items():
        assert name in by_words, f"{name!r} not found in {sorted(by_words)}"
        assert entities[by_words[name].entity_id].kind == kind
    for name, code in example.get("countries", {}).items():
        assert name in by_words, f"{name!r} not found in {sorted(by_words)}"
        assert entities[by_words[name].entity_id].country_code == code
    for name in example.get("not_actors", ()):
        assert name not in by_words, f"{name!r} is no actor"


@pytest.mark.parametrize("example", KINDS["not_actors"]["examples"], ids=lambda e: e["text"][:40])
def test_not_actor_examples(example):
    """Diseases, viruses, strains, drugs, storms and wards are no people and no organisations."""
    mentions, entities = read(example["text"])
    by_words = {m.span.text: m for m in mentions}
    for name in example["not_actors"]:
        assert name not in by_words, f"{name!r} read as an actor"
        assert not any(name in (e.name, *e.aliases) for e in entities.values())
    for name, kind in example.get("entities", {}).items():
        assert entities[by_words[name].entity_id].kind == kind


@pytest.mark.parametrize("example", KINDS["generic_body_examples"], ids=lambda e: e["text"][:40])
def test_generic_body_examples(example):
    """ "the Ministry of Health" is the ministry of the country the article is about."""
    mentions, entities = read(example["text"])
    bodies = [entities[m.entity_id] for m in mentions if m.span.text == example["body"]]
    assert bodies and all(b.country_code == example["country"] for b in bodies)
    assert len({b.id for b in bodies}) == 1


@pytest.mark.parametrize("example", TITLES["examples"], ids=lambda e: e["text"][:40])
def test_title_examples(example):
    mentions, entities = read(example["text"])
    person = next(entities[m.entity_id] for m in mentions if m.span.text == example["person"])
    assert [r.title for r in person.roles] == [example["role"]]
    assert person.roles[0].as_of == date(2021, 9, 4)
    if "country" in example:
        assert person.country_code == example["country"]


@pytest.mark.parametrize("example", KINDS["descriptions"]["examples"], ids=lambda e: e["text"][:40])
def test_description_examples(example):
    mentions, _ = read(example["text"])
    described = next(m for m in mentions if m.span.text == example["description"])
    named = next(m for m in mentions if m.span.text == example["refers_to"])
    assert described.label == "DESCRIPTION" and described.entity_id == named.entity_id


@pytest.mark.parametrize("example", COUNTRIES["examples"], ids=lambda e: e["text"][:40])
def test_country_examples(example):
    mentions, entities = read(example["text"])
    for words, code in example.get("actors", {}).items():
        mention = next(m for m in mentions if m.span.text == words)
        assert mention.label == "GPE" and entities[mention.entity_id].country_code == code
    for words, code in example.get("nationalities", {}).items():
        mention = next(m for m in mentions if m.span.text == words)
        assert mention.label == "NORP" and entities[mention.entity_id].country_code == code


def test_a_city_is_not_a_country_actor():
    mentions, _ = read("Fighting continued in Kabul on Friday, and the UK said it was watching closely.")
    words = {m.span.text for m in mentions}
    assert "Kabul" not in words and "UK" in words
