"""Benchmark of the geo stage next to bare spaCy, on the LGL news texts.

Measured in one run: bare spaCy (``nlp.pipe``, batch 64) over the texts; then toponym
recognition + resolution over the same parsed docs; the gazetteer's load time from its disk
cache and the cost of one name lookup. The stage's share is what it adds to the parse.
"""

from __future__ import annotations

import time
from pathlib import Path

from dateline.eval.geo import read_corpus
from dateline.geo import recognize_toponyms, resolve_toponyms
from dateline.geo.embedded import cache_path, default_gazetteer
from dateline.nlp import get_nlp


def run(shared: Path, limit: int | None = None) -> dict:
    articles = read_corpus(Path(shared) / "eval" / "geo" / "lgl.xml")[:limit]
    texts = [a.text for a in articles]
    nlp = get_nlp()

    default_gazetteer.cache_clear()
    started = time.perf_counter()
    gazetteer = default_gazetteer()
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    places = 0
    for text, doc in zip(texts, docs):
        places += len(resolve_toponyms(text, recognize_toponyms(doc, gazetteer), gazetteer))
    geo_seconds = time.perf_counter() - started

    # issue 5's speed goal is for the whole stage: parse, then entities and geo over the same docs
    from dateline.entities import ArticleEntityReader, EntityResolver
    from dateline.model import Article

    reader = ArticleEntityReader()
    reader.read(Article(id="warm-up", text="warm up"), nlp("warm up"))  # matcher built off the clock
    started = time.perf_counter()
    found = []
    for number, (text, doc) in enumerate(zip(texts, docs)):
        found += reader.read(Article(id=f"lgl-{number}", text=text), doc)[1]
    EntityResolver(reader=reader).resolve(found)
    entities_seconds = time.perf_counter() - started

    names = ["Kabul", "Springfield", "Paris", "Georgia", "Faizabad", "Nowhereville"] * 2000
    started = time.perf_counter()
    for name in names:
        gazetteer.candidates(name)
    lookup_us = 1e6 * (time.perf_counter() - started) / len(names)

    tokens = sum(len(d) for d in docs)
    n = len(texts)
    return {
        "articles": n,
        "tokens": tokens,
        "places": places,
        "gazetteer": gazetteer.description,
        "gazetteer_places": len(gazetteer),
        "gazetteer_load_s": round(load_seconds, 2),
        "gazetteer_cache": str(cache_path()),
        "spacy_docs_per_s": round(n / spacy_seconds, 2),
        "geo_docs_per_s": round(n / geo_seconds, 2) if geo_seconds else None,
        "spacy_plus_geo_docs_per_s": round(n / (spacy_seconds + geo_seconds), 2),
        "share_of_bare_spacy": round(spacy_seconds / (spacy_seconds + geo_seconds), 3),
        "geo_ms_per_doc": round(1000 * geo_seconds / n, 2),
        "entities_ms_per_doc": round(1000 * entities_seconds / n, 2),
        "whole_stage_share_of_bare_spacy": round(spacy_seconds / (spacy_seconds + geo_seconds + entities_seconds), 3),
        "lookup_us": round(lookup_us, 2),
    }


def to_markdown(result: dict) -> str:
    return "\n".join(
        [
            "## Geo (toponym recognition and resolution)",
            "",
            f"{result['articles']} LGL news articles ({result['tokens']} tokens), {result['places']} places found. "
            f"Gazetteer: {result['gazetteer']} ({result['gazetteer_places']} places), loaded from its disk cache "
            f"in {result['gazetteer_load_s']} s.",
            "",
            "| what | figure |",
            "|---|---|",
            f"| bare spaCy `nlp.pipe` | {result['spacy_docs_per_s']} articles/s |",
            f"| geo alone over the parsed docs | {result['geo_docs_per_s']} articles/s ({result['geo_ms_per_doc']} ms/article) |",
            f"| spaCy + geo | {result['spacy_plus_geo_docs_per_s']} articles/s ({100 * result['share_of_bare_spacy']:.0f}% of bare spaCy) |",
            f"| one gazetteer lookup | {result['lookup_us']} µs |",
            f"| spaCy + entities ({result['entities_ms_per_doc']} ms/article) + geo, same docs, same run | "
            f"{100 * result['whole_stage_share_of_bare_spacy']:.0f}% of bare spaCy (goal: at least 60%) |",
            "",
        ]
    )
