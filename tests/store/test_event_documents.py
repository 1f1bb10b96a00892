"""Each event's API JSON kept at write time (``event_documents``, store/documents.py) equals the JSON
of the event read back from its rows, after every write that changes it, on SQLite and on
PostgreSQL: an article read, read again with fewer events, loaded in bulk (twice), failing on a
later reading, the reduce step's links (an entity corrected: a key linked to another entity, one
left unlinked); the upgrade step builds them from a store's rows; and the API's event page made of
the kept documents is, byte for byte, the page made of the records read back.

The hand-made store: a report from Varna (border guards fired on a boat carrying six migrants on
Friday, two of them drowned, a coast guard officer told local radio, according to a news agency)
and one from Burgas (the coast guard rescued four people on Saturday). The guards and the coast
guard are canonical entities; the migrants are linked to none, until a correction links them."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from dateline.api import create_app
from dateline.api.reading import json_body
from dateline.api.responses import EntityDetail, Page
from dateline.ingest import content_id
from dateline.model import (
    Actor,
    Article,
    ArticleEntity,
    ArticleRecords,
    Attribution,
    Entity,
    Event,
    Place,
    Quantity,
    Span,
)
from dateline.store import EventFilter, documents, open_store
from dateline.store import entities as entity_tables
from dateline.store import tables as t
from dateline.store.bulk import load_partition, partition_rows, stage_partition
from dateline.store.migrations import MIGRATIONS

VARNA = ("Border guards fired on a boat carrying six migrants near Varna on Friday, and two of them drowned, "
         "a coast guard officer told local radio, according to a news agency.")
BURGAS = "The coast guard rescued four people off Burgas on Saturday."
GUARDS, COAST_GUARD, MIGRANTS = "military:border-guards", "military:coast-guard", "organisation:migrant-group"


def _span(text_: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text_.index(words, start + 1)
    return Span(start, start + len(words), words)


def _articles():
    varna = Article(id=content_id(VARNA), text=VARNA, outlet="BTA", published=date(2023, 6, 10))
    burgas = Article(id=content_id(BURGAS), text=BURGAS, outlet="BTA", published=date(2023, 6, 11))
    guards, migrants, officer = (f"{varna.id[:16]}:{n}" for n in range(3))
    coast_guard = f"{burgas.id[:16]}:0"

    def entity(article, key, names, kind="military"):
        return ArticleEntity(key=key, article_id=article.id, kind=kind, names=names)

    varna_place = Place(_span(VARNA, "Varna"), "Varna", lat=43.2167, lon=27.9167, country_code="BG",
                        admin1="Varna", feature_class="P", feature_code="PPLA", geonames_id=726050,
                        population=312770, confidence=0.9, resolution="gazetteer", reason="largest of its name")
    burgas_place = Place(_span(BURGAS, "Burgas"), "Burgas", lat=42.5048, lon=27.4626, country_code="BG",
                         feature_class="P", feature_code="PPLA", confidence=0.8, resolution="gazetteer")
    fired = Event(id="ev-doc-fired", article_id=varna.id, type="ASSAULT", acled_type="Violence against civilians",
                  acled_subtype="Attack", trigger=_span(VARNA, "fired"),
                  sentence=_span(VARNA, VARNA), clause=_span(VARNA, "Border guards fired on a boat"),
                  source_actor=Actor("Border guards", _span(VARNA, "Border guards"), guards, "source"),
                  target_actor=Actor("six migrants", _span(VARNA, "six migrants"), migrants, "target"),
                  date_value="2023-06-09", date_start=date(2023, 6, 9), date_end=date(2023, 6, 9),
                  date_span=_span(VARNA, "Friday"), places=(varna_place,),
                  quantities=(Quantity(2.0, "migrants", _span(VARNA, "two"), category="fatalities"),
                              Quantity(6.0, "migrants", _span(VARNA, "six"), qualifier="about")),
                  attribution=Attribution("a coast guard officer", _span(VARNA, "a coast guard officer"), officer,
                                          channel="local radio", channel_span=_span(VARNA, "local radio"),
                                          via="a news agency", via_span=_span(VARNA, "a news agency"),
                                          verb=_span(VARNA, "told")),
                  modality="reported", hedged=True, confidence=0.72, cue="fire on",
                  notes=("one source only", "date from a weekday"), acled_source="lexicon+classifier",
                  acled_confidence=0.81)
    drowned = Event(id="ev-doc-drowned", article_id=varna.id, type="DISASTER", trigger=_span(VARNA, "drowned"),
                    sentence=_span(VARNA, VARNA), other_actors=(Actor("two of them", _span(VARNA, "two of them"),
                                                                      migrants),),
                    date_value="2023-06-09", date_start=date(2023, 6, 9), date_end=date(2023, 6, 9),
                    date_inherited=True, places=(varna_place,), place_inherited=True, confidence=0.5)
    rescued = Event(id="ev-doc-rescued", article_id=burgas.id, type="RESCUE", trigger=_span(BURGAS, "rescued"),
                    sentence=_span(BURGAS, BURGAS),
                    source_actor=Actor("The coast guard", _span(BURGAS, "The coast guard"), coast_guard),
                    date_value="2023-06-10", date_start=date(2023, 6, 10), date_end=date(2023, 6, 10),
                    places=(burgas_place,), quantities=(Quantity(4.0, "people", _span(BURGAS, "four")),))
    varna_records = ArticleRecords(varna.id, places=(varna_place,), events=(fired, drowned), entities=(
        entity(varna, guards, ("Border guards",)), entity(varna, migrants, ("six migrants",), "organisation"),
        entity(varna, officer, ("a coast guard officer",))))
    burgas_records = ArticleRecords(burgas.id, places=(burgas_place,), events=(rescued,),
                                    entities=(entity(burgas, coast_guard, ("The coast guard",)),))
    links = {guards: GUARDS, officer: COAST_GUARD, coast_guard: COAST_GUARD}
    return (varna, burgas), (varna_records, burgas_records), links


ENTITIES = [Entity(GUARDS, "Border Guards", "military"), Entity(COAST_GUARD, "Coast Guard", "military"),
            Entity(MIGRANTS, "Migrant group", "organisation")]


def _link(store, links):
    with store.engine.begin() as connection:
        entity_tables.replace_entities(connection, ENTITIES, links)


def _kept(store) -> dict[str, str]:
    c = t.event_documents.c
    with store.engine.connect() as connection:
        return dict(connection.execute(select(c.event_id, c.document)).all())


def _read_back(store) -> dict[str, str]:
    """Each event read back from its rows (the list's read path), serialised as a page holds it."""
    return {event.id: documents.event_document(event) for event in store.events()}


def _field(store, event_id: str, *path):
    value = json.loads(_kept(store)[event_id])
    for key in path:
        value = value[key]
    return value


@pytest.fixture
def linked(store):
    articles, records, links = _articles()
    store.add_articles(articles)
    store.save_extraction(list(records))
    # before any link, only the events that name no article entity have their documents: the
    # others wait for the reduce step's links (made once, with their canonical ids)
    kept, read_back = _kept(store), _read_back(store)
    assert kept == {k: v for k, v in read_back.items() if k in kept}
    assert "ev-doc-fired" not in kept and "ev-doc-rescued" not in kept
    _link(store, links)
    return store, records, links


def test_the_kept_documents_are_the_read_back_json_after_each_write(linked, tmp_path):
    store, (varna, burgas), links = linked
    assert _kept(store) == _read_back(store) and len(_kept(store)) == 3
    # facts of the texts: the guards fired, their source is the coast guard officer; the
    # migrants are nobody's entity; two of them drowned
    assert _field(store, "ev-doc-fired", "source_actor", "entity_id") == GUARDS
    assert _field(store, "ev-doc-fired", "attribution", "entity_id") == COAST_GUARD
    assert _field(store, "ev-doc-fired", "attribution", "via") == "a news agency"
    assert _field(store, "ev-doc-fired", "target_actor", "entity_id") is None
    assert _field(store, "ev-doc-fired", "quantities", 0, "value") == 2.0
    assert _field(store, "ev-doc-fired", "places", 0, "name") == "Varna"
    assert _field(store, "ev-doc-fired", "notes") == ["one source only", "date from a weekday"]

    # a correction: the migrants become an entity, the officer is linked to none
    migrants, officer = f"{varna.article_id[:16]}:1", f"{varna.article_id[:16]}:2"
    corrected = {**{k: v for k, v in links.items() if k != officer}, migrants: MIGRANTS}
    _link(store, corrected)
    assert _kept(store) == _read_back(store)
    assert _field(store, "ev-doc-fired", "target_actor", "entity_id") == MIGRANTS
    assert _field(store, "ev-doc-drowned", "other_actors", 0, "entity_id") == MIGRANTS
    assert _field(store, "ev-doc-fired", "attribution", "entity_id") is None
    assert _field(store, "ev-doc-rescued", "source_actor", "entity_id") == COAST_GUARD

    # read again, the drowning gone
    store.save_extraction([dataclasses.replace(varna, events=varna.events[:1])])
    # (its entities are written anew and wait for the reduce step's links: so does its document)
    assert set(_read_back(store)) == {"ev-doc-fired", "ev-doc-rescued"}
    assert _kept(store) == {"ev-doc-rescued": _read_back(store)["ev-doc-rescued"]}
    _link(store, corrected)
    assert _kept(store) == _read_back(store) and set(_kept(store)) == {"ev-doc-fired", "ev-doc-rescued"}
    # the first reading loaded in bulk, twice: its documents once; its entities are new rows,
    # unlinked until the reduce step runs again, which links them as the correction says
    path = stage_partition(tmp_path, 1, partition_rows([varna]))
    load_partition(store.engine, path)
    load_partition(store.engine, path)
    assert set(_kept(store)) == {"ev-doc-rescued"} and len(_read_back(store)) == 3
    _link(store, corrected)
    assert _kept(store) == _read_back(store)
    assert _field(store, "ev-doc-drowned", "other_actors", 0, "entity_id") == MIGRANTS
    assert _field(store, "ev-doc-fired", "source_actor", "entity_id") == GUARDS
    # the article fails on a later reading: its events and their documents go
    store.save_extraction([], failures=[(varna.article_id, "a reader's error")])
    assert _kept(store) == _read_back(store) and set(_kept(store)) == {"ev-doc-rescued"}


def test_the_upgrade_step_builds_the_documents_from_the_rows(linked):
    store, _, _ = linked
    before = _kept(store)
    step = next(m for m in MIGRATIONS if m.name == "api_006_event_documents")
    with store.engine.begin() as connection:
        connection.execute(t.event_documents.delete())
        step.apply(connection)  # (its table exists already: created only when missing)
    assert _kept(store) == before == _read_back(store) and len(before) == 3


def test_the_api_page_of_kept_documents_is_the_read_back_page_byte_for_byte(linked, store_url):
    store, _, _ = linked
    client = TestClient(create_app(store_url, web=False))
    for params in ({"limit": 50}, {"limit": 2}, {"limit": 1, "offset": 1}, {"country": "BG", "sort": "-date", "limit": 3},
                   {"actor": GUARDS, "limit": 50}, {"actor": "guard", "limit": 50}, {"actor": "100%_", "limit": 5},
                   {"type": "RESCUE", "limit": 50}, {"limit": 5, "offset": 10}):
        query = EventFilter(**params)
        page = store.event_page(query)
        expected = json_body(Page[Event](total=page.total, total_exact=page.total_exact, limit=query.limit,
                                         offset=query.offset, items=page.events)).body
        answer = client.get("/api/events", params=params)
        assert answer.status_code == 200 and answer.content == expected, params
    assert [e["id"] for e in client.get("/api/events").json()["items"]] == ["ev-doc-fired", "ev-doc-drowned",
                                                                             "ev-doc-rescued"]


def test_the_entity_page_of_kept_documents_is_the_read_back_page_byte_for_byte(linked, store_url):
    store, _, _ = linked
    client = TestClient(create_app(store_url, web=False))
    for entity_id, params in ((COAST_GUARD, {}), (COAST_GUARD, {"limit": 1, "offset": 1}), (GUARDS, {"limit": 5})):
        query = EventFilter(actor=entity_id, limit=params.get("limit", 20), offset=params.get("offset", 0))
        page = store.event_page(query)
        expected = json_body(EntityDetail(entity=store.entity(entity_id), events=Page[Event](
            total=page.total, total_exact=page.total_exact, limit=query.limit, offset=query.offset,
            items=page.events))).body
        answer = client.get(f"/api/entities/{entity_id}", params=params)
        assert answer.status_code == 200 and answer.content == expected, (entity_id, params)
    # the coast guard is the source of the fired report (its officer) and rescued the four
    items = client.get(f"/api/entities/{COAST_GUARD}").json()["events"]["items"]
    assert [e["id"] for e in items] == ["ev-doc-fired", "ev-doc-rescued"]


def test_an_event_without_a_kept_document_is_read_back(linked, store_url):
    """A page serves an event whose document is missing or of another release's version from its rows."""
    store, _, _ = linked
    client = TestClient(create_app(store_url, web=False))
    whole = client.get("/api/events").content
    with store.engine.begin() as connection:
        connection.execute(t.event_documents.delete().where(t.event_documents.c.event_id == "ev-doc-fired"))
        connection.execute(t.event_documents.update().where(t.event_documents.c.event_id == "ev-doc-rescued")
                           .values(version="an-older-one", document="{}"))
    assert client.get("/api/events").content == whole


def test_a_reopened_store_keeps_its_documents(store_url):
    """What one process wrote another reads: the documents outlive the connection."""
    articles, records, links = _articles()
    with open_store(store_url) as store:
        store.add_articles(articles)
        store.save_extraction(list(records))
        _link(store, links)
        written = _kept(store)
    with open_store(store_url, write=False) as store:
        assert _kept(store) == written == _read_back(store)


def test_a_real_extraction_keeps_every_events_document(hand_made_store_url):
    """The hand-made reports read by the real pipeline (map step, then the reduce step's links):
    each event has its document, and it is the event read back."""
    with open_store(hand_made_store_url, write=False) as store:
        kept, read_back = _kept(store), _read_back(store)
        assert kept == read_back and len(kept) >= 3
        # some actor or source of the reports is tied to a canonical entity, and its document says so
        assert any('"entity_id":"' in document for document in kept.values())


def test_the_reduce_step_makes_every_missing_document(linked):
    """An event left without its document (its entity stayed unlinked, or a run stopped between the
    write and the reduce step) gets it from the next reduce step, even when no link changes."""
    store, _, links = linked
    whole = _kept(store)
    with store.engine.begin() as connection:
        connection.execute(t.event_documents.delete().where(t.event_documents.c.event_id == "ev-doc-drowned"))
    _link(store, links)  # the same links: nothing changed
    assert _kept(store) == whole == _read_back(store)
