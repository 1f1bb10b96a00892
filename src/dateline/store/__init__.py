"""The store, and the library's front door: a SQLite file by default, PostgreSQL given a
``postgresql://`` URL, the same code for both (SQLAlchemy Core).

    import dateline
    store = dateline.open_store("crisis.db")          # applies pending schema steps
    store.ingest(["reports/", "feed.xml"])            # dated, deduplicated articles
    store.extract()                                   # map each article, then reduce entities
    store.events(type="ASSAULT", since=date(2021, 9, 1), country="AF")
    store.search("Kabul airport")                     # full text, best first

Everything the ``dateline`` command does goes through these methods.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from dateline.ingest.dedupe import (
    DEFAULT_NEAR_THRESHOLD,
    Candidate,
    NearDuplicate,
    find_near_duplicates,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from dateline.model import Article, ArticleRecords, Claim, Entity, Event, SearchHit
from dateline.store import articles as article_tables
from dateline.store import entities as entity_tables
from dateline.store import fusion as fusion_tables
from dateline.store import driver_sql, records
from dateline.store import tables as t
from dateline.ingest.reasons import describe_error
from dateline.store.database import StoreError, display_url, make_engine, resolve_url
from dateline.store.entities import EntitySummary
from dateline.store.filters import (
    MAX_LIMIT,
    MAX_TEXT,
    EventFilter,
    FilterError,
    event_count,
    event_select,
    is_text,
    query_hints,
    shaped_ids_sql,
    shaped_select,
)
from dateline.store.lock import StoreBusy
from dateline.store.migrations import apply_pending, pending_migrations, unknown_migrations

MAX_SEARCH_TERMS = 32

__all__ = ["AddResult", "EventDocuments", "EventFilter", "EventPage", "FilterError", "Store", "StoreBusy", "StoreError",
           "open_store"]


@dataclass
class AddResult:
    """What one ``add_articles`` call did."""

    new: list[str] = field(default_factory=list)  # ids of new original articles
    near: list[NearDuplicate] = field(default_factory=list)  # new rows linked to the article they repeat
    exact: list[tuple[str, str]] = field(default_factory=list)  # (origin, id of the stored article with that text)
    already_seen: int = 0  # of ``exact``: the same article from the same origin (a re-run)


@dataclass
class EventPage:
    """One page of an event list, and how long the list is: ``total`` matches when
    ``total_exact``; otherwise at least ``total`` (the page is full and a match follows it)."""

    events: list[Event]
    total: int
    total_exact: bool


@dataclass
class EventDocuments:
    """``EventPage`` with each event as its JSON text (what the API's list page holds)."""

    documents: list[str]
    total: int
    total_exact: bool


class Store:
    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

    @property
    def display_name(self) -> str:
        """How messages name the store: the file of a SQLite store, else the URL without its password."""
        if self.url.startswith("sqlite:///"):
            return self.url[len("sqlite:///"):]
        return display_url(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article], *, near_threshold: float = DEFAULT_NEAR_THRESHOLD) -> AddResult:
        """Add a batch in one transaction. An article whose text is already stored becomes a
        sighting of the stored one (where else it was seen); one whose text nearly repeats a
        stored or earlier article is stored linked to it (``duplicate_of``); nothing is dropped
        silently and adding the same batch again changes nothing."""
        batch = list(articles)
        result = AddResult()
        if not batch:
            return result
        now = datetime.now(timezone.utc)
        with self.engine.begin() as connection:
            stored = article_tables.existing_ids(connection, {a.id for a in batch})
            fresh: dict[str, Article] = {}
            exact: list[Article] = []
            for article in batch:
                if article.id in stored or article.id in fresh:
                    exact.append(article)
                else:
                    fresh[article.id] = article

            candidates = [Candidate(a.id, a.text, signature(a.text)) for a in fresh.values()]
            near, original_keys = find_near_duplicates(
                candidates,
                lambda keys: article_tables.band_matches(connection, keys),
                lambda ids: {k: signature_from_bytes(v) for k, v in article_tables.minhashes(connection, ids).items()},
                threshold=near_threshold,
            )
            near_of = {n.article_id: n for n in near}
            sig_of = {c.article_id: c.sig for c in candidates}
            rows = []
            for article in fresh.values():
                link = near_of.get(article.id)
                if link is not None:
                    article = dataclasses.replace(article, duplicate_of=link.duplicate_of)
                rows.append(article_tables.article_row(article, signature_bytes(sig_of[article.id]), link.similarity if link else None))
            if rows:
                connection.execute(article_tables.articles.insert(), rows)
            bands = [{"band_key": key, "article_id": aid} for aid, keys in original_keys.items() for key in keys]
            if bands:
                connection.execute(article_tables.article_bands.insert(), bands)

            sightings = {(a.id, a.origin or ""): a for a in batch}
            known = self._known_sightings(connection, sightings)
            new_sightings = [
                {"article_id": aid, "origin": origin, "url": a.url, "outlet": a.outlet, "seen_at": now}
                for (aid, origin), a in sightings.items()
                if (aid, origin) not in known
            ]
            if new_sightings:
                connection.execute(self._insert_ignore(article_tables.article_sightings), new_sightings)

        result.new = [aid for aid in fresh if aid not in near_of]
        result.near = near
        result.exact = [(a.origin or "", a.id) for a in exact]
        seen_before = known
        result.already_seen = sum(1 for a in exact if (a.id, a.origin or "") in seen_before)
        return result

    def _known_sightings(self, connection, pairs: dict) -> set[tuple[str, str]]:
        ids = sorted({aid for aid, _ in pairs})
        found: set[tuple[str, str]] = set()
        s = article_tables.article_sightings
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.update((r[0], r[1]) for r in connection.execute(select(s.c.article_id, s.c.origin).where(s.c.article_id.in_(chunk))))
        return found

    def _insert_ignore(self, table):
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        return table.insert()

    # --- reading ----------------------------------------------------------------------------------

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id (or this unique id prefix, at least 6 characters)."""
        columns = article_tables.ARTICLE_COLUMNS
        with self.engine.connect() as connection:
            row = connection.execute(select(*columns).where(article_tables.articles.c.id == article_id)).mappings().first()
            if row is None and 6 <= len(article_id) < 64:
                rows = connection.execute(
                    select(*columns).where(article_tables.articles.c.id.startswith(article_id.lower())).limit(2)
                ).mappings().all()
                row = rows[0] if len(rows) == 1 else None
        return article_tables.article_from_row(row) if row is not None else None

    def get_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """The articles with these ids (whole ids), read in one query per 500: a page listing
        events from many articles asks once, not once per article."""
        wanted = sorted(set(ids))
        found: dict[str, Article] = {}
        a = article_tables.articles
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                query = select(*article_tables.ARTICLE_COLUMNS).where(a.c.id.in_(wanted[start:start + 500]))
                for row in connection.execute(query).mappings():
                    found[row["id"]] = article_tables.article_from_row(row)
        return found

    def iter_articles(
        self,
        *,
        originals_only: bool = False,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        batch: int = 500,
    ) -> Iterator[Article]:
        """Every stored article in ingest order (near duplicates too, with ``duplicate_of``
        set, unless ``originals_only``); read page by page, never all at once."""
        last = 0
        while True:
            with self.engine.connect() as connection:
                rows = article_tables.page_rows(connection, last, batch, originals_only, since, until, outlet)
            if not rows:
                return
            for row in rows:
                yield article_tables.article_from_row(row)
            last = rows[-1]["seq"]

    def articles(self, limit: int = 20, *, offset: int = 0, originals_only: bool = False) -> list[Article]:
        """Newest first by publication date (undated after dated), then by ingest order."""
        a = article_tables.articles
        query = select(*article_tables.ARTICLE_COLUMNS)
        if originals_only:
            query = query.where(a.c.duplicate_of.is_(None))
        query = query.order_by(a.c.published.is_(None), a.c.published.desc(), a.c.seq).offset(offset).limit(limit)
        with self.engine.connect() as connection:
            return [article_tables.article_from_row(r) for r in connection.execute(query).mappings()]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching a web-search style query (words, "phrases", OR, -word), best
        first, each with its score and the best matching passage (matches in [brackets]).
        Raises FilterError past MAX_SEARCH_TERMS words or MAX_TEXT characters: a query of a
        thousand words would keep the index busy for seconds and find nothing a reader wants."""
        if len(query) > MAX_TEXT:
            raise FilterError(f"search: at most {MAX_TEXT} characters (got {len(query)})")
        if not is_text(query):
            raise FilterError("search: not UTF-8 text (bytes that decode to no character)")
        if len(query.split()) > MAX_SEARCH_TERMS:
            raise FilterError(f"search: at most {MAX_SEARCH_TERMS} words (got {len(query.split())})")
        if not 0 <= limit <= MAX_LIMIT:
            raise FilterError(f"limit: between 0 and {MAX_LIMIT} (got {limit})")
        with self.engine.connect() as connection:
            hits = article_tables.search(connection, query, limit)
        return [SearchHit(article_tables.article_from_row(row), round(score, 4), snippet) for row, score, snippet in hits]

    def sightings(self, article_id: str) -> list[dict]:
        """Every origin (file, line, entry) the article was read from, oldest first."""
        s = article_tables.article_sightings
        with self.engine.connect() as connection:
            query = select(s.c.origin, s.c.url, s.c.outlet, s.c.seen_at).where(s.c.article_id == article_id).order_by(s.c.id)
            return [dict(r) for r in connection.execute(query).mappings()]

    def duplicates_of(self, article_id: str) -> list[Article]:
        a = article_tables.articles
        with self.engine.connect() as connection:
            query = select(*article_tables.ARTICLE_COLUMNS).where(a.c.duplicate_of == article_id).order_by(a.c.seq)
            return [article_tables.article_from_row(r) for r in connection.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return article_tables.counts(connection)

    def count_articles(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(article_tables.articles)).scalar_one()


    # --- the whole job ---------------------------------------------------------------------------

    def ingest(self, paths, **options):
        """Read files, folders, feeds (see ``dateline.ingest.ingest`` for the options) into the store."""
        from dateline.ingest import ingest

        return ingest(paths, self, **options)

    def extract(self, **options):
        """Read events out of every article not yet read, then tie actors to canonical entities
        (see ``dateline.pipeline.process`` for the options)."""
        from dateline.pipeline import process

        return process(self, **options)

    # --- records ------------------------------------------------------------------------------------

    def events(self, query: EventFilter | None = None, **filters) -> list[Event]:
        """Events matching every filter (an EventFilter, or its fields as keywords), in date
        order, undated last. Raises FilterError for a value that cannot be used."""
        query = query or EventFilter(**filters)
        with self.engine.connect() as connection:
            statement, values = shaped_select(query, query_hints(connection, query))
            rows = connection.execute(statement, values).all()
            return records.events_from_rows(connection, rows)

    def iter_events(self, query: EventFilter | None = None, *, batch: int = 2000, **filters) -> Iterator[Event]:
        """The events ``events`` would give, streamed: one query whose rows come ``batch`` at a
        time (a server-side cursor on PostgreSQL), each batch made whole (actors, places ...)
        before the next is read, so an export of millions of events holds one batch in memory
        and never re-runs the query at a growing OFFSET."""
        query = query or EventFilter(**filters)
        with self.engine.connect() as connection:
            statement = event_select(query, query_hints(connection, query))
            result = connection.execution_options(yield_per=batch).execute(statement)
            for rows in result.partitions():
                # the batch's actors, places ... on the same connection (one snapshot) while
                # the streaming cursor stays open
                yield from records.events_from_rows(connection, rows)

    def event_page(self, query: EventFilter, *, exact_total: bool = False) -> EventPage:
        """The page of ``events`` the filter's limit and offset select, and what the list's length
        costs little to know, as search APIs answer (Elasticsearch's ``track_total_hits``,
        Stripe's ``has_more``): the exact total when the tallies keep the filter's counts (type,
        dates and country only) or ``exact_total`` asks for it; otherwise the page is read one
        row longer, and a row past it makes the total "at least offset + limit + 1", no row
        makes it exact (a page past the end counts the matches, at most ``offset`` of them).
        Counting every match of a box or an actor reads all of them: seconds on a large store,
        for a page that takes milliseconds."""
        with self.engine.connect() as connection:  # one connection: one snapshot for page and total
            rows, total, exact = self._page_rows(connection, query, exact_total)
            return EventPage(records.events_from_rows(connection, rows), total, exact)

    def event_page_documents(self, query: EventFilter, *, exact_total: bool = False) -> EventDocuments:
        """``event_page``'s page as each event's JSON (``Page[Event]``'s items, exactly): the
        documents kept at write time (``store.documents``), read by the page's ids; an event
        without a document of this release's version is read back from its rows and serialised."""
        from dateline.store import documents

        with self.engine.connect() as connection:
            # the page's ids alone (its SQL reads no event's columns), then their documents
            rows, total, exact = self._page_rows(connection, query, exact_total, ids_only=True)
            ids = [row[0] for row in rows]
            kept = documents.read(connection, ids)
            if len(kept) < len(ids):
                missing = [i for i in ids if i not in kept]
                rows = connection.execute(select(t.events).where(t.events.c.id.in_(missing))).all()
                kept.update((e.id, documents.event_document(e)) for e in records.events_from_rows(connection, rows))
        return EventDocuments([kept[i] for i in ids], total, exact)

    @staticmethod
    def _page_rows(connection, query: EventFilter, exact_total: bool,
                   ids_only: bool = False) -> tuple[list, int, bool]:
        """The page's event rows (``ids_only``: their ids), and its total and whether that total
        is exact (``event_page``)."""
        from dateline.store import tallies

        hints = query_hints(connection, query)
        # the page one event longer (is there more?), its SQL built once per filter shape (ids
        # alone: its SQL text compiled once too, run on the driver's cursor)
        if ids_only:
            rows = driver_sql.rows(connection, *shaped_ids_sql(connection, query, hints, extra=1))
        else:
            statement, values = shaped_select(query, hints, extra=1)
            rows = connection.execute(statement, values).all()
        more = query.limit is not None and len(rows) > query.limit
        if more:
            rows = rows[:query.limit]
        if tallies.answerable(query):
            return rows, tallies.tallied_total(connection, query, hints.starts_from), True
        if exact_total:
            return rows, connection.execute(event_count(query, hints)).scalar_one(), True
        if more:
            return rows, query.offset + len(rows) + 1, False
        if rows or not query.offset:
            return rows, query.offset + len(rows), True
        # past the end of the list: it has at most ``offset`` matches, counted up to that
        return rows, connection.execute(event_count(query, hints, query.offset)).scalar_one(), True

    def count_events(self, query: EventFilter | None = None, *, cap: int | None = None, **filters) -> int:
        """How many events match (the filter's limit and offset aside); with ``cap``, at most
        ``cap + 1`` ("more than cap"), which costs no more than reading that many matches."""
        from dateline.store import tallies

        query = query or EventFilter(**filters)
        with self.engine.connect() as connection:
            if tallies.answerable(query):  # summed from the counts kept at write time
                total = tallies.tallied_total(connection, query)
                return total if cap is None else min(total, cap + 1)
            return connection.execute(event_count(query, query_hints(connection, query), cap)).scalar_one()

    def page_reads_one_range(self, query: EventFilter) -> bool:
        """Whether the filter's page is one index range read in list order that stops after its
        rows (``filters.reads_one_range``; an actor filter's entity looked up by its id)."""
        from dateline.store.filters import is_entity, reads_one_range

        entity = False
        if query.actor is not None:
            with self.engine.connect() as connection:
                entity = is_entity(connection, query.actor)
        return reads_one_range(query, entity)

    def counts_are_kept(self, query: EventFilter, by: tuple[str, ...] = ()) -> bool:
        """Whether this filter's counts (by ``by``: its buckets too) come from the tallies kept at
        write time (type, dates and country only; by day, type or country; ``store.tallies``):
        an exact count then costs a few hundred rows."""
        from dateline.store import tallies

        return tallies.answerable(query, by)

    def event_counts(self, query: EventFilter | None = None, *, by: str | tuple[str, ...] = "type",
                     limit: int | None = None, **filters) -> list[dict]:
        """How many events match, counted by ``by`` (day, type, acled_type, modality, outlet,
        country or place, or a tuple of them; see ``store.counts``), the largest first (by day:
        in date order); the filter's limit and offset do not apply, ``limit`` caps the rows."""
        from dateline.store.counts import event_counts

        query = query or EventFilter(**filters)
        with self.engine.connect() as connection:
            return event_counts(connection, query, by, limit)

    def chart_counts(self, query: EventFilter, *, by: str | tuple[str, ...] = "type", limit: int | None = None,
                     total_cap: int | None = None) -> tuple[list[dict], int]:
        """``event_counts`` and ``count_events(query, cap=total_cap)`` together, on one connection
        that looks up the filter's hints once (what a chart asks: its bars and how many events
        they come from)."""
        from dateline.store import tallies
        from dateline.store.counts import event_counts

        from dateline.store.filters import QueryHints, earliest_start

        with self.engine.connect() as connection:
            if tallies.answerable(query):  # sums of the tallies need only the since's earliest start
                hints = QueryHints(starts_from=earliest_start(connection, query.since))
                rows = event_counts(connection, query, by, limit, hints)
                total = tallies.tallied_total(connection, query, hints.starts_from)
                return rows, total if total_cap is None else min(total, total_cap + 1)
            hints = query_hints(connection, query)
            rows = event_counts(connection, query, by, limit, hints)
            return rows, connection.execute(event_count(query, hints, total_cap)).scalar_one()

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as connection:
            rows = connection.execute(select(t.events).where(t.events.c.id == event_id)).mappings().all()
            found = records.events_from_rows(connection, rows)
        return found[0] if found else None

    def entities(self, *, kind: str | None = None, name: str | None = None, limit: int | None = 50,
                 offset: int = 0) -> list[EntitySummary]:
        """Canonical entities, the most mentioned first, with their mention and article counts."""
        EventFilter(actor=name, limit=limit, offset=offset)  # the same bounds as event filters
        with self.engine.connect() as connection:
            return entity_tables.list_entities(connection, kind=kind, name=name, limit=limit, offset=offset)

    def count_entities(self, *, kind: str | None = None, name: str | None = None) -> int:
        EventFilter(actor=name)
        with self.engine.connect() as connection:
            return entity_tables.count_entities(connection, kind=kind, name=name)

    def entity(self, entity_id: str) -> Entity | None:
        with self.engine.connect() as connection:
            return entity_tables.entities_by_id(connection, [entity_id]).get(entity_id)

    def places(self, *, name: str | None = None, country: str | None = None, limit: int = 50):
        """The places the articles name, one row per point on the map, most mentioned first."""
        from dateline.store.gazetteer import list_places

        EventFilter(place=name, country=country, limit=limit)
        return list_places(self.engine, name=name, country=country, limit=limit)

    def claims(self, *, article_id: str | None = None, event_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[Claim]:
        """Figures that sources give for what they count differently, in article order."""
        query = select(t.claims)
        if article_id:
            query = query.where(t.claims.c.article_id == article_id)
        if event_id:
            query = query.where(t.claims.c.event_id == event_id)
        query = query.order_by(t.claims.c.article_id, t.claims.c.start).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            return records.claims_from_rows(connection, connection.execute(query).mappings().all())

    def article_records(self, article_id: str) -> ArticleRecords:
        """Everything extraction wrote for one article, as the map step gave it."""
        with self.engine.connect() as connection:
            return records.article_records(connection, article_id)

    # --- what the pipeline reads and writes -------------------------------------------------------------

    def pending_articles(self, *, reprocess: bool = False, retry_failed: bool = False,
                         limit: int | None = None, batch: int = 200) -> Iterator[Article]:
        """Articles not yet read (all of them with ``reprocess``), in ingest order, page by page."""
        skip = () if reprocess else (("done", "duplicate", "language") if retry_failed else ("done", "duplicate", "language", "failed"))
        a, x = article_tables.articles, t.extractions
        last, given = 0, 0
        while limit is None or given < limit:
            query = select(article_tables.articles.c.seq, *article_tables.ARTICLE_COLUMNS).where(a.c.seq > last)
            if skip:
                query = query.where(~select(x.c.article_id).where(x.c.article_id == a.c.id, x.c.status.in_(skip)).exists())
            size = batch if limit is None else min(batch, limit - given)
            with self.engine.connect() as connection:
                rows = connection.execute(query.order_by(a.c.seq).limit(size)).mappings().all()
            if not rows:
                return
            for row in rows:
                yield article_tables.article_from_row(row)
            given += len(rows)
            last = rows[-1]["seq"]

    def save_extraction(self, results: list[ArticleRecords], failures: list[tuple[str, str]] = (),
                        duplicates: list[str] = (), unreadable: list[tuple[str, str]] = ()) -> None:
        """One transaction: the records of a batch of articles, the ones that failed (with the
        reason), the near duplicates (not read: their original is) and the articles in a language
        the stages cannot read ((article id, language code): marked, not read)."""
        with self.engine.begin() as connection:
            records.save_articles(connection, results)
            for article_id in duplicates:
                records.forget_article(connection, article_id)
                records.mark_extracted(connection, article_id, "duplicate")
            for article_id, language in unreadable:
                records.forget_article(connection, article_id)
                records.mark_extracted(connection, article_id, "language", error=f"written in {language}")
            for article_id, reason in failures:
                records.forget_article(connection, article_id)
                records.mark_extracted(connection, article_id, "failed", error=reason[:2000])

    def count_pending(self, *, reprocess: bool = False, retry_failed: bool = False) -> int:
        """How many articles ``pending_articles`` would give (near duplicates included)."""
        skip = () if reprocess else (("done", "duplicate", "language") if retry_failed else ("done", "duplicate", "language", "failed"))
        a, x = article_tables.articles, t.extractions
        query = select(func.count()).select_from(a)
        if skip:
            query = query.where(~select(x.c.article_id).where(x.c.article_id == a.c.id, x.c.status.in_(skip)).exists())
        with self.engine.connect() as connection:
            return connection.execute(query).scalar_one()

    def extract_lock(self):
        """A context manager held for a whole extract run: a second run on the same store
        raises StoreBusy ("another extract is running on STORE (pid N on HOST)")."""
        from dateline.store.lock import postgresql_lock, sqlite_lock

        if self.dialect == "postgresql":
            return postgresql_lock(self.url, self.engine)
        database = self.engine.url.database
        if not database or database == ":memory:":
            return contextlib.nullcontext()
        return sqlite_lock(self.url, database)

    def extract_running(self) -> str | None:
        """Who holds the extract lock ("pid N on HOST"), or None; asking takes no lock, so a run
        starting meanwhile is never refused because of the question."""
        from dateline.store.lock import postgresql_holder, sqlite_holder

        if self.dialect == "postgresql":
            return postgresql_holder(self.engine)
        database = self.engine.url.database
        if not database or database == ":memory:":
            return None
        return sqlite_holder(database)

    def count_extracted(self, statuses: tuple[str, ...] = ("done",)) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(t.extractions)
                                      .where(t.extractions.c.status.in_(statuses))).scalar_one()

    def failed_extractions(self) -> list[tuple[str, str]]:
        with self.engine.connect() as connection:
            query = select(t.extractions.c.article_id, t.extractions.c.error).where(t.extractions.c.status == "failed")
            return [(r[0], r[1] or "") for r in connection.execute(query.order_by(t.extractions.c.article_id))]

    # --- outlets' home regions (step 15: store/outlets.py, geo/home_region.py) ---------------------------

    def outlet_homes(self) -> dict:
        """{outlet: HomeRegion} as kept between runs (the reduce step's home-region pass)."""
        from dateline.store import outlets

        with self.engine.connect() as connection:
            return outlets.homes(connection)

    def articles_to_count_for_homes(self, limit: int = 500) -> list[tuple[str, str, list]]:
        """(article id, outlet, its places) of read articles whose evidence of a home is not counted yet."""
        from dateline.store import outlets

        with self.engine.connect() as connection:
            found = outlets.articles_to_count(connection, limit)
            places = outlets.places_of(connection, [article_id for article_id, _ in found])
        return [(article_id, outlet, places[article_id]) for article_id, outlet in found]

    def count_home_evidence(self, counted) -> None:
        """One transaction: (article id, outlet, regions named without doubt, home read with) counted."""
        from dateline.store import outlets

        with self.engine.begin() as connection:
            outlets.count(connection, counted)

    def learn_outlet_homes(self, learn) -> tuple[dict, set[str]]:
        """One transaction: ``learn(region counts per outlet)`` -> {outlet: HomeRegion} replaces the
        kept homes; returns them and the outlets whose home region changed."""
        from dateline.store import outlets

        with self.engine.begin() as connection:
            learned = learn(outlets.region_counts(connection))
            changed = outlets.replace_homes(connection, learned)
            return outlets.homes(connection), changed

    def articles_read_with_other_home(self) -> list[tuple[str, str, tuple | None, list]]:
        """(article id, outlet, home region it was read with, its places) of the articles whose
        outlet's kept home is another (gained, lost, moved, or new since they were read)."""
        from dateline.store import outlets

        with self.engine.connect() as connection:
            found = outlets.articles_read_with_other_home(connection)
            places = outlets.places_of(connection, [article_id for article_id, _, _ in found])
        return [(article_id, outlet, home, places[article_id]) for article_id, outlet, home in found]

    def mark_read_with_home(self, article_ids, home) -> None:
        from dateline.store import outlets

        with self.engine.begin() as connection:
            outlets.mark_read_with(connection, article_ids, home)

    def needs_home_pass(self) -> bool:
        """Whether read articles wait for the home-region pass (a run stopped before or during it)."""
        return bool(self.articles_to_count_for_homes(limit=1)) or bool(self._stale_home_articles())

    def _stale_home_articles(self) -> list:
        from dateline.store import outlets

        with self.engine.connect() as connection:
            return outlets.articles_read_with_other_home(connection)

    def needs_entity_reduce(self) -> bool:
        with self.engine.connect() as connection:
            return entity_tables.unlinked_article_entities(connection) > 0

    def reduce_entities(self, *, stages=None, entities_file=None) -> int:
        """The reduce step: canonical entities from every article's entities, written in one
        transaction; returns how many there are."""
        from dateline.pipeline import resolve_entities

        with self.engine.connect() as connection:
            found = list(records.iter_article_entities(connection))
        entities, links = resolve_entities(found, stages, entities_file)
        with self.engine.begin() as connection:
            entity_tables.replace_entities(connection, entities, links)
        return len(entities)

    # --- fusion: one record per real event, claims across sources, timelines ----------------------------

    def fuse(self, *, full: bool = False, config=None) -> FusionReport:
        """Fuse the events of every article into real events (``dateline.fuse``): only the
        components that changed since the last run are clustered again (``full`` recomputes all;
        both give the same result), then claims are grouped across sources."""
        import time

        from dateline.fuse.claims import group_claims
        from dateline.fuse.config import EventFusionConfig
        from dateline.fuse.events import fused_event, lend_sentence_places, plan_fusion

        started = time.perf_counter()
        config = config or EventFusionConfig()
        stored = self.events()
        events = lend_sentence_places(stored)
        with self.engine.connect() as connection:
            previous = {} if full else fusion_tables.membership(connection)
            infos = fusion_tables.article_infos(connection, {e.article_id for e in events})
        by_id = {e.id: e for e in events}
        plan = plan_fusion(events, previous, config)
        fused = [fused_event([by_id[i] for i in cluster], infos) for cluster in plan.clusters]
        with self.engine.begin() as connection:
            fusion_tables.replace_fused(connection, plan.replaced, fused, full)
        with self.engine.connect() as connection:
            all_ids = [r[0] for r in connection.execute(fusion_tables.fused_select(None))]
            # rebuilt from the events read above (the writes since touched only the fused tables)
            every_fused = fusion_tables.read_fused(connection, all_ids, {e.id: e for e in stored})
        groups = group_claims(self.claims(), every_fused, infos)
        with self.engine.begin() as connection:
            fusion_tables.replace_claim_groups(connection, groups)
        return FusionReport(events=len(events), fused=len(every_fused),
                            multi_source=sum(1 for f in every_fused if f.sources > 1),
                            components=plan.components, reclustered=plan.reclustered,
                            claim_groups=len(groups), contradictions=sum(1 for g in groups if g.contradiction),
                            seconds=time.perf_counter() - started)

    def fused_events(self, query: EventFilter | None = None, *, search: str | None = None, min_sources: int = 1,
                     **filters) -> list:
        """Fused events (``FusedEvent``: every report, best date and place, the spread) with a
        report matching the filter and, given ``search``, reported by an article the full-text
        search finds; in date order, undated last."""
        query = query or EventFilter(**filters)
        article_ids = None if search is None else [hit.article.id for hit in self.search(search, limit=10_000)]
        with self.engine.connect() as connection:
            ids = [r[0] for r in connection.execute(fusion_tables.fused_select(query, article_ids, min_sources))]
            return fusion_tables.read_fused(connection, ids)

    def fused_event(self, fused_id: str):
        with self.engine.connect() as connection:
            found = fusion_tables.read_fused(connection, [fused_id])
        return found[0] if found else None

    def claim_groups(self, *, contradictions_only: bool = False, fused_ids=None, article_ids=None,
                     limit: int | None = None) -> list:
        """Claims about one thing across sources (``ClaimGroup``), contradictions first."""
        with self.engine.connect() as connection:
            return fusion_tables.read_claim_groups(connection, contradictions_only=contradictions_only,
                                                   fused_ids=fused_ids, article_ids=article_ids, limit=limit)

    def article_infos(self, ids=None) -> dict:
        with self.engine.connect() as connection:
            return fusion_tables.article_infos(connection, ids)

    def entity_profile(self, name: str):
        """An entity's history (``EntityProfile``): its roles with their dates and its fused
        events in date order; ``name`` is an entity id or words of its name. None if no match."""
        from dateline.timeline import entity_profile

        entity = self.entity(name)
        if entity is None:
            found = self.entities(name=name, limit=1)
            entity = found[0].entity if found else None
        if entity is None:
            return None
        return entity_profile(entity, self.fused_events(EventFilter(actor=entity.id)))

    def timeline(self, query: EventFilter | None = None, *, search: str | None = None, dates: int = 10,
                 config=None, **filters):
        """Key dates of a selection with a short cited summary each (``dateline.timeline``)."""
        from dateline.timeline import TimelineConfig, build_timeline

        fused = self.fused_events(query, search=search, **filters)
        return build_timeline(fused, config or TimelineConfig(dates=dates))

    def report(self, query: EventFilter | None = None, *, search: str | None = None, dates: int = 10,
               title: str | None = None, **filters) -> str:
        """A Markdown situation report of a selection (``dateline.timeline.report``)."""
        from dateline.timeline import TimelineConfig, build_timeline
        from dateline.timeline.report import situation_report

        query = query or EventFilter(**filters)
        fused = self.fused_events(query, search=search)
        timeline = build_timeline(fused, TimelineConfig(dates=dates))
        entity_ids = sorted({a for f in fused for r in f.reports for a in r.actor_ids})
        entities = [self.entity(i) for i in entity_ids]
        groups = self.claim_groups(fused_ids=[f.id for f in fused],
                                   article_ids=sorted({a for f in fused for a in f.article_ids}))
        return situation_report(fused, timeline, [e for e in entities if e is not None], groups, title=title,
                                selection=_describe_selection(query, search), articles_of=self.get_articles)

    def gazetteer(self):
        """The gazetteer extraction places names with: the embedded one, with the GeoNames
        files loaded into this store (``dateline gazetteer load``) in front of it."""
        from dateline.store.gazetteer import gazetteer_for_store

        return gazetteer_for_store(self.engine)


@dataclass
class FusionReport:
    """What one ``Store.fuse`` run did."""

    events: int = 0
    fused: int = 0  # fused events in the store after the run
    multi_source: int = 0  # of them, reported by two articles or more
    components: int = 0
    reclustered: int = 0  # components clustered again this run
    claim_groups: int = 0
    contradictions: int = 0
    seconds: float = 0.0


def _describe_selection(query: EventFilter, search: str | None) -> str:
    parts = [f"{name} {getattr(query, name)}" for name in ("type", "actor", "place", "country", "since", "until")
             if getattr(query, name)]
    if search:
        parts.append(f"articles matching {search!r}")
    return ", ".join(parts) or "the whole store"


def open_store(url: str | None = None, *, write: bool = True) -> Store:
    """Open the store at ``url``: a SQLite path or ``sqlite:///`` URL, or ``postgresql://...``;
    None means $DATELINE_DB, else ``dateline.db``. Opened for writing (the default), it is
    created if need be and its pending schema steps are applied; opened for reading, nothing is
    written and a store that is missing or needs an upgrade is an error. Raises StoreError with
    a one-line reason when it cannot."""
    resolved = resolve_url(url)
    shown = display_url(resolved)
    if not write and resolved.startswith("sqlite:///") and not Path(resolved[len("sqlite:///"):]).exists():
        raise StoreError(f"no store at {resolved[len('sqlite:///'):]} (ingest articles into it first)")
    engine = make_engine(resolved)
    try:
        newer = unknown_migrations(engine)
        if newer:
            # its tables may not be what this release reads and writes: touch nothing
            raise StoreError(f"store {shown} was written by a newer dateline (schema step {newer[-1]!r} is "
                             f"unknown to this release): upgrade dateline to open it")
        if write:
            apply_pending(engine)
        else:
            pending = pending_migrations(engine)
            if pending:
                raise StoreError(f"store {shown} needs {len(pending)} schema upgrade step(s): "
                                 f"run 'dateline migrate --db {shown}' (or any command that writes)")
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {describe_error(error)}") from None
    except StoreError:
        engine.dispose()
        raise
    return Store(resolved, engine)
