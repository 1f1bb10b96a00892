"""Ingest benchmark: throughput, peak memory, near-duplicate detection, and how time grows.

The corpus is built deterministically from the sentences of the evaluation corpora in
shared/eval (TimeBank .tml texts, LGL, GeoVirus): each article is 6 to 14 sentences drawn
with a fixed seed, so articles are distinct stories in news language. A known share of them
(PLANT_SHARE) is then planted again as near duplicates, edited the way republished stories
are (a sentence cut or added, a few words changed, typography changed), and the bench reports
how many the ingest links to their original, and how many distinct articles it wrongly links.

Each size is ingested into a fresh SQLite store by a subprocess running ``dateline.ingest.
ingest`` alone (one core: one Python thread), whose peak resident memory is read from the
kernel (ru_maxrss of that child). Sizes 2,500, 5,000 and 10,000 show how time grows: near-
duplicate search is one indexed look-up per LSH band, so it should grow linearly.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

SIZES = (2_500, 5_000, 10_000)
PLANT_SHARE = 0.10
SEED = 20210706
FILE_LINES = 1_000
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“])")


def corpus_sentences(shared: Path) -> list[str]:
    """Every sentence of 6 to 60 words in the TimeBank, LGL and GeoVirus texts, in file order."""
    texts: list[str] = []
    for path in sorted((shared / "eval" / "timex" / "TimeBank").glob("*.tml")):
        root = etree.parse(str(path)).getroot()
        body = root.find(".//TEXT")
        if body is not None:
            texts.append("".join(body.itertext()))
    for name in ("lgl.xml", "geovirus.xml"):
        root = etree.parse(str(shared / "eval" / "geo" / name), etree.XMLParser(huge_tree=True)).getroot()
        texts.extend(t.text or "" for t in root.iter("text"))
    sentences = []
    seen = set()
    for text in texts:
        for sentence in _SENTENCE.split(" ".join(text.split())):
            words = len(sentence.split())
            if 6 <= words <= 60 and sentence not in seen:
                seen.add(sentence)
                sentences.append(sentence)
    return sentences


def _plant(rng: random.Random, sentences: list[str], pool: list[str]) -> tuple[list[str], str]:
    """A near-duplicate of an article (its sentences), edited one or two ways."""
    edited = list(sentences)
    edits = rng.sample(["cut", "add", "words", "typography"], k=rng.choice((1, 1, 2)))
    for edit in edits:
        if edit == "cut" and len(edited) > 6:
            del edited[rng.randrange(1, len(edited))]
        elif edit == "add":
            edited.insert(rng.randrange(1, len(edited) + 1), rng.choice(pool))
        elif edit == "words":
            index = rng.randrange(len(edited))
            words = edited[index].split()
            for _ in range(min(3, len(words))):
                words[rng.randrange(len(words))] = rng.choice(("reportedly", "officials", "local", "new", "several"))
            edited[index] = " ".join(words)
        elif edit == "typography":
            edited = [s.replace("'", "\u2019").replace('"', "\u201c").replace(" - ", " \u2014 ") for s in edited]
    return edited, "+".join(sorted(edits))


def build_corpus(shared: Path, distinct: int, folder: Path, seed: int = SEED) -> dict:
    """Write ``distinct`` articles plus PLANT_SHARE planted near duplicates as JSON Lines files;
    returns the plan (which line repeats which)."""
    pool = corpus_sentences(shared)
    rng = random.Random(seed)
    articles = []
    for n in range(distinct):
        articles.append(rng.sample(pool, rng.randint(6, 14)))
    planted = []
    for original in rng.sample(range(distinct), int(distinct * PLANT_SHARE)):
        edited, how = _plant(rng, articles[original], pool)
        planted.append((original, edited, how))
    rows = [{"key": f"a{n}", "title": f"Report {n}", "text": " ".join(s), "source": "Bench Wire"} for n, s in enumerate(articles)]
    plants = []
    for index, (original, edited, how) in enumerate(planted):
        plants.append({"key": f"p{index}", "title": f"Report {original} (updated)", "text": " ".join(edited),
                       "source": "Bench Wire", "_original": f"a{original}", "_edit": how})
    rng.shuffle(plants)  # plants come after every original, in no particular order
    rows += plants
    plan = {}
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(rows), FILE_LINES):
        path = folder / f"part-{start // FILE_LINES:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for line, row in enumerate(rows[start : start + FILE_LINES], start=1):
                if "_original" in row:
                    plan[row["key"]] = {"original": row.pop("_original"), "edit": row.pop("_edit"), "origin": f"{path}:{line}"}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"distinct": distinct, "planted": len(planted), "plan": plan, "sentences_in_pool": len(pool),
            "bytes": sum(len(r["text"].encode()) for r in rows)}


def _run_worker(folder: Path, db: Path) -> dict:
    """Ingest in a child process: its time, result and peak memory (the child's own ru_maxrss)."""
    command = [sys.executable, "-m", "dateline.bench.ingest", "--worker", str(folder), str(db)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = process.communicate()
    if process.returncode:
        raise RuntimeError(f"ingest worker failed: {stderr.strip()[-500:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    return result


def _worker(folder: str, db: str) -> None:
    import resource

    from dateline.ingest import ingest
    from dateline.store import open_store

    store = open_store(db)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = ingest([folder], store)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    import sqlite3

    with sqlite3.connect(db) as connection:
        links = dict(connection.execute(
            "SELECT json_extract(meta, '$.fields.key'), "
            "(SELECT json_extract(o.meta, '$.fields.key') FROM articles o WHERE o.id = a.duplicate_of) "
            "FROM articles a WHERE a.duplicate_of IS NOT NULL"
        ).fetchall())
        # exact duplicates (same text once normalised) are sightings of the stored article
        sightings = dict(connection.execute(
            "SELECT s.origin, json_extract(a.meta, '$.fields.key') FROM article_sightings s "
            "JOIN articles a ON a.id = s.article_id WHERE s.origin != a.origin"
        ).fetchall())
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "report": report.as_dict(), "links": links, "sightings": sightings, "peak_mib": peak_kib / 1024}))


