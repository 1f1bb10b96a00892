"""How fast the API answers on a big store: a generated store of N events (rows written in bulk,
with a realistic spread of types, dates, places and actors), then filtered, paged event queries
and chart counts through a real server (uvicorn, in its own process) with 20 concurrent
clients; p50 and p95 per query, and the plan (indexes) each query's SQL uses.

    python -m dateline.bench.api --events 1000000 --db /tmp/bench-api.db
    python -m dateline.bench.api --events 1000000 --db postgresql://user@host/db

Not wired into ``make bench`` yet (``run_api_bench`` returns the figures as a dict).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

import httpx
from sqlalchemy import text

from dateline.store import EventFilter, open_store
from dateline.store import tables as t
from dateline.store.articles import articles as articles_table
from dateline.store.records import is_long_stretch
from dateline.store.filters import earliest_start, event_count, event_counts_select, event_select

EVENTS_PER_ARTICLE = 10
CHUNK = 20_000
# (name, country, lat, lon): a crisis's spread of towns, capitals and countries
PLACES = [
    ("Kabul", "AF", 34.528, 69.172), ("Kandahar", "AF", 31.507, 65.853), ("Herat", "AF", 34.348, 62.199),
    ("Mazar-i-Sharif", "AF", 36.709, 67.110), ("Jalalabad", "AF", 34.430, 70.447), ("Afghanistan", "AF", 33.0, 65.0),
    ("Kharkiv", "UA", 49.994, 36.230), ("Kyiv", "UA", 50.450, 30.523), ("Mariupol", "UA", 47.097, 37.543),
    ("Bakhmut", "UA", 48.595, 38.000), ("Ukraine", "UA", 49.0, 32.0), ("Khartoum", "SD", 15.552, 32.532),
    ("El Fasher", "SD", 13.628, 25.349), ("Sudan", "SD", 15.0, 30.0), ("Gaza", "PS", 31.502, 34.467),
    ("Rafah", "PS", 31.297, 34.245), ("Goma", "CD", -1.679, 29.228), ("Mogadishu", "SO", 2.037, 45.344),
    ("Aleppo", "SY", 36.202, 37.135), ("Idlib", "SY", 35.931, 36.634), ("Sanaa", "YE", 15.355, 44.207),
    ("Aden", "YE", 12.779, 45.037), ("Tripoli", "LY", 32.887, 13.191), ("Bamako", "ML", 12.650, -8.0),
    ("Ouagadougou", "BF", 12.365, -1.534), ("Maiduguri", "NG", 11.846, 13.160), ("Port-au-Prince", "HT", 18.539, -72.335),
    ("Yangon", "MM", 16.871, 96.199), ("Mombasa", "KE", -4.020, 39.636), ("Doha", "QA", 25.285, 51.531),
]
TYPES = [("STATEMENT", 30), ("ASSAULT", 14), ("FIGHT", 10), ("CONSULT", 8), ("HAZARD", 6), ("TRANSPORT", 5),
         ("DISPLACEMENT", 5), ("PROTEST", 5), ("ACCUSE", 4), ("AID", 4), ("JUSTICE", 3), ("COERCE", 3),
         ("AGREE", 2), ("RETREAT", 1)]
ACLED = {"ASSAULT": ("Violence against civilians", "Attack"), "FIGHT": ("Battles", "Armed clash"),
         "PROTEST": ("Protests", "Peaceful protest")}
ACTORS = ["Taliban", "Afghan security forces", "Russian forces", "Ukrainian forces", "Rapid Support Forces",
          "Sudanese Armed Forces", "Hamas", "Israeli military", "M23", "al-Shabaab", "Houthis", "police",
          "the United Nations", "the Red Cross", "protesters", "residents", "the government", "officials",
          "gunmen", "militants"]
MODALITIES = [("reported", 80), ("claimed", 8), ("denied", 4), ("planned", 5), ("expected", 3)]


def _weighted(rng: random.Random, pairs):
    names, weights = zip(*pairs)
    return rng.choices(names, weights=weights, k=1)[0]


def generate_store(url: str, n_events: int, *, seed: int = 14) -> dict:
    """A store of ``n_events`` events in ``n_events / 10`` articles, written in bulk (no
    extraction). Dates span 2019-2024 with bursts; places follow a long tail (Zipf-like)."""
    rng = random.Random(seed)
    started = time.perf_counter()
    store = open_store(url)
    place_weights = [1 / (rank + 1) for rank in range(len(PLACES))]
    start_day, days = date(2019, 1, 1), (date(2024, 12, 31) - date(2019, 1, 1)).days
    bursts = [rng.randrange(days) for _ in range(12)]
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    written = {"articles": 0, "places": 0, "events": 0, "event_actors": 0, "event_places": 0}
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA cache_size=-200000")
    for first in range(0, n_articles, CHUNK // EVENTS_PER_ARTICLE):
        rows = {name: [] for name in written}
        for a in range(first, min(n_articles, first + CHUNK // EVENTS_PER_ARTICLE)):
            article_id = f"{a:064x}"
            burst = rng.random() < 0.4
            day = start_day + timedelta(days=(rng.choice(bursts) + rng.randrange(20)) % days if burst else rng.randrange(days))
            rows["articles"].append({"id": article_id, "text": f"Report {a} of the generated bench store.",
                                     "title": f"Report {a}", "outlet": f"Outlet {a % 40}", "published": day,
                                     "published_source": "header", "published_confidence": 1.0})
            article_places = rng.choices(range(len(PLACES)), weights=place_weights, k=2)
            for p, place_index in enumerate(article_places):
                name, country, lat, lon = PLACES[place_index]
                rows["places"].append({"id": f"pl-{a}-{p}", "article_id": article_id, "start": p, "end": p + 1,
                                       "text": name, "name": name, "lat": lat, "lon": lon, "country_code": country,
                                       "confidence": 0.9, "resolution": "gazetteer"})
            for n in range(EVENTS_PER_ARTICLE):
                event_id = f"ev-{a}-{n}"
                kind = _weighted(rng, TYPES)
                acled = ACLED.get(kind, (None, None))
                event_day = day - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 3, 7)))
                span = rng.random() < 0.1  # a stretch of up to 30 days
                end_day = event_day + timedelta(days=rng.randrange(30)) if span else event_day
                rows["events"].append({
                    "id": event_id, "article_id": article_id, "type": kind, "acled_type": acled[0],
                    "acled_subtype": acled[1], "trigger_start": n * 10, "trigger_end": n * 10 + 5,
                    "trigger_text": "words", "sentence_start": n * 10, "sentence_end": n * 10 + 9,
                    "sentence_text": "a sentence", "date_value": event_day.isoformat(), "date_start": event_day,
                    "date_end": end_day, "long_stretch": is_long_stretch(event_day, end_day), "date_inherited": False, "place_inherited": False, "modality": _weighted(rng, MODALITIES),
                    "hedged": False, "confidence": round(rng.uniform(0.3, 0.95), 2),
                })
                if rng.random() < 0.85:
                    rows["event_places"].append({"event_id": event_id, "position": 0,
                                                 "place_id": f"pl-{a}-{rng.randrange(2)}"})
                if rng.random() < 0.7:
                    actor = rng.choice(ACTORS)
                    rows["event_actors"].append({"event_id": event_id, "position": 0, "slot": "source",
                                                 "name": actor, "start": 0, "end": len(actor), "text": actor})
        with store.engine.begin() as connection:
            for name, table in (("articles", articles_table), ("places", t.places), ("events", t.events),
                                ("event_actors", t.event_actors), ("event_places", t.event_places)):
                if rows[name]:
                    connection.execute(table.insert(), rows[name])
                    written[name] += len(rows[name])
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    store.close()
    return {**written, "seconds": round(time.perf_counter() - started, 1)}


# --- the queries ------------------------------------------------------------------------------------

QUERIES = {
    "events: type + 3 months, page 1": "/api/events?type=ASSAULT&since=2023-01-01&until=2023-03-31&limit=50",
    "events: type + 3 months, page 5": "/api/events?type=ASSAULT&since=2023-01-01&until=2023-03-31&limit=50&offset=200",
    "events: country, newest first": "/api/events?country=SD&sort=-date&limit=50",
    "events: bbox + month": "/api/events?bbox=60,29,75,38&since=2022-06-01&until=2022-06-30&limit=50",
    "events: actor words": "/api/events?actor=Taliban&since=2024-01-01&limit=50",
    "counts: by day, type + year": "/api/counts?by=day&type=ASSAULT&since=2023-01-01&until=2023-12-31",
    "counts: by country, a month": "/api/counts?by=country&since=2022-06-01&until=2022-06-30",
    "counts: by type, a country": "/api/counts?by=type&country=AF",
}
FILTERS = {  # the same queries as EventFilter, for EXPLAIN
    "type + 3 months": EventFilter(type="ASSAULT", since=date(2023, 1, 1), until=date(2023, 3, 31), limit=50),
    "country, newest first": EventFilter(country="SD", sort="-date", limit=50),
    "bbox + month": EventFilter(bbox=(60, 29, 75, 38), since=date(2022, 6, 1), until=date(2022, 6, 30), limit=50),
    "actor words": EventFilter(actor="Taliban", since=date(2024, 1, 1), limit=50),
}


def explain(url: str) -> dict[str, list[str]]:
    """The plan of each query's SQL (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN)."""
    store = open_store(url, write=False)
    plans = {}
    with store.engine.connect() as connection:
        dialect = connection.dialect
        statements = {}
        for name, query in FILTERS.items():
            starts_from = earliest_start(connection, query.since)
            statements[f"page: {name}"] = event_select(query, starts_from)
            statements[f"count: {name}"] = event_count(query, starts_from)
        statements["counts by day: type + year"] = event_counts_select(
            EventFilter(type="ASSAULT", since=date(2023, 1, 1), until=date(2023, 12, 31)), "day",
            earliest_start(connection, date(2023, 1, 1)))
        statements["counts by country: a month"] = event_counts_select(
            EventFilter(since=date(2022, 6, 1), until=date(2022, 6, 30)), "country",
            earliest_start(connection, date(2022, 6, 1)))
        for name, statement in statements.items():
            sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
            prefix = "EXPLAIN QUERY PLAN " if dialect.name == "sqlite" else "EXPLAIN "
            rows = connection.execute(text(prefix + sql)).all()
            plans[name] = [str(r[-1]) for r in rows]
    store.close()
    return plans


