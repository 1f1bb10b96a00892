"""The article store: a SQLite file by default, PostgreSQL given a ``postgresql://`` URL, the
same code for both (SQLAlchemy Core). Opening a store applies its pending migrations.

    store = open_store("news.db")
    result = store.add_articles(articles)      # one transaction: all of the batch or none
    store.search_articles("Kabul airport")     # full text, best first
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from dateline.ingest.dedupe import (
    DEFAULT_NEAR_THRESHOLD,
    Candidate,
    NearDuplicate,
    find_near_duplicates,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from dateline.model import Article
from dateline.store import articles as tables
from dateline.store.database import StoreError, display_url, make_engine, resolve_url
from dateline.store.migrations import apply_pending

__all__ = ["AddResult", "Store", "StoreError", "open_store"]


@dataclass
class AddResult:
    """What one ``add_articles`` call did."""

    new: list[str] = field(default_factory=list)  # ids of new original articles
    near: list[NearDuplicate] = field(default_factory=list)  # new rows linked to the article they repeat
    exact: list[tuple[str, str]] = field(default_factory=list)  # (origin, id of the stored article with that text)
    already_seen: int = 0  # of ``exact``: the same article from the same origin (a re-run)


class Store:
    def __init__(self, url: str, engine: Engine):
        self.url = url
        self.engine = engine

    def __repr__(self) -> str:
        return f"Store({display_url(self.url)!r})"

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
            stored = tables.existing_ids(connection, {a.id for a in batch})
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
                lambda keys: tables.band_matches(connection, keys),
                lambda ids: {k: signature_from_bytes(v) for k, v in tables.minhashes(connection, ids).items()},
                threshold=near_threshold,
            )
            near_of = {n.article_id: n for n in near}
            sig_of = {c.article_id: c.sig for c in candidates}
            rows = []
            for article in fresh.values():
                link = near_of.get(article.id)
                if link is not None:
                    article = dataclasses.replace(article, duplicate_of=link.duplicate_of)
                rows.append(tables.article_row(article, signature_bytes(sig_of[article.id]), link.similarity if link else None))
            if rows:
                connection.execute(tables.articles.insert(), rows)
            bands = [{"band_key": key, "article_id": aid} for aid, keys in original_keys.items() for key in keys]
            if bands:
                connection.execute(tables.article_bands.insert(), bands)

            sightings = {(a.id, a.origin or ""): a for a in batch}
            known = self._known_sightings(connection, sightings)
            new_sightings = [
                {"article_id": aid, "origin": origin, "url": a.url, "outlet": a.outlet, "seen_at": now}
                for (aid, origin), a in sightings.items()
                if (aid, origin) not in known
            ]
            if new_sightings:
                connection.execute(self._insert_ignore(tables.article_sightings), new_sightings)

        result.new = [aid for aid in fresh if aid not in near_of]
        result.near = near
        result.exact = [(a.origin or "", a.id) for a in exact]
        seen_before = known
        result.already_seen = sum(1 for a in exact if (a.id, a.origin or "") in seen_before)
        return result

    def _known_sightings(self, connection, pairs: dict) -> set[tuple[str, str]]:
        ids = sorted({aid for aid, _ in pairs})
        found: set[tuple[str, str]] = set()
        s = tables.article_sightings
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
        columns = tables.ARTICLE_COLUMNS
        with self.engine.connect() as connection:
            row = connection.execute(select(*columns).where(tables.articles.c.id == article_id)).mappings().first()
            if row is None and 6 <= len(article_id) < 64:
                rows = connection.execute(
                    select(*columns).where(tables.articles.c.id.startswith(article_id.lower())).limit(2)
                ).mappings().all()
                row = rows[0] if len(rows) == 1 else None
        return tables.article_from_row(row) if row is not None else None

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
                rows = tables.page_rows(connection, last, batch, originals_only, since, until, outlet)
            if not rows:
                return
            for row in rows:
                yield tables.article_from_row(row)
            last = rows[-1]["seq"]

    def list_articles(self, limit: int = 20, *, originals_only: bool = False) -> list[Article]:
        """Newest first by publication date (undated after dated), then by ingest order."""
        a = tables.articles
        query = select(*tables.ARTICLE_COLUMNS)
        if originals_only:
            query = query.where(a.c.duplicate_of.is_(None))
        query = query.order_by(a.c.published.is_(None), a.c.published.desc(), a.c.seq).limit(limit)
        with self.engine.connect() as connection:
            return [tables.article_from_row(r) for r in connection.execute(query).mappings()]

    def search_articles(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching a web-search style query (words, "phrases", OR, -word), best
        first; each carries ``meta['snippet']`` (matches in [brackets]) and ``meta['score']``."""
        with self.engine.connect() as connection:
            hits = tables.search(connection, query, limit)
        found = []
        for row, score, snippet in hits:
            article = tables.article_from_row(row)
            article.meta.update({"snippet": snippet, "score": round(score, 4)})
            found.append(article)
        return found

    def sightings(self, article_id: str) -> list[dict]:
        """Every origin (file, line, entry) the article was read from, oldest first."""
        s = tables.article_sightings
        with self.engine.connect() as connection:
            query = select(s.c.origin, s.c.url, s.c.outlet, s.c.seen_at).where(s.c.article_id == article_id).order_by(s.c.id)
            return [dict(r) for r in connection.execute(query).mappings()]

    def duplicates_of(self, article_id: str) -> list[Article]:
        a = tables.articles
        with self.engine.connect() as connection:
            query = select(*tables.ARTICLE_COLUMNS).where(a.c.duplicate_of == article_id).order_by(a.c.seq)
            return [tables.article_from_row(r) for r in connection.execute(query).mappings()]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return tables.counts(connection)

    def count_articles(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(tables.articles)).scalar_one()


def open_store(url: str | None = None) -> Store:
    """Open (creating if need be) the store at ``url``: a SQLite path or ``sqlite:///`` URL, or
    ``postgresql://...``; None means $DATELINE_DB, else ``dateline.db``. Applies pending
    migrations. Raises StoreError with a one-line reason when it cannot."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        apply_pending(engine)
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise StoreError(f"cannot open store {display_url(resolved)}: {reason}") from None
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open store {display_url(resolved)}: {error}") from None
    return Store(resolved, engine)
