"""The store: migrations once, articles in and out, full-text search, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect

from dateline.ingest import content_id
from dateline.model import Article
from dateline.store import FilterError, StoreError, open_store
from dateline.store.migrations import MIGRATIONS, applied_migrations


def article(text: str, **fields) -> Article:
    return Article(id=content_id(text), text=text, **fields)


FLOODS = article(
    "Flash floods cut off a dozen villages in Badakhshan on Monday, officials said.",
    title="Floods in Badakhshan", outlet="Kabul Herald", published=date(2021, 7, 5), published_source="metadata",
    published_confidence=0.95, origin="floods.txt", meta={"format": "text"},
)
AIRPORT = article(
    "Two domestic flights left Kabul airport on Saturday, the first since the evacuation ended.",
    title="Flights resume at Kabul airport", outlet="CNN", published=date(2021, 9, 4), origin="airport.txt",
)
UNDATED = article("Residents of the valley said the road had been closed for weeks.", origin="road.txt")


def test_opening_applies_every_migration_once(store_url):
    first = open_store(store_url)
    assert applied_migrations(first.engine) == [m.name for m in MIGRATIONS]
    tables = set(inspect(first.engine).get_table_names())
    assert {"articles", "article_sightings", "article_bands", "schema_migrations"} <= tables
    first.close()
    again = open_store(store_url)
    assert sorted(applied_migrations(again.engine)) == sorted(m.name for m in MIGRATIONS)
    again.close()


def test_articles_come_back_as_they_went_in(store):
    result = store.add_articles([FLOODS, AIRPORT, UNDATED])
    assert sorted(result.new) == sorted([FLOODS.id, AIRPORT.id, UNDATED.id])
    back = store.get_article(FLOODS.id)
    assert back.text == FLOODS.text and back.title == "Floods in Badakhshan" and back.outlet == "Kabul Herald"
    assert back.published == date(2021, 7, 5) and back.published_source == "metadata"
    assert back.meta["format"] == "text"
    assert store.get_article(UNDATED.id).published is None
    assert store.get_article(AIRPORT.id[:10]).id == AIRPORT.id  # a unique prefix is enough
    assert store.get_article("0" * 64) is None


def test_iteration_is_in_ingest_order_and_filters(store):
    store.add_articles([FLOODS, AIRPORT])
    store.add_articles([UNDATED])
    assert [a.id for a in store.iter_articles(batch=1)] == [FLOODS.id, AIRPORT.id, UNDATED.id]
    assert [a.id for a in store.iter_articles(since=date(2021, 8, 1))] == [AIRPORT.id]
    assert [a.id for a in store.iter_articles(outlet="cnn")] == [AIRPORT.id]
    assert [a.id for a in store.articles(10)] == [AIRPORT.id, FLOODS.id, UNDATED.id]  # newest first, undated last


def test_full_text_search(store):
    store.add_articles([FLOODS, AIRPORT, UNDATED])
    assert [h.article.id for h in store.search("Kabul airport")] == [AIRPORT.id]
    assert [h.article.id for h in store.search("flood")] == [FLOODS.id]  # stemmed: floods
    assert {h.article.id for h in store.search("Badakhshan OR flights")} == {FLOODS.id, AIRPORT.id}
    assert [h.article.id for h in store.search('"domestic flights"')] == [AIRPORT.id]
    assert store.search("airport -evacuation") == []
    hit = store.search("villages")[0]
    assert "villages" in hit.snippet


@pytest.mark.parametrize("query", ['"', "AND", "NEAR(", "-", "a:b", "(((", "*", "'; DROP TABLE articles; --"])
def test_search_never_fails_on_odd_queries(store, query):
    store.add_articles([FLOODS])
    assert isinstance(store.search(query), list)
    assert store.get_article(FLOODS.id) is not None


def test_adding_the_same_batch_twice_changes_nothing(store):
    store.add_articles([FLOODS, AIRPORT])
    again = store.add_articles([FLOODS, AIRPORT])
    assert again.new == [] and again.already_seen == 2
    assert store.counts()["articles"] == 2 and store.counts()["sightings"] == 2


def test_the_same_text_from_another_source_is_a_sighting(store):
    store.add_articles([FLOODS])
    copy = Article(id=FLOODS.id, text=FLOODS.text, origin="feed.rss#entry3", url="https://example.org/floods")
    result = store.add_articles([copy])
    assert result.exact == [("feed.rss#entry3", FLOODS.id)] and result.already_seen == 0
    assert [s["origin"] for s in store.sightings(FLOODS.id)] == ["floods.txt", "feed.rss#entry3"]
    assert store.count_articles() == 1


def test_unusable_store_paths_are_one_line_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "folder" / "x.db"))
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="not a store"):
        open_store("mysql://localhost/x")


def test_unreachable_postgres_is_a_one_line_error_without_the_password():
    with pytest.raises(StoreError, match="cannot open store postgresql") as raised:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "secret" not in str(raised.value) and "\n" not in str(raised.value)


def test_a_search_of_a_thousand_words_is_refused_in_one_line(store):
    store.add_articles([FLOODS])
    with pytest.raises(FilterError, match="at most 32 words"):
        store.search(" ".join(["flood"] * 1000)[:199])  # 33 words in 199 characters
    with pytest.raises(FilterError, match="characters"):
        store.search("flood " * 1000)
