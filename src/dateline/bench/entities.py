"""Cost of the entity stage next to bare spaCy parsing, on LGL's local news texts.

Bare spaCy is ``nlp.pipe`` over the texts (the shared pipeline, batch 64). The entity stage is
the map step (``ArticleEntityReader.read``) over the same parsed docs, then the reduce step
(``EntityResolver.resolve``) over every article's entities, as a real run does. Its time per article is set against
spaCy's parse time per article: the issue's goal is the whole nlp + entities + geo stage at
>= 60% of bare spaCy's throughput, so entities may take at most a part of the remaining 67%
of parse time (1 / 0.6 - 1) that it shares with geo.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from dateline.bench.corpora import lgl_articles

BATCH = 64
STAGE_GOAL_RATIO = 0.6  # nlp + entities + geo, of bare spaCy throughput


def run(shared: Path, limit: int | None = None) -> dict:
    from dateline.entities import ArticleEntityReader, EntityResolver
    from dateline.model import Article
    from dateline.nlp import get_nlp

    articles = lgl_articles(shared, limit)
    texts = [a.text for a in articles]
    nlp = get_nlp()
    list(nlp.pipe(texts[:8]))  # load and warm up outside the clock
    reader = ArticleEntityReader()
    reader.read(Article(id="warm-up", text="warm up"), nlp("warm up"))  # the name matcher is built once, off the clock

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH))
    bare = time.perf_counter() - started
    tokens = sum(len(doc) for doc in docs)

    per_article = []
    mentions = 0
    started = time.perf_counter()
    found = []
    for article, doc in zip(articles, docs):
        tick = time.perf_counter()
        article_mentions, article_entities = reader.read(article, doc)
        mentions += len(article_mentions)
        found += article_entities
        per_article.append(time.perf_counter() - tick)
    resolver = EntityResolver(reader=reader)  # the reduce step, over every article's entities
    resolver.resolve(found)
    ours = time.perf_counter() - started
    entities = resolver.entities()

    n = len(texts)
    combined_rate = n / (bare + ours)
    bare_rate = n / bare
    return {
        "articles": n,
        "tokens": tokens,
        "bare_spacy_s": round(bare, 3),
        "bare_spacy_articles_per_s": round(bare_rate, 2),
        "parse_ms_per_article": round(1000 * bare / n, 3),
        "entities_s": round(ours, 3),
        "entities_ms_per_article": round(1000 * ours / n, 3),
        "entities_ms_median": round(1000 * statistics.median(per_article), 3),
        "entities_ms_max": round(1000 * max(per_article), 3),
        "entities_overhead_of_parse": round(ours / bare, 4),
        "nlp_plus_entities_articles_per_s": round(combined_rate, 2),
        "ratio_nlp_plus_entities": round(combined_rate / bare_rate, 4),
        "mentions": mentions,
        "entities": len(entities),
        "entity_kinds": _count_kinds(entities),
        "stage_goal_ratio": STAGE_GOAL_RATIO,
    }


def _count_kinds(entities) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity.kind] = counts.get(entity.kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def to_markdown(result: dict) -> str:
    budget = 1 / result["stage_goal_ratio"] - 1
    lines = [
        "## Entities: mentions, coreference and cross-article resolution",
        "",
        f"{result['articles']} LGL articles ({result['tokens']} tokens), one process, one resolver across all.",
        "",
        "| run | seconds | ms per article | articles/s |",
        "|---|---|---|---|",
        f"| bare spaCy (`nlp.pipe`, batch {BATCH}) | {result['bare_spacy_s']} | {result['parse_ms_per_article']} | "
        f"{result['bare_spacy_articles_per_s']} |",
        f"| entity stage alone (`EntityResolver.add_article` on the parsed docs) | {result['entities_s']} | "
        f"{result['entities_ms_per_article']} (median {result['entities_ms_median']}, max {result['entities_ms_max']}) | |",
        f"| spaCy + entities | {round(result['bare_spacy_s'] + result['entities_s'], 3)} | | "
        f"{result['nlp_plus_entities_articles_per_s']} |",
        "",
        f"The entity stage costs {100 * result['entities_overhead_of_parse']:.1f}% of spaCy's parse time; spaCy + "
        f"entities run at {result['ratio_nlp_plus_entities']:.3f} of bare spaCy's throughput. The goal for the "
        f"whole nlp + entities + geo stage is {result['stage_goal_ratio']} of bare spaCy, which leaves entities and "
        f"geo together {100 * budget:.0f}% of parse time.",
        "",
        f"{result['mentions']} mentions resolved to {result['entities']} canonical entities "
        f"({', '.join(f'{k} {v}' for k, v in result['entity_kinds'].items())}).",
    ]
    return "\n".join(lines) + "\n"
