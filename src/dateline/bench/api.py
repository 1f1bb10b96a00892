"""How fast the API answers on a big store: the generated store of ``store_query`` (a million
events, rows written in bulk with a realistic spread of types, dates, places and actors; the
SQLite file is cached between runs), then filtered, paged event queries and chart counts
through a real server (uvicorn, in its own process) with 20 concurrent clients; p50 and p95 per
question, the server's CPU time per request, and the plan (indexes) each question's SQL uses.
In ``make bench`` on SQLite, and on PostgreSQL when $DATELINE_BENCH_PG_URL names a database.

    python -m dateline.bench.api                                       # the cached SQLite store
    python -m dateline.bench.api --db postgresql://user@host/db        # an empty database
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import urlencode

import httpx
import psutil
from sqlalchemy import text

from dateline.api import DEFAULT_REQUEST_THREADS
from dateline.bench.load import run_load
from dateline.bench.store_query import EVENTS, TYPES, generated_store
from dateline.store import EventFilter, open_store
from dateline.store.database import display_url, resolve_url
from dateline.store import driver_sql, tallies
from dateline.store.counts import event_counts_select
from dateline.store.filters import event_count, query_hints, shaped_select

PG_ENV = "DATELINE_BENCH_PG_URL"  # an empty PostgreSQL database to generate the store in (or one generated before)
CLIENTS = 20
ROUNDS = 10  # each question 200 times (20 clients): enough answers for a 95th percentile
REQUEST_TIMEOUT = 60  # seconds; a request past it counts as an error
GOAL_MS = 100.0


# --- the queries ------------------------------------------------------------------------------------
# Each request draws its own values (a seeded generator per client), so a run asks hundreds of
# different questions, as analysts do, and no answer is served from a warm cache of its twin.
# The values fit the generated store (``store_query._generate``): 2023-2024, the common types and
# countries, the most frequent actors.

def _month(rng: random.Random) -> tuple[date, date]:
    first = date(2023 + rng.randrange(2), 1 + rng.randrange(12), 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def _quarter(rng: random.Random) -> tuple[date, date]:
    first, _ = _month(rng)
    first = first.replace(month=1 + 3 * ((first.month - 1) // 3))
    return first, (first.replace(day=28) + timedelta(days=66)).replace(day=1) - timedelta(days=1)


def _year(rng: random.Random) -> tuple[date, date]:
    year = 2023 + rng.randrange(2)
    return date(year, 1, 1), date(year, 12, 31)


def _type(rng):
    return rng.choice(TYPES[:6])


def _country(rng):
    return rng.choice(["AB", "AC", "AD", "AE", "AF"])


def _bbox(rng):
    west, south = rng.randrange(-120, 120, 10), rng.randrange(-50, 40, 10)
    return f"{west},{south},{west + 20},{south + 20}"


QUERIES: dict[str, Callable[[random.Random], dict]] = {
    "events: type + a quarter, page 1": lambda r: {"type": _type(r), **dict(zip(("since", "until"), _quarter(r))),
                                                   "limit": 50},
    "events: type + a quarter, page 5": lambda r: {"type": _type(r), **dict(zip(("since", "until"), _quarter(r))),
                                                   "limit": 50, "offset": 200},
    "events: country, newest first": lambda r: {"country": _country(r), "sort": "-date", "limit": 50},
    "events: bbox + a month": lambda r: {"bbox": _bbox(r), **dict(zip(("since", "until"), _month(r))), "limit": 50},
    "events: actor + since": lambda r: {"actor": f"organisation:generated-{r.randrange(1, 20)}",
                                        "since": _month(r)[0].isoformat(), "limit": 50},
    "counts: by day, type + a year": lambda r: {"by": "day", "type": _type(r),
                                                **dict(zip(("since", "until"), _year(r)))},
    "counts: by country, a month": lambda r: {"by": "country", **dict(zip(("since", "until"), _month(r)))},
    "counts: by type, a country": lambda r: {"by": "type", "country": _country(r)},
}


def request_of(name: str, rng: random.Random) -> tuple[str, dict]:
    params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in QUERIES[name](rng).items()}
    return ("/api/counts" if name.startswith("counts") else "/api/events"), params


def filter_of(name: str, rng: random.Random) -> tuple[str | None, EventFilter]:
    """The same question as the store's EventFilter (and the ``by`` of a count), for EXPLAIN."""
    _, params = request_of(name, rng)
    by = params.pop("by", None)
    if "bbox" in params:
        params["bbox"] = tuple(float(x) for x in params["bbox"].split(","))
    for key in ("since", "until"):
        if key in params:
            params[key] = date.fromisoformat(params[key])
    return by, EventFilter(**params)


