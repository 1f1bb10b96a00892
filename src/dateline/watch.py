"""Keep a store current with folders and feed files that grow: every few seconds, read what is
new or changed, then extract (the map step on the new articles, then the reduce step).

Nothing is missed or doubled, across bad files and restarts, because the store does the
bookkeeping: articles are keyed by their content, so reading a changed file (or, after a
restart, every file) again adds only the articles it did not hold; extraction reads only the
articles not yet read. What this loop remembers (each file's size and modification time) only
spares it re-reading unchanged files; losing it costs time, never records. A file that cannot
be read is one rejection line, and is tried again when it changes.

    from dateline.watch import watch
    watch(["inbox/", "feeds/war.xml"], store, every=60, on_cycle=print)
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.ingest import IngestReport, ingest
from dateline.ingest.sources import STDIN, expand_paths
from dateline.model import Rejection
from dateline.store import StoreBusy

DEFAULT_EVERY = 60.0


class StopRequested(Exception):
    """Raised between two batches when the watcher is asked to stop (what was written stays)."""


@dataclass
class Cycle:
    number: int
    files: int = 0  # new or changed files read in this cycle
    ingest: IngestReport | None = None
    extract: object | None = None  # pipeline.ProcessReport
    note: str | None = None  # why extraction waited (another extract running, a stop)
    rejected: list[Rejection] = field(default_factory=list)

    def summary_line(self) -> str:
        parts = [f"cycle {self.number}: {self.files} new or changed files"]
        if self.ingest is not None and self.files:
            parts.append(self.ingest.summary_line())
        if self.extract is not None:
            report = self.extract
            parts.append(f"{report.articles} articles read, {report.events} events, {len(report.failed)} failed")
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)


def _signature(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def watch(
    paths: Iterable[str | Path],
    store,
    *,
    every: float = DEFAULT_EVERY,
    max_cycles: int | None = None,
    engine=None,
    stop: threading.Event | None = None,
    on_cycle: Callable[[Cycle], None] | None = None,
    entities_file: Path | None = None,
    **ingest_options,
) -> list[Cycle]:
    """Cycle until ``stop`` is set (or ``max_cycles`` cycles have run): read new and changed
    files among ``paths`` (folders are walked again each cycle, so new files in them are
    found), then extract what is pending. Returns the cycles run (with their reports).

    An engine with worker processes (``LocalWorkers``) keeps one pool for every cycle (each
    worker loads spaCy once, not once a cycle), stopped when the watch ends, however it ends."""
    from dateline.engine import InProcess
    from dateline.pipeline import process

    paths = [str(p) for p in paths]
    if STDIN in paths:
        raise ValueError("watch reads files and folders, not standard input")
    stop = stop or threading.Event()
    engine = engine if engine is not None else InProcess()  # its Stages stay loaded from cycle to cycle
    seen: dict[str, tuple[int, int]] = {}
    cycles: list[Cycle] = []

    def stop_between_batches(_report) -> None:
        if stop.is_set():
            raise StopRequested

    with contextlib.ExitStack() as held:
        if hasattr(engine, "hold"):  # worker processes: one pool, spaCy loaded once, for every cycle
            held.enter_context(engine.hold())
        while not stop.is_set() and (max_cycles is None or len(cycles) < max_cycles):
            started = time.monotonic()
            cycle = Cycle(number=len(cycles) + 1)
            changed: dict[str, tuple[int, int]] = {}
            for item in expand_paths(paths):
                if isinstance(item, Rejection):
                    cycle.rejected.append(item)
                    continue
                signature = _signature(item)
                if signature is not None and seen.get(item) != signature:
                    changed[item] = signature
            cycle.files = len(changed)
            if changed:
                cycle.ingest = ingest(list(changed), store, **ingest_options)
                cycle.rejected += cycle.ingest.rejected
                seen.update(changed)  # a bad file is tried again only when it changes
            if store.count_pending() or store.needs_entity_reduce():
                try:
                    cycle.extract = process(store, engine=engine, entities_file=entities_file, on_batch=stop_between_batches)
                except StoreBusy as error:
                    cycle.note = f"extraction waits: {error}"
                except StopRequested:
                    cycle.note = "stopped between two batches; the next run goes on from there"
            cycles.append(cycle)
            if on_cycle is not None:
                on_cycle(cycle)
            if max_cycles is not None and len(cycles) >= max_cycles:
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))
    return cycles
