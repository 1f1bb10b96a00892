"""Runs the stages over the articles of a store: the only place that knows their order.

ingest (already in the store) -> nlp (one parse per article, in batches) -> time -> geo ->
entities -> events (with quantities, attribution, claims) -> store.

Incremental: only articles not yet processed are read; re-running gives the same records
(event ids are derived from the article id and the trigger's words). One broken article is
recorded as failed with its reason and never stops the batch.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateline.events import extract_events
from dateline.model import Article, Claim, Entity, Mention, Place, Timex
from dateline.nlp import parse_many
from dateline.store import events as event_tables
from dateline.store.gazetteer import gazetteer_for_store

log = logging.getLogger(__name__)

DEFAULT_BATCH = 32


@dataclass
class ProcessReport:
    articles: int = 0  # articles read out this run
    events: int = 0
    skipped: int = 0  # already processed, or duplicates of another article
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    seconds: float = 0.0
    missing_stages: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


# --- the stages, each optional until it is installed ---------------------------------------------


@dataclass
class Stages:
    """The stage functions this run uses; a stage that is not installed reads nothing."""

    tag_timexes: Callable | None = None
    find_places: Callable | None = None
    gazetteer: object | None = None
    resolver: object | None = None
    find_conflicting_claims: Callable | None = None
    missing: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, known_entities: list[Entity] = (), entities_file: Path | None = None) -> Stages:
        """Raises EntitiesFileError (a ValueError naming the file) for a broken user entities file."""
        stages = cls()
        try:
            from dateline.time import tag_timexes

            stages.tag_timexes = tag_timexes
        except ImportError:
            stages.missing.append("time")
        try:
            from dateline.geo import default_gazetteer, find_places

            stages.find_places = find_places
            stages.gazetteer = default_gazetteer()
        except ImportError:
            stages.missing.append("geo")
        try:
            from dateline.entities import EntityResolver

            stages.resolver = EntityResolver(entities_file, known=list(known_entities))
        except ImportError:
            stages.missing.append("entities")
        try:
            from dateline.events.claims import find_conflicting_claims

            stages.find_conflicting_claims = find_conflicting_claims
        except ImportError:
            stages.missing.append("claims")
        return stages


@dataclass
class ArticleResult:
    article: Article
    timexes: list[Timex]
    places: list[Place]
    mentions: list[Mention]
    events: list
    claims: list[Claim]


def read_article(article: Article, doc, stages: Stages) -> ArticleResult:
    """Every stage over one parsed article, in order."""
    timexes = stages.tag_timexes(article.text, article.published, doc) if stages.tag_timexes else []
    places = stages.find_places(article, doc, stages.gazetteer) if stages.find_places else []
    mentions = stages.resolver.add_article(article, doc, places) if stages.resolver is not None else []
    entities = stages.resolver.entities() if stages.resolver is not None else []
    found = extract_events(article, doc, timexes, places, mentions, entities)
    claims = stages.find_conflicting_claims(found, article, doc) if stages.find_conflicting_claims else []
    return ArticleResult(article, list(timexes), list(places), list(mentions), found, list(claims))


def _pending(store, reprocess: bool, retry_failed: bool, limit: int | None) -> tuple[list[Article], int]:
    done = set() if reprocess else event_tables.processed_ids(store.engine)
    if not reprocess and not retry_failed:
        done |= event_tables.processed_ids(store.engine, statuses=("failed",))
    pending, skipped = [], 0
    for article in store.iter_articles():
        if article.id in done:
            skipped += 1
            continue
        pending.append(article)
        if limit is not None and len(pending) >= limit:
            break
    return pending, skipped


def _batches(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def process(
    store,
    *,
    batch_size: int = DEFAULT_BATCH,
    limit: int | None = None,
    reprocess: bool = False,
    retry_failed: bool = False,
    on_batch: Callable[[ProcessReport], None] | None = None,
    entities_file: Path | None = None,
) -> ProcessReport:
    """Read the events out of every article of the store not yet processed.

    ``reprocess`` reads all articles again (replacing their records: the ids come out the
    same); ``retry_failed`` also retries articles that failed before. ``entities_file`` is the
    user's YAML of entities and aliases (default: $DATELINE_ENTITIES or ./dateline-entities.yaml).
    """
    started = time.perf_counter()
    event_tables.ensure_event_tables(store.engine)
    pending, skipped = _pending(store, reprocess, retry_failed, limit)
    if not pending:
        return ProcessReport(skipped=skipped, seconds=time.perf_counter() - started)
    stages = Stages.load(event_tables.load_entities(store.engine), entities_file)
    stages.gazetteer = gazetteer_for_store(store.engine, stages.gazetteer)  # a GeoNames load in front
    report = ProcessReport(missing_stages=list(stages.missing), skipped=skipped)

    for batch in _batches(pending, batch_size):
        duplicates = [a for a in batch if a.duplicate_of]
        originals = [a for a in batch if not a.duplicate_of]
        results: list[ArticleResult] = []
        failures: list[tuple[str, str]] = []
        docs = _parse_batch(originals, failures)
        for article, doc in zip(originals, docs):
            if doc is None:
                continue
            try:
                results.append(read_article(article, doc, stages))
            except Exception as error:  # one broken article never stops the batch
                log.warning("article %s failed: %s", article.id, error, exc_info=True)
                failures.append((article.id, f"{type(error).__name__}: {error}"))
        with store.engine.begin() as connection:
            for result in results:
                event_tables.save_article(connection, result.article.id, result.events, result.timexes,
                                          result.places, result.mentions, result.claims)
            for article in duplicates:
                event_tables.forget_article(connection, article.id)
                event_tables.mark_processed(connection, article.id, "duplicate")
            for article_id, reason in failures:
                event_tables.mark_processed(connection, article_id, "failed", error=reason[:2000])
            if stages.resolver is not None:
                event_tables.save_entities(connection, stages.resolver.entities())
        report.articles += len(results)
        report.events += sum(len(r.events) for r in results)
        report.skipped += len(duplicates)
        report.failed.extend(failures)
        if on_batch is not None:
            on_batch(report)
    report.seconds = time.perf_counter() - started
    return report


def _parse_batch(articles: list[Article], failures: list[tuple[str, str]]) -> list:
    """Parse a batch with ``nlp.pipe``; if the batch fails, parse one by one so that only the
    broken article is lost."""
    texts = [a.text or "" for a in articles]
    try:
        return list(parse_many(texts, batch_size=max(1, len(texts))))
    except Exception:
        docs = []
        for article, text in zip(articles, texts):
            try:
                docs.extend(parse_many([text], batch_size=1))
            except Exception as error:
                failures.append((article.id, f"parse failed: {type(error).__name__}: {error}"))
                docs.append(None)
        return docs
