"""The map step in worker processes on this machine (``concurrent.futures``): spaCy and the
Stages are loaded once per worker by its initializer; batches of articles go out, the records
come back and the parent writes them.

A worker that dies (killed, out of memory, a crash in native code) breaks the pool: every batch
that had not come back runs again in a new pool, and says so. A batch that has broken the pool
MAX_ATTEMPTS times is split into single articles, and an article that still does is recorded as
failed: one poisonous article cannot stall the run.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from dateline.engine.batches import MappedBatch, failed_batch, map_batch, worker_stages
from dateline.model import Article

MAX_ATTEMPTS = 3

_recipe = None


def _start_worker(recipe) -> None:
    global _recipe
    _recipe = recipe
    worker_stages(recipe)  # spaCy, gazetteer, lexicon: once, before the first batch


def _map_in_worker(articles: list[Article]) -> MappedBatch:
    return map_batch(articles, worker_stages(_recipe))


def _label(batch: list[Article]) -> str:
    first = batch[0].id[:12]
    return f"article {first}" if len(batch) == 1 else f"batch of {len(batch)} articles from {first}"


class LocalWorkers:
    """``workers`` processes (spawned, not forked: the parent may hold database connections
    and threads), at most ``in_flight`` batches handed out at once (default: two per worker,
    so that a worker never waits for the parent).

    Each ``map`` starts its own pool and stops it at the end, unless inside ``hold()``: there
    every ``map`` uses one pool (each worker loads spaCy once for all of them: ``watch``'s
    cycles), stopped when the ``with`` block ends, however it ends."""

    def __init__(self, workers: int = 2, *, in_flight: int | None = None):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.in_flight = in_flight or 2 * workers
        self.name = f"{workers} worker process" + ("es" if workers > 1 else "")
        self.restarts = 0  # pools started again after a worker died
        self._holding = False
        self._held: tuple | None = None  # (recipe, pool) kept between map calls inside hold()

    def _pool(self, recipe) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(recipe,))

    def _acquire(self, recipe) -> ProcessPoolExecutor:
        if self._holding and self._held is not None:
            held_recipe, pool = self._held
            if held_recipe == recipe:  # the workers' Stages are this recipe's
                return pool
            pool.shutdown(wait=True, cancel_futures=True)
            self._held = None
        pool = self._pool(recipe)
        if self._holding:
            self._held = (recipe, pool)
        return pool

    def _release(self, recipe, pool: ProcessPoolExecutor) -> None:
        if self._holding:
            self._held = (recipe, pool)
        else:
            pool.shutdown(wait=False, cancel_futures=True)

    @contextlib.contextmanager
    def hold(self):
        """Keep one pool of workers for every ``map`` inside the block; stop it at the end."""
        self._holding = True
        try:
            yield self
        finally:
            self._holding = False
            if self._held is not None:
                _, pool = self._held
                self._held = None
                pool.shutdown(wait=True, cancel_futures=True)

    def map(self, batches: Iterable[list[Article]], recipe, total: int | None = None) -> Iterator[MappedBatch]:
        source = iter(batches)
        waiting: deque[tuple[list[Article], int]] = deque()  # batches to run again, first
        notes: dict[int, list[str]] = {}  # id(batch) -> why it ran again
        running: dict[Future, tuple[list[Article], int]] = {}
        pool = self._acquire(recipe)
        try:
            while True:
                broken = False
                while len(running) < self.in_flight and not broken:
                    if waiting:
                        item = waiting.popleft()
                    else:
                        batch = next(source, None)
                        if batch is None:
                            break
                        item = (batch, 1)
                    try:
                        running[pool.submit(_map_in_worker, item[0])] = item
                    except BrokenProcessPool:
                        waiting.appendleft(item)
                        broken = True
                if not running and not waiting:
                    return
                if running and not broken:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                else:
                    done = set()
                lost: list[tuple[list[Article], int, str]] = []
                for future in list(done):
                    batch, attempts = running.pop(future)
                    try:
                        mapped = future.result()
                    except BrokenProcessPool as error:
                        lost.append((batch, attempts, str(error) or "a worker process died"))
                        broken = True
                        continue
                    except Exception as error:  # the batch itself cannot travel: its articles fail, the run goes on
                        yield failed_batch(batch, f"{type(error).__name__}: {error}", notes.pop(id(batch), []))
                        continue
                    mapped.retried = notes.pop(id(batch), [])
                    yield mapped
                if not broken:
                    continue
                # The pool is broken: whatever was out comes back now, done or lost.
                if running:
                    wait(running)
                for future, (batch, attempts) in list(running.items()):
                    try:
                        mapped = future.result()
                    except BrokenProcessPool as error:
                        lost.append((batch, attempts, str(error) or "a worker process died"))
                        continue
                    except Exception as error:
                        yield failed_batch(batch, f"{type(error).__name__}: {error}", notes.pop(id(batch), []))
                        continue
                    mapped.retried = notes.pop(id(batch), [])
                    yield mapped
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                self.restarts += 1
                for batch, attempts, reason in lost:
                    note = f"{_label(batch)} mapped again (attempt {attempts + 1}): {reason}"
                    if attempts < MAX_ATTEMPTS:
                        notes.setdefault(id(batch), []).append(note)
                        waiting.append((batch, attempts + 1))
                    elif len(batch) > 1:  # find the article that breaks workers: one at a time
                        history = notes.pop(id(batch), [])
                        for article in batch:
                            notes[id(single := [article])] = history + [f"{_label(batch)} split after {attempts} attempts: {reason}"]
                            waiting.append((single, 1))
                    else:
                        yield failed_batch(batch, f"a worker process died reading it {attempts} times: {reason}",
                                           notes.pop(id(batch), []))
                pool = self._pool(recipe)
        finally:
            for future in running:  # a run stopped early: what had not started never will
                future.cancel()
            self._release(recipe, pool)
