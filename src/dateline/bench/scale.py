"""Scale: end-to-end throughput (ingest to events, then the reduce step) with 1 and 2 worker
processes next to bare spaCy on the same texts with 1 and 2 processes; how run time grows with
the corpus; peak memory per worker.

Every run starts from a fresh SQLite store and a JSON Lines file of the texts, and is timed
from ``ingest`` to the end of ``process`` (map on the engine's workers, writes, reduce; fusion
too once ``process`` runs it). Worker start-up (spawning, loading spaCy and the Stages) is
inside the end-to-end time; ``steady`` is the rate from the first batch written to the last,
which is what a long run sees. Peak memory is each worker process's own peak resident size
(``VmHWM``, reported with every batch it maps), and the parent's (psutil). The machine is
shared, so next to wall-clock time every run gives CPU seconds per process (the parent's, and
each worker's as of its last batch, start-up included): ``cpu_speedup_2`` is the 1-worker
run's CPU seconds (parent + worker) over the 2-worker run's critical path (parent + the busier
worker), what two free cores would give if the parent never overlapped the workers (a lower
bound on that machine); ``cpu_steady_speedup_2`` leaves start-up out: the two workers'
articles per CPU second after their first batch, added, over the one worker's.

Writes alone: the in-process run's records written again into fresh stores, batch by batch
(the row path) and through the bulk path (Parquet partitions loaded whole; COPY on
PostgreSQL when $DATELINE_BENCH_PG_URL names a database to use).

Corpora: LGL's local news articles for throughput. For growth, a corpus of N distinct texts
is needed and LGL holds 588: each text of the growth corpora is two LGL articles one after the
other (article i, then article i + k for k = 1, 2, ...), so no two texts are duplicates or near
duplicates of each other (word-shingle similarity about 1/3 at most), and a larger corpus
repeats names and places as a real stream does.

In ``make bench`` (sizes kept to a few minutes); larger runs alone with
``python -m dateline.bench.scale --shared ../shared --articles 400 --growth 250 1000``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import psutil

from dateline.bench.corpora import lgl_articles
from dateline.model import Article

ARTICLES = 120  # throughput runs (a few minutes in all on a quiet machine)
GROWTH = (40, 160)  # texts; the issue asks 10k vs 40k (the same 4x), see docs/scaling.md
BATCH = 16  # small enough that 2 workers share a few hundred articles evenly
GOAL_RATIO = 0.6
GOAL_SPEEDUP = 1.8
GOAL_GROWTH = 4.4
GOAL_WORKER_BYTES = 1.5 * 2**30


class Measured:
    """An engine that passes batches through another and notes when each came back and how
    much memory its worker held."""

    def __init__(self, engine, keep: bool = False):
        self.engine = engine
        self.keep = keep
        self.results: list = []  # the records mapped, when ``keep``
        self.cpu: dict[int, float] = {}  # worker pid -> its CPU seconds at its last batch
        self.first_cpu: dict[int, float] = {}  # worker pid -> its CPU seconds at its first batch
        self.after_first: dict[int, int] = {}  # worker pid -> articles it mapped after its first batch
        self.name = engine.name
        self.stages = getattr(engine, "stages", None)
        self.peaks: dict[int, int] = {}
        self.times: list[tuple[float, int]] = []  # (when, articles in the batch)
        self.parent_seconds = 0.0  # spent by the parent between batches: its writes

    def map(self, batches: Iterable[list[Article]], recipe, total: int | None = None) -> Iterator:
        for mapped in self.engine.map(batches, recipe, total=total):
            if mapped.worker_pid is not None and mapped.worker_peak_bytes:
                self.peaks[mapped.worker_pid] = max(self.peaks.get(mapped.worker_pid, 0), mapped.worker_peak_bytes)
            if mapped.worker_pid is not None and mapped.worker_cpu_seconds is not None:
                pid = mapped.worker_pid
                if pid in self.first_cpu:
                    self.after_first[pid] = self.after_first.get(pid, 0) + len(mapped.article_ids)
                else:
                    self.first_cpu[pid] = mapped.worker_cpu_seconds
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), mapped.worker_cpu_seconds)
            if self.keep:
                self.results += mapped.results
            handed = time.perf_counter()
            self.times.append((handed, len(mapped.article_ids)))
            yield mapped
            self.parent_seconds += time.perf_counter() - handed
        self.stages = getattr(self.engine, "stages", None)


def pair_corpus(articles: list[Article], size: int) -> list[dict]:
    """``size`` distinct texts, each two LGL articles back to back (see the module doc)."""
    rows, n, k = [], len(articles), 1
    while len(rows) < size:
        for i in range(n):
            first, second = articles[i], articles[(i + k) % n]
            rows.append({"text": first.text + "\n\n" + second.text, "title": first.title,
                         "date": first.published.isoformat() if first.published else None})
            if len(rows) >= size:
                break
        k += 1
    return rows


def _rows(articles: list[Article]) -> list[dict]:
    return [{"text": a.text, "title": a.title, "date": a.published.isoformat() if a.published else None}
            for a in articles]


def end_to_end(rows: list[dict], engine, folder: Path, name: str, keep: list | None = None) -> dict:
    """Ingest a JSON Lines file of ``rows`` into a fresh store and extract everything; given
    ``keep``, (articles, records) are appended to it for the write benchmark."""
    from dateline.ingest import ingest
    from dateline.pipeline import process
    from dateline.store import open_store

    source = folder / f"{name}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    measured = Measured(engine, keep=keep is not None)
    parent = psutil.Process()
    store = open_store(str(folder / f"{name}.db"))
    started, cpu_started = time.perf_counter(), time.process_time()
    ingested = ingest([source], store)
    after_ingest = time.perf_counter()
    report = process(store, engine=measured, batch_size=BATCH)
    finished, parent_cpu = time.perf_counter(), time.process_time() - cpu_started
    # the reduce step again, on its own: what each incremental run (watch) pays for the whole store
    reduce_started = time.perf_counter()
    store.reduce_entities(stages=measured.stages)
    reduce_seconds = time.perf_counter() - reduce_started
    if keep is not None:
        keep.append((list(store.iter_articles()), measured.results))
    store.close()
    own = os.getpid() in measured.cpu  # in this process: its CPU is the parent's
    steady = None
    if len(measured.times) >= 3:
        (first, _), (last, _) = measured.times[0], measured.times[-1]
        articles_after_first = sum(n for _, n in measured.times[1:])
        steady = articles_after_first / (last - first) if last > first else None
    return {
        "engine": engine.name, "articles": report.articles, "new": ingested.new, "events": report.events,
        "failed": len(report.failed), "entities": report.entities,
        "ingest_s": round(after_ingest - started, 2), "extract_s": round(finished - after_ingest, 2),
        "seconds": round(finished - started, 2),
        "articles_per_s": round(report.articles / (finished - started), 2),
        "steady_articles_per_s": round(steady, 2) if steady else None,
        "write_s": round(measured.parent_seconds, 2),
        "reduce_s": round(reduce_seconds, 2),
        "worker_peak_mib": sorted(round(b / 2**20) for b in measured.peaks.values()),
        "parent_rss_mib": round(parent.memory_info().rss / 2**20),
        "parent_cpu_s": round(parent_cpu, 2),
        "worker_cpu_s": [] if own else sorted(round(c, 2) for c in measured.cpu.values()),
        "load_average": round(os.getloadavg()[0], 1),
        # articles per CPU second of each worker after its first batch (start-up left out)
        "worker_steady_per_cpu_s": [] if own else sorted(
            round(measured.after_first[pid] / (measured.cpu[pid] - measured.first_cpu[pid]), 2)
            for pid in measured.after_first if measured.cpu[pid] > measured.first_cpu[pid]),
    }


def write_rate(articles: list[Article], results: list, url: str, bulk: int | None, batch: int = BATCH) -> dict:
    """The parent's writes alone: the map step's records of ``articles`` (mapped once, before)
    written into a fresh store batch by batch (``bulk`` None: the row path, one transaction per
    batch of ``batch``) or through the bulk path (partitions of ``bulk`` articles staged as
    Parquet and loaded whole; COPY on PostgreSQL). Wall clock and this process's CPU time."""
    from dateline.store import open_store
    from dateline.store.bulk import PartitionWriter

    store = open_store(url)
    store.add_articles(articles)
    wall, cpu = time.perf_counter(), time.process_time()
    if bulk is None:
        for start in range(0, len(results), batch):
            store.save_extraction(results[start:start + batch])
    else:
        writer = PartitionWriter(store.engine, bulk)
        writer.start()
        for start in range(0, len(results), batch):
            writer.add(results[start:start + batch])
        writer.finish()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    written = store.count_extracted(("done",))
    store.close()
    return {"path": "rows" if bulk is None else f"bulk {bulk}", "articles": written, "seconds": round(wall, 2),
            "cpu_s": round(cpu, 2), "articles_per_s": round(written / wall, 1),
            "articles_per_cpu_s": round(written / cpu, 1) if cpu else None}


