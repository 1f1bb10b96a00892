"""What an engine is: batches of articles in, the map step's records out, batch by batch."""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from dateline.model import Article, ArticleRecords


@dataclass
class MappedBatch:
    """The map step over one batch: the records of the articles read, (article id, reason) for
    those that failed, and what had to run again after a worker died."""

    article_ids: list[str]
    results: list[ArticleRecords]
    failures: list[tuple[str, str]]
    retried: list[str] = field(default_factory=list)
    worker_pid: int | None = None
    worker_peak_bytes: int | None = None  # the worker process's peak resident memory so far
    worker_cpu_seconds: float | None = None  # the worker process's CPU time so far (user + system)


class Engine(Protocol):
    name: str

    def map(self, batches: Iterable[list[Article]], recipe, total: int | None = None) -> Iterator[MappedBatch]:
        """Every batch mapped, in any order; each article of each batch in exactly one
        MappedBatch (as a result or a failure)."""


def map_batch(articles: list[Article], stages) -> MappedBatch:
    from dateline.pipeline import map_articles

    results, failures = map_articles(articles, stages)
    return MappedBatch([a.id for a in articles], results, failures, worker_pid=os.getpid(),
                       worker_peak_bytes=peak_resident_bytes(), worker_cpu_seconds=cpu_seconds())


def cpu_seconds() -> float:
    """This process's CPU time so far, user and system: what a benchmark on a shared machine
    can compare when wall-clock time depends on the neighbours."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_resident_bytes() -> int:
    """This process's peak resident memory. Linux keeps ``ru_maxrss`` across exec, so a worker
    spawned by a 1 GB parent would report the parent's peak; VmHWM belongs to the process's own
    memory map."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def failed_batch(articles: list[Article], reason: str, retried: list[str] = ()) -> MappedBatch:
    return MappedBatch([a.id for a in articles], [], [(a.id, reason) for a in articles], list(retried))


# The Stages of this worker process, loaded at most once per recipe (a Dask worker may run
# several tasks of one run; a worker process of LocalWorkers loads them in its initializer).
_loaded: dict = {}
_loading = threading.Lock()


def worker_stages(recipe):
    with _loading:
        stages = _loaded.get(recipe)
        if stages is None:
            from dateline.nlp import get_nlp

            get_nlp()
            stages = _loaded[recipe] = recipe.load()
        return stages
