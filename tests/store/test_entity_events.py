"""The pairs of canonical entity and event kept at write time (``entity_events``,
store/entity_events.py) equal the pairs the actor and source rows give through the entity links,
after articles are read, read again, loaded in bulk and the links replaced, on SQLite and on
PostgreSQL; an actor filter that is an entity's id lists that entity's events from them, in list
order both ways; and the upgrade step builds them from a store's rows.

The hand-made store: a report from Lahore (police detained two organisers on 2 May; the
organisers' party condemned the arrests on 3 May, a spokesman of the party said) and one from
Karachi (the party held a rally, no day given). The police and the party are canonical entities;
the organisers are linked to none."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select, text, union

from dateline.ingest import content_id
from dateline.model import Actor, Article, ArticleEntity, ArticleRecords, Attribution, Entity, Event, Span
from dateline.store import EventFilter
from dateline.store import entities as entity_tables
from dateline.store import tables as t
from dateline.store.bulk import load_partition, partition_rows, stage_partition
from dateline.store.migrations import MIGRATIONS
from tests.helpers import listed_ids

LAHORE = ("Police detained two organisers in Lahore on Monday. The organisers' party condemned the "
          "arrests on Tuesday, a party spokesman said.")
KARACHI = "The party held a rally in Karachi."
POLICE, PARTY = "organisation:punjab-police", "organisation:peoples-party"


def _span(text_: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text_.index(words, start + 1)
    return Span(start, start + len(words), words)


def _articles():
    lahore = Article(id=content_id(LAHORE), text=LAHORE, outlet="Dawn", published=date(2022, 5, 3))
    karachi = Article(id=content_id(KARACHI), text=KARACHI, outlet="Dawn", published=date(2022, 5, 4))
    police, organisers, party = (f"{lahore.id[:16]}:{n}" for n in range(3))
    karachi_party = f"{karachi.id[:16]}:0"

    def entity(article, key, names):
        return ArticleEntity(key=key, article_id=article.id, kind="organisation", names=names)

    detained = Event(id="ev-ee-detained", article_id=lahore.id, type="COERCE",
                     trigger=_span(LAHORE, "detained"), sentence=_span(LAHORE, "Police detained two organisers in Lahore on Monday."),
                     source_actor=Actor("Police", _span(LAHORE, "Police"), police),
                     target_actor=Actor("two organisers", _span(LAHORE, "two organisers"), organisers),
                     date_value="2022-05-02", date_start=date(2022, 5, 2), date_end=date(2022, 5, 2))
    # the party is the source of the statement only through its attribution (a spokesman)
    condemned = Event(id="ev-ee-condemned", article_id=lahore.id, type="ACCUSE",
                      trigger=_span(LAHORE, "condemned"), sentence=_span(LAHORE, "The organisers' party condemned"),
                      target_actor=Actor("organisers", _span(LAHORE, "organisers", 1), organisers),
                      attribution=Attribution("a party spokesman", _span(LAHORE, "a party spokesman"), party),
                      date_value="2022-05-03", date_start=date(2022, 5, 3), date_end=date(2022, 5, 3))
    rally = Event(id="ev-ee-rally", article_id=karachi.id, type="PROTEST", trigger=_span(KARACHI, "rally"),
                  sentence=_span(KARACHI, KARACHI), source_actor=Actor("The party", _span(KARACHI, "The party"),
                                                                        karachi_party))
    lahore_records = ArticleRecords(lahore.id, events=(detained, condemned), entities=(
        entity(lahore, police, ("Police",)), entity(lahore, organisers, ("organisers",)),
        entity(lahore, party, ("party",))))
    karachi_records = ArticleRecords(karachi.id, events=(rally,),
                                     entities=(entity(karachi, karachi_party, ("The party",)),))
    links = {police: POLICE, party: PARTY, karachi_party: PARTY}
    return (lahore, karachi), (lahore_records, karachi_records), links


def _link(store, links):
    with store.engine.begin() as connection:
        entity_tables.replace_entities(connection, [Entity(POLICE, "Punjab Police", "organisation"),
                                                    Entity(PARTY, "Peoples Party", "organisation")], links)


def _kept(store) -> list[tuple]:
    c = t.entity_events.c
    with store.engine.connect() as connection:
        return sorted(connection.execute(select(c.entity_id, c.event_id, c.date_start, c.article_id,
                                                c.trigger_start)).all())


def _last_days(store) -> dict[str, date | None]:
    """Each kept pair's event and the last day the pair keeps for it (step 14's ``day_end``)."""
    c = t.entity_events.c
    with store.engine.connect() as connection:
        return {event_id: day for event_id, day in connection.execute(select(c.event_id, c.day_end))}


def _from_the_rows(store) -> list[tuple]:
    """The pairs as the actor and source rows give them through the links (what is kept)."""
    link, e = t.entity_links.c, t.events.c
    pairs = union(*(select(link.entity_id, table.c.event_id).join(t.entity_links, link.entity_key == table.c.entity_key)
                    for table in (t.event_actors, t.attributions))).subquery()
    with store.engine.connect() as connection:
        return sorted(connection.execute(select(pairs.c.entity_id, pairs.c.event_id, e.date_start, e.article_id,
                                                e.trigger_start).join(t.events, e.id == pairs.c.event_id)).all())


def _ids(store, **filters) -> list[str]:
    return listed_ids(store, **filters)


@pytest.fixture
def linked(store):
    articles, records, links = _articles()
    store.add_articles(articles)
    store.save_extraction(list(records))
    _link(store, links)
    return store, records, links


def test_an_entitys_events_are_listed_from_the_kept_pairs(linked):
    store, _, _ = linked
    # facts of the texts: the party condemned (3 May, through its spokesman) and held the rally
    # (no day: last both ways); the police detained (2 May); the organisers are no entity's
    assert _kept(store) == _from_the_rows(store)
    assert {(r[0], r[1]) for r in _kept(store)} == {(POLICE, "ev-ee-detained"), (PARTY, "ev-ee-condemned"),
                                                   (PARTY, "ev-ee-rally")}
    assert _ids(store, actor=PARTY) == ["ev-ee-condemned", "ev-ee-rally"]
    assert _ids(store, actor=PARTY, sort="-date") == ["ev-ee-condemned", "ev-ee-rally"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 3)) == ["ev-ee-condemned"]
    assert _ids(store, actor=PARTY, until=date(2022, 5, 2)) == []
    assert _ids(store, actor=PARTY, limit=1, offset=1) == ["ev-ee-rally"]
    assert _ids(store, actor=PARTY, type="PROTEST") == ["ev-ee-rally"]
    assert _ids(store, actor=POLICE, sort="-confidence") == ["ev-ee-detained"]
    assert store.count_events(actor=PARTY) == 2 and store.count_events(actor=PARTY, cap=1) == 2  # "more than 1"
    assert store.event_counts(by="type", actor=PARTY) == [{"type": "ACCUSE", "events": 1},
                                                         {"type": "PROTEST", "events": 1}]
    # words that are no entity's whole id still match the actors' and sources' words
    assert _ids(store, actor="spokesman") == ["ev-ee-condemned"]


def test_the_pairs_follow_a_second_reading_new_links_and_a_bulk_load(linked, tmp_path):
    store, (lahore, karachi), links = linked
    # read again: the statement is gone; the detention is unchanged
    store.save_extraction([dataclasses.replace(lahore, events=lahore.events[:1])])
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, actor=PARTY) == ["ev-ee-rally"]
    # the reduce step links the organisers to the party now
    _link(store, {**links, f"{lahore.article_id[:16]}:1": PARTY})
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, actor=PARTY) == ["ev-ee-detained", "ev-ee-rally"]
    # the first reading loaded in bulk, twice (a re-run): the article's entities are new rows,
    # unlinked until the reduce step runs again; then its pairs are there, once
    path = stage_partition(tmp_path, 1, partition_rows([lahore]))
    load_partition(store.engine, path)
    load_partition(store.engine, path)
    assert _kept(store) == _from_the_rows(store) and _ids(store, actor=PARTY) == ["ev-ee-rally"]
    _link(store, {**links, f"{lahore.article_id[:16]}:1": PARTY})
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, actor=PARTY) == ["ev-ee-detained", "ev-ee-condemned", "ev-ee-rally"]
    # the article fails on a later reading: its events leave the list
    store.save_extraction([], failures=[(lahore.article_id, "a reader's error")])
    assert _kept(store) == _from_the_rows(store) and _ids(store, actor=PARTY) == ["ev-ee-rally"]


def test_the_upgrade_step_builds_the_pairs_from_the_rows(linked):
    store, _, _ = linked
    before = _kept(store)
    step = next(m for m in MIGRATIONS if m.name == "api_004_list_order")
    with store.engine.begin() as connection:
        connection.execute(t.entity_events.delete())
        step.apply(connection)  # (its indexes exist already: created only when missing)
    assert _kept(store) == before and len(before) == 3


def test_sqlite_reads_a_page_off_the_list_order_indexes(linked):
    store, _, _ = linked
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan text checked is SQLite's")
    from dateline.store.filters import event_select, query_hints

    def plan(query):
        with store.engine.connect() as connection:
            sql = str(event_select(query, query_hints(connection, query)).compile(
                dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
            return " ".join(r[-1] for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))

    newest = plan(EventFilter(sort="-date", limit=50))
    assert "events_by_date_order_desc" in newest and "TEMP B-TREE" not in newest
    by_entity = plan(EventFilter(actor=PARTY, sort="-date", limit=50))
    assert "entity_events_by_entity_order_desc" in by_entity and "TEMP B-TREE" not in by_entity


SIT_IN = "The party's sit-in outside the assembly lasted from 30 April to 4 May."


def test_a_since_is_checked_on_the_pairs_last_day(linked):
    store, _, links = linked
    # a third report: the party's sit-in ran from 30 April to 4 May (it started before the
    # detention and was still going on after the statement)
    article = Article(id=content_id(SIT_IN), text=SIT_IN, outlet="Dawn", published=date(2022, 5, 5))
    party_key = f"{article.id[:16]}:0"
    sit_in = Event(id="ev-ee-sit-in", article_id=article.id, type="PROTEST", trigger=_span(SIT_IN, "sit-in"),
                   sentence=_span(SIT_IN, SIT_IN), source_actor=Actor("The party", _span(SIT_IN, "party"), party_key),
                   date_value="2022-04-30/2022-05-04", date_start=date(2022, 4, 30), date_end=date(2022, 5, 4))
    store.add_articles([article])
    store.save_extraction([ArticleRecords(article.id, events=(sit_in,), entities=(
        ArticleEntity(key=party_key, article_id=article.id, kind="organisation", names=("The party",)),))])
    _link(store, {**links, party_key: PARTY})
    # the pair keeps the last day of each event: the sit-in's 4 May, the one-day events' own day,
    # none for the undated rally
    assert _last_days(store) == {"ev-ee-detained": date(2022, 5, 2), "ev-ee-condemned": date(2022, 5, 3),
                                 "ev-ee-rally": None, "ev-ee-sit-in": date(2022, 5, 4)}
    # the sit-in overlaps every day from 30 April to 4 May, and is listed first (it started first)
    assert _ids(store, actor=PARTY, since=date(2022, 5, 3)) == ["ev-ee-sit-in", "ev-ee-condemned"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 4)) == ["ev-ee-sit-in"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 5)) == []
    assert _ids(store, actor=PARTY, until=date(2022, 4, 30)) == ["ev-ee-sit-in"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 1), until=date(2022, 5, 2)) == ["ev-ee-sit-in"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 3), sort="-date") == ["ev-ee-condemned", "ev-ee-sit-in"]
    assert _ids(store, actor=PARTY, since=date(2022, 5, 3), type="ACCUSE") == ["ev-ee-condemned"]
    assert store.count_events(actor=PARTY, since=date(2022, 5, 3)) == 2
    assert store.event_counts(by="type", actor=PARTY, since=date(2022, 5, 4)) == [{"type": "PROTEST", "events": 1}]
    # such a page is one range of the pairs' index (the API may read it on its event loop); an
    # actor's words, or the entity with a type, check event after event
    assert store.page_reads_one_range(EventFilter(actor=PARTY, since=date(2022, 5, 3), limit=50))
    assert not store.page_reads_one_range(EventFilter(actor="spokesman", since=date(2022, 5, 3), limit=50))
    assert not store.page_reads_one_range(EventFilter(actor=PARTY, type="PROTEST", limit=50))


def test_sqlite_reads_a_page_with_a_since_from_index_rows_alone(linked):
    store, _, _ = linked
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan text checked is SQLite's")
    from dateline.store.filters import event_select, query_hints

    def plan(query):
        with store.engine.connect() as connection:
            sql = str(event_select(query, query_hints(connection, query), ids_only=True).compile(
                dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
            return " ".join(r[-1] for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))

    # an entity's page with a since: its pairs' index rows hold the start, the last day and the order
    for sort in ("date", "-date"):
        by_entity = plan(EventFilter(actor=PARTY, since=date(2022, 5, 3), sort=sort, limit=50))
        assert "COVERING INDEX entity_events_by_entity_order" in by_entity, by_entity
        assert " events " not in f"{by_entity} " and "TEMP B-TREE" not in by_entity, by_entity
    # a type and days: the (type, list order, date_end) index holds the overlap's test
    typed = plan(EventFilter(type="COERCE", since=date(2022, 5, 1), until=date(2022, 5, 31), limit=50))
    assert "COVERING INDEX events_by_type_date_order" in typed and "TEMP B-TREE" not in typed, typed
    dated = plan(EventFilter(since=date(2022, 5, 1), limit=50))
    assert "COVERING INDEX events_by_date_order" in dated and "TEMP B-TREE" not in dated, dated