def write_rates(articles: list[Article], results: list, folder: Path) -> list[dict]:
    """The row path and the bulk path on SQLite, and on PostgreSQL given $DATELINE_BENCH_PG_URL
    (a schema of its own, dropped after)."""
    found = []
    for bulk in (None, 256):
        figures = write_rate(articles, results, str(folder / f"writes-{bulk}.db"), bulk)
        found.append({"store": "SQLite", **figures})
    url = os.environ.get("DATELINE_BENCH_PG_URL")
    if url:
        import uuid

        from sqlalchemy import create_engine, text

        admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        for bulk in (None, 256):
            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with admin.begin() as connection:
                connection.execute(text(f"CREATE SCHEMA {schema}"))
            try:
                separator = "&" if "?" in url else "?"
                figures = write_rate(articles, results, f"{url}{separator}options=-csearch_path%3D{schema}", bulk)
                found.append({"store": "PostgreSQL", **figures})
            finally:
                with admin.begin() as connection:
                    connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return found


def incremental_cost(articles: list[Article], results: list, sizes: Iterable[int], folder: Path,
                     added: int = 10) -> list[dict]:
    """What the reduce steps cost after a small new batch: for each size N, a store holding the
    records of N articles, reduced and fused; then ``added`` more articles' records written and
    ``reduce_entities`` and ``fuse`` timed (wall and CPU seconds), next to a full fuse of the
    same store, and whether the incremental fuse gave the full one's records."""
    from dateline.serialise import to_jsonl
    from dateline.store import open_store

    by_id = {a.id: a for a in articles}
    found = []

    def timed(step):
        wall, cpu = time.perf_counter(), time.process_time()
        value = step()
        return value, round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)

    for size in sizes:
        first, new = results[:size], results[size:size + added]
        store = open_store(str(folder / f"incremental-{size}.db"))
        store.add_articles([by_id[r.article_id] for r in first + new])
        store.save_extraction(first)
        store.reduce_entities()
        store.fuse()
        store.save_extraction(new)
        _, reduce_wall, reduce_cpu = timed(store.reduce_entities)
        fusion, fuse_wall, fuse_cpu = timed(store.fuse)
        incremental = to_jsonl(store.fused_events())
        _, full_wall, full_cpu = timed(lambda: store.fuse(full=True))
        same = incremental == to_jsonl(store.fused_events())
        store.close()
        found.append({"stored": len(first), "added": len(new), "reduce_s": reduce_wall, "reduce_cpu_s": reduce_cpu,
                      "fuse_s": fuse_wall, "fuse_cpu_s": fuse_cpu, "full_fuse_s": full_wall,
                      "full_fuse_cpu_s": full_cpu, "reclustered": fusion.reclustered,
                      "components": fusion.components, "same_as_full": same,
                      "load_average": round(os.getloadavg()[0], 1)})
    return found


