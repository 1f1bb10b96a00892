"""Step 1 (release 0.1.0): articles, where each was seen, near-duplicate band keys.

Frozen: this file is the schema as that release created it. Never edit it; change the schema
with a new step.
"""

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
)
from sqlalchemy.engine import Connection

NAME = "articles_001_tables"

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


def apply(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
