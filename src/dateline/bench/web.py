"""How fast the web UI's pages show their data, in a real headless Chromium (Debian's chromium
and chromium-driver) against a store: for each page, the time from navigation start to the first
paint of its data (the ``data-ready`` performance mark ready.js sets once the data is drawn:
the HTML for server-rendered pages, the timeline and the map for the story view), with the part
spent waiting for the server's first byte. Not part of ``make bench`` yet.

    python -m dateline.bench.web --db demo.db [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
from urllib.parse import quote

from dateline.store import open_store
from dateline.web.browser import headless_chromium, serve_ui, wait_ready

TIMING = """
const nav = performance.getEntriesByType('navigation')[0];
const ready = performance.getEntriesByName('data-ready')[0];
return {ttfb: nav.responseStart, ready: ready ? ready.startTime : null, dom: nav.domContentLoadedEventEnd};
"""


def pages_of(store) -> dict[str, str]:
    """The pages to time in this store: each kind of page once, on its richest example."""
    pages = {"story": "/"}
    most = store.event_counts(by="type")
    if most:
        pages["story, filtered by type"] = f"/?type={quote(most[0]['type'])}"
    events = store.events(limit=200)
    if events:
        richest = max(events, key=lambda e: (bool(e.source_actor) + bool(e.target_actor) + bool(e.places)
                                             + bool(e.quantities) + bool(e.attribution), len(e.sentence.text)))
        pages["event"] = f"/events/{quote(richest.id)}"
        pages["article"] = f"/articles/{quote(richest.article_id)}"
    entities = store.entities(limit=1)
    if entities:
        pages["entity"] = f"/entities/{quote(entities[0].entity.id)}"
    pages["claims"] = "/claims"
    hits = store.search("Kabul", limit=1) or store.search("said", limit=1)
    pages["search"] = "/search?q=" + ("Kabul" if hits and store.search("Kabul", limit=1) else "said")
    return pages


def run(store_url: str, runs: int = 7) -> dict:
    """Per page: the first (cold) load, then the median and the worst of ``runs`` warm loads."""
    with open_store(store_url, write=False) as store:
        pages = pages_of(store)
        events = store.count_events()
    results = {}
    with serve_ui(store_url) as base, headless_chromium() as browser:
        for name, path in pages.items():
            loads = []
            for _ in range(runs + 1):
                browser.get(base + path)
                wait_ready(browser, timeout=60)
                loads.append(browser.execute_script(TIMING))
            cold, warm = loads[0], loads[1:]
            results[name] = {
                "path": path,
                "cold_ready_ms": round(cold["ready"], 1),
                "ready_ms_median": round(statistics.median(t["ready"] for t in warm), 1),
                "ready_ms_max": round(max(t["ready"] for t in warm), 1),
                "server_ms_median": round(statistics.median(t["ttfb"] for t in warm), 1),
            }
    return {"store_events": events, "runs": runs, "pages": results}


def to_markdown(result: dict) -> str:
    lines = [
        f"Load to first paint of data, headless Chromium, {result['store_events']} events in the store; "
        f"median and worst of {result['runs']} warm loads (static files cached), after one cold load. "
        "Goal: under 300 ms.",
        "",
        "| page | cold (ms) | median (ms) | worst (ms) | of which server, median (ms) | goal met |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, r in result["pages"].items():
        met = "yes" if r["ready_ms_median"] < 300 else "no"
        lines.append(f"| {name} | {r['cold_ready_ms']} | {r['ready_ms_median']} | {r['ready_ms_max']} | "
                     f"{r['server_ms_median']} | {met} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store to serve (a SQLite file or a postgresql:// URL)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    options = parser.parse_args()
    result = run(options.db, options.runs)
    print(json.dumps(result, indent=2) if options.json else to_markdown(result))


if __name__ == "__main__":
    main()
