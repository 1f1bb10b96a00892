"""Event queries over a generated store of a million events: how long a page of events with
three filters takes to come back whole (actors, places, quantities, attribution), on SQLite.

The store is written straight into the tables (no extraction): 40,000 articles of 25 events
each, with a realistic spread: a skewed mix of 20 event types, dates over two years, 3,000
places in 60 countries, 8,000 actors, one or two actors and one place per event, a quantity on
one event in four. The generator is deterministic (a fixed seed), so every run measures the
same store. The goal: under 100 ms for a page of 50 events with three filters.
"""

from __future__ import annotations

import hashlib
import json
import inspect
import os
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from dateline.store import EventFilter, open_store
from dateline.store import tables as t
from dateline.store.articles import articles as article_table

EVENTS = 1_000_000
EVENTS_PER_ARTICLE = 25
SEED = 11
CHUNK = 50_000
REPEATS = 20
GOAL_MS = 100.0

TYPES = ["ASSAULT", "STATEMENT", "MOVE", "COERCE", "CONSULT", "PROTEST", "AID", "REQUEST", "ACCUSE", "THREATEN",
         "MOBILIZE", "SUPPORT", "COOPERATE", "REJECT", "CONCEDE", "RETREAT", "SANCTION", "HAZARD", "JUSTICE", "OTHER"]
MODALITIES = ["reported"] * 8 + ["claimed", "denied", "planned", "expected"]
FIRST_DAY = date(2023, 1, 1)
DAYS = 730


def _generate(store, events: int, seed: int) -> dict:
    rng = random.Random(seed)
    type_weights = [1 / (rank + 1) for rank in range(len(TYPES))]  # a few types dominate, as in news
    countries = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(60)]
    places = []
    for n in range(3000):
        country = countries[int(rng.paretovariate(1.2)) % len(countries)]
        lat, lon = rng.uniform(-50, 60), rng.uniform(-120, 140)
        places.append((f"Town {n}", country, lat, lon))
    articles_count = events // EVENTS_PER_ARTICLE
    with store.engine.begin() as connection:
        rows = []
        for a in range(articles_count):
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            rows.append({"id": f"{a:064x}", "text": f"generated article {a}", "published": day,
                         "published_source": "metadata", "published_confidence": 1.0})
            if len(rows) >= CHUNK:
                connection.execute(article_table.insert(), rows)
                rows = []
        if rows:
            connection.execute(article_table.insert(), rows)
    entity_ids = [f"organisation:generated-{n}" for n in range(8000)]
    with store.engine.begin() as connection:
        connection.execute(t.entities.insert(), [{"id": e, "name": f"Generated Group {n}", "kind": "organisation"}
                                                 for n, e in enumerate(entity_ids)])
    buffers: dict = {table: [] for table in (t.places, t.article_entities, t.entity_links, t.events, t.event_actors,
                                             t.event_places, t.event_quantities)}

    def flush(force: bool = False) -> None:
        if not force and len(buffers[t.events]) < CHUNK:
            return
        with store.engine.begin() as connection:
            for table, rows in buffers.items():
                if rows:
                    connection.execute(table.insert(), rows)
                    rows.clear()

    span = {"start": 0, "end": 9, "text": "generated"}
    for a in range(articles_count):
        article_id, short = f"{a:064x}", f"{a:016x}"
        keys = {}
        for k in range(EVENTS_PER_ARTICLE):
            event_id = f"ev-{a:08x}{k:08x}"
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            place_name, country, lat, lon = places[int(rng.paretovariate(1.1)) % len(places)]
            place_id = f"pl-{short}-{k}"
            buffers[t.places].append({"id": place_id, "article_id": article_id, **span, "name": place_name,
                                      "lat": lat, "lon": lon, "country_code": country, "feature_code": "PPL",
                                      "confidence": 0.9, "resolution": "gazetteer"})
            buffers[t.events].append({
                "id": event_id, "article_id": article_id,
                "type": rng.choices(TYPES, type_weights)[0],
                "trigger_start": 0, "trigger_end": 9, "trigger_text": "generated",
                "sentence_start": 0, "sentence_end": 9, "sentence_text": "generated",
                "date_value": day.isoformat(), "date_start": day, "date_end": day, "date_inherited": False,
                "long_stretch": False,
                "place_inherited": False, "modality": rng.choice(MODALITIES), "hedged": False,
                "confidence": round(rng.uniform(0.2, 1.0), 2)})
            buffers[t.event_places].append({"event_id": event_id, "position": 0, "place_id": place_id})
            for position in range(rng.choice((1, 1, 2))):
                entity = entity_ids[int(rng.paretovariate(1.05)) % len(entity_ids)]
                key = keys.get(entity)
                if key is None:
                    key = keys[entity] = f"{short}:{len(keys)}"
                    buffers[t.article_entities].append({"key": key, "article_id": article_id, "kind": "organisation",
                                                        "article_only": False})
                    buffers[t.entity_links].append({"entity_key": key, "entity_id": entity})
                buffers[t.event_actors].append({"event_id": event_id, "position": position,
                                                "slot": ("source", "target")[position], "name": "Generated Group",
                                                **span, "entity_key": key})
            if rng.random() < 0.25:
                buffers[t.event_quantities].append({"event_id": event_id, "position": 0, "value": rng.randrange(1, 200),
                                                    "unit": "people", "category": "fatalities", **span})
        flush()
    flush(force=True)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")  # the planner needs the spread of values to pick an index
    return {"articles": articles_count, "events": events, "places": articles_count * EVENTS_PER_ARTICLE,
            "entities": len(entity_ids)}


