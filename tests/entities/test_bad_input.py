"""Bad input: other scripts, text in capitals, very long lists of names, empty text."""

from __future__ import annotations

from datetime import date

from dateline.entities import EntityResolver
from dateline.model import Article
from dateline.nlp import parse


def read(text):
    resolver = EntityResolver(aliases_path=None)
    mentions = resolver.add_article(Article(id="bad", text=text, published=date(2021, 8, 15)), parse(text))
    return mentions, resolver.entities()


def test_other_scripts_invent_no_organisations(fixtures_dir):
    text = (fixtures_dir / "entities" / "other-scripts.txt").read_text(encoding="utf-8")
    mentions, entities = read(text)
    for mention in mentions:
        assert text[mention.span.start:mention.span.end] == mention.span.text
    names = {e.name for e in entities}
    assert {"Taliban", "Zabihullah Mujahid"} <= names
    # "Министр" (minister) and a lone Arabic word are not organisations
    assert not any(e.kind == "organisation" for e in entities)


def test_text_in_capitals_keeps_only_what_the_lexicon_knows(fixtures_dir):
    text = (fixtures_dir / "entities" / "all-caps.txt").read_text(encoding="utf-8")
    mentions, entities = read(text)
    assert "armed_group:taliban" in {m.entity_id for m in mentions}
    # "WHO IS IN CHARGE" is no World Health Organization, "IT IS" no Islamic State
    assert not any(e.kind in {"igo", "organisation"} for e in entities)
    assert "armed_group:islamic-state" not in {e.id for e in entities}


def test_a_very_long_list_of_names():
    names = [f"Commander Number{i} Khan" for i in range(300)]
    text = "The following were named: " + ", ".join(names) + ". The Taliban said nothing."
    mentions, entities = read(text)
    assert len(entities) <= 310
    assert any(m.entity_id == "armed_group:taliban" for m in mentions)
    for mention in mentions:
        assert text[mention.span.start:mention.span.end] == mention.span.text


def test_empty_and_punctuation_only_text():
    assert read("")[0] == []
    assert read("... !!! ???")[0] == []
