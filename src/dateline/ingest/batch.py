"""Read a pile of inputs into a store, in batches: each batch is one transaction, so a killed
ingest leaves the store as it was after its last whole batch, and running the same command
again adds only what is missing (ids are content hashes; sightings are per origin)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.ingest.assemble import DEFAULT_MAX_BYTES, ReadOptions
from dateline.ingest.dedupe import DEFAULT_NEAR_THRESHOLD
from dateline.ingest.sources import expand_paths, read_input
from dateline.model import Article, Rejection

DEFAULT_BATCH = 500


@dataclass
class IngestReport:
    read: int = 0  # articles read (rejections aside)
    new: int = 0  # new original articles stored
    exact_duplicates: int = 0  # same text as a stored article: kept as a sighting of it
    near_duplicates: int = 0  # stored, linked to the article they nearly repeat
    already_stored: int = 0  # of the exact duplicates: same article from the same origin (a re-run)
    rejected: list[Rejection] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def summary_line(self) -> str:
        return f"{self.read} read, {self.new} new, {self.duplicates} duplicates, {len(self.rejected)} rejected"

    def detail_line(self) -> str:
        parts = [f"{self.exact_duplicates} exact duplicates"]
        if self.already_stored:
            parts[0] += f" ({self.already_stored} already stored from the same source)"
        parts.append(f"{self.near_duplicates} near duplicates kept and linked")
        parts.append(f"{self.files} files in {self.seconds:.1f} s")
        return "; ".join(parts)

    def as_dict(self) -> dict:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates,
            "exact_duplicates": self.exact_duplicates, "near_duplicates": self.near_duplicates,
            "already_stored": self.already_stored, "rejected": len(self.rejected), "files": self.files,
            "seconds": round(self.seconds, 3),
        }


def write_rejections(rejections: Iterable[Rejection], path: Path) -> None:
    """One JSON object a line: {"origin": ..., "reason": ...}."""
    with open(path, "w", encoding="utf-8") as handle:
        for rejection in rejections:
            handle.write(json.dumps({"origin": rejection.origin, "reason": rejection.reason}, ensure_ascii=False) + "\n")


def ingest(
    paths: Iterable[str | Path],
    store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    near_threshold: float = DEFAULT_NEAR_THRESHOLD,
    batch_size: int = DEFAULT_BATCH,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[str], None] | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
) -> IngestReport:
    """Read every file, folder, ``.gz`` or ``-`` (stdin) in ``paths`` into ``store``.

    ``on_start(total_files)``, ``on_file(path)`` (after each file) and
    ``on_rejection(rejection)`` let a caller show progress.
    """
    started = time.perf_counter()
    report = IngestReport()
    options = ReadOptions(max_bytes=max_bytes)
    inputs = list(expand_paths(paths))
    if on_start is not None:
        on_start(sum(1 for i in inputs if not isinstance(i, Rejection)))
    pending: list[Article] = []

    def reject(rejection: Rejection) -> None:
        report.rejected.append(rejection)
        if on_rejection is not None:
            on_rejection(rejection)

    def flush() -> None:
        if not pending:
            return
        result = store.add_articles(pending, near_threshold=near_threshold)
        report.read += len(pending)
        report.new += len(result.new)
        report.near_duplicates += len(result.near)
        report.exact_duplicates += len(result.exact)
        report.already_stored += result.already_seen
        pending.clear()

    for item in inputs:
        if isinstance(item, Rejection):
            reject(item)
            continue
        report.files += 1
        try:
            for found in read_input(item, options):
                if isinstance(found, Rejection):
                    reject(found)
                    continue
                pending.append(found)
                if len(pending) >= batch_size:
                    flush()
        except Exception as error:  # a reader bug must cost one file, never the batch
            reject(Rejection(str(item), f"could not be read: {type(error).__name__}: {error}"))
        if on_file is not None:
            on_file(str(item))
    flush()
    report.seconds = time.perf_counter() - started
    return report