def bare_spacy(texts: list[str], processes: int) -> dict:
    from dateline.nlp import get_nlp

    nlp = get_nlp()
    list(nlp.pipe(texts[:8]))
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH, n_process=processes))
    seconds = time.perf_counter() - started
    return {"processes": processes, "seconds": round(seconds, 2), "articles_per_s": round(len(texts) / seconds, 2),
            "tokens": tokens}


def run(shared: Path, limit: int = ARTICLES, growth: tuple[int, int] | None = GROWTH) -> dict:
    from dateline.engine import InProcess, LocalWorkers

    lgl = lgl_articles(shared, None)
    articles = lgl[:limit]
    texts = [a.text for a in articles]
    load_before = os.getloadavg()
    result: dict = {"articles": len(articles), "cores": psutil.cpu_count(logical=True),
                    "memory_gib": round(psutil.virtual_memory().total / 2**30), "batch": BATCH}
    result["bare"] = [bare_spacy(texts, 1), bare_spacy(texts, 2)]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        from dateline.events.acled_coding import shipped_classifier
        from dateline.pipeline import Stages

        shipped_classifier()
        # this process has spaCy loaded already (bare runs): its Stages load outside the clock too,
        # where each worker process below loads its own inside it
        kept: list = []
        runs = [end_to_end(_rows(articles), InProcess(Stages.load()), folder, "in-process", keep=kept)]
        runs.append(end_to_end(_rows(articles), LocalWorkers(1), folder, "workers-1"))
        runs.append(end_to_end(_rows(articles), LocalWorkers(2), folder, "workers-2"))
        result["runs"] = runs
        result["writes"] = write_rates(*kept[0], folder)
        if growth:
            result["growth"] = [end_to_end(pair_corpus(lgl, size), LocalWorkers(2), folder, f"growth-{size}")
                                for size in growth]
    result["load_average"] = [round(x, 1) for x in load_before] + [round(x, 1) for x in os.getloadavg()]
    bare1, bare2 = result["bare"][0]["articles_per_s"], result["bare"][1]["articles_per_s"]
    one, two = runs[1], runs[2]
    result["ratio_1"] = round(one["articles_per_s"] / bare1, 3)
    result["ratio_2"] = round(two["articles_per_s"] / bare2, 3)
    result["speedup_2"] = round(two["articles_per_s"] / one["articles_per_s"], 3)
    if one["worker_cpu_s"] and len(two["worker_cpu_s"]) == 2:
        result["cpu_speedup_2"] = round((one["parent_cpu_s"] + one["worker_cpu_s"][0])
                                        / (two["parent_cpu_s"] + max(two["worker_cpu_s"])), 3)
    if one["worker_steady_per_cpu_s"] and len(two["worker_steady_per_cpu_s"]) == 2:
        # two free cores: each worker mapping at its own per-CPU-second rate, side by side
        result["cpu_steady_speedup_2"] = round(sum(two["worker_steady_per_cpu_s"]) / one["worker_steady_per_cpu_s"][0], 3)
    if one["steady_articles_per_s"] and two["steady_articles_per_s"]:
        result["steady_speedup_2"] = round(two["steady_articles_per_s"] / one["steady_articles_per_s"], 3)
    if growth:
        small, large = result["growth"]
        result["growth_ratio"] = round(large["seconds"] / small["seconds"], 3)
        result["growth_size_ratio"] = round(growth[1] / growth[0], 3)
    return result


