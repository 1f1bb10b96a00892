"""A store written by release 0.1.0 (tests/fixtures/store/release-0.1.0.db: the seeds and twelve
Wikinews articles, ingested and extracted by that release) upgrades to the relational schema
with every article, event, claim, mention, place, timex and entity intact, on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3

from sqlalchemy import MetaData, create_engine, insert, select

from dateline.serialise import to_json
from dateline.store import open_store
from dateline.store import tables as t
from dateline.store.database import make_engine, resolve_url
from dateline.store.migrations import MIGRATIONS, applied_migrations

OLD_STEPS = 4  # the steps release 0.1.0 had applied


def _old_contents(path) -> dict:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    read = lambda sql: [dict(r) for r in connection.execute(sql)]  # noqa: E731
    contents = {
        "articles": {r["id"] for r in read("SELECT id FROM articles")},
        "events": {r["id"]: json.loads(r["record"]) for r in read("SELECT id, record FROM events")},
        "claims": [json.loads(r["record"]) for r in read("SELECT record FROM claims ORDER BY id")],
        "entities": {r["id"]: (r["name"], r["kind"], tuple(json.loads(r["aliases"] or "[]")), r["country_code"])
                     for r in read("SELECT * FROM entities")},
        "roles": {(r["entity_id"], r["title"], r["as_of"], r["article_id"]) for r in read("SELECT * FROM entity_roles")},
        "counts": {table: read(f"SELECT count(*) AS n FROM {table}")[0]["n"] for table in ("mentions", "places", "timexes")},
        "mention_entities": sorted((r["article_id"], r["start"], r["entity_id"] or "")
                                   for r in read("SELECT * FROM mentions")),
    }
    connection.close()
    return contents


def _copy_old_store_to(url: str, old_path) -> None:
    """The 0.1.0 store's rows in a store at ``url`` that has applied 0.1.0's steps only."""
    engine = make_engine(resolve_url(url))
    with engine.begin() as connection:
        from dateline.store.migrations import _metadata

        _metadata.create_all(connection)
        for migration in MIGRATIONS[:OLD_STEPS]:
            migration.apply(connection)
    old = create_engine(f"sqlite:///{old_path}")
    source, target = MetaData(), MetaData()
    source.reflect(old)
    target.reflect(engine)
    with old.connect() as reading, engine.begin() as writing:
        for table in source.sorted_tables:
            if table.name.startswith("articles_fts") or table.name not in target.tables:
                continue
            rows = [dict(r._mapping) for r in reading.execute(select(table))]
            if rows:
                writing.execute(insert(target.tables[table.name]), rows)
    engine.dispose()
    old.dispose()


def test_a_store_of_release_0_1_0_upgrades_with_everything_intact(fixtures_dir, tmp_path, store_url):
    fixture = fixtures_dir / "store" / "release-0.1.0.db"
    old_path = tmp_path / "old.db"
    shutil.copy(fixture, old_path)
    before = _old_contents(old_path)
    assert len(before["events"]) == 91 and len(before["articles"]) == 14  # what the fixture was made of
    if store_url.endswith("store.db"):  # SQLite: the very file 0.1.0 wrote
        url = str(old_path)
    else:
        url = store_url
        _copy_old_store_to(url, old_path)

    store = open_store(url)
    assert applied_migrations(store.engine)[-1] == MIGRATIONS[-1].name
    assert {a.id for a in store.articles(limit=100)} == before["articles"]

    events = {e.id: to_json(e) for e in store.events()}
    assert set(events) == set(before["events"])
    # step 11 built the kept (country, event) and (event, point) pairs from the events' places
    placed = [(e, p) for e in store.events() for p in e.places]
    with store.engine.connect() as connection:
        countries = set(connection.execute(select(t.country_events.c.country_code, t.country_events.c.event_id)))
        points = set(connection.execute(select(t.point_events.c.event_id, t.point_events.c.lat, t.point_events.c.lon)))
    assert countries == {(p.country_code, e.id) for e, p in placed if p.country_code} and countries
    assert points == {(e.id, p.lat, p.lon) for e, p in placed if p.lat is not None and p.lon is not None} and points
    # step 14 gave each kept (entity, event) pair its event's last day (a since is checked on it)
    last_days = {e.id: e.date_end or e.date_start for e in store.events()}
    with store.engine.connect() as connection:
        kept = list(connection.execute(select(t.entity_events.c.event_id, t.entity_events.c.day_end)))
    assert kept and all(day == last_days[event_id] for event_id, day in kept)
    assert any(day is not None for _, day in kept)
    for event_id, old in before["events"].items():
        old["date_value"] = old.pop("date")  # the field's new name
        assert events[event_id] == old, event_id

    claims = [to_json(c) for c in store.claims()]
    assert len(claims) == len(before["claims"])
    for new, old in zip(sorted(claims, key=lambda c: (c["article_id"], c["span"]["start"])),
                        sorted(before["claims"], key=lambda c: (c["article_id"], c["span"]["start"]))):
        assert {k: v for k, v in new.items() if k != "id"} == old

    entities = {s.entity.id: s.entity for s in store.entities(limit=None)}
    assert {i: (e.name, e.kind, e.aliases, e.country_code) for i, e in entities.items()} == before["entities"]
    roles = {(i, r.title, r.as_of.isoformat() if r.as_of else None, r.article_id)
             for i, e in entities.items() for r in e.roles}
    assert roles == before["roles"]

    counts = {}
    mention_entities = []
    for article_id in before["articles"]:
        records = store.article_records(article_id)
        counts["mentions"] = counts.get("mentions", 0) + len(records.mentions)
        counts["places"] = counts.get("places", 0) + len(records.places)
        counts["timexes"] = counts.get("timexes", 0) + len(records.timexes)
        links = {e.key: store_link for e, store_link in zip(records.entities, _links(store, records.entities))}
        mention_entities += [(article_id, m.span.start, links.get(m.entity_id, "")) for m in records.mentions]
    assert counts == before["counts"]
    assert sorted(mention_entities) == before["mention_entities"]
    store.close()


def _links(store, article_entities) -> list[str]:
    from dateline.store.records import canonical_ids

    with store.engine.connect() as connection:
        found = canonical_ids(connection, [e.key for e in article_entities])
    return [found[e.key] for e in article_entities]


def test_reading_an_old_store_without_writing_asks_for_the_upgrade(fixtures_dir, tmp_path):
    import pytest

    from dateline.store import StoreError

    path = tmp_path / "old.db"
    shutil.copy(fixtures_dir / "store" / "release-0.1.0.db", path)
    with pytest.raises(StoreError, match="schema upgrade"):
        open_store(str(path), write=False)
    assert len(applied_migrations(make_engine(resolve_url(str(path))))) == OLD_STEPS  # nothing was written
