"""Screenshots of the UI's main views, for the README and docs/screenshots/:

    python -m dateline.web.screenshots --db demo.db --out docs/screenshots
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from urllib.parse import quote

from dateline.store import open_store
from dateline.web.browser import headless_chromium, serve_ui, wait_ready


def views(store) -> dict[str, str]:
    """File name -> page: the story, a story filtered to one type, the seed story's richest
    event (a quantity, an actor, a place and a source all marked), an entity, claims, search."""
    found = {"story.png": "/", "story-filtered.png": "/?type=ASSAULT&since=2021-01-01"}
    events = store.events(since=__import__("datetime").date(2021, 1, 1), limit=500) or store.events(limit=500)
    if events:
        richest = max(events, key=lambda e: (bool(e.source_actor) + bool(e.target_actor) + bool(e.places)
                                             + bool(e.quantities) + bool(e.attribution) + bool(e.date_span)))
        found["event.png"] = f"/events/{quote(richest.id)}"
    people = store.entities(kind="person", limit=20)
    with_roles = [s for s in people if s.entity.roles] or people
    if with_roles:
        found["entity.png"] = f"/entities/{quote(with_roles[0].entity.id)}"
    found["claims.png"] = "/claims"
    found["search.png"] = "/search?q=Taliban"
    return found


def take(store_url: str, out: Path, width: int = 1400, height: int = 1000) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    with open_store(store_url, write=False) as store:
        wanted = views(store)
    saved = []
    with serve_ui(store_url) as base, headless_chromium(width, height) as browser:
        for name, path in wanted.items():
            browser.get(base + path)
            wait_ready(browser, timeout=60)
            time.sleep(0.8)  # the world outline and the map's animation settle
            target = out / name
            browser.save_screenshot(str(target))
            saved.append(target)
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    options = parser.parse_args()
    for path in take(options.db, options.out):
        print(path)


if __name__ == "__main__":
    main()
