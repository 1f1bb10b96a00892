"""Speed of ingest-to-events next to bare spaCy, on LGL's local news texts.

Both runs read the same texts in the same process, on one core's worth of work: bare spaCy is
``nlp.pipe`` over the texts; dateline is ``pipeline.process`` over a fresh SQLite store holding
the same texts as articles (the map step: one parse per article in batches, then time, geo,
the article's entities, events, claims, and the writes; then the reduce step over the
entities). The goal: dateline at least half bare spaCy's articles per second.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from dateline.bench.corpora import lgl_articles

ARTICLES = 200
BATCH = 64


def run(shared: Path, limit: int = ARTICLES) -> dict:
    from dateline.nlp import get_nlp
    from dateline.pipeline import Stages, process
    from dateline.store import open_store

    articles = lgl_articles(shared, limit)
    texts = [a.text for a in articles]
    tokens = 0
    nlp = get_nlp()
    list(nlp.pipe(texts[:8]))  # load and warm up outside the clock
    Stages.load()  # gazetteers and models load once per process, outside the clock too
    from dateline.events.acled_coding import shipped_classifier

    shipped_classifier()  # the event-type model (about 1 s to load), likewise

    started = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=BATCH):
        tokens += len(doc)
    bare = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        store.add_articles(articles)  # ingest is timed on its own (bench/ingest.py)
        started = time.perf_counter()
        report = process(store, batch_size=BATCH)
        ours = time.perf_counter() - started
        store.close()

    bare_rate = len(texts) / bare
    our_rate = report.articles / ours if ours else 0.0
    return {
        "articles": len(texts),
        "tokens": tokens,
        "bare_spacy_articles_per_s": round(bare_rate, 2),
        "bare_spacy_tokens_per_s": round(tokens / bare, 1),
        "dateline_articles_per_s": round(our_rate, 2),
        "dateline_tokens_per_s": round(tokens / ours, 1) if ours else 0.0,
        "ratio": round(our_rate / bare_rate, 3) if bare_rate else 0.0,
        "events": report.events,
        "failed": len(report.failed),
        "goal_ratio": 0.5,
    }


def to_markdown(result: dict) -> str:
    verdict = "meets" if result["ratio"] >= result["goal_ratio"] else "misses"
    lines = [
        "## Events: ingest to events",
        "",
        f"{result['articles']} LGL articles ({result['tokens']} tokens), one process.",
        "",
        "| run | articles/s | tokens/s |",
        "|---|---|---|",
        f"| bare spaCy (`nlp.pipe`, batch {BATCH}) | {result['bare_spacy_articles_per_s']} | {result['bare_spacy_tokens_per_s']} |",
        f"| dateline `pipeline.process` (parse, time, geo, entities, events, claims, SQLite writes) | "
        f"{result['dateline_articles_per_s']} | {result['dateline_tokens_per_s']} |",
        "",
        f"Ratio {result['ratio']:.3f} of bare spaCy: {verdict} the goal of {result['goal_ratio']}. "
        f"{result['events']} events, {result['failed']} failed articles.",
    ]
    return "\n".join(lines) + "\n"
