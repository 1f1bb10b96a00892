"""Read a pile of inputs into a store, in batches: each batch is one transaction, so a killed
ingest leaves the store as it was after its last whole batch, and running the same command
again adds only what is missing (ids are content hashes; sightings are per origin)."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.ingest.assemble import DEFAULT_MAX_BYTES, ReadOptions
from dateline.ingest.dedupe import DEFAULT_NEAR_THRESHOLD
from dateline.ingest.language import EXTRACTED_LANGUAGES
from dateline.ingest.reasons import describe_error
from dateline.ingest.sources import expand_paths, read_input
from dateline.model import Article, Rejection
from dateline.store.database import StoreError

DEFAULT_BATCH = 500
# What `dateline ingest` exits with (README, "Exit codes"): a script can tell a clean run from
# one that left inputs out, and both from one that could not run at all.
EXIT_OK = 0  # every input read
EXIT_REJECTED = 1  # some inputs (files, lines, entries) rejected; the rest went in
EXIT_USAGE_OR_STORE = 2  # bad options, or the store could not be opened or written


@dataclass(frozen=True)
class IngestWarning:
    """An article that went in, with something the user should know: bytes replaced, a header
    date that could not be the publication date, an encoding guessed."""

    origin: str
    message: str


@dataclass
class IngestReport:
    read: int = 0  # articles read (rejections aside)
    new: int = 0  # new original articles stored
    exact_duplicates: int = 0  # same text as a stored article: kept as a sighting of it
    near_duplicates: int = 0  # stored, linked to the article they nearly repeat
    already_stored: int = 0  # of the exact duplicates: same article from the same origin (a re-run)
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    # new articles (originals and near duplicates) in a language the extraction does not read
    not_extracted: Counter = field(default_factory=Counter)
    files: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """EXIT_REJECTED when any input was rejected, else EXIT_OK (a store error raises)."""
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def problem_lines(self) -> list[str]:
        """One line for each rejection and each warning, as the CLI prints them."""
        return ([f"rejected: {r.origin}: {r.reason}" for r in self.rejected]
                + [f"warning: {w.origin}: {w.message}" for w in self.warnings])

    def language_line(self) -> str | None:
        """'12 articles in ar, zh: not extracted (the extraction reads en only)', or None."""
        if not self.not_extracted:
            return None
        total = sum(self.not_extracted.values())
        languages = ", ".join(sorted(self.not_extracted, key=lambda code: (-self.not_extracted[code], code)))
        noun = "article" if total == 1 else "articles"
        return f"{total} {noun} in {languages}: not extracted (the extraction reads {', '.join(sorted(EXTRACTED_LANGUAGES))} only)"

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
            "already_stored": self.already_stored, "rejected": len(self.rejected), "warnings": len(self.warnings),
            "not_extracted": dict(sorted(self.not_extracted.items())), "files": self.files,
            "seconds": round(self.seconds, 3), "exit_code": self.exit_code,
        }


def write_rejections(rejections: Iterable[Rejection], path: Path) -> None:
    """One JSON object a line: {"origin": ..., "reason": ...}."""
    with open(path, "w", encoding="utf-8") as handle:
        for rejection in rejections:
            handle.write(json.dumps({"origin": rejection.origin, "reason": rejection.reason}, ensure_ascii=False) + "\n")


def _raise_if_store_unusable(error: Exception) -> None:
    """Raise StoreError when ``error`` says the store itself cannot take writes (locked, read-only,
    full, corrupt, connection lost: every article would fail the same way, so the run stops);
    return when it is about the articles written (a constraint, a value the driver refuses)."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    if isinstance(error, StoreError):
        raise error
    if isinstance(error, (OperationalError, OSError, MemoryError)) or (
            isinstance(error, DatabaseError) and "not a database" in str(error)):
        raise StoreError(f"cannot write to the store ({describe_error(error)})") from error


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
    ``on_rejection(rejection)`` let a caller show progress. An article the store refuses is
    rejected (its origin and the reason), the others of its batch are stored. Raises StoreError
    when the store itself cannot take writes (the batches before stay stored).
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

    def count(result, written: list[Article]) -> None:
        stored = set(result.new) | {near.article_id for near in result.near}
        languages = {a.id: a.language for a in written if a.id in stored}
        report.not_extracted.update(code for code in languages.values()
                                    if code is not None and code not in EXTRACTED_LANGUAGES)
        report.read += len(written)
        report.new += len(result.new)
        report.near_duplicates += len(result.near)
        report.exact_duplicates += len(result.exact)
        report.already_stored += result.already_seen

    def flush() -> None:
        if not pending:
            return
        try:
            count(store.add_articles(pending, near_threshold=near_threshold), pending)
        except Exception as error:
            _raise_if_store_unusable(error)
            # one article the store refuses (a constraint, a value the driver cannot take) must
            # cost that article only: the batch rolled back whole, so write it again one
            # article per transaction and reject the ones that fail, naming each
            for article in pending:
                try:
                    count(store.add_articles([article], near_threshold=near_threshold), [article])
                except Exception as single_error:
                    _raise_if_store_unusable(single_error)
                    reject(Rejection(article.origin or article.id,
                                     f"could not be stored ({describe_error(single_error)})"))
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
                for message in found.meta.get("warnings", ()):
                    report.warnings.append(IngestWarning(found.origin or str(item), message))
                pending.append(found)
                if len(pending) >= batch_size:
                    flush()
        except StoreError:
            raise
        except Exception as error:  # a reader bug must cost the rest of one file, never the batch
            reject(Rejection(str(item), f"could not be read ({describe_error(error)})"))
        if on_file is not None:
            on_file(str(item))
    flush()
    report.seconds = time.perf_counter() - started
    return report
