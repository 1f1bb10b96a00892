"""Speed of ingest-to-events next to bare spaCy, on LGL's local news texts.

Both runs read the same texts in the same process, on one core's worth of work: bare spaCy is
``nlp.pipe`` over the texts; dateline is ``pipeline.process`` over a fresh SQLite store holding
the same texts as articles (the map step: one parse per article in batches, then time, geo,
the article's entities, events, claims, and the writes; then the reduce step over the
entities, and fusion). The goal (issue 11): dateline at least 0.6 of bare spaCy's articles per
second, read in CPU time on a shared machine.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from dateline.bench.corpora import lgl_articles

ARTICLES = 200
BATCH = 64
REPEATS = 5  # bare spaCy and dateline in turn, each a fresh store; the median of the runs' ratios is quoted
# (three runs let one tree's ratio move by 0.1 between benches on this shared machine: stop 41)
GOAL_RATIO = 0.6  # issue 11: the whole pipeline at 0.6 of bare spaCy's throughput


def _bare(nlp, texts: list[str]) -> tuple[float, float, int]:
    """(CPU s, wall s, tokens) of ``nlp.pipe`` over the texts."""
    tokens = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=BATCH):
        tokens += len(doc)
    return time.process_time() - cpu, time.perf_counter() - wall, tokens


def _dateline(articles) -> tuple[float, float, object]:
    """(CPU s, wall s, ProcessReport) of ``pipeline.process`` over a fresh store of the articles."""
    from dateline.pipeline import process
    from dateline.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        store.add_articles(articles)  # ingest is timed on its own (bench/ingest.py)
        cpu, wall = time.process_time(), time.perf_counter()
        report = process(store, batch_size=BATCH)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        store.close()
    return cpu, wall, report


def paired_ratio(ratios: list[float]) -> float:
    """The ratio to quote: the median of each run's own ratio (bare spaCy's time over dateline's, the
    two timed one after the other), not the ratio of the two medians. A slow spell of the shared
    machine slows both halves of a run alike and cancels in its ratio; the medians of each side,
    taken from different runs, would carry it."""
    return statistics.median(ratios)


def run(shared: Path, limit: int = ARTICLES, repeats: int = REPEATS) -> dict:
    """CPU time (``time.process_time``, every thread of the process) is the figure to read: the
    machine is shared, and wall time measures the other processes as much as this one."""
    from dateline.nlp import get_nlp
    from dateline.pipeline import Stages

    articles = lgl_articles(shared, limit)
    texts = [a.text for a in articles]
    nlp = get_nlp()
    # load and warm up outside the clock, over every text: the first pass adds the texts' words to
    # spaCy's vocabulary, a cost the first timed bare run alone would otherwise pay (its ratio ran
    # about 0.1 above the later runs')
    list(nlp.pipe(texts, batch_size=BATCH))
    Stages.load()  # gazetteers, rule tables and models load once per process, outside the clock too
    from dateline.events.acled_coding import shipped_classifier

    shipped_classifier()  # the event-type model (about 1 s to load), likewise
    from dateline.fuse.lexicon import default_lexicon
    from dateline.fuse.scorer import default_scorer

    default_lexicon()  # fusion's WordNet table and pair scorer: the first run alone would read them
    default_scorer()

    bare_runs, our_runs = [], []
    for _ in range(repeats):
        bare_runs.append(_bare(nlp, texts))
        our_runs.append(_dateline(articles))
    cpu_ratios = [b[0] / o[0] for b, o in zip(bare_runs, our_runs)]
    wall_ratios = [b[1] / o[1] for b, o in zip(bare_runs, our_runs)]
    bare_cpu = statistics.median(r[0] for r in bare_runs)
    bare_wall = statistics.median(r[1] for r in bare_runs)
    our_cpu = statistics.median(r[0] for r in our_runs)
    our_wall = statistics.median(r[1] for r in our_runs)
    tokens = bare_runs[0][2]
    report = our_runs[-1][2]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "articles": len(texts),
        "tokens": tokens,
        "repeats": repeats,
        "load_average": round(load, 1) if load is not None else None,
        "bare_spacy_cpu_s": round(bare_cpu, 2),
        "bare_spacy_wall_s": round(bare_wall, 2),
        "dateline_cpu_s": round(our_cpu, 2),
        "dateline_wall_s": round(our_wall, 2),
        "bare_spacy_articles_per_cpu_s": round(len(texts) / bare_cpu, 2),
        "dateline_articles_per_cpu_s": round(report.articles / our_cpu, 2),
        "bare_spacy_articles_per_s": round(len(texts) / bare_wall, 2),
        "dateline_articles_per_s": round(report.articles / our_wall, 2),
        "bare_spacy_tokens_per_s": round(tokens / bare_wall, 1),
        "dateline_tokens_per_s": round(tokens / our_wall, 1),
        "cpu_ratio": round(paired_ratio(cpu_ratios) * report.articles / len(texts), 3),
        "ratio": round(paired_ratio(wall_ratios) * report.articles / len(texts), 3),
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "wall_ratios": [round(r, 3) for r in wall_ratios],
        "events": report.events,
        "failed": len(report.failed),
        "goal_ratio": GOAL_RATIO,
    }


def to_markdown(result: dict) -> str:
    lines = [
        "## Events: ingest to events",
        "",
        f"{result['articles']} LGL articles ({result['tokens']} tokens), one process.",
        "",
    ]
    if "cpu_ratio" not in result:  # figures of a run before CPU time was measured
        verdict = "meets" if result["ratio"] >= result["goal_ratio"] else "misses"
        lines += [
            "| run | articles/s | tokens/s |",
            "|---|---|---|",
            f"| bare spaCy (`nlp.pipe`, batch {BATCH}) | {result['bare_spacy_articles_per_s']} | {result['bare_spacy_tokens_per_s']} |",
            f"| dateline `pipeline.process` | {result['dateline_articles_per_s']} | {result['dateline_tokens_per_s']} |",
            "",
            f"Ratio {result['ratio']:.3f} of bare spaCy (wall clock): {verdict} the goal of {result['goal_ratio']}. "
            f"{result['events']} events, {result['failed']} failed articles.",
        ]
        return "\n".join(lines) + "\n"
    verdict = "meets" if result["cpu_ratio"] >= result["goal_ratio"] else "misses"
    load = f", load average {result['load_average']} on {os.cpu_count()} cores when it ended" \
        if result.get("load_average") is not None else ""
    lines += [
        f"Bare spaCy and dateline run in turn, {result['repeats']} times each; the times are medians, the "
        "ratio the median of each run's own ratio (both halves of a run see the same machine). CPU time "
        f"(`time.process_time`) is the figure to read: the machine is shared{load}, so wall time also "
        "measures the other processes.",
        "",
        "| run | CPU s | articles per CPU s | wall s | articles/s (wall) | tokens/s (wall) |",
        "|---|---|---|---|---|---|",
        f"| bare spaCy (`nlp.pipe`, batch {BATCH}) | {result['bare_spacy_cpu_s']} | "
        f"{result['bare_spacy_articles_per_cpu_s']} | {result['bare_spacy_wall_s']} | "
        f"{result['bare_spacy_articles_per_s']} | {result['bare_spacy_tokens_per_s']} |",
        f"| dateline `pipeline.process` (parse, time, geo, entities, events, claims, SQLite writes, entity "
        f"reduce, fusion) | {result['dateline_cpu_s']} | {result['dateline_articles_per_cpu_s']} | "
        f"{result['dateline_wall_s']} | {result['dateline_articles_per_s']} | {result['dateline_tokens_per_s']} |",
        "",
        f"Ratio {result['cpu_ratio']:.3f} of bare spaCy in CPU time (each run: "
        f"{', '.join(f'{r:.3f}' for r in result['cpu_ratios'])}), {result['ratio']:.3f} in wall time (each run: "
        f"{', '.join(f'{r:.3f}' for r in result['wall_ratios'])}): {verdict} the goal of {result['goal_ratio']} "
        f"(CPU time). {result['events']} events, {result['failed']} failed articles.",
    ]
    return "\n".join(lines) + "\n"