def _cpu_total(run_: dict) -> float:
    return round(run_.get("parent_cpu_s", 0.0) + sum(run_.get("worker_cpu_s", [])), 2)


def to_markdown(result: dict) -> str:
    bare1, bare2 = result["bare"]
    lines = [
        "## Scale: ingest to events on 1 and 2 worker processes",
        "",
        f"{result['articles']} LGL articles, batches of {result['batch']}; {result['cores']} cores, "
        f"{result['memory_gib']} GiB; load average before/after the runs {result['load_average']} "
        "(the machine is shared: other work competes for the cores).",
        "",
        "| run | seconds (wall) | of which writes | articles/s end to end | steady articles/s | CPU s: parent; workers | peak MiB per worker | load |",
        "|---|---|---|---|---|---|---|---|",
        f"| bare spaCy, 1 process (`nlp.pipe`) | {bare1['seconds']} | | {bare1['articles_per_s']} | | | | |",
        f"| bare spaCy, 2 processes (`n_process=2`) | {bare2['seconds']} | | {bare2['articles_per_s']} | | | | |",
    ]
    for run_ in result["runs"]:
        workers_cpu = ", ".join(map(str, run_.get("worker_cpu_s", []))) or "-"
        lines.append(f"| dateline, {run_['engine']} | {run_['seconds']} (ingest {run_['ingest_s']}) | {run_['write_s']} | "
                     f"{run_['articles_per_s']} | {run_['steady_articles_per_s']} | "
                     f"{run_.get('parent_cpu_s')}; {workers_cpu} | "
                     f"{', '.join(map(str, run_['worker_peak_mib'])) or '-'} (parent now {run_['parent_rss_mib']}) | "
                     f"{run_.get('load_average', '')} |")
    lines += [
        "",
        f"Ratio to bare spaCy: {result['ratio_1']} with 1 worker, {result['ratio_2']} with 2 (goal {GOAL_RATIO}); "
        f"2 workers / 1 worker: {result['speedup_2']} end to end, {result.get('steady_speedup_2')} steady "
        f"(goal {GOAL_SPEEDUP}) in wall-clock time on the shared machine; from CPU seconds (1-worker run's "
        f"parent + worker over the 2-worker run's parent + busier worker, start-up included, a lower bound on "
        f"two free cores): {result.get('cpu_speedup_2')}; steady, from each worker's articles per CPU second after "
        f"its first batch ({', '.join(map(str, result['runs'][2].get('worker_steady_per_cpu_s', [])))} with 2 workers "
        f"against {', '.join(map(str, result['runs'][1].get('worker_steady_per_cpu_s', [])))} with 1): "
        f"{result.get('cpu_steady_speedup_2')}.",
    ]
    if result.get("writes"):
        lines += [
            "",
            "Writes alone (the in-process run's records written again into a fresh store; batches of "
            f"{result['batch']} on the row path, partitions of 256 articles on the bulk path):",
            "",
            "| store | path | articles | seconds (wall) | articles/s | parent CPU s | articles per parent CPU s |",
            "|---|---|---|---|---|---|---|",
        ]
        for w in result["writes"]:
            lines.append(f"| {w['store']} | {w['path']} | {w['articles']} | {w['seconds']} | {w['articles_per_s']} | "
                         f"{w['cpu_s']} | {w['articles_per_cpu_s']} |")
    if "growth" in result:
        small, large = result["growth"]
        lines += [
            "",
            "| growth corpus (2 workers) | seconds (wall) | of which writes | reduce alone | articles/s | events | entities | CPU s: parent + workers | load |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for g in (small, large):
            lines.append(f"| {g['articles']} texts | {g['seconds']} | {g['write_s']} | {g['reduce_s']} | {g['articles_per_s']} | "
                         f"{g['events']} | {g['entities']} | {_cpu_total(g)} | {g.get('load_average', '')} |")
        cpu_ratio = round(_cpu_total(large) / _cpu_total(small), 3) if _cpu_total(small) else None
        lines += [
            "",
            f"{result['growth_size_ratio']}x the texts took {result['growth_ratio']}x the wall-clock time and "
            f"{cpu_ratio}x the CPU seconds (start-up included) "
            f"(goal at most {GOAL_GROWTH}x for 4x).",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--growth", type=int, nargs=2, default=list(GROWTH))
    parser.add_argument("--no-growth", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--incremental", type=int, nargs="+", metavar="N",
                        help="only the cost of adding 10 articles to stores of N articles (reduce and fusion)")
    args = parser.parse_args()
    if args.incremental:
        from dateline.pipeline import Stages, map_articles

        articles = lgl_articles(args.shared, max(args.incremental) + 10)
        stages = Stages.load()
        results = [r for start in range(0, len(articles), BATCH)
                   for r in map_articles(articles[start:start + BATCH], stages)[0]]
        with tempfile.TemporaryDirectory() as name:
            figures = incremental_cost(articles, results, args.incremental, Path(name))
        print(json.dumps(figures, indent=1))
        return
    result = run(args.shared, args.articles, None if args.no_growth else tuple(args.growth))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(to_markdown(result))


if __name__ == "__main__":
    main()
