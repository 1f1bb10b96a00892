"""Reading the canonical entities a store holds, with how often and where they are mentioned.

The tables themselves (``entities``, ``entity_roles``, ``mentions``) are created by the events
migration in ``store/events.py``, which the pipeline writes through; this module only reads
them, so it needs no migration of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, or_, select

from dateline.model import Entity
from dateline.store import events as tables


@dataclass(frozen=True)
class EntitySummary:
    entity: Entity
    mentions: int  # mentions across the store
    articles: int  # articles that mention it


def list_entities(
    engine: Engine,
    kind: str | None = None,
    name: str | None = None,
    limit: int | None = None,
) -> list[EntitySummary]:
    """Canonical entities, the most mentioned first; ``kind`` filters by kind, ``name`` by
    words of the name or an alias (case-insensitive)."""
    tables.ensure_event_tables(engine)
    counts = (
        select(
            tables.mentions.c.entity_id,
            func.count().label("mentions"),
            func.count(func.distinct(tables.mentions.c.article_id)).label("articles"),
        )
        .where(tables.mentions.c.entity_id.is_not(None))
        .group_by(tables.mentions.c.entity_id)
        .subquery()
    )
    query = (
        select(tables.entities.c.id, func.coalesce(counts.c.mentions, 0), func.coalesce(counts.c.articles, 0))
        .select_from(tables.entities.outerjoin(counts, counts.c.entity_id == tables.entities.c.id))
    )
    if kind:
        query = query.where(tables.entities.c.kind == kind)
    if name:
        pattern = f"%{name.lower()}%"
        query = query.where(or_(func.lower(tables.entities.c.name).like(pattern),
                                func.lower(tables.entities.c.aliases).like(pattern)))
    query = query.order_by(func.coalesce(counts.c.mentions, 0).desc(), tables.entities.c.id)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    wanted = {row[0] for row in rows}
    by_id = {e.id: e for e in tables.load_entities(engine) if e.id in wanted}
    return [EntitySummary(by_id[row[0]], int(row[1]), int(row[2])) for row in rows if row[0] in by_id]
