"""The user's entities file: corrections applied on the next run, bad files named in one line."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.entities import EntitiesFileError, EntityResolver
from dateline.model import Article
from dateline.nlp import parse

TEXT = ("An aid group, Emergency NGO, said the National Resistance Front (NRF) held the valley. "
        "Finance minister Khalid Payenda resigned; Payenda left Kabul. Follow Doha News on Twitter.")


def test_corrections_from_the_file_are_applied(fixtures_dir):
    resolver = EntityResolver(aliases_path=fixtures_dir / "entities" / "user-entities.yaml")
    mentions = resolver.add_article(Article(id="u", text=TEXT, published=date(2021, 8, 10)), parse(TEXT))
    entities = {e.id: e for e in resolver.entities()}
    by_words = {m.span.text: m.entity_id for m in mentions}
    # an alias the user gave ties "Emergency NGO" to International Emergency, with the user's kind
    emergency = entities[by_words["Emergency NGO"]]
    assert emergency.name == "International Emergency" and emergency.kind == "ngo"
    # the user's name for the front is the one shown; the article's words are its aliases
    front = entities[by_words["National Resistance Front"]]
    assert front.name == "National Resistance Front of Afghanistan" and by_words["NRF"] == front.id
    payenda = entities[by_words["Khalid Payenda"]]
    assert by_words["Payenda"] == payenda.id and payenda.country_code == "AF"
    # words the user told us to ignore are no actor
    assert "Follow Doha News" not in by_words and "Doha News" not in by_words


def test_without_a_file_the_article_alone_decides():
    resolver = EntityResolver(aliases_path=None)
    mentions = resolver.add_article(Article(id="u", text=TEXT, published=date(2021, 8, 10)), parse(TEXT))
    names = {e.name for e in resolver.entities()}
    assert "National Resistance Front" in names and "National Resistance Front of Afghanistan" not in names
    assert mentions


@pytest.mark.parametrize("name, reason", [
    ("bad-kind.yaml", "kind 'rebels' is not one of"),
    ("not-yaml.yaml", "not valid YAML"),
    ("missing.yaml", "no such file"),
])
def test_a_bad_file_is_one_clear_error_naming_it(fixtures_dir, name, reason):
    path = fixtures_dir / "entities" / name
    with pytest.raises(EntitiesFileError) as error:
        EntityResolver(aliases_path=path)
    message = str(error.value)
    assert str(path) in message and reason in message and "\n" not in message
