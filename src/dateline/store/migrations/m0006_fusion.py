"""Step 6: what fusion writes across articles: fused events (one real event, with its best date
and place), their member reports (links to the extracted events, with which of them support the
best date and place), claim groups and their sides (one source's figure each).

Frozen: the tables below are the schema as this step creates it; never edit this file, change
the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

NAME = "fusion_001_tables"

metadata = MetaData()
# earlier steps' tables, named here so that the keys below can point at them; never created here
articles = Table("articles", metadata, Column("id", String(64), primary_key=True))
events = Table("events", metadata, Column("id", String(40), primary_key=True))
claims = Table("claims", metadata, Column("id", String(40), primary_key=True))

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(24), nullable=False),
    Column("date_value", String(40)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place_name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(4)),
    Column("reports", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("fused_at", DateTime(timezone=True)),
)
Index("fused_events_by_date", fused_events.c.date_start, fused_events.c.date_end)
Index("fused_events_by_type", fused_events.c.type)

fused_event_members = Table(
    "fused_event_members",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("fused_id", String(40), ForeignKey("fused_events.id", ondelete="CASCADE"), nullable=False),
    Column("supports_date", Boolean, nullable=False, default=False),
    Column("supports_place", Boolean, nullable=False, default=False),
)
Index("fused_event_members_by_fused", fused_event_members.c.fused_id)

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("about", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("category", String(40)),
    Column("fused_id", String(40), ForeignKey("fused_events.id", ondelete="CASCADE")),
    Column("contradiction", Boolean, nullable=False),
    Column("sides", Integer, nullable=False),
)
Index("claim_groups_by_contradiction", claim_groups.c.contradiction)

claim_group_sides = Table(
    "claim_group_sides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("group_id", String(40), ForeignKey("claim_groups.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE")),
    Column("claim_id", String(40), ForeignKey("claims.id", ondelete="CASCADE")),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("qualifier", String(40)),
    Column("by", Text, nullable=False),
    Column("modality", String(16)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("claim_group_sides_by_group", claim_group_sides.c.group_id)


def apply(connection: Connection) -> None:
    metadata.create_all(connection, tables=[fused_events, fused_event_members, claim_groups, claim_group_sides])