def explain(url: str) -> dict[str, list[str]]:
    """The plan of each query's SQL as the store runs it (the SQL of its shape, with one
    drawing's values bound, as the server sends it; SQLite: EXPLAIN QUERY PLAN; PostgreSQL:
    EXPLAIN, a custom plan for these values)."""
    store = open_store(url, write=False)
    plans = {}
    rng = random.Random(0)
    with store.engine.connect() as connection:
        dialect = connection.dialect
        statements = {}  # name: (SQL naming its values, values)
        for name in QUERIES:
            by, query = filter_of(name, rng)
            hints = query_hints(connection, query)
            if by is None:  # what ``Store.event_page`` runs: the page one event longer, a total from the tallies
                statement, values = shaped_select(query, hints, extra=1, ids_only=True)
                statements[f"{name} (page)"] = (str(statement.params(values).compile(
                    dialect=dialect, compile_kwargs={"literal_binds": True})), {})
                if tallies.answerable(query):
                    statements[f"{name} (total)"] = tallies.tallied_sql(connection, query, (), None,
                                                                        hints.starts_from, total=True)
            elif tallies.answerable(query, (by,)):  # what the store runs: the sum of the kept counts
                statements[name] = tallies.tallied_sql(connection, query, (by,), 5000, hints.starts_from)
            else:
                # (as ``event_counts``: every match counted, a country or box from its kept pairs)
                statement = event_counts_select(query, by, dataclasses.replace(
                    hints, from_places=frozenset({"country", "bbox"})))
                statements[name] = (str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})),
                                    {})
        prefix = "EXPLAIN QUERY PLAN " if dialect.name == "sqlite" else "EXPLAIN "
        for name, (sql, values) in statements.items():
            if not values:
                rows = connection.execute(text(prefix + sql)).all()
            else:
                wanted = {k: v for k, v in values.items() if f":{k}" in sql}
                rows = driver_sql.rows(connection, prefix + sql, wanted)
            plans[name] = [str(r[-1]) for r in rows]
    store.close()
    return plans


def list_parts(connection, query: EventFilter) -> dict[str, float]:
    """Seconds of each part of the SQL ``Store.event_page`` runs for a list: its hints, its page
    read one event longer, and its total only where the store computes one (from the tallies
    when they hold the filter; counted up to the offset for a page past the end). A page with a
    row past it says "at least" and counts nothing."""
    began = time.perf_counter()
    hints = query_hints(connection, query)
    hinted = time.perf_counter()
    statement, values = shaped_select(query, hints, extra=1, ids_only=True)
    rows = connection.execute(statement, values).all()
    paged = time.perf_counter()
    parts = {"hints": hinted - began, "page": paged - hinted}
    if tallies.answerable(query):
        tallies.tallied_total(connection, query, hints.starts_from)
    elif not rows and query.offset:
        connection.execute(event_count(query, hints, query.offset)).scalar_one()
    else:
        return parts
    parts["total"] = time.perf_counter() - paged
    return parts


def drawn_times(url: str, drawings: int = 10) -> dict[str, list[dict[str, float]]]:
    """For each question, the seconds of its SQL's parts for each drawing of its values (seeds
    0..drawings-1), one client, no server: ``list_parts`` for a list, ``counts`` for a chart."""
    from dateline.store.counts import event_counts

    store = open_store(url, write=False)
    times: dict[str, list[dict[str, float]]] = {}
    with store.engine.connect() as connection:
        for name in QUERIES:
            for seed in range(drawings):
                by, query = filter_of(name, random.Random(seed))
                if by is not None:
                    began = time.perf_counter()
                    event_counts(connection, query, by)
                    times.setdefault(name, []).append({"counts": time.perf_counter() - began})
                else:
                    times.setdefault(name, []).append(list_parts(connection, query))
    store.close()
    return times


