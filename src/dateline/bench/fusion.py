"""Fusion cost as the corpus grows: 2,500 and 10,000 articles' worth of extracted events.

The events are real extractions, replicated: LGL's first 100 local news articles are read once
by the map and reduce steps (``pipeline.read_corpus``, outside the clock), then copied 25 and 100
times. Copy k keeps every event's words, type, places and actors and moves its dates (and its
article's publication date) k x 5 days later, so the larger corpus is a longer run of news about
the same towns, as a developing story gives: the same blocking keys (a head word, an actor, a
place) come back in every copy, and only the dates keep copies apart. A date known only to the
month or year still spans copies, as it would in real news.

What is timed is the fusion step of ``Store.fuse`` without the store's reads and writes: the
blocking components, clustering of each, the fused records, and the claim groups. Candidate
pairs are the pairs blocking compares (sharing a key, dates able to overlap, at most
``blocking_neighbourhood`` earlier events of a key each, at most ``vague_neighbourhood`` where a date
is vague). Peak memory is how far the process's
resident memory rose above its level before the step (sampled every 0.05 s by a thread). The
goal: the 10,000-article run takes at most 4.4 times the CPU time of the 2,500-article run. The
ratio quoted is the median of each repeat's own ratio (the two sizes fused one after the other), as
the events bench quotes its ratio (``events.paired_ratio``): the ratio of the two sizes' medians,
taken from different repeats, moved by 0.3 between two runs of one tree at stop 42.
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import psutil

from dateline.bench.corpora import lgl_articles
from dateline.bench.events import paired_ratio

BASE_ARTICLES = 100
SIZES = (2_500, 10_000)
REPEATS = 5
SHIFT_DAYS = 5
GOAL_RATIO = 4.4


def _shift_value(value: str | None, days: int) -> str | None:
    """A day-precise TIMEX value moved by ``days``; coarser values ("2009-03", "2009-W10") kept."""
    if value and len(value) == 10:
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def _shift(day: date | None, days: int) -> date | None:
    return day + timedelta(days=days) if day else None


def replicate(records, articles: dict, copies: int):
    """Events, claims and article infos of ``copies`` copies, copy k moved k x SHIFT_DAYS days."""
    from dateline.fuse.events import ArticleInfo

    events, claims, infos = [], [], {}
    for k in range(copies):
        days = k * SHIFT_DAYS
        suffix = f"~{k}"
        for record in records:
            article = articles[record.article_id]
            article_id = record.article_id + suffix
            infos[article_id] = ArticleInfo(article_id, f"Outlet {k % 40}", _shift(article.published, days))
            for event in record.events:
                events.append(replace(
                    event, id=event.id + suffix, article_id=article_id, date_value=_shift_value(event.date_value, days),
                    date_start=_shift(event.date_start, days), date_end=_shift(event.date_end, days)))
            for claim in record.claims:
                claims.append(replace(claim, article_id=article_id,
                                      event_id=claim.event_id + suffix if claim.event_id else None,
                                      id=f"{claim.id or id(claim)}{suffix}"))
    return events, claims, infos


def fuse_in_memory(events, claims, infos) -> dict:
    """What ``Store.fuse`` computes on a full run, without the store."""
    from dateline.fuse.claims import group_claims
    from dateline.fuse.events import fused_event, lend_sentence_places, plan_fusion

    events = lend_sentence_places(events)
    by_id = {e.id: e for e in events}
    plan = plan_fusion(events, None)
    fused = [fused_event([by_id[i] for i in cluster], infos) for cluster in plan.clusters]
    groups = group_claims(claims, fused, infos)
    return {"fused": len(fused), "multi_source": sum(1 for f in fused if f.sources > 1),
            "components": plan.components, "claim_groups": len(groups),
            "contradictions": sum(1 for g in groups if g.contradiction)}


def count_pairs(events) -> int:
    """Candidate pairs blocking compares."""
    from dateline.fuse.config import EventFusionConfig
    from dateline.fuse.events import candidate_pairs, lend_sentence_places, mention_for_event

    config = EventFusionConfig()
    events = lend_sentence_places(events)
    mentions = {e.id: mention_for_event(e, config) for e in events}
    return sum(1 for _ in candidate_pairs(events, mentions, config))


class PeakMemory:
    """The highest resident memory of this process while the block runs, above where it began."""

    def __init__(self, every: float = 0.05):
        self.every, self.process, self.peak, self.base = every, psutil.Process(), 0, 0
        self._stop = threading.Event()

    def _watch(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self):
        self.base = self.peak = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def rise_mib(self) -> float:
        return round((self.peak - self.base) / 2**20, 1)


def repeat_ratios(small: list[float], large: list[float]) -> list[float]:
    """Each repeat's own ratio of the larger corpus's time to the smaller's (the two fused one after
    the other, so a slow spell of the machine slows both); a repeat whose small time is 0 says nothing."""
    return [big / little for little, big in zip(small, large) if little]


def run(shared: Path, base: int = BASE_ARTICLES, sizes: tuple[int, ...] = SIZES) -> dict:
    from dateline.pipeline import read_corpus

    articles = {a.id: a for a in lgl_articles(shared, base)}
    corpus = read_corpus(list(articles.values()))
    records = [r for r in corpus.records if r.article_id in articles]
    corpora = []
    for size in sizes:
        copies = size // len(records)
        corpora.append((copies, *replicate(records, articles, copies)))
    # each size fused REPEATS times, the sizes taken in turn (the order swapped every repeat, so neither
    # size always runs on a machine the other has just warmed): one run of a few seconds moves by 15%
    # with the machine (the 2,500 articles took 7.3 and 8.6 CPU s in two runs)
    times: list[list[tuple[float, float]]] = [[] for _ in sizes]
    figures_of: list[dict] = [{} for _ in sizes]
    memory_of: list[float] = [0.0 for _ in sizes]
    for repeat in range(REPEATS):
        order = list(enumerate(corpora))
        for n, (copies, events, claims, infos) in (order if repeat % 2 == 0 else order[::-1]):
            with PeakMemory() as memory:
                started_wall, started_cpu = time.perf_counter(), time.process_time()
                figures_of[n] = fuse_in_memory(events, claims, infos)
                wall, cpu = time.perf_counter() - started_wall, time.process_time() - started_cpu
            times[n].append((cpu, wall))
            if repeat == 0:
                memory_of[n] = memory.rise_mib
    runs = []
    for n, (copies, events, claims, infos) in enumerate(corpora):
        cpus, walls = sorted(c for c, _ in times[n]), sorted(w for _, w in times[n])
        runs.append({**figures_of[n], "articles": copies * len(records), "events": len(events), "claims": len(claims),
                     "cpu_s": round(statistics.median(cpus), 2), "wall_s": round(statistics.median(walls), 2),
                     "cpu_runs": [round(c, 2) for c, _ in times[n]], "candidate_pairs": count_pairs(events),
                     "peak_rise_mib": memory_of[n]})
    small, large = runs[0], runs[-1]
    cpu_ratios = repeat_ratios([c for c, _ in times[0]], [c for c, _ in times[-1]])
    wall_ratios = repeat_ratios([w for _, w in times[0]], [w for _, w in times[-1]])
    return {
        "base_articles": len(records), "shift_days": SHIFT_DAYS, "runs": runs, "repeats": REPEATS,
        "cpu_ratio": round(paired_ratio(cpu_ratios), 2) if cpu_ratios else None,
        "wall_ratio": round(paired_ratio(wall_ratios), 2) if wall_ratios else None,
        "cpu_ratios": [round(r, 2) for r in cpu_ratios],
        "size_ratio": round(large["articles"] / small["articles"], 2), "goal_ratio": GOAL_RATIO,
    }


def to_markdown(result: dict) -> str:
    ratio = result["cpu_ratio"]
    verdict = "meets" if ratio is not None and ratio <= result["goal_ratio"] else "misses"
    lines = [
        "## Fusion: cost as the corpus grows",
        "",
        f"The events of {result['base_articles']} LGL articles as dateline extracts them, replicated "
        f"(copy k moved k x {result['shift_days']} days; words, places and actors kept, so blocking keys recur "
        "in every copy); the fusion step of `Store.fuse` in memory (components, clustering, fused records, "
        f"claim groups), without the store's reads and writes, each size {result.get('repeats', 3)} times in turn "
        "and the medians given (the CPU seconds of each run in the last column). CPU time is the figure to read: "
        "the machine is shared, wall time is given beside it. The ratio is the median of each repeat's own ratio "
        "(the two sizes fused one after the other), not the ratio of the two medians.",
        "",
        "| articles | events | candidate pairs | components | fused events | with 2+ sources | claim groups "
        "| CPU s | wall s | memory rise MiB | CPU s of each run |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["runs"]:
        lines.append(f"| {r['articles']:,} | {r['events']:,} | {r['candidate_pairs']:,} | {r['components']:,} "
                     f"| {r['fused']:,} | {r['multi_source']:,} | {r['claim_groups']:,} | {r['cpu_s']} | {r['wall_s']} "
                     f"| {r['peak_rise_mib']} | {', '.join(str(c) for c in r.get('cpu_runs', []))} |")
    each = f" (each repeat: {', '.join(str(r) for r in result['cpu_ratios'])})" if result.get("cpu_ratios") else ""
    lines += ["", f"{result['size_ratio']:g} times the articles take {ratio} times the CPU time{each} "
                  f"({result['wall_ratio']} times the wall time): {verdict} the goal of at most {result['goal_ratio']}."]
    return "\n".join(lines) + "\n"
