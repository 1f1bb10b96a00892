"""The articles tables: articles, where each was seen (sightings), near-duplicate band keys,
and full-text search (SQLite FTS5, PostgreSQL tsvector). SQLAlchemy Core.

- ``articles``: one row per distinct text (``id`` is the content hash). ``seq`` orders rows by
  ingest and is the FTS5 rowid. A near duplicate is a row of its own with ``duplicate_of``
  set; ``minhash`` holds its signature.
- ``article_sightings``: every (article, origin) the ingest met, so an exact duplicate read
  from another file or feed is a link, not a loss, and reading the same file again adds nothing.
- ``article_bands``: the LSH band keys of original articles, so that near-duplicate search is
  one indexed look-up per band whatever the size of the store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date, datetime, timezone

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    select,
    text,
)
from sqlalchemy.engine import Connection

from dateline.model import Article

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("published_source", String(16), nullable=False, default="none"),
    Column("published_confidence", Float, nullable=False, default=0.0),
    Column("language", String(8)),
    Column("ingested_at", DateTime(timezone=True)),
    Column("origin", Text),
    Column("duplicate_of", String(64)),
    Column("similarity", Float),  # to the article it duplicates
    Column("meta", Text),  # JSON
    Column("minhash", LargeBinary),
    sqlite_autoincrement=True,
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_duplicate_of", articles.c.duplicate_of)
Index("ix_articles_outlet", articles.c.outlet)

article_sightings = Table(
    "article_sightings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("origin", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("seen_at", DateTime(timezone=True)),
    UniqueConstraint("article_id", "origin", name="uq_article_sightings_article_origin"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band_key", BigInteger, nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_article_bands_key", article_bands.c.band_key)
Index("ix_article_bands_article", article_bands.c.article_id)


# --- rows <-> records ------------------------------------------------------------------------------


def _json_default(value: object) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def article_row(article: Article, minhash: bytes | None = None, similarity: float | None = None) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "published_source": article.published_source,
        "published_confidence": article.published_confidence,
        "language": article.language,
        "ingested_at": article.ingested_at,
        "origin": article.origin,
        "duplicate_of": article.duplicate_of,
        "similarity": similarity,
        "meta": json.dumps(article.meta, ensure_ascii=False, default=_json_default) if article.meta else None,
        "minhash": minhash,
    }


ARTICLE_COLUMNS = [c for c in articles.c if c.name not in ("minhash", "seq")]


def article_from_row(row) -> Article:
    meta = json.loads(row["meta"]) if row["meta"] else {}
    if row["similarity"] is not None:
        meta["similarity"] = row["similarity"]
    published, ingested_at = row["published"], row["ingested_at"]
    if isinstance(published, str):  # SQLite through a raw query
        published = date.fromisoformat(published)
    if isinstance(ingested_at, str):
        ingested_at = datetime.fromisoformat(ingested_at)
    if ingested_at is not None and ingested_at.tzinfo is None:
        # SQLite keeps no time zone; the ingest writes UTC, so the record says so (RFC 3339)
        ingested_at = ingested_at.replace(tzinfo=timezone.utc)
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=published,
        published_source=row["published_source"],
        published_confidence=row["published_confidence"],
        language=row["language"],
        ingested_at=ingested_at,
        origin=row["origin"],
        duplicate_of=row["duplicate_of"],
        meta=meta,
    )


# --- queries ---------------------------------------------------------------------------------------


def existing_ids(connection: Connection, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(r[0] for r in connection.execute(select(articles.c.id).where(articles.c.id.in_(chunk))))
    return found


def band_matches(connection: Connection, keys: list[int]) -> dict[int, list[str]]:
    matches: dict[int, list[str]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = select(article_bands.c.band_key, article_bands.c.article_id).where(article_bands.c.band_key.in_(chunk))
        for key, article_id in connection.execute(query):
            matches.setdefault(key, []).append(article_id)
    return matches


def minhashes(connection: Connection, ids: Iterable[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(articles.c.id, articles.c.minhash).where(articles.c.id.in_(chunk), articles.c.minhash.is_not(None))
        found.update({r[0]: bytes(r[1]) for r in connection.execute(query)})
    return found


_TERM = re.compile(r'(-?)"([^"]*)"|(\S+)')


def fts5_query(query: str) -> str:
    """A web-search style query ("quoted phrase", OR, -excluded) as an FTS5 expression in
    which every word is quoted, so punctuation in a user's words is never FTS5 syntax."""
    parts: list[str] = []
    pending_not: list[str] = []
    for match in _TERM.finditer(query):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.upper() == "OR" and parts:
            parts.append("OR")
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, word = "-", word[1:]
        terms = re.findall(r"\w+", phrase if phrase is not None else word)
        if not terms:
            continue
        quoted = '"' + " ".join(terms) + '"'
        (pending_not if negated else parts).append(quoted)
    while parts and parts[-1] == "OR":
        parts.pop()
    if not parts:
        return ""
    expression = " ".join(parts)
    for excluded in pending_not:
        expression = f"({expression}) NOT {excluded}"
    return expression


def search(connection: Connection, query: str, limit: int) -> list[tuple[dict, float, str]]:
    """(row, score, snippet) for the best matches, best first."""
    if connection.dialect.name == "sqlite":
        expression = fts5_query(query)
        if not expression:
            return []
        columns = ", ".join(f"a.{c.name}" for c in ARTICLE_COLUMNS)
        sql = text(
            f"SELECT {columns}, bm25(articles_fts, 5.0, 1.0) AS score, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH :q ORDER BY score, a.seq LIMIT :limit"
        )
        rows = connection.execute(sql, {"q": expression, "limit": limit}).mappings().all()
        return [(dict(r), -float(r["score"]), r["snippet"]) for r in rows]
    columns = ", ".join(c.name for c in ARTICLE_COLUMNS)
    sql = text(
        f"SELECT {columns}, ts_rank(search, q) AS score, "
        "ts_headline('english', left(text, 100000), q, 'StartSel=[, StopSel=], MaxWords=18, MinWords=8') AS snippet "
        "FROM articles, websearch_to_tsquery('english', :q) AS q "
        "WHERE search @@ q ORDER BY score DESC, seq LIMIT :limit"
    )
    rows = connection.execute(sql, {"q": query, "limit": limit}).mappings().all()
    return [(dict(r), float(r["score"]), r["snippet"]) for r in rows]


def counts(connection: Connection) -> dict[str, int]:
    total = connection.execute(select(func.count()).select_from(articles)).scalar_one()
    duplicates = connection.execute(
        select(func.count()).select_from(articles).where(articles.c.duplicate_of.is_not(None))
    ).scalar_one()
    undated = connection.execute(select(func.count()).select_from(articles).where(articles.c.published.is_(None))).scalar_one()
    sightings = connection.execute(select(func.count()).select_from(article_sightings)).scalar_one()
    return {"articles": total, "originals": total - duplicates, "near_duplicates": duplicates,
            "undated": undated, "sightings": sightings}


def page_rows(connection: Connection, after: int, batch: int, originals_only: bool = False,
              since: date | None = None, until: date | None = None, outlet: str | None = None) -> list[dict]:
    """The next ``batch`` rows after ``seq`` ``after``, in ingest order."""
    query = select(articles.c.seq, *ARTICLE_COLUMNS).where(articles.c.seq > after)
    if originals_only:
        query = query.where(articles.c.duplicate_of.is_(None))
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until)
    if outlet:
        query = query.where(func.lower(articles.c.outlet) == outlet.lower())
    return [dict(r) for r in connection.execute(query.order_by(articles.c.seq).limit(batch)).mappings()]
