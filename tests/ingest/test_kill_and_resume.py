"""kill -9 in the middle of an ingest leaves a consistent store, and the same command run
again completes it without duplicates."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

ARTICLES = 3000
WORDS = ("army police rebels village district market school hospital convoy border talks minister "
         "governor province capital fighting ceasefire refugees aid food water fuel road bridge airport "
         "election protest court prison officials residents spokesman statement report week month").split()


def write_corpus(folder):
    rng = random.Random(20210706)
    for n in range(ARTICLES):
        sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6)]
        (folder / f"{n:05d}.txt").write_text(f"Story {n}. " + " ".join(sentences), encoding="utf-8")


def count(db, table="articles"):
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def ingest_command(folder, db):
    return [sys.executable, "-m", "dateline.cli", "ingest", "--db", str(db), "--batch-size", "100", str(folder)]


@pytest.mark.slow
def test_kill_during_ingest_then_rerun_completes_without_duplicates(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    write_corpus(folder)
    db = tmp_path / "news.db"

    process = subprocess.Popen(ingest_command(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_at_kill = count(db)
    assert 0 < stored_at_kill < ARTICLES, "the ingest was not interrupted mid-way"

    with sqlite3.connect(db) as connection:  # consistent: whole batches only, index in step
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert stored_at_kill % 100 == 0
        assert count(db, "article_sightings") == stored_at_kill
        assert count(db, "article_bands") == 16 * stored_at_kill

    rerun = subprocess.run(ingest_command(folder, db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    expected = f"{ARTICLES} read, {ARTICLES - stored_at_kill} new, {stored_at_kill} duplicates, 0 rejected"
    assert expected in rerun.stdout
    assert count(db) == ARTICLES
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == ARTICLES
        assert connection.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0
        assert count(db, "article_sightings") == ARTICLES
