"""Step 3 (release 0.1.0): what extraction read out of articles, in its first form: events kept
whole as JSON beside a few columns, one row per argument, timexes, places, mentions, entities,
roles, claims. Step 5 replaces these tables with relational ones and moves their rows over.

Frozen: never edit; change the schema with a new step.
"""

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

NAME = "events_001_tables"

metadata = MetaData()

processed_articles = Table(
    "processed_articles",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),  # done, failed, duplicate
    Column("error", Text),
    Column("events", Integer, nullable=False, default=0),
    Column("processed_at", DateTime(timezone=True)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("type", String(24), nullable=False, index=True),
    Column("acled_type", String(64)),
    Column("acled_subtype", String(80)),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("source_text", Text),
    Column("source_entity_id", String(200), index=True),
    Column("target_text", Text),
    Column("target_entity_id", String(200), index=True),
    Column("date", String(40)),
    Column("date_start", Date, index=True),
    Column("date_end", Date, index=True),
    Column("date_inherited", Boolean, nullable=False, default=False),
    Column("places_text", Text),  # the place names, for filtering and listing
    Column("attribution_source", Text),
    Column("modality", String(16), nullable=False, index=True),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("record", Text, nullable=False),  # the whole Event as JSON
)

event_arguments = Table(
    "event_arguments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("article_id", String(64), nullable=False, index=True),
    # trigger, sentence, clause, source, target, other:<role>, date, place, quantity,
    # attribution, attribution-channel, attribution-via
    Column("role", String(40), nullable=False),
    Column("text", Text),
    Column("entity_id", String(200), index=True),
    Column("value", Text),  # a date value, a place name, a count, a unit ...
    Column("start", Integer),
    Column("end", Integer),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(12), nullable=False),
    Column("value", String(60), nullable=False),
    Column("mod", String(20)),
    Column("anchor", String(40)),
    Column("range_start", Date),
    Column("range_end", Date),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(4)),
    Column("admin1", Text),
    Column("feature_code", String(12)),
    Column("geonames_id", Integer),
    Column("confidence", Float),
    Column("resolution", String(20)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(20), nullable=False),
    Column("entity_id", String(200), index=True),
    Column("kind", String(24)),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("aliases", Text),  # JSON list
    Column("country_code", String(4)),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(200), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("as_of", Date),
    Column("article_id", String(64)),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("event_id", String(40), index=True),
    Column("about", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("qualifier", String(40)),
    Column("by", Text, nullable=False),
    Column("by_entity_id", String(200)),
    Column("category", String(40)),
    Column("record", Text, nullable=False),
)


def apply(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
