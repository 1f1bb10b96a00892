"""The map step on a Dask cluster (``distributed``): a LocalCluster of this machine's cores, or
the scheduler at an address. The pending articles are cut into partitions, each mapped by one
task on a worker that loads its Stages once (at its first task); the records come back to the
parent, which writes them in the store batch by batch and then runs the reduce step.

Dask itself runs a dead worker's tasks again elsewhere (up to its ``allowed-failures``); each
task logs its start in the scheduler's event log, so a partition that started more than once is
reported as run again. One that Dask gives up on (``KilledWorker``) is split into single
articles once; an article that still kills workers is recorded as failed, never lost.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Iterable, Iterator

from dateline.engine.batches import MappedBatch, failed_batch, map_batch, worker_stages
from dateline.model import Article

START_TOPIC = "dateline-map-start"


def _map_partition(articles: list[Article], recipe, key: str) -> MappedBatch:
    from distributed import get_worker

    get_worker().log_event(START_TOPIC, {"key": key, "pid": os.getpid()})
    return map_batch(articles, worker_stages(recipe))


def _regroup(batches: Iterable[list[Article]], size: int) -> Iterator[list[Article]]:
    part: list[Article] = []
    for batch in batches:
        for article in batch:
            part.append(article)
            if len(part) >= size:
                yield part
                part = []
    if part:
        yield part


class DaskEngine:
    """``scheduler``: a Dask scheduler's address, or None for a LocalCluster of ``workers``
    processes (default: one per core) started for the run and stopped after it.
    ``partitions``: how many partitions the pending articles are cut into (default: the
    pipeline's batches). At most ``in_flight`` partitions are out at once (default: two per
    worker), so the parent never holds the whole corpus."""

    def __init__(self, scheduler: str | None = None, partitions: int | None = None, *,
                 workers: int | None = None, in_flight: int | None = None):
        if partitions is not None and partitions < 1:
            raise ValueError("partitions must be at least 1")
        self.scheduler = scheduler
        self.partitions = partitions
        self.workers = workers
        self.in_flight = in_flight
        self.client = None  # while a run is on: the distributed.Client (tests reach the workers through it)
        self.name = f"dask ({scheduler})" if scheduler else "dask (LocalCluster)"

    def _connect(self):
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler), None
        cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None, silence_logs=40)
        return Client(cluster), cluster

    def map(self, batches: Iterable[list[Article]], recipe, total: int | None = None) -> Iterator[MappedBatch]:
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        if self.partitions and total:
            batches = _regroup(batches, max(1, math.ceil(total / self.partitions)))
        client, cluster = self._connect()
        self.client = client
        run = uuid.uuid4().hex[:8]
        sent: dict[str, list[Article]] = {}
        singles: set[str] = set()  # partitions already split after Dask gave up on them
        notes: dict[str, list[str]] = {}
        try:
            workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
            in_flight = self.in_flight or 2 * workers
            source = iter(batches)
            futures = as_completed()

            submitted = 0

            def submit(articles: list[Article], note: str | None = None) -> None:
                nonlocal submitted
                key = f"dateline-map-{run}-{submitted}"
                submitted += 1
                sent[key] = articles
                if note is not None:
                    singles.add(key)
                    notes[key] = [note]
                futures.add(client.submit(_map_partition, articles, recipe, key, key=key, pure=False))

            for _ in range(in_flight):
                part = next(source, None)
                if part is None:
                    break
                submit(part)
            for future in futures:
                key = future.key
                articles = sent.pop(key)
                mapped = None
                try:
                    mapped = future.result()
                except KilledWorker as error:
                    note = f"partition {key} ({len(articles)} articles): Dask gave up on it ({error})"
                    if len(articles) > 1 and key not in singles:
                        for article in articles:
                            submit([article], note + "; split into single articles")
                    else:
                        yield failed_batch(articles, f"Dask workers died running it: {error}", notes.pop(key, []) + [note])
                except Exception as error:  # the task could not run at all: its articles fail, the run goes on
                    yield failed_batch(articles, f"{type(error).__name__}: {error}", notes.pop(key, []))
                finally:
                    future.release()
                if mapped is not None:
                    mapped.retried = notes.pop(key, [])
                    starts = self._starts(client, key)
                    if starts > 1:
                        mapped.retried.append(f"partition {key} ({len(articles)} articles) ran {starts} times: "
                                              "a Dask worker died while it ran")
                    yield mapped
                part = next(source, None)
                if part is not None:
                    submit(part)
        finally:
            self.client = None
            client.close()
            if cluster is not None:
                cluster.close()

    @staticmethod
    def _starts(client, key: str) -> int:
        return sum(1 for _time, event in client.get_events(START_TOPIC) if event.get("key") == key)