def db_times(url: str, drawings: int = 10) -> dict[str, dict[str, float]]:
    """Milliseconds of the SQL each question runs in the store (``drawn_times``): the median and
    the worst of each part over ``drawings`` drawings of its values. The steady figure beside the
    latencies: it holds no queueing, so it says which question is heavy in the database itself."""
    times: dict[str, dict[str, float]] = {}
    for name, drawn in drawn_times(url, drawings).items():
        parts: dict[str, list[float]] = {}
        for one in drawn:
            for part, took in one.items():
                parts.setdefault(part, []).append(took)
        times[name] = {f"{part} {how}": round(1000 * f(values), 1) for part, values in parts.items()
                       for how, f in (("median", statistics.median), ("worst", max))}
    return times


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_cpu(server: psutil.Process) -> float:
    """CPU seconds of the server and its worker processes so far."""
    total = 0.0
    for process in [server, *server.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def plans_of(clients: int, rounds: int, seed: int = 0) -> list[list[tuple[str, str]]]:
    """Each client's requests: every question ``rounds`` times, in an order shuffled each
    round, each request with values of the client's own drawing (a generator seeded by the
    client's number), as (question name, request target)."""
    plans = []
    for number in range(clients):
        rng = random.Random(seed + number)
        order, plan = list(QUERIES), []
        for _ in range(rounds):
            rng.shuffle(order)
            for name in order:
                path, params = request_of(name, rng)
                plan.append((name, f"{path}?{urlencode(params)}"))
        plans.append(plan)
    return plans


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[int(share * (len(ordered) - 1))]


def measure(url: str, *, clients: int = CLIENTS, rounds: int = ROUNDS, workers: int = 1) -> dict:
    """Each query ``rounds`` times by each of ``clients`` concurrent closed-loop clients (each
    its own drawing of values) against ``dateline serve --workers N`` (what an operator runs:
    the API and the web UI, read-only) in its own process; the clients run in a load process of
    their own (``bench.load``: asyncio, one kept connection each). Latencies per query, and the
    CPU time per request of the server's processes and of the load process."""
    port = _free_port()
    env = {**os.environ, "DATELINE_TOKEN": ""}
    server = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", url, "--port", str(port),
                               "--workers", str(workers)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        # every question a few times at once before the clock starts, so that each worker process
        # (whichever takes a request) has read the indexes and compiled each statement once, as a
        # server that has run for a while has: the measured requests are the steady state
        run_load("127.0.0.1", port, plans_of(2 * workers, 1, seed=-1000), timeout=REQUEST_TIMEOUT)
        process = psutil.Process(server.pid)
        cpu_before = _server_cpu(process)
        load = run_load("127.0.0.1", port, plans_of(clients, rounds), timeout=REQUEST_TIMEOUT)
        cpu = _server_cpu(process) - cpu_before
        requests, wall = load["requests"], load["wall_s"]
        latencies = {}
        for name in QUERIES:
            ordered = sorted(load["samples"].get(name, []))
            latencies[name] = {"requests": len(ordered), "errors": load["errors"].get(name, 0),
                               "p50_ms": round(statistics.median(ordered), 1),
                               "p95_ms": round(_percentile(ordered, 0.95), 1)}
        return {"latencies": latencies, "requests": requests, "wall_s": round(wall, 1),
                "requests_per_s": round(requests / wall, 1),
                "server_cpu_ms_per_request": round(1000 * cpu / requests, 1),
                "client_cpu_ms_per_request": round(1000 * load["cpu_s"] / requests, 2)}
    finally:
        children = psutil.Process(server.pid).children(recursive=True)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # workers still in a long query
            for process in [*children, psutil.Process(server.pid)]:
                with contextlib.suppress(psutil.Error):
                    process.kill()
            server.wait(timeout=30)


def run_api_bench(url: str | None, events: int = EVENTS, *, clients: int = CLIENTS, rounds: int = ROUNDS,
                  workers: int = 1) -> dict:
    """Figures for one store: ``url`` None is the cached SQLite store of ``store_query``."""
    url, made = generated_store(url, events)
    figures: dict = {"store": display_url(resolve_url(url)).split("@")[-1], "dialect": "postgresql"
                     if url.startswith("postgres") else "sqlite", "events": events, "clients": clients,
                     "rounds": rounds, "workers": workers, "generated": made}
    if not url.startswith("postgres"):
        figures["store_mb"] = round(os.path.getsize(url) / 2**20)
    figures["plans"] = explain(url)
    db_times(url, 1)  # a pass to read the indexes into memory, as the server's warm-up does
    figures["db_ms"] = db_times(url)
    figures.update(measure(url, clients=clients, rounds=rounds, workers=workers))
    return figures


def run(shared=None, events: int = EVENTS) -> dict:
    """``make bench``: the generated store on SQLite, and on PostgreSQL when $DATELINE_BENCH_PG_URL
    names a database to generate it in (said plainly in the figures when it does not)."""
    workers = int(os.environ.get("DATELINE_BENCH_WORKERS", "2"))
    result = {"goal_ms": GOAL_MS, "load": os.getloadavg(), "stores": {}}
    result["stores"]["sqlite"] = run_api_bench(None, events, workers=workers)
    pg_url = os.environ.get(PG_ENV)
    if pg_url:
        result["stores"]["postgresql"] = run_api_bench(pg_url, events, workers=workers)
    else:
        result["postgresql_skipped"] = f"${PG_ENV} was not set: no PostgreSQL figures in this run"
    result["load_after"] = os.getloadavg()
    return result


def _times(rounds: int) -> str:
    return "once" if rounds == 1 else f"{rounds} times"


def _machine(load_before: float) -> str:
    """What the load before the run says of the wall-clock figures."""
    if load_before < 1.5:
        return "The machine was quiet before the run"
    return "**The machine was shared** (other work running: wall figures are worse than on a quiet machine)"


# What the questions cost, measured one request at a time (not by this run: written by hand from
# the measurements named in it, so the gap paragraph says where the time goes)
GAP_COSTS = (
    "What a request costs (CPU in dateline's process, the SQL included, one request at a time on this store, "
    "machine loaded): before steps 12-13 and the statements per shape, a page of 50 events 9.5-14.5 ms (SQLite) "
    "and 9.3-13.0 (PostgreSQL, without its server's CPU) through the server, a chart count 6.3-7.3 and 3.0-7.5. "
    "The kept documents alone took a page from 10.1 to 5.8 ms (SQLite) and 9.3 to 5.4 (PostgreSQL) in the store "
    "facade, 0.2 ms of it reading the 50 documents; the statements per shape alone saved 1-3.5 ms a page; the "
    "month tallies cut a chart count to 0.5-2.4 ms in the facade (by day over a year: 365 day rows, 2.2 ms). "
    "20 closed-loop clients on 2 cores leave about 5 ms of CPU per request (server, load generator and, for "
    "PostgreSQL, its server together) for 100 ms at the 95th percentile. "
    "Where a request's CPU went (this run's questions, machine at load 6-8 from other work): in the endpoint, no "
    "HTTP, one thread, 800 requests, 1.7 ms on SQLite and 2.1 on PostgreSQL (without its server) before the "
    "ids-only page, of which the page's SQL (hints, page, total) 0.67 and 0.70 a request (1.1 a list page), "
    "reading the documents 0.36 and 0.27, a chart's SQL 0.27 and 0.43, the query's checks 0.07-0.10, the counts' "
    "JSON 0.08-0.10, a page's JSON 0.03-0.04; through the server (py-spy on both workers, PostgreSQL) the rest is "
    "the hand-off to the thread pool and back (about a quarter of the samples holding the interpreter lock), "
    "uvicorn, httptools and Starlette (about 6 %). The page reading its ids alone, its SQL run on the driver's "
    "cursor: the endpoint 1.7 -> 1.0 ms on SQLite (0.67 -> 0.29 for the page's SQL), 2.1 -> 1.75 on PostgreSQL "
    "(0.70 -> 0.42); server CPU per request through HTTP, the two alternated twice, 2.45 / 3.04 -> 2.01 / 2.97 ms "
    "(SQLite) and 1.83 / 2.04 -> 1.42 / 1.69 ms (PostgreSQL; its server's own CPU 0.69 / 0.48 -> 0.31 / 0.56 ms). "
    "This bench, before and after in turn, three times (load 5-8 from other work): server CPU per request "
    "2.1 / 7.4 (its store's pages not yet in memory) / 2.7 -> 1.9 / 1.9 / 2.4 ms on SQLite, 2.3 / 2.4 / 2.4 -> "
    "2.4 / 1.8 / 1.7 ms on PostgreSQL; the latencies move more with the machine's load than with the change. "
    "Step 14 (a page with a `since` read from index rows alone), this bench before and after in turn, twice (the "
    "code before on a copy of the store before, load 2.7-6 from other work): SQLite server CPU per request "
    "2.4 / 2.3 -> 1.6 / 1.2 ms, p95 of the four questions that missed the goal 70-166 / 213-322 -> 47-95 / 29-37 "
    "ms; PostgreSQL 1.9 / 1.6 -> 1.7 / 1.6 ms (without its server's CPU), p95 of the four 147-241 / 123-239 -> "
    "107-197 / 85-148 ms (load 4-5). One client, one worker, 100 requests a question (load 3): actor + since "
    "p50 7.4 -> 3.9 ms, type + a quarter 4.1-6.5 -> 2.0 ms (SQLite; the event rows it no longer reads were the "
    "wait, its CPU 2.7-3.0 -> 2.1-2.3 ms). Then SQLite's quick answers on the event loop (above): 1.4 / 1.5 -> "
    "1.3 / 1.0 ms per request, p50 of every question 20-28 -> 12-15 ms (load 2-3). Three workers on the 2 "
    "cores instead of two: no steady difference (1.0 / 1.3 against 1.1 / 1.1 ms, load 3-4). PostgreSQL's "
    "pages on the loop too (tried, not kept): dateline's CPU 2.1 / 1.8 -> 1.3 / 1.4 ms a request, but a worker "
    "then waits for each answer of the database and serves no other meanwhile: p50 24-49 -> 76-81 and 19-45 -> "
    "33-37 ms (load 7-8 from other work); on the loop with 4 workers, so that another process answers while "
    "one waits: 262 / 183 requests/s against 317 / 373 in threads with 2 (load 6-8). Then the requests a "
    "worker answers in threads at once (`--threads`), anyio's default of 40 against fewer, the runs alternated "
    "(load 5-7 from other work), the worst p95 of the eight questions: PostgreSQL 40: 135.5 / 102.2 / 167.1 / "
    "111.3 ms, 8: 116.2 / 55.9, 4: 59.0 / 80.5, 2: 85.5 / 105.0 (too few to answer while others wait on the "
    "database); SQLite 40: 65.8 / 72.9, 4: 85.4 / 42.5, 2: 36.1 / 64.4. With 40 every waiting request's query "
    "ran at once, the database's processes and the workers' threads fought for the 2 cores and the slowest "
    "answers waited longest; with 4 the others wait their turn on the event loop, in order: medians rise a "
    "little (PostgreSQL 13-30 -> 28-46 ms), the tail falls. 4 is the default."
)


def to_markdown(result: dict) -> str:
    lines = ["## API: filtered event pages and chart counts over a million events", ""]
    first = next(iter(result["stores"].values()))
    lines += [
        f"The generated store of the store benchmark ({first['events']:,} events; see above) served by "
        f"`dateline serve --workers {first['workers']}` (uvicorn worker processes, each answering at most "
        f"{DEFAULT_REQUEST_THREADS} requests at once in threads (`--threads`), with the web UI, read-only) to "
        f"{first['clients']} concurrent closed-loop clients, each asking every question below "
        f"{_times(first.get('rounds', 1))} (in an order of its own each round) with values of its "
        f"own drawing (type, dates, country, box, actor): {first['requests']:,} requests a store, "
        f"{first['requests'] // max(1, len(first['latencies'])):,} answers a question. The clients run in a load "
        "process of their own (`bench.load`: asyncio on uvloop, one kept connection each, a hand-written GET, the "
        "requests drawn beforehand), so their CPU per request, given beside the server's, is a fraction of a "
        "millisecond (20 httpx threads in the bench's own process took 3.96 ms of CPU a request, measured once "
        "on 480 of these requests). Latency is wall time at the client, so it holds the queueing of 20 clients on the "
        f"machine's cores. {_machine(result['load'][0])} (load average "
        f"{result['load'][0]:.1f} before, {result['load_after'][0]:.1f} after, the bench's own server and clients "
        f"included, on {os.cpu_count()} cores); the server's CPU time per request (server processes, without "
        "the database server's) is the steadier figure. Goal: p95 under "
        f"{result['goal_ms']:.0f} ms with 20 clients.",
        "",
    ]
    for note in result.get("notes", ()):  # what differs between the stores' runs, said plainly
        lines += [f"**Note:** {note}", ""]
    if result.get("postgresql_skipped"):
        lines += [f"**PostgreSQL: not measured** ({result['postgresql_skipped']}).", ""]
    names = list(first["latencies"])
    stores = list(result["stores"])
    lines.append("| question | " + " | ".join(f"{s} p50 ms | {s} p95 ms | {s} goal" for s in stores) + " |")
    lines.append("|---|" + "---:|---:|---|" * len(stores))
    for name in names:
        cells = []
        for s in stores:
            lat = result["stores"][s]["latencies"][name]
            met = "meets" if lat["p95_ms"] < result["goal_ms"] else "misses"
            errors = f" ({lat['errors']} errors or timeouts of {REQUEST_TIMEOUT} s)" if lat["errors"] else ""
            cells.append(f"{lat['p50_ms']} | {lat['p95_ms']}{errors} | {met}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    for s in stores:
        f = result["stores"][s]
        client = (f"; client CPU {f['client_cpu_ms_per_request']} ms per request (the load process)"
                  if "client_cpu_ms_per_request" in f else "")
        lines.append(f"- {s}: {f['requests_per_s']} requests/s over {f['wall_s']} s; server CPU "
                     f"{f['server_cpu_ms_per_request']} ms per request{client}.")
    if all("db_ms" in result["stores"][s] for s in stores):
        lines += ["", "Time in the database (the SQL each question runs, one client, no server, warm; over 10 "
                  "drawings of its values, each run once, ms: the sum of its parts' medians / of their worst; a list's "
                  "parts are what `Store.event_page` runs: its hints, its page of rows read one event longer, and "
                  "its total only where the store computes one, from the tallies):", "",
                  "| question | " + " | ".join(stores) + " |", "|---|" + "---:|" * len(stores)]
        for name in names:
            cells = []
            for s in stores:
                took = result["stores"][s]["db_ms"][name]
                median = sum(v for k, v in took.items() if k.endswith("median"))
                worst = sum(v for k, v in took.items() if k.endswith("worst"))
                detail = ", ".join(f"{k.split()[0]} {took[k]}" for k in took if k.endswith("worst"))
                cells.append(f"{median:.1f} / {worst:.1f} (worst: {detail})")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    missed = sorted({name for s in stores for name, lat in result["stores"][s]["latencies"].items()
                     if lat["p95_ms"] >= result["goal_ms"]})
    lines += [
        "",
        "The indexes and query shapes these answers rest on (the plans below show each in use):",
        "",
        "- Step 9, `event_tallies` (date_start, day_end, type, n) and `event_country_tallies` "
        "(country_code, date_start, day_end, type, n), kept at write time by every write of an "
        "article's events (row path, bulk load, re-reads; built from the rows by the upgrade step): "
        "chart counts by day, type or country, and the total of a list, whose filter is only type, "
        "dates and country are sums over a few hundred of their rows (covering indexes "
        "`event_tallies_by_type_date`, `event_tallies_by_date`, `event_country_tallies_by_country`, "
        "`event_country_tallies_by_date`); such a list's `total` is then exact. They also give a "
        "`since` filter the earliest start of an event reaching it, so the date indexes are read "
        "from `since` on, not from a month before.",
        "- Step 13, `event_month_tallies` (month, type, n) and `event_country_month_tallies` (country_code, month, "
        "type, n): the same counts by the first day of an event's start month, kept by the same write paths "
        "(`store.tallies.article_tallies`), built from the day rows by the upgrade step (2.9 s on the SQLite "
        "store, 3.6 s on PostgreSQL). A count or total by type or country over a range sums the range's whole "
        "months from them and only its partial months, and the events starting before `since` that reach it, "
        "from the day rows (a UNION ALL of up to three index ranges); a whole country is 480 month rows where "
        "its day rows were 14,600, a month of every country 800 where they were 2,208. Counts by day still "
        "read the day rows (a year of a type: 365).",
        "- `events_by_type_date_order` (type, date_start, article_id, trigger_start, id, date_end) and "
        "`events_by_date_order` (date_start, article_id, trigger_start, id, date_end), step 9: the whole order "
        "of a list, so a page of a filter checked per event stops after its 50 rows instead of "
        "checking and sorting every event of its first day. Step 14 added `date_end` last: a `since` "
        "(`COALESCE(date_end, date_start) >= since`) is checked in the index rows, so a type and days is an "
        "index-only scan on both databases, where each of its 51-251 candidates' event row was read (rows "
        "scattered over a 5 GB file, random reads when not in memory; PostgreSQL planned page 5 off "
        "`events_by_type_date` with an incremental sort). The SQL of a page, median of 20 drawings, warm: "
        "0.6 -> 0.1 ms (page 1) and 1.5 -> 0.2-0.5 ms (page 5) on SQLite, 1.0-2.9 -> 0.3-0.5 and 2.3-12.4 -> "
        "0.4-0.7 ms on PostgreSQL.",
        "- `events_by_date_order_desc` (step 10; `date_start DESC NULLS LAST, article_id, trigger_start, id` on "
        "PostgreSQL, `date_start DESC, ...` on SQLite, where NULL sorts lowest): the whole order of a list "
        "newest first (`sort=-date`), which PostgreSQL cannot read off the ascending index backwards (that "
        "gives undated first and the ties descending); a page of a country newest first stops after its rows.",
        "- `entity_events` (step 10: entity_id, event_id, date_start, article_id, trigger_start; every pair of "
        "a canonical entity and an event one of whose actors or whose source is linked to it, kept at write "
        "time by every write of an article's events and by the reduce step's links, built from the rows by "
        "the upgrade step): an actor filter that is an entity's id joins it and reads its page in list order "
        "off `entity_events_by_entity_order` (entity_id, date_start, article_id, trigger_start, event_id) or "
        "`entity_events_by_entity_order_desc`, then each event by its key; its counts and total take the "
        "entity's events from its primary key. Step 14 gave the pairs `day_end` (the event's "
        "`COALESCE(date_end, date_start)`, kept with the other columns, filled by the step: 48 s on the SQLite "
        "store, 154 s on PostgreSQL, 1.23 million pairs) last in both order indexes, and the days are checked "
        "on the pairs: an entity's page with a `since` reads its pairs' index rows alone (SQL 1.3-2.1 -> 0.2-0.3 "
        "ms on SQLite, 2.1-6.7 -> 0.3-0.4 on PostgreSQL), where it read the event row of each.",
        "- `country_events` (step 11: country_code, event_id, date_start, article_id, trigger_start; every pair of "
        "an event and a country of its places, kept at write time by every write of an article's events, built "
        "from the rows by the upgrade step): a country filter reads its page in list order off "
        "`country_events_by_country_order` (country_code, date_start, article_id, trigger_start, event_id) or "
        "`country_events_by_country_order_desc` (newest first), the days bounding the range, then each event by "
        "its key: a range read that stops after the page whether the country is common or rare.",
        "- `point_events` (step 11: event_id, lat, lon, date_start, day_end, article_id, trigger_start; every pair "
        "of an event and a point of its places, kept likewise) and `place_points` (step 10: how many places lie "
        "at each point): a box's points come from `place_points_by_point` (lat, lon, n), each point's events of "
        "the filter's days from a range of `point_events_by_point_date` (lat, lon, date_start, article_id, "
        "trigger_start, event_id, day_end). `store.filters.query_hints` counts those index rows up to 3,001 "
        "(1,001 when other filters need the events read): at most that many, the page of a box and days is "
        "sorted from the index rows alone (the API's page takes its ids from them and reads no event row); more, the pairs are read in list "
        "order off `point_events_by_date_order` (date_start, article_id, trigger_start, event_id, lat, lon, "
        "day_end), each row's point checked in the row, and the page stops after at most 50 * (the days' "
        "events) / 3,000 index rows, its ids taken from them. Newest first or with other filters, a box "
        "of many pairs reads the events in list order and checks each with one look-up of `point_events`' key "
        "(event_id, lat, lon) (a scalar subquery: PostgreSQL turns an EXISTS into a hash join over every pair "
        "in the box, 0.5 s).",
        "- Step 11 runs `ANALYZE` over the tables these answers read: a store whose statistics predate steps "
        "8-10 planned without their indexes.",
        "- `event_documents` (step 12: event_id, version, document; each event's JSON exactly as a list page "
        "writes it, kept at write time by every write of an article's events (row path, bulk load, re-reads; a "
        "deleted event's goes with it by cascade) and by the reduce step's links (the documents of the events "
        "whose keys it links otherwise are made again), built from the rows by the upgrade step): a page of "
        "events is its ids (the page's SQL above, selecting the ids alone: a box's and a country's or entity's "
        "page with no other filter read no event row), one read of their documents by primary key and a "
        "join of bytes, where the events were read back (four statements: actors, places, quantities, "
        "attribution), made into records and serialised again. An event with no document of this release's "
        "version (`store.documents.VERSION`, a fingerprint of the Event JSON schema) is read back from its rows. "
        "On this SQLite store a page of 50 costs 5.8 ms of CPU where reading back and serialising cost 10.1 (the "
        "page's SQL and the body included, no HTTP; 200 pages of the five list questions, the two ways "
        "interleaved in one process, machine loaded); reading 50 documents is 0.2 ms of it.",
        "- A list's `total` costs no more than its page: exact from the tallies when they hold the "
        "filter; otherwise the page is read one event longer (`Store.event_page`), and `total` is "
        "\"at least offset + limit + 1\" (`total_exact: false`) when there is one, exact when there "
        "is none (`exact_total=true` counts all). A chart's total is still counted to 10,000 when the "
        "tallies do not hold its filter (none of the questions below).",
        "- The application path: `/api/events` and `/api/counts` take a short way through FastAPI "
        "(`api.shortcut`: the same endpoints, their `Query` declarations checked in one pydantic model; a request "
        "that does not pass, and every error, goes FastAPI's own way), about 2 ms of CPU less a request; on SQLite a "
        "quick one (`api.reading.quick_answers`: a page that is one index range read in list order, "
        "`store.filters.reads_one_range`, offset + limit under 2,000; counts the tallies hold) runs on the event "
        "loop, without the hand-off to the thread pool and back (server CPU per request 1.4 / 1.5 -> 1.3 / 1.0 ms, "
        "alternated twice; every request on the loop: 1.1 / 1.0); a page's "
        "documents are read with one prebuilt statement run on the driver's cursor (SQL compiled once per "
        "dialect), as are the four of an event read back (the canonical entity ids joined in); SQLite reads through a memory map; uvicorn with httptools and uvloop, without its access log; a chart's bars "
        "and total on one connection.",
        "- SQL built once per filter shape: a page's statement depends on which filters are given (and the "
        "hints' choices, the order, paging), not on their values, so `store.filters.shaped_select` builds it "
        "once per shape with every value a named bound parameter (`filter_values`) and keeps it: SQLAlchemy "
        "neither builds nor keys it again, and runs it from its compiled cache with the request's values. The "
        "tallies' sums, `earliest_start`'s look-ups, a box's hint count and the entity look-up are SQL written "
        "once per shape run on the driver's cursor (`store.driver_sql`). Same rows, same order, same plans "
        "(below). PostgreSQL: psycopg prepares a statement after its fifth run, and PostgreSQL then plans it "
        "generically when that looks no dearer than the custom plans so far (as before this change: "
        "SQLAlchemy's SQL text was already the same for one shape). Checked with PREPARE and EXPLAIN ANALYZE "
        "on this store: for a type and a quarter and for an entity the generic plan is the custom one's index "
        "walk (0.1-0.7 ms either way) and is the one chosen; for a country newest first the generic plan is a "
        "parallel scan and merge (26-79 ms against 0.4 ms), and PostgreSQL keeps planning that one per value "
        "(pg_prepared_statements: 0 generic, 7 custom after 12 runs).",
        "- A count without a place (by day, type, country ...) is written as JSON by the json module from its "
        "rows, as pydantic writes the `Counts` model (a test compares the two), not checked bucket by bucket "
        "first (365 buckets: about 0.4 ms of CPU).",
        "",
        ("Gap: " + ", ".join(missed) + " miss the goal in this run. " if missed
         else "Every question meets the goal in this run. ")
        + GAP_COSTS,
    ]
    lines += ["", "Query plans (one drawing of each question's values):", ""]
    for s in stores:
        lines.append(f"<details><summary>{s}</summary>\n")
        for name, plan in result["stores"][s]["plans"].items():
            lines.append(f"- {name}: " + "; ".join(p.strip() for p in plan))
        lines.append("\n</details>\n")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="An empty PostgreSQL database (or one generated before); "
                                     "default: the cached generated SQLite store.")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--clients", type=int, default=CLIENTS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    figures = run_api_bench(args.db, args.events, clients=args.clients, rounds=args.rounds, workers=args.workers)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
