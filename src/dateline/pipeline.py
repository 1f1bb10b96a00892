"""Runs the stages over the articles of a store: the only place that knows their order.

map, one article alone (pure: records in, records out, nothing shared between articles but
the loaded models and tables):
    nlp (one parse per article, in batches) -> time -> geo -> entities of the article ->
    events (with quantities, attribution) -> claims
reduce, over the whole store:
    the home region of each outlet (the region most of its articles name without doubt), kept
    in the store with each article's evidence (``store/outlets.py``), and the articles whose
    outlet's home is not the one they were read with, with a namesake there, mapped again with
    it as a prior (``geo.home_region``; setting ``geo.home_region_pass``);
    canonical entities across articles (the same corpus gives the same entities and ids in any
    order, batch size or partitioning)

Where the map runs is an engine's business (``dateline.engine``: in this process, worker
processes, or a Dask cluster); everything else (which articles, the writes, the reduce) stays
here, so every engine writes the same records.

Incremental: only articles not yet read are mapped (re-running gives the same records: ids
come from the article id and the words); the reduce step runs again over every article's
entities whenever something new was read, or when a run stopped between the two steps. One
broken article is recorded as failed with its reason and never stops the batch.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateline.config import SETTINGS
from dateline.entities import ArticleEntityReader, EntityResolver
from dateline.events import EventReadings, explain_events, extract_events
from dateline.events.claims import find_conflicting_claims
from dateline.geo import default_gazetteer, find_places
from dateline.ingest.language import EXTRACTED_LANGUAGES
from dateline.model import Article, ArticleRecords, Entity
from dateline.nlp import parse_many
from dateline.time import tag_timexes

log = logging.getLogger(__name__)

DEFAULT_BATCH = SETTINGS.pipeline.batch_size


@dataclass
class ProcessReport:
    articles: int = 0  # articles read out this run
    events: int = 0
    skipped: int = 0  # already processed, or duplicates of another article
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    entities: int = 0  # canonical entities after the reduce step (0: it did not run)
    fusion: object | None = None  # the store's FusionReport when fusion ran
    seconds: float = 0.0
    retried: list[str] = field(default_factory=list)  # work an engine ran again after a worker died
    engine: str = "in-process"
    total: int = 0  # articles pending when the run began (near duplicates included)
    seen: int = 0  # of those: read, failed or passed over as near duplicates so far
    # articles in languages the stages cannot read, by language code (marked, never read as empty)
    languages: Counter = field(default_factory=Counter)
    home_reread: int = 0  # articles mapped again with their outlet's home region as a prior

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass
class Stages:
    """What the map step needs loaded once per process: the gazetteer and the entities lexicon
    (with the user's entities file). A missing model or data file fails here, loudly."""

    gazetteer: object
    entity_reader: ArticleEntityReader
    # {outlet: HomeRegion} learned over the store (the reduce step's second geo pass); empty: none
    home_regions: dict = field(default_factory=dict)

    @classmethod
    def load(cls, entities_file: Path | None = None, gazetteer: object | None = None) -> Stages:
        """Raises EntitiesFileError (a ValueError naming the file) for a broken user entities file."""
        load_rule_tables()
        return cls(gazetteer=gazetteer if gazetteer is not None else default_gazetteer(),
                   entity_reader=ArticleEntityReader(entities_file))


def load_rule_tables() -> None:
    """The stages' rule tables (cached once per process), read with the models rather than by
    the first article: a broken table then fails the run once, here, not every article in turn."""
    from dateline.entities.gender import name_tables as gender_words
    from dateline.events.agent_nouns import people_nouns
    from dateline.events.attribution import load_cues as attribution_cues
    from dateline.events.claims import load_cues as claim_cues
    from dateline.events.classifier import label_table
    from dateline.events.dating import happening_families
    from dateline.events.dating import table as dating_table
    from dateline.events.lead_acts import table as lead_acts_table
    from dateline.events.non_event_features import words as non_event_words
    from dateline.events.non_events import learned_filter
    from dateline.events.non_events import typed_table as non_events_table
    from dateline.events.placing import table as placing_table
    from dateline.events.quantities import load_cues as quantity_cues
    from dateline.events.triggers import load_lexicon
    from dateline.geo.recognize import feature_words
    from dateline.geo.resolve import money_marks
    from dateline.time.grammar import rules

    # (the second line: tables the first article read, about 1 CPU second on a cold run)
    for load in (load_lexicon, attribution_cues, claim_cues, quantity_cues, label_table, rules, feature_words,
                 placing_table, dating_table, non_events_table, non_event_words, learned_filter, lead_acts_table,
                 people_nouns, gender_words, money_marks, happening_families):
        load()


@dataclass(frozen=True)
class StagesRecipe:
    """How a worker process loads its own Stages: picklable, so that it travels to worker
    processes and Dask workers, each of which loads the Stages once."""

    entities_file: Path | None = None  # resolved in the parent (the workers' cwd may differ)
    store_url: str | None = None  # a store with a GeoNames load: its places go in front of the embedded ones

    @classmethod
    def for_store(cls, store, entities_file: Path | None = None) -> StagesRecipe:
        from dateline.entities.user_file import default_entities_path
        from dateline.store.gazetteer import has_geonames_load

        path = entities_file if entities_file is not None else default_entities_path()
        return cls(entities_file=Path(path).resolve() if path is not None else None,
                   store_url=store.url if has_geonames_load(store.engine) else None)

    def check(self) -> None:
        """Raises EntitiesFileError here, in the parent, for a broken entities file, rather than
        in every worker."""
        from dateline.entities.user_file import read_user_entities

        read_user_entities(self.entities_file)

    def load(self) -> Stages:
        return Stages.load(self.entities_file, self._store_gazetteer())

    def load_gazetteer(self):
        """The gazetteer the Stages would hold, without the models (the reduce step's home pass)."""
        return self._store_gazetteer() or default_gazetteer()

    def _store_gazetteer(self):
        if self.store_url is None:
            return None
        from dateline.store import open_store

        return open_store(self.store_url, write=False).gazetteer()  # kept open: names are looked up lazily


def entities_for_events(found) -> list[Entity]:
    """The article's own entities as the events stage reads them (for their kinds), under the
    article-local keys its mentions carry."""
    return [Entity(id=e.key, name=e.name, kind=e.kind, aliases=e.aliases, country_code=e.country_code, roles=e.roles)
            for e in found]


def read_article(article: Article, doc, stages: Stages, learned_filter: bool | None = None) -> ArticleRecords:
    """The map step: every stage over one parsed article, in order. Pure: the same article
    gives the same records, whatever else was read before. ``learned_filter``: whether the events
    stage drops what its learned non-event filter reads as none (None: the setting's default)."""
    timexes, places, mentions, article_entities = _stages_before_events(article, doc, stages)
    chosen = {} if learned_filter is None else {"learned_filter": learned_filter}
    events = extract_events(article, doc, timexes, places, mentions, entities_for_events(article_entities), **chosen)
    claims = find_conflicting_claims(events, article, doc)
    return ArticleRecords(article_id=article.id, timexes=tuple(timexes), places=tuple(places),
                          entities=tuple(article_entities), mentions=tuple(mentions), events=tuple(events),
                          claims=tuple(claims))


def _stages_before_events(article: Article, doc, stages: Stages) -> tuple[list, list, list, list]:
    """Time, places (with the outlet's home region when the stages hold one) and the article's
    entities: what the events stage reads, the same for ``read_article`` and ``explain_article``."""
    timexes = tag_timexes(article.text, article.published, doc)
    home = stages.home_regions.get(article.outlet) if article.outlet else None
    places = find_places(article, doc, stages.gazetteer, home_region=home.key if home is not None else None)
    mentions, article_entities = stages.entity_reader.read(article, doc, places)
    return timexes, places, mentions, article_entities


def explain_article(article: Article, doc, stages: Stages, learned_filter: bool | None = None,
                    learned_report_day: bool | None = None) -> list[EventReadings]:
    """The events ``read_article`` gives, each with the readings that chose its date and places
    (``events.EventReadings``: the date's rules that fired and the dates they saw, the place
    step, the article's passes that changed the date after): why an event got its date and its
    place, for a study of the rules or a debugging tool. The entity ids are the article's own
    (not tied across articles). ``learned_filter``, ``learned_report_day``: the learned steps on or
    off (None: the settings'), as the trainers of those steps read the events without them."""
    timexes, places, mentions, article_entities = _stages_before_events(article, doc, stages)
    chosen = {name: value for name, value in (("learned_filter", learned_filter),
                                              ("learned_report_day", learned_report_day)) if value is not None}
    return explain_events(article, doc, timexes, places, mentions, entities_for_events(article_entities), **chosen)


def map_articles(articles: list[Article], stages: Stages) -> tuple[list[ArticleRecords], list[tuple[str, str]]]:
    """The map step over a batch: (records of the articles read, (article id, reason) of those
    that failed). Parsing runs in one ``nlp.pipe`` over the batch."""
    failures: list[tuple[str, str]] = []
    results: list[ArticleRecords] = []
    docs = _parse_batch(articles, failures)
    for article, doc in zip(articles, docs):
        if doc is None:
            continue
        try:
            results.append(read_article(article, doc, stages))
        except Exception as error:  # one broken article never stops the batch
            log.warning("article %s failed: %s", article.id, error, exc_info=True)
            failures.append((article.id, f"{type(error).__name__}: {error}"))
    return results, failures


def resolve_entities(article_entities: Iterable, stages: Stages | None = None,
                     entities_file: Path | None = None) -> tuple[list[Entity], dict[str, str]]:
    """The reduce step for entities: canonical entities and each article entity's link to one."""
    reader = stages.entity_reader if stages is not None else ArticleEntityReader(entities_file)
    resolver = EntityResolver(reader=reader)
    links = resolver.resolve(article_entities)
    return resolver.entities(), links


def _linked_actor(actor, links: dict[str, str]):
    return replace(actor, entity_id=links.get(actor.entity_id)) if actor is not None and actor.entity_id else actor


def link_records(records: ArticleRecords, links: dict[str, str]) -> ArticleRecords:
    """The article's records with its own entity keys replaced by canonical entity ids (the
    store does the same by a join when it reads records back)."""
    events = []
    for event in records.events:
        attribution = event.attribution
        if attribution is not None and attribution.entity_id:
            attribution = replace(attribution, entity_id=links.get(attribution.entity_id))
        events.append(replace(event, source_actor=_linked_actor(event.source_actor, links),
                              target_actor=_linked_actor(event.target_actor, links),
                              other_actors=tuple(_linked_actor(a, links) for a in event.other_actors),
                              attribution=attribution))
    return replace(
        records,
        mentions=tuple(replace(m, entity_id=links.get(m.entity_id)) if m.entity_id else m for m in records.mentions),
        events=tuple(events),
        claims=tuple(replace(c, by_entity_id=links.get(c.by_entity_id)) if c.by_entity_id else c
                     for c in records.claims),
    )


@dataclass
class Corpus:
    """A corpus read in memory, map and reduce: each article's records with canonical entity ids."""

    records: list[ArticleRecords]
    entities: list[Entity]
    failed: list[tuple[str, str]]


def read_corpus(articles: list[Article], stages: Stages | None = None, batch_size: int = DEFAULT_BATCH) -> Corpus:
    """Map every article, reduce their entities: what ``process`` stores, without a store
    (evaluations, tests, notebooks)."""
    stages = stages or Stages.load()
    mapped: list[ArticleRecords] = []
    failed: list[tuple[str, str]] = []
    for batch in _batches(articles, batch_size):
        results, failures = map_articles(batch, stages)
        mapped += results
        failed += failures
    entities, links = resolve_entities([e for r in mapped for e in r.entities], stages)
    return Corpus([link_records(r, links) for r in mapped], entities, failed)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process(
    store,
    *,
    batch_size: int = DEFAULT_BATCH,
    limit: int | None = None,
    reprocess: bool = False,
    retry_failed: bool = False,
    on_batch: Callable[[ProcessReport], None] | None = None,
    entities_file: Path | None = None,
    stages: Stages | None = None,
    fuse: bool = True,
    engine=None,
    bulk: int | None = None,
) -> ProcessReport:
    """Read the events out of every article of the store not yet read, then tie their actors
    to canonical entities.

    ``reprocess`` reads all articles again (replacing their records: the ids come out the
    same); ``retry_failed`` also retries articles that failed before. ``entities_file`` is the
    user's YAML of entities and aliases (default: $DATELINE_ENTITIES or ./dateline-entities.yaml).
    ``engine`` runs the map step (``dateline.engine``: ``InProcess()``, the default,
    ``LocalWorkers(n)``, ``DaskEngine(...)``); whichever it is, the records are the same: each
    batch it hands back is written here, in one transaction, then the reduce step runs here.
    ``on_batch`` is called after each write; an exception it raises stops the run (what was
    written stays, and the next run goes on from there).

    ``bulk`` (articles per partition) switches to the bulk write path (``store.bulk``): the
    mapped batches are gathered into partitions of at least that many articles, each staged as
    Parquet files and loaded in one transaction (COPY on PostgreSQL); ``on_batch`` is then called
    after each mapped batch, and if it raises, what was mapped is loaded before the run stops.
    Both paths write the same rows.

    ``fuse`` then fuses events across articles (``Store.fuse``). Articles in a language the
    stages cannot read are marked as such (status "language") and counted, never read as empty.

    One run at a time per store: a second one raises StoreBusy naming the first one's pid.
    """
    from dateline.engine import InProcess

    engine = engine if engine is not None else InProcess(stages)
    with store.extract_lock():
        started = time.perf_counter()
        report = ProcessReport(engine=engine.name)
        if not reprocess:  # read before, and not to be read again now
            report.skipped = store.count_extracted(("done", "duplicate", "language") if retry_failed else ("done", "duplicate", "language", "failed"))
        report.total = store.count_pending(reprocess=reprocess, retry_failed=retry_failed)
        if limit is not None:
            report.total = min(report.total, limit)
        pending = store.pending_articles(reprocess=reprocess, retry_failed=retry_failed, limit=limit)
        duplicates: list[str] = []

        unreadable: list[tuple[str, str]] = []

        def originals() -> Iterator[Article]:
            for article in pending:
                if article.duplicate_of:  # not read: its original is
                    duplicates.append(article.id)
                elif article.language and article.language not in EXTRACTED_LANGUAGES:
                    unreadable.append((article.id, article.language))
                else:
                    yield article

        recipe = StagesRecipe.for_store(store, entities_file)
        recipe.check()
        writer = None
        if bulk is not None:
            from dateline.store.bulk import PartitionWriter

            writer = PartitionWriter(store.engine, bulk)
            writer.start()

        def write(results, failures, done_duplicates, done_unreadable) -> None:
            if writer is None:
                store.save_extraction(results, failures, duplicates=done_duplicates, unreadable=done_unreadable)
            else:
                writer.add(results, failures, done_duplicates, done_unreadable)

        try:
            for mapped in engine.map(_batches(originals(), batch_size), recipe, total=report.total):
                done_duplicates, duplicates[:] = list(duplicates), []
                done_unreadable, unreadable[:] = list(unreadable), []
                write(mapped.results, mapped.failures, done_duplicates, done_unreadable)
                report.languages.update(language for _, language in done_unreadable)
                report.articles += len(mapped.results)
                report.events += sum(len(r.events) for r in mapped.results)
                report.skipped += len(done_duplicates)
                report.failed.extend(mapped.failures)
                report.retried.extend(mapped.retried)
                report.seen += len(mapped.results) + len(mapped.failures) + len(done_duplicates)
                if on_batch is not None:
                    on_batch(report)
            if duplicates or unreadable:  # near duplicates and other languages after the last original
                write([], [], duplicates, unreadable)
                report.skipped += len(duplicates)
                report.seen += len(duplicates) + len(unreadable)
                report.languages.update(language for _, language in unreadable)
        finally:
            if writer is not None:  # what was mapped is kept, even when on_batch stops the run
                writer.finish()
        if SETTINGS.geo.home_region_pass and (report.articles or store.needs_home_pass()):
            loaded = getattr(engine, "stages", None) or stages
            report.home_reread = home_region_pass(store, loaded.gazetteer if loaded else recipe.load_gazetteer(),
                                                  lambda: loaded or recipe.load(), batch_size)
        if report.articles or store.needs_entity_reduce():
            report.entities = store.reduce_entities(stages=getattr(engine, "stages", None) or stages,
                                                    entities_file=entities_file)
        if fuse:  # events across articles into real events (only what changed is clustered again)
            report.fusion = store.fuse()
        report.seconds = time.perf_counter() - started
        return report


def count_home_evidence(store, gazetteer, batch: int = 500) -> int:
    """The evidence of the read articles not counted yet (new, or read again since): the regions
    each names without doubt, kept in the store (``outlet_articles``), so no later run reads an
    old article for it again. How many were counted."""
    from dateline.geo.home_region import region_evidence

    counted = 0
    while found := store.articles_to_count_for_homes(limit=batch):
        store.count_home_evidence([(article_id, outlet, region_evidence(places, gazetteer), None)
                                   for article_id, outlet, places in found])
        counted += len(found)
    return counted


def home_region_pass(store, gazetteer, load_stages: Callable[[], Stages], batch_size: int = DEFAULT_BATCH) -> int:
    """The reduce step's second geo pass (``geo.home_region``): the new articles' evidence
    counted, each outlet's home region learned again from the kept counts (``outlet_homes``), and
    the articles whose outlet's home is not the one they were read with looked at again: those
    with a namesake at home (or at the home they were read with) mapped again with the home as a
    prior, their records replaced; the others only marked. How many were mapped again.

    Run after the map and before entities and fusion, which then read the new places, always in
    this process whichever engine mapped (the same records single-process, multi-process and on
    Dask: the first pass is the engine's, this one a few articles). Each write is one
    transaction; a run stopped here leaves articles counted or not, read with a home or not, and
    the next run (``Store.needs_home_pass``) goes on from there. ``load_stages`` is called only
    when an article is to be mapped again (a Dask run's parent loads no models otherwise)."""
    from dateline.geo.home_region import has_namesake_at_home, home_regions_from_counts

    count_home_evidence(store, gazetteer)
    homes, changed = store.learn_outlet_homes(home_regions_from_counts)
    if changed:
        log.info("home regions of %d outlets changed: %s", len(changed), ", ".join(sorted(changed)[:10]))
    again, unchanged_by = [], {}
    for article_id, outlet, read_with, places in store.articles_read_with_other_home():
        home = homes.get(outlet)
        homes_in_play = [h for h in (home, _home_of(read_with)) if h is not None]
        if any(has_namesake_at_home(places, h, gazetteer) for h in homes_in_play):
            again.append(article_id)
        else:  # nothing a home prior could read otherwise: its places stand for a reading with it
            unchanged_by.setdefault(home.key if home else None, []).append(article_id)
    for key, article_ids in unchanged_by.items():
        store.mark_read_with_home(article_ids, key)
    with_homes = replace(load_stages(), home_regions=homes) if again else None
    for ids in _batches(again, batch_size):
        articles = list(store.get_articles(ids).values())
        results, failures = map_articles(articles, with_homes)
        store.save_extraction(results, failures)  # (their evidence rows go with their old records)
        store.count_home_evidence([
            (r.article_id, a.outlet, _evidence(r, gazetteer), homes[a.outlet].key if a.outlet in homes else None)
            for r, a in zip(results, _by_id(articles, results))])
    log.info("home regions of %d outlets; %d articles read again", len(homes), len(again))
    return len(again)


def _home_of(key: tuple[str, str] | None):
    from dateline.geo.home_region import HomeRegion

    return HomeRegion(key[0], key[1], 0.0, 0) if key is not None else None


def _evidence(records: ArticleRecords, gazetteer) -> frozenset:
    from dateline.geo.home_region import region_evidence

    return region_evidence(records.places, gazetteer)


def _by_id(articles: list[Article], results: list[ArticleRecords]) -> list[Article]:
    by_id = {a.id: a for a in articles}
    return [by_id[r.article_id] for r in results]


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