def _detection(plan: dict, links: dict, sightings: dict) -> dict:
    """A plant is found when it is stored linked to its original (near duplicate) or recorded as
    a sighting of it (its text equals the original's once normalised: typography only)."""

    def found_(key: str, entry: dict) -> bool:
        return links.get(key) == entry["original"] or sightings.get(entry["origin"]) == entry["original"]

    found = sum(1 for key, entry in plan.items() if found_(key, entry))
    wrong = sum(1 for key, original in links.items() if key not in plan or plan[key]["original"] != original)
    by_edit: dict[str, list[int]] = {}
    for key, entry in plan.items():
        hit = by_edit.setdefault(entry["edit"], [0, 0])
        hit[1] += 1
        hit[0] += found_(key, entry)
    return {"planted": len(plan), "detected": found, "rate": found / len(plan) if plan else 0.0,
            "false_links": wrong, "by_edit": {k: {"detected": v[0], "planted": v[1]} for k, v in sorted(by_edit.items())}}


def run(shared: Path, sizes: tuple[int, ...] = SIZES) -> dict:
    shared = Path(shared)
    results = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-ingest-") as tmp:
        for distinct in sizes:
            folder = Path(tmp) / f"corpus-{distinct}"
            plan = build_corpus(shared, distinct, folder)
            measured = _run_worker(folder, Path(tmp) / f"store-{distinct}.db")
            report = measured["report"]
            results.append({
                "distinct": distinct,
                "inputs": report["read"],
                "megabytes": round(plan["bytes"] / 1e6, 1),
                "seconds": round(measured["seconds"], 2),
                "articles_per_s": round(report["read"] / measured["seconds"], 1),
                "cpu_seconds": round(measured["cpu_seconds"], 2),
                "articles_per_cpu_s": round(report["read"] / measured["cpu_seconds"], 1),
                "peak_mib": round(measured["peak_mib"], 1),
                "new": report["new"],
                "near_duplicates": report["near_duplicates"],
                "exact_duplicates": report["exact_duplicates"],
                "detection": _detection(plan["plan"], measured["links"], measured["sightings"]),
                "sentences_in_pool": plan["sentences_in_pool"],
            })
    small, large = results[0], results[-1]
    scale = large["inputs"] / small["inputs"]
    growth = (large["seconds"] / small["seconds"]) / scale
    cpu_growth = (large["cpu_seconds"] / small["cpu_seconds"]) / scale
    return {"runs": results, "time_growth_vs_linear": round(growth, 2), "cpu_growth_vs_linear": round(cpu_growth, 2),
            "plant_share": PLANT_SHARE}


def to_markdown(result: dict) -> str:
    runs = result["runs"]
    largest = runs[-1]
    detection = largest["detection"]
    lines = [
        "## Ingest",
        "",
        "`dateline.ingest.ingest` alone (read JSON Lines, clean, date, attribute, hash, MinHash, store with "
        "full-text index) into a fresh SQLite store, one process on one core. Corpus: articles of 6-14 "
        f"sentences drawn with a fixed seed from the {largest['sentences_in_pool']:,} sentences of TimeBank, "
        f"LGL and GeoVirus, plus {result['plant_share']:.0%} planted near duplicates (a sentence cut or added, "
        "words changed, typography changed). Peak memory is the worker's maximum resident set (ru_maxrss). "
        "Wall time depends on what else the shared machine runs; CPU time (the worker's own) is the "
        "one-core figure.",
        "",
        "| distinct articles | inputs | MB of text | wall s | articles/s (wall) | CPU s | articles per CPU s | peak MiB | new | exact dups | near dups linked | planted found | false links |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run_ in runs:
        d = run_["detection"]
        lines.append(
            f"| {run_['distinct']:,} | {run_['inputs']:,} | {run_['megabytes']} | {run_['seconds']} | "
            f"{run_['articles_per_s']:,} | {run_['cpu_seconds']} | {run_['articles_per_cpu_s']:,} | {run_['peak_mib']} | {run_['new']:,} | {run_['exact_duplicates']:,} | {run_['near_duplicates']:,} | "
            f"{d['detected']:,}/{d['planted']:,} ({d['rate']:.1%}) | {d['false_links']} |"
        )
    lines += [
        "",
        f"Time growth from {runs[0]['inputs']:,} to {largest['inputs']:,} inputs: "
        f"{result['time_growth_vs_linear']}x (wall) and {result['cpu_growth_vs_linear']}x (CPU) what linear growth "
        "predicts (1.0 = linear).",
        "",
        f"Goal: 500 articles/s on one core, peak under 500 MB: "
        f"{'met' if largest['articles_per_cpu_s'] >= 500 and largest['peak_mib'] < 500 else 'NOT met'} "
        f"({largest['articles_per_cpu_s']:,} articles per CPU second, {largest['articles_per_s']:,} per wall "
        f"second in this run, {largest['peak_mib']} MiB).",
        "",
        "Near-duplicate detection by kind of edit (largest run):",
        "",
        "| edit | found | planted |",
        "|---|---:|---:|",
    ]
    for edit, counts in detection["by_edit"].items():
        lines.append(f"| {edit} | {counts['detected']} | {counts['planted']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        _worker(sys.argv[2], sys.argv[3])
    else:
        shared_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[4] / "shared"
        figures = run(shared_dir)
        print(to_markdown(figures))
