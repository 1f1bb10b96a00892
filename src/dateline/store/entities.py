"""Canonical entities in the store: written whole by the reduce step, read with how often and
where they are mentioned. An entity's roles are the dated roles its article entities hold."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.engine import Connection

from dateline.model import Entity, Role
from dateline.store import documents, entity_events
from dateline.store import tables as t
from dateline.store.filters import contains_pattern
from dateline.store.tables import span_from


@dataclass(frozen=True)
class EntitySummary:
    entity: Entity
    mentions: int  # mentions across the store
    articles: int  # articles that mention it


def replace_entities(connection: Connection, entities: Iterable[Entity], links: dict[str, str]) -> None:
    """The reduce step's output replaces the canonical entities and the links to them; the kept
    documents of the events whose keys are now linked otherwise are made again, and those of the
    events still without one (their entities were waiting for these links) are made."""
    before = dict(connection.execute(select(t.entity_links.c.entity_key, t.entity_links.c.entity_id)).all())
    connection.execute(delete(t.entity_links))
    connection.execute(delete(t.entity_aliases))
    connection.execute(delete(t.entities))
    entities = list(entities)
    if entities:
        connection.execute(t.entities.insert(), [
            {"id": e.id, "name": e.name, "kind": e.kind, "country_code": e.country_code} for e in entities
        ])
        aliases = [{"entity_id": e.id, "position": n, "alias": alias} for e in entities for n, alias in enumerate(e.aliases)]
        if aliases:
            connection.execute(t.entity_aliases.insert(), aliases)
    if links:
        connection.execute(t.entity_links.insert(), [
            {"entity_key": key, "entity_id": entity_id} for key, entity_id in sorted(links.items())
        ])
    entity_events.relink_all(connection)  # (the rows of the old entities went with them)
    changed = {key for key in before.keys() | links.keys() if before.get(key) != links.get(key)}
    documents.write_after_links(connection, changed)


def unlinked_article_entities(connection: Connection) -> int:
    """Article entities the reduce step has not linked yet (a run stopped between the two)."""
    query = (select(func.count()).select_from(t.article_entities.outerjoin(
        t.entity_links, t.entity_links.c.entity_key == t.article_entities.c.key))
        .where(t.entity_links.c.entity_id.is_(None)))
    return connection.execute(query).scalar_one()


def _roles(connection: Connection, ids: Sequence[str]) -> dict[str, list[Role]]:
    query = (
        select(t.entity_links.c.entity_id, t.article_entities.c.article_id, t.article_entity_roles)
        .join(t.article_entity_roles, t.article_entity_roles.c.entity_key == t.entity_links.c.entity_key)
        .join(t.article_entities, t.article_entities.c.key == t.entity_links.c.entity_key)
        .where(t.entity_links.c.entity_id.in_(ids))
    )
    found: dict[str, dict[tuple, Role]] = {}
    for r in connection.execute(query).mappings():
        role = Role(title=r["title"], as_of=r["as_of"], article_id=r["article_id"], evidence=span_from(r))
        found.setdefault(r["entity_id"], {}).setdefault((role.title.lower(), role.as_of, role.article_id), role)
    return {entity_id: sorted(roles.values(), key=lambda r: (r.as_of is None, r.as_of or 0, r.title, r.article_id))
            for entity_id, roles in found.items()}


def entities_by_id(connection: Connection, ids: Sequence[str]) -> dict[str, Entity]:
    found: dict[str, Entity] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        aliases: dict[str, list[str]] = {}
        query = select(t.entity_aliases).where(t.entity_aliases.c.entity_id.in_(chunk)).order_by(
            t.entity_aliases.c.entity_id, t.entity_aliases.c.position)
        for r in connection.execute(query).mappings():
            aliases.setdefault(r["entity_id"], []).append(r["alias"])
        roles = _roles(connection, chunk)
        for r in connection.execute(select(t.entities).where(t.entities.c.id.in_(chunk))).mappings():
            found[r["id"]] = Entity(id=r["id"], name=r["name"], kind=r["kind"],
                                    aliases=tuple(aliases.get(r["id"], ())), country_code=r["country_code"],
                                    roles=tuple(roles.get(r["id"], ())))
    return found


def _entity_conditions(kind: str | None, name: str | None) -> list:
    conditions = []
    if kind:
        conditions.append(t.entities.c.kind == kind)
    if name:
        pattern = contains_pattern(name)
        alias_match = select(t.entity_aliases.c.entity_id).where(
            func.lower(t.entity_aliases.c.alias).like(pattern, escape="\\"))
        conditions.append(or_(func.lower(t.entities.c.name).like(pattern, escape="\\"),
                              t.entities.c.id.in_(alias_match)))
    return conditions


def count_entities(connection: Connection, kind: str | None = None, name: str | None = None) -> int:
    """How many canonical entities ``list_entities`` would list with no limit."""
    return connection.execute(select(func.count()).select_from(t.entities)
                              .where(*_entity_conditions(kind, name))).scalar_one()


def list_entities(
    connection: Connection,
    kind: str | None = None,
    name: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[EntitySummary]:
    """Canonical entities, the most mentioned first; ``kind`` filters by kind, ``name`` by
    words of the name or an alias (case-insensitive, taken literally)."""
    mention_counts = (
        select(
            t.entity_links.c.entity_id,
            func.count().label("mentions"),
            func.count(func.distinct(t.mentions.c.article_id)).label("articles"),
        )
        .join(t.mentions, t.mentions.c.entity_key == t.entity_links.c.entity_key)
        .group_by(t.entity_links.c.entity_id)
        .subquery()
    )
    mentions = func.coalesce(mention_counts.c.mentions, 0)
    query = (
        select(t.entities.c.id, mentions, func.coalesce(mention_counts.c.articles, 0))
        .select_from(t.entities.outerjoin(mention_counts, mention_counts.c.entity_id == t.entities.c.id))
    )
    query = query.where(*_entity_conditions(kind, name))
    query = query.order_by(mentions.desc(), t.entities.c.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = connection.execute(query).all()
    by_id = entities_by_id(connection, [row[0] for row in rows])
    return [EntitySummary(by_id[row[0]], int(row[1]), int(row[2])) for row in rows if row[0] in by_id]
