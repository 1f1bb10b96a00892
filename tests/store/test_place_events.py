"""The (country, event) and (event, point) pairs kept at write time (``country_events``,
``point_events``, store/place_events.py) equal the pairs the events' places give, after articles
are read, read again, loaded in bulk and failed, on SQLite and on PostgreSQL; a country's page and
a box's page are read from them, in list order both ways, with the days bounding them; and the
upgrade step builds them from a store's rows.

The hand-made store: a report from Aleppo (rockets fired from Aleppo hit Gaziantep on 2 June,
so Syria and Turkey; mediators met in Aleppo, named twice, on 3 June; an undated call for aid
with no place) and one from Izmir (a march in Turkey that went on from 1 to 3 June)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import func, select, text

from dateline.ingest import content_id
from dateline.model import Article, ArticleRecords, Event, Place, Span
from dateline.store import EventFilter
from dateline.store import tables as t
from dateline.store.bulk import load_partition, partition_rows, stage_partition
from dateline.store.filters import event_select, query_hints
from dateline.store.migrations import MIGRATIONS
from tests.helpers import listed_ids

ROCKETS = ("Rockets fired from Aleppo hit Gaziantep on Friday. Mediators met in Aleppo, the old "
           "quarter of Aleppo, on Saturday. The governor asked for aid.")
MARCH = "Police in Izmir broke up a march that had gone on for three days."
ALEPPO, GAZIANTEP, IZMIR = (36.2, 37.16, "SY"), (37.07, 37.38, "TR"), (38.42, 27.14, "TR")
AROUND_ALEPPO = (36.5, 35.5, 38.0, 37.5)  # west, south, east, north: Aleppo and Gaziantep, not Izmir
AROUND_IZMIR = (26.0, 38.0, 28.0, 39.0)


def _span(text_: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text_.index(words, start + 1)
    return Span(start, start + len(words), words)


def _place(text_, words, where, nth=0):
    lat, lon, country = where
    return Place(_span(text_, words, nth), words, lat, lon, country, resolution="gazetteer")


def _event(article, n, kind, trigger, start=None, end=None, places=()):
    return Event(id=f"ev-pe-{article.id[:6]}-{n}", article_id=article.id, type=kind,
                 trigger=_span(article.text, trigger), sentence=Span(0, len(article.text), article.text),
                 date_value=start.isoformat() if start else None, date_start=start, date_end=end or start,
                 places=tuple(places))


def _articles():
    rockets = Article(id=content_id(ROCKETS), text=ROCKETS, outlet="Hurriyet", published=date(2023, 6, 3))
    march = Article(id=content_id(MARCH), text=MARCH, outlet="Sabah", published=date(2023, 6, 3))
    aleppo, gaziantep = _place(ROCKETS, "Aleppo", ALEPPO), _place(ROCKETS, "Gaziantep", GAZIANTEP)
    aleppo2, aleppo3 = _place(ROCKETS, "Aleppo", ALEPPO, 1), _place(ROCKETS, "Aleppo", ALEPPO, 2)
    izmir = _place(MARCH, "Izmir", IZMIR)
    rockets_records = ArticleRecords(rockets.id, places=(aleppo, gaziantep, aleppo2, aleppo3), events=(
        _event(rockets, 0, "ASSAULT", "fired", date(2023, 6, 2), places=(aleppo, gaziantep)),
        _event(rockets, 1, "CONSULT", "met", date(2023, 6, 3), places=(aleppo2, aleppo3)),
        _event(rockets, 2, "REQUEST", "asked")))
    march_records = ArticleRecords(march.id, places=(izmir,), events=(
        _event(march, 0, "PROTEST", "march", date(2023, 6, 1), date(2023, 6, 3), places=(izmir,)),))
    return (rockets, march), (rockets_records, march_records)


def _kept(store):
    ce, pe = t.country_events.c, t.point_events.c
    with store.engine.connect() as connection:
        return (sorted(connection.execute(select(ce.country_code, ce.event_id, ce.date_start, ce.article_id,
                                                 ce.trigger_start)).all()),
                sorted(connection.execute(select(pe.event_id, pe.lat, pe.lon, pe.date_start, pe.day_end, pe.article_id,
                                                 pe.trigger_start)).all()))


def _from_the_rows(store):
    """The pairs as the events' places give them (what is kept), each once."""
    e, p = t.events.c, t.places.c
    placed = t.events.join(t.event_places, t.event_places.c.event_id == e.id).join(
        t.places, p.id == t.event_places.c.place_id)
    with store.engine.connect() as connection:
        countries = {tuple(r) for r in connection.execute(select(
            p.country_code, e.id, e.date_start, e.article_id, e.trigger_start).select_from(placed))}
        points = {tuple(r) for r in connection.execute(select(
            e.id, p.lat, p.lon, e.date_start, func.coalesce(e.date_end, e.date_start), e.article_id,
            e.trigger_start).select_from(placed))}
    return sorted(countries), sorted(points)


def _ids(store, **filters) -> list[str]:
    return listed_ids(store, **filters)


@pytest.fixture
def placed(store):
    articles, records = _articles()
    store.add_articles(list(articles))
    store.save_extraction(list(records))
    return store, records


