"""Step 15: each outlet's home region, kept in the store between runs (``geo/home_region.py``).

- ``outlet_articles`` (article_id, outlet, home_country, home_admin1): the articles of an outlet
  whose evidence is counted, and the home region their places were read with (NULL: none). A
  row is an article's: reading it again (``save_extraction``, the bulk load) deletes the row with
  its other records, so its evidence is counted again from its new places;
- ``outlet_article_regions`` (article_id, country, admin1): the regions that article names
  without doubt (its evidence), one row each, gone with its ``outlet_articles`` row;
- ``outlet_homes`` (outlet, country, admin1, share, articles, updated): the home region learned
  from the counts of those regions over the outlet's articles; ``updated``: when it last changed.

A new batch adds its articles' evidence (the old articles' rows are kept, never read again);
the outlets' homes are learned again from the counts (one GROUP BY), and only the articles whose
outlet's home is not the one they were read with are looked at again. The step creates the
tables empty: the next extract run counts the evidence of every article already read.

Frozen: the tables below are the schema as this step creates it; never edit this file, change
the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

NAME = "outlet_homes"

metadata = MetaData()
_articles = Table("articles", metadata, Column("id", String(64), primary_key=True))  # (as far as the keys point)
outlet_articles = Table(
    "outlet_articles",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("outlet", Text, nullable=False),
    Column("home_country", String(4)),
    Column("home_admin1", Text),
)
Index("outlet_articles_by_outlet", outlet_articles.c.outlet)

outlet_article_regions = Table(
    "outlet_article_regions",
    metadata,
    Column("article_id", String(64), ForeignKey("outlet_articles.article_id", ondelete="CASCADE"), primary_key=True),
    Column("country", String(4), primary_key=True),
    Column("admin1", Text, primary_key=True),
)

outlet_homes = Table(
    "outlet_homes",
    metadata,
    Column("outlet", Text, primary_key=True),
    Column("country", String(4), nullable=False),
    Column("admin1", Text, nullable=False),
    Column("share", Float, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
)


def apply(connection: Connection) -> None:
    metadata.create_all(connection, tables=[outlet_articles, outlet_article_regions, outlet_homes])
