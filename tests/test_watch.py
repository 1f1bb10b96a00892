"""`dateline watch` keeps a store current: a file written into the folder after it started and
an entry appended to a feed file are read and extracted; a bad file is one line; stopped with
SIGTERM it exits cleanly, and started again it adds nothing it already had."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.store import StoreError, open_store
from tests.helpers import pool_worker_processes

SOURCE = str(Path(__file__).resolve().parents[1] / "src")


def _feed(entries: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>https://news.example/{n}</link><pubDate>{day}</pubDate>"
        f"<description>{text}</description></item>"
        for n, (title, day, text) in enumerate(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{items}</channel></rss>'


FIRST_ENTRY = ("Clashes near the border", "Tue, 06 Jul 2021 08:00:00 GMT",
               "Government troops clashed with rebels near the border on Monday.")
LATER_ENTRY = ("Arrests in Jalalabad", "Sun, 11 Jul 2021 08:00:00 GMT",
               "Police arrested 12 men in Jalalabad on Friday after a rocket struck the airport.")


def _dateline(*args: str, **options):
    environment = {**os.environ, "PYTHONPATH": SOURCE + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return [sys.executable, "-m", "dateline.cli", *args], environment


def _wait_for(db: str, done: int, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while True:
        assert process.poll() is None, process.stderr.read()
        try:
            with open_store(db, write=False) as store:
                if store.count_extracted(("done",)) >= done and not store.needs_entity_reduce():
                    return
        except StoreError:  # not there yet, or its schema still being made
            pass
        assert time.monotonic() < deadline, f"the watcher never read {done} articles"
        time.sleep(0.5)


@pytest.mark.slow
def test_watch_reads_a_new_file_and_a_new_feed_entry_then_stops_and_resumes(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "monday.jsonl").write_text(json.dumps({
        "text": "Protesters in Herat demanded the release of 30 detainees on Thursday.",
        "date": "2021-07-09", "source": "Herat Daily"}) + "\n", encoding="utf-8")
    feed = tmp_path / "war.xml"
    feed.write_text(_feed([FIRST_ENTRY]), encoding="utf-8")
    db = str(tmp_path / "watched.db")

    command, environment = _dateline("watch", str(inbox), str(feed), "--db", db, "--every", "0.5")
    watcher = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(db, 2, watcher)
        # written after it started: a new file, a bad file, an entry appended to the feed
        (inbox / "tuesday.txt").write_text(
            "date 2021-07-12\nThe United Nations said more than 1,000 families had fled Kunduz since Sunday.\n",
            encoding="utf-8")
        (inbox / "broken.jsonl").write_bytes(b"{not json at all\n")
        feed.write_text(_feed([LATER_ENTRY, FIRST_ENTRY]), encoding="utf-8")
        _wait_for(db, 4, watcher)
        watcher.send_signal(signal.SIGTERM)
        out, err = watcher.communicate(timeout=120)
    finally:
        if watcher.poll() is None:
            watcher.kill()
    assert watcher.returncode == 0, err
    assert "watch stopped after" in out
    assert any("broken.jsonl" in line and "malformed JSON" in line for line in err.splitlines())
    with open_store(db, write=False) as store:
        texts = sorted(a.text for a in store.iter_articles())
        assert len(texts) == 4 and any("Jalalabad" in t for t in texts) and any("Kunduz" in t for t in texts)
        events = store.count_events()
        assert events >= 4

    # started again: every file is read again, nothing is added twice
    command, environment = _dateline("watch", str(inbox), str(feed), "--db", db, "--once")
    again = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stdout
    with open_store(db, write=False) as store:
        assert store.count_articles() == 4 and store.count_extracted(("done",)) == 4
        assert store.count_events() == events


def _pool_workers() -> list[int]:
    return sorted(process.pid for process in pool_worker_processes())


@pytest.mark.slow
def test_watch_keeps_one_pool_of_workers_across_cycles_and_stops_it_at_the_end(tmp_path):
    from dateline.engine import LocalWorkers
    from dateline.watch import watch

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "monday.jsonl").write_text(json.dumps({"text": FIRST_ENTRY[2], "date": "2021-07-06"}) + "\n",
                                        encoding="utf-8")
    pids: list[list[int]] = []

    def after(cycle) -> None:
        pids.append(_pool_workers())
        if cycle.number == 1:  # a file arrives between the two cycles
            (inbox / "friday.jsonl").write_text(json.dumps({"text": LATER_ENTRY[2], "date": "2021-07-11"}) + "\n",
                                                encoding="utf-8")

    store = open_store(str(tmp_path / "watch.db"))
    cycles = watch([inbox], store, every=0, max_cycles=2, engine=LocalWorkers(1), on_cycle=after)
    assert [c.extract.articles for c in cycles] == [1, 1]  # each cycle's new article read by the pool
    assert len(pids[0]) == 1 and pids[1] == pids[0], "the same worker process in both cycles"
    assert _pool_workers() == [], "the pool is stopped when the watch ends"
    assert any("Jalalabad" in e.sentence.text for e in store.events())  # the later file's events are in
    store.close()
