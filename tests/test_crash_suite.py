"""The crash suite (issue 16): real `dateline extract` processes killed with SIGKILL at random
moments, re-run until one finishes; the store must then hold exactly what an uninterrupted run
writes: the same articles, events, entities and fused events, none lost, doubled or changed.

DATELINE_CRASH_KILLS sets how many kills (20 by default, as the issue asks)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest

from dateline.ingest import content_id
from dateline.model import Article
from dateline.serialise import to_jsonl
from dateline.store import open_store

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("DATELINE_CRASH_KILLS", "20"))
TOWNS = ["Mosul", "Basra", "Kirkuk", "Erbil", "Najaf", "Tikrit", "Ramadi", "Fallujah"]


def _corpus() -> list[Article]:
    """Forty short wire reports of our own, enough work for a kill to land mid-run."""
    articles = []
    for n in range(40):
        town = TOWNS[n % len(TOWNS)]
        day = date(2024, 3, 1) + timedelta(days=n)
        text = (f"Gunmen attacked a police checkpoint in {town} on {day:%A}, killing {n % 7 + 2} officers, "
                f"a provincial spokesman said. The interior ministry said {n + 3} suspects were arrested "
                f"after the attack, the {n + 1}th this year in the province.")
        articles.append(Article(id=content_id(text), text=text, published=day + timedelta(days=1),
                                published_source="metadata", published_confidence=1.0, outlet="Test Wire"))
    return articles


def _store(path) -> None:
    store = open_store(str(path))
    store.add_articles(_corpus())
    store.close()


def _extract(db, *, kill_after: float | None = None, reprocess: bool = False, options: tuple = ()) -> int | None:
    command = [sys.executable, "-m", "dateline.cli", "extract", "--db", str(db), *options]
    command += ["--reprocess"] if reprocess else []
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        return process.wait(timeout=900)
    try:
        return process.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return None


def _contents(db) -> str:
    store = open_store(str(db), write=False)
    fused = store.fused_events()
    entities = sorted((s.entity for s in store.entities(limit=None)), key=lambda e: e.id)
    contents = (to_jsonl(store.events()) + to_jsonl(entities) + to_jsonl(fused)
                + f"extracted {store.count_extracted(('done',))} failed {len(store.failed_extractions())}\n")
    store.close()
    return contents


@pytest.mark.parametrize("options", [(), ("--bulk", "7")], ids=["batch-by-batch", "bulk"])
def test_extract_killed_at_random_moments_ends_with_the_records_of_an_uninterrupted_run(tmp_path, options):
    """Batch by batch, and on the bulk path (partitions of 7 articles staged as Parquet and
    loaded whole), where a kill can also land between staging a partition and loading it."""
    calm, killed = tmp_path / "calm.db", tmp_path / "killed.db"
    _store(calm)
    _store(killed)
    started = time.monotonic()
    assert _extract(calm) == 0
    whole_run = time.monotonic() - started  # start-up, map, reduce and fusion of the 40 reports
    rng = random.Random(16)
    landed = 0
    for _ in range(KILLS):
        # each killed run reads everything again, so that there is always work to interrupt:
        # start-up, the middle of a batch's writes, the entities' reduce step or fusion
        if _extract(killed, kill_after=rng.uniform(0.2, 0.95) * whole_run, reprocess=True, options=options) is None:
            landed += 1
    assert landed >= KILLS // 2, f"only {landed} of {KILLS} kills landed during a run"
    assert _extract(killed, options=options) == 0  # the re-run finishes the job
    expected = _contents(calm)
    assert "extracted 40 failed 0" in expected
    assert _contents(killed) == expected  # the calm run wrote batch by batch: the same records either way
    assert not (tmp_path / "killed.db.staging").exists()  # nothing left staged