def _tally(store) -> None:
    """The counts, pairs and event documents kept at write time (store/tallies.py,
    entity_events.py, place_events.py, documents.py), built from the rows ``_generate`` wrote
    straight into the tables."""
    from dateline.store import documents
    from dateline.store.entity_events import relink_all
    from dateline.store.place_events import rebuild as rebuild_place_events
    from dateline.store.tallies import rebuild_tallies

    with store.engine.begin() as connection:
        rebuild_tallies(connection)
        relink_all(connection)
        rebuild_place_events(connection)
        documents.rebuild(connection)


CACHE_ENV = "DATELINE_BENCH_CACHE"  # a folder for generated stores (default: the temp folder)


def _generator_key(events: int, seed: int) -> str:
    """What a generated store depends on: the generator's code, its size and its seed (schema
    steps added later are applied when the cached store is opened)."""
    made_by = inspect.getsource(_generate).encode("utf-8")
    return hashlib.sha256(made_by + f"{events}:{seed}".encode()).hexdigest()[:12]


def cached_store_path(events: int = EVENTS, seed: int = SEED) -> Path:
    folder = Path(os.environ.get(CACHE_ENV) or Path(os.environ.get("TMPDIR", "/tmp")) / "dateline-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"events-{events}-{_generator_key(events, seed)}.db"


def generated_store(url: str | None = None, events: int = EVENTS, seed: int = SEED) -> tuple[str, dict]:
    """A store holding the generated events: at ``url`` (a PostgreSQL URL: generated there when
    its events table is empty, reused when it holds exactly this store), else a SQLite file in
    the cache folder, generated once and reused while the generator is unchanged. Returns the
    store's URL and what was generated (``generate_s`` None when it was reused)."""
    if url is None:
        path = cached_store_path(events, seed)
        partial = path.with_suffix(".partial")
        if not path.exists():
            for leftover in partial.parent.glob(partial.name + "*"):  # a killed run's file and its WAL
                leftover.unlink()
            with open_store(str(partial)) as store:
                started = time.perf_counter()
                made = _generate(store, events, seed)
                _tally(store)
                made["generate_s"] = round(time.perf_counter() - started, 1)
            partial.rename(path)
            (path.parent / (path.name + ".json")).write_text(json.dumps(made), encoding="utf-8")
            return str(path), made
        with open_store(str(path)):  # applies schema steps added since it was generated
            pass
        made = json.loads((path.parent / (path.name + ".json")).read_text(encoding="utf-8"))
        return str(path), {**made, "reused": True}
    with open_store(url) as store:
        held = store.count_events()
        if held == 0:
            started = time.perf_counter()
            made = _generate(store, events, seed)
            _tally(store)
            return url, {**made, "generate_s": round(time.perf_counter() - started, 1)}
        with store.engine.connect() as connection:
            last = connection.execute(text("SELECT count(*) FROM events WHERE id = :i"),
                                      {"i": f"ev-{events // EVENTS_PER_ARTICLE - 1:08x}{EVENTS_PER_ARTICLE - 1:08x}"}).scalar()
        if held != events or not last:
            raise RuntimeError(f"{store}: holds {held:,} events, not the generated {events:,}: give an empty database")
        return url, {"articles": events // EVENTS_PER_ARTICLE, "events": events, "entities": 8000,
                     "places": events, "generate_s": None, "reused": True}


QUERIES = {
    "type + date range + country": EventFilter(type="ASSAULT", since=date(2023, 6, 1), until=date(2023, 6, 30),
                                               country="AB", limit=50),
    "actor + type + since": EventFilter(actor="organisation:generated-3", type="STATEMENT", since=date(2024, 1, 1),
                                        limit=50),
    "bounding box + modality + until": EventFilter(bbox=(10.0, 0.0, 40.0, 30.0), modality="claimed",
                                                   until=date(2023, 3, 31), limit=50),
    "type + place words + min confidence": EventFilter(type="PROTEST", place="town 12", min_confidence=0.5, limit=50),
}


def _time(call) -> list[float]:
    call()  # warm the page cache once
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        call()
        timings.append(1000 * (time.perf_counter() - started))
    return timings


def _plan(store, query: EventFilter) -> str:
    from dateline.store.filters import event_select, query_hints

    with store.engine.connect() as connection:
        compiled = event_select(query, query_hints(connection, query)).compile(
            store.engine, compile_kwargs={"literal_binds": True})
        rows = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    return "; ".join(str(r[-1]) for r in rows)


def run(shared: Path | None = None, events: int = EVENTS) -> dict:
    path, made = generated_store(None, events)
    size = Path(path).stat().st_size
    with open_store(path, write=False) as store:
        results = {}
        for name, query in QUERIES.items():
            page = _time(lambda q=query: store.events(q))
            count = _time(lambda q=query: store.count_events(q))
            results[name] = {
                "page_ms_median": round(statistics.median(page), 1),
                "page_ms_p95": round(sorted(page)[int(0.95 * len(page)) - 1], 1),
                "count_ms_median": round(statistics.median(count), 1),
                "matches": store.count_events(query),
                "plan": _plan(store, query),
            }
    return {**made, "store_mb": round(size / 2**20), "queries": results, "goal_ms": GOAL_MS}


def to_markdown(result: dict) -> str:
    lines = [
        "## Store: event queries over a million events",
        "",
        f"A generated SQLite store of {result['events']:,} events ({result['articles']:,} articles, "
        f"{result['entities']:,} actors, {result['store_mb']} MB, written in {result['generate_s']} s"
        f"{' when first generated: cached since, schema steps applied on opening' if result.get('reused') else ''}; "
        "the machine is shared, so wall-clock times are inflated). "
        f"A page of 50 whole events (actors, places, quantities, attribution) through `Store.events`, "
        f"{REPEATS} runs each after one warm-up; the count through `Store.count_events`.",
        "",
        "| filters | matches | page median ms | page p95 ms | count median ms | goal |",
        "|---|---|---|---|---|---|",
    ]
    for name, q in result["queries"].items():
        verdict = "meets" if q["page_ms_p95"] < result["goal_ms"] else "misses"
        lines.append(f"| {name} | {q['matches']:,} | {q['page_ms_median']} | {q['page_ms_p95']} | "
                     f"{q['count_ms_median']} | {verdict} {result['goal_ms']:.0f} ms |")
    lines += ["", "Query plans (SQLite `EXPLAIN QUERY PLAN` of the page query):", ""]
    lines += [f"- {name}: {q['plan']}" for name, q in result["queries"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(json.dumps(run(events=int(sys.argv[1]) if len(sys.argv) > 1 else EVENTS), indent=1))