@dataclass
class Latencies:
    requests: int = 0
    errors: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    samples: list[float] = field(default_factory=list, repr=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_from_env():
    """The uvicorn factory the bench server runs: the API over $DATELINE_BENCH_DB."""
    from dateline.api import create_app

    return create_app(os.environ["DATELINE_BENCH_DB"])


def measure(url: str, *, clients: int = 20, rounds: int = 10, workers: int = 1) -> dict[str, Latencies]:
    """Each query ``rounds`` times by each of ``clients`` concurrent clients against a uvicorn
    server in its own process; latencies per query."""
    port = _free_port()
    env = {**os.environ, "DATELINE_BENCH_DB": url}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "dateline.bench.api:app_from_env", "--factory",
                               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
                               "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        results = {name: Latencies() for name in QUERIES}
        lock = threading.Lock()

        def client(number: int) -> None:
            order = list(QUERIES.items())
            random.Random(number).shuffle(order)
            with httpx.Client(base_url=base, timeout=60) as session:
                for _ in range(rounds):
                    for name, path in order:
                        began = time.perf_counter()
                        response = session.get(path)
                        elapsed = (time.perf_counter() - began) * 1000
                        with lock:
                            results[name].requests += 1
                            results[name].samples.append(elapsed)
                            results[name].errors += response.status_code != 200

        with httpx.Client(base_url=base, timeout=120) as warm:  # one pass to warm the caches
            for path in QUERIES.values():
                warm.get(path)
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for item in results.values():
            ordered = sorted(item.samples)
            item.p50_ms = round(statistics.median(ordered), 1)
            item.p95_ms = round(ordered[int(0.95 * (len(ordered) - 1))], 1)
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_api_bench(url: str, n_events: int, *, generate: bool = True, clients: int = 20, rounds: int = 10,
                  workers: int = 1) -> dict:
    figures: dict = {"store": url.split("@")[-1], "events": n_events, "clients": clients, "workers": workers}
    if generate:
        figures["generated"] = generate_store(url, n_events)
    if url.endswith(".db") and os.path.exists(url):
        figures["store_bytes"] = os.path.getsize(url)
    figures["plans"] = explain(url)
    figures["latencies"] = {name: {k: v for k, v in asdict(lat).items() if k != "samples"}
                            for name, lat in measure(url, clients=clients, rounds=rounds, workers=workers).items()}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="A new SQLite file or an empty PostgreSQL database.")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-generate", action="store_true", help="Measure a store generated before.")
    args = parser.parse_args()
    figures = run_api_bench(args.db, args.events, generate=not args.no_generate, clients=args.clients,
                            rounds=args.rounds, workers=args.workers)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
