"""One extract at a time on a store: a second run is refused with a line naming the first
one's process, and the lock goes with its holder, even when that one is killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from dateline.ingest import content_id
from dateline.model import Article
from dateline.store import StoreBusy, open_store

DATELINE = [sys.executable, "-m", "dateline.cli"]
REPORTS = [
    "Government troops clashed with rebels near the border on Monday.",
    "Protesters in Herat demanded the release of 30 detainees on Thursday.",
    "Police arrested 12 men in Jalalabad on Friday after a rocket struck the airport.",
]


def _environment() -> dict:
    source = str(Path(__file__).resolve().parents[2] / "src")
    return {**os.environ, "PYTHONPATH": source + os.pathsep + os.environ.get("PYTHONPATH", "")}


def test_a_second_holder_is_refused_with_the_first_ones_pid(store_url):
    first, second = open_store(store_url), open_store(store_url)
    with first.extract_lock():
        with pytest.raises(StoreBusy) as refused:
            with second.extract_lock():
                pass
        assert second.extract_running() == f"pid {os.getpid()} on {socket.gethostname()}"
    message = str(refused.value)
    assert message.startswith("another extract is running on ") and f"(pid {os.getpid()} on " in message
    assert second.extract_running() is None
    with second.extract_lock():  # let go: the next one gets it
        pass
    first.close()
    second.close()


def _holder(store_url: str) -> subprocess.Popen:
    """Another process that takes the lock and keeps it until killed."""
    code = ("import sys, time; from dateline.store import open_store; s = open_store(sys.argv[1]); "
            "l = s.extract_lock(); l.__enter__(); print('holding', flush=True); time.sleep(600)")
    process = subprocess.Popen([sys.executable, "-c", code, store_url], env=_environment(), stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "holding"
    return process


def test_the_lock_dies_with_a_killed_holder(store_url):
    holder = _holder(store_url)
    store = open_store(store_url)
    with pytest.raises(StoreBusy, match=f"pid {holder.pid} on "):
        with store.extract_lock():
            pass
    assert store.extract_running() == f"pid {holder.pid} on {socket.gethostname()}"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    deadline = time.monotonic() + 30  # PostgreSQL notices the lost connection at once, SQLite's flock goes with the process
    while True:
        try:
            with store.extract_lock():
                break
        except StoreBusy:
            assert time.monotonic() < deadline, "the lock of a killed process was never let go"
            time.sleep(0.2)
    store.close()


@pytest.mark.slow
def test_two_extract_commands_on_one_store_do_not_both_do_the_work(store_url):
    store = open_store(store_url)
    store.add_articles([Article(id=content_id(text), text=text, published=date(2021, 7, 12)) for text in REPORTS])
    first = subprocess.Popen([*DATELINE, "extract", "--db", store_url], env=_environment(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # the first run starts Python, imports the CLI and opens the store before it takes the lock.
    # Asking who holds it takes no lock: a probe that took it for a moment once made the first
    # run itself refused (CI, PostgreSQL)
    deadline = time.monotonic() + 300
    while store.extract_running() != f"pid {first.pid} on {socket.gethostname()}":
        ended = first.poll()
        assert ended is None and time.monotonic() < deadline, \
            f"the first extract never took the lock (exit status {ended}; {first.stderr.read() if ended is not None else 'still running'})"
        time.sleep(0.05)
    second = subprocess.run([*DATELINE, "extract", "--db", store_url], env=_environment(),
                            capture_output=True, text=True, timeout=120)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    assert "3 articles read" in out
    assert second.returncode == 2
    lines = [line for line in second.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "another extract is running on" in lines[0] and f"pid {first.pid} on " in lines[0]
    assert "articles read" not in second.stdout  # it read nothing
    assert store.count_extracted(("done",)) == 3
    store.close()