def test_a_countrys_and_a_boxs_events_are_listed_from_the_kept_pairs(placed):
    store, (rockets, march) = placed
    fired, met, asked = (e.id for e in rockets.events)
    marched = march.events[0].id
    kept = _kept(store)
    assert kept == _from_the_rows(store)
    # facts of the texts: Aleppo named twice for the meeting is one pair; the call has no place
    assert {(r[0], r[1]) for r in kept[0]} == {("SY", fired), ("TR", fired), ("SY", met), ("TR", marched)}
    assert {(r[0], r[1], r[2]) for r in kept[1]} == {(fired, *ALEPPO[:2]), (fired, *GAZIANTEP[:2]),
                                                     (met, *ALEPPO[:2]), (marched, *IZMIR[:2])}
    assert _ids(store, country="tr") == [marched, fired]
    assert _ids(store, country="TR", sort="-date") == [fired, marched]
    assert _ids(store, country="SY", sort="-date", limit=1) == [met]
    assert _ids(store, country="SY", limit=1, offset=1) == [met]
    # the march began on 1 June and went on to the 3rd: it overlaps a since of the 3rd
    assert _ids(store, country="TR", since=date(2023, 6, 3)) == [marched]
    assert _ids(store, country="TR", until=date(2023, 6, 1)) == [marched]
    assert _ids(store, country="SY", type="CONSULT") == [met]
    assert _ids(store, bbox=AROUND_ALEPPO) == [fired, met]
    assert _ids(store, bbox=AROUND_ALEPPO, since=date(2023, 6, 3)) == [met]
    assert _ids(store, bbox=AROUND_IZMIR, since=date(2023, 6, 3), sort="-date") == [marched]
    assert _ids(store, bbox=AROUND_IZMIR, until=date(2023, 5, 31)) == []
    assert store.count_events(country="TR", bbox=AROUND_ALEPPO) == 1


@pytest.mark.parametrize("from_places", [frozenset(), frozenset({"country", "bbox"})])
def test_both_shapes_of_a_country_or_box_find_the_same_events(placed, from_places):
    store, (rockets, march) = placed
    fired, met, _ = (e.id for e in rockets.events)
    marched = march.events[0].id
    expected = {  # filters whose page no kept pair drives (an entity would): each shape checks them
        EventFilter(bbox=AROUND_ALEPPO): [fired, met],
        EventFilter(bbox=AROUND_IZMIR, since=date(2023, 6, 2)): [marched],
        EventFilter(bbox=AROUND_ALEPPO, until=date(2023, 6, 2), sort="-date"): [fired],
    }
    with store.engine.connect() as connection:
        for query, ids in expected.items():
            hints = dataclasses.replace(query_hints(connection, query), from_places=from_places)
            assert [r.id for r in connection.execute(event_select(query, hints))] == ids, query
            assert [r.id for r in connection.execute(event_select(query, hints, ids_only=True))] == ids, query


def test_the_pairs_follow_a_second_reading_a_bulk_load_and_a_failure(placed, tmp_path):
    store, (rockets, march) = placed
    fired, met, _ = (e.id for e in rockets.events)
    marched = march.events[0].id
    # read again without the meeting: its pairs go; then with the rockets placed in Aleppo only
    store.save_extraction([dataclasses.replace(rockets, events=rockets.events[:1])])
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, country="SY") == [fired] and _ids(store, bbox=AROUND_ALEPPO) == [fired]
    only_aleppo = dataclasses.replace(rockets.events[0], places=rockets.events[0].places[:1])
    store.save_extraction([dataclasses.replace(rockets, events=(only_aleppo,))])
    assert _kept(store) == _from_the_rows(store) and _ids(store, country="TR") == [marched]
    # the first reading loaded in bulk, twice (a re-run): its pairs are there, once
    path = stage_partition(tmp_path, 1, partition_rows([rockets]))
    load_partition(store.engine, path)
    load_partition(store.engine, path)
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, country="TR") == [marched, fired] and _ids(store, bbox=AROUND_ALEPPO) == [fired, met]
    # the article fails on a later reading: its events leave both lists
    store.save_extraction([], failures=[(rockets.article_id, "a reader's error")])
    assert _kept(store) == _from_the_rows(store)
    assert _ids(store, country="TR") == [marched] and _ids(store, bbox=AROUND_ALEPPO) == []


def test_the_upgrade_step_builds_the_pairs_from_the_rows(placed):
    store, _ = placed
    before = _kept(store)
    step = next(m for m in MIGRATIONS if m.name == "api_005_place_event_orders")
    with store.engine.begin() as connection:
        connection.execute(t.country_events.delete())
        connection.execute(t.point_events.delete())
        step.apply(connection)  # (its tables and indexes exist already: created only when missing)
    assert _kept(store) == before and len(before[0]) == 4 and len(before[1]) == 4


def test_sqlite_reads_a_countrys_page_off_its_list_order_index(placed):
    store, _ = placed
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the plan text checked is SQLite's")

    def plan(query, from_places=None):
        with store.engine.connect() as connection:
            hints = query_hints(connection, query)
            if from_places is not None:
                hints = dataclasses.replace(hints, from_places=from_places)
            sql = str(event_select(query, hints).compile(
                dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
            return " ".join(r[-1] for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))

    newest = plan(EventFilter(country="TR", sort="-date", limit=50))
    assert "country_events_by_country_order_desc" in newest and "TEMP B-TREE" not in newest
    oldest = plan(EventFilter(country="TR", since=date(2023, 6, 1), limit=50))
    assert "country_events_by_country_order" in oldest and "TEMP B-TREE" not in oldest
    assert "point_events_by_point_date" in plan(EventFilter(bbox=AROUND_IZMIR, since=date(2023, 6, 1)))
    # a box of many pairs in its days (as the hints would say): its pairs read in list order
    many = plan(EventFilter(bbox=AROUND_IZMIR, since=date(2023, 6, 1), limit=50), from_places=frozenset())
    assert "point_events_by_date_order" in many and "TEMP B-TREE FOR ORDER BY" not in many.split("SCAN box_page")[0]
