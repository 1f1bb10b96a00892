"""Fusion in the store: fused events and their member reports, claim groups and their sides.

Rows are the truth: a fused event's best date and place are columns (for filtering), its
reports are links to the extracted events, read back whole; the spread of what reports said is
computed from them again by the same pure function that made it (``fuse.events.fused_event``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.engine import Connection

from dateline.fuse.events import ArticleInfo, fused_event
from dateline.fuse.records import ClaimGroup, ClaimSide, FusedEvent
from dateline.model import Event, Place, Span
from dateline.store import records
from dateline.store import tables as t
from dateline.store.articles import articles as article_table
from dateline.store.filters import EventFilter, event_conditions

CHUNK = 500


def article_infos(connection: Connection, ids: Iterable[str] | None = None) -> dict[str, ArticleInfo]:
    a = article_table
    query = select(a.c.id, a.c.outlet, a.c.published, a.c.title)
    found: dict[str, ArticleInfo] = {}
    if ids is None:
        rows = connection.execute(query).all()
    else:
        ids = sorted(set(ids))
        rows = [r for start in range(0, len(ids), CHUNK)
                for r in connection.execute(query.where(a.c.id.in_(ids[start:start + CHUNK]))).all()]
    for row in rows:
        found[row[0]] = ArticleInfo(row[0], row[1], row[2], row[3])
    return found


def membership(connection: Connection) -> dict[str, str]:
    """Event id -> fused id, leaving out fused events that lost a member since they were written
    (an article read again): their events are fused again."""
    m, f = t.fused_event_members, t.fused_events
    counts = dict(connection.execute(select(m.c.fused_id, func.count()).group_by(m.c.fused_id)).all())
    whole = {row[0] for row in connection.execute(select(f.c.id, f.c.reports)) if counts.get(row[0]) == row[1]}
    return {row[0]: row[1] for row in connection.execute(select(m.c.event_id, m.c.fused_id)) if row[1] in whole}


def replace_fused(connection: Connection, replaced: set[str], fused: Sequence[FusedEvent], full: bool) -> None:
    """Drop the fused events holding any replaced event (all of them on a full run) and the ones
    left without members, then write the new ones."""
    m, f = t.fused_event_members, t.fused_events
    if full:
        connection.execute(delete(f))
    else:
        ids = sorted(replaced)
        stale: set[str] = set()
        for start in range(0, len(ids), CHUNK):
            stale |= {r[0] for r in connection.execute(select(m.c.fused_id).where(m.c.event_id.in_(ids[start:start + CHUNK])))}
        stale |= {r[0] for r in connection.execute(select(f.c.id).where(~select(m.c.event_id).where(m.c.fused_id == f.c.id).exists()))}
        stale_ids = sorted(stale)
        for start in range(0, len(stale_ids), CHUNK):
            connection.execute(delete(f).where(f.c.id.in_(stale_ids[start:start + CHUNK])))
    now = datetime.now(timezone.utc)
    rows, members = [], []
    for event in fused:
        place = event.place
        rows.append({"id": event.id, "type": event.type, "date_value": event.date_value, "date_start": event.date_start,
                     "date_end": event.date_end, "place_name": place.name if place else None,
                     "lat": place.lat if place else None, "lon": place.lon if place else None,
                     "country_code": place.country_code if place else None, "reports": len(event.reports),
                     "articles": event.sources, "fused_at": now})
        members += [{"event_id": r.event_id, "fused_id": event.id, "supports_date": r.event_id in event.date_support,
                     "supports_place": r.event_id in event.place_support} for r in event.reports]
    for start in range(0, len(rows), CHUNK):
        connection.execute(f.insert(), rows[start:start + CHUNK])
    for start in range(0, len(members), CHUNK):
        connection.execute(m.insert(), members[start:start + CHUNK])


def fused_select(query: EventFilter | None, article_ids: Sequence[str] | None = None, min_sources: int = 1):
    """Fused events with at least one member matching the filter (and, given ``article_ids``,
    reported by one of those articles), in date order, undated last."""
    f, m = t.fused_events, t.fused_event_members
    statement = select(f.c.id)
    conditions = event_conditions(query) if query is not None else []
    if article_ids is not None:
        conditions.append(t.events.c.article_id.in_(list(article_ids)))
    if conditions:
        matching = select(m.c.fused_id).join(t.events, t.events.c.id == m.c.event_id).where(and_(*conditions))
        statement = statement.where(f.c.id.in_(matching))
    if min_sources > 1:
        statement = statement.where(f.c.articles >= min_sources)
    statement = statement.order_by(f.c.date_start.is_(None), f.c.date_start, f.c.id)
    if query is not None and query.offset:
        statement = statement.offset(query.offset)
    if query is not None and query.limit is not None:
        statement = statement.limit(query.limit)
    return statement


def read_fused(connection: Connection, fused_ids: Sequence[str],
               known_events: Mapping[str, Event] | None = None) -> list[FusedEvent]:
    """Fused events by id, in the order given, rebuilt from their member events.
    ``known_events``: stored events the caller has just read on this connection's store, by id
    (``Store.fuse`` read them all): only the members missing from it are read again."""
    m = t.fused_event_members
    members: dict[str, list[str]] = {}
    ids = list(fused_ids)
    for start in range(0, len(ids), CHUNK):
        for row in connection.execute(select(m.c.fused_id, m.c.event_id).where(m.c.fused_id.in_(ids[start:start + CHUNK]))):
            members.setdefault(row[0], []).append(row[1])
    known_events = known_events or {}
    events = {e: known_events[e] for found in members.values() for e in found if e in known_events}
    event_ids = sorted({e for found in members.values() for e in found if e not in events})
    rows = [r for start in range(0, len(event_ids), CHUNK)
            for r in connection.execute(select(t.events).where(t.events.c.id.in_(event_ids[start:start + CHUNK]))).mappings()]
    events.update((e.id, e) for e in records.events_from_rows(connection, rows))
    infos = article_infos(connection, {e.article_id for e in events.values()})
    stored = {}
    for start in range(0, len(ids), CHUNK):
        f = t.fused_events
        for row in connection.execute(select(f).where(f.c.id.in_(ids[start:start + CHUNK]))).mappings():
            stored[row["id"]] = row
    found = []
    for fused_id in ids:
        member_events = [events[e] for e in members.get(fused_id, ()) if e in events]
        if member_events:
            built = replace(fused_event(member_events, infos), id=fused_id)
            row = stored.get(fused_id)
            if built.place is None and row is not None and row["place_name"]:
                # a place lent by another event of the sentence, outside this fused event
                built = replace(built, place=Place(Span(0, 0, ""), row["place_name"], lat=row["lat"], lon=row["lon"],
                                                   country_code=row["country_code"]))
            found.append(built)
    return found


# --- claim groups ---------------------------------------------------------------------------------------


def replace_claim_groups(connection: Connection, groups: Sequence[ClaimGroup]) -> None:
    connection.execute(delete(t.claim_group_sides))
    connection.execute(delete(t.claim_groups))
    known = {r[0] for r in connection.execute(select(t.fused_events.c.id))}
    if groups:
        connection.execute(t.claim_groups.insert(), [
            {"id": g.id, "about": g.about, "unit": g.unit, "category": g.category,
             "fused_id": g.fused_event_id if g.fused_event_id in known else None,
             "contradiction": g.contradiction, "sides": len(g.sides)} for g in groups])
        sides = [{"group_id": g.id, "position": n, "article_id": s.article_id, "event_id": s.event_id,
                  "claim_id": s.claim_id, "value": s.value, "unit": s.unit, "qualifier": s.qualifier, "by": s.by,
                  "modality": s.modality, "start": s.evidence.start, "end": s.evidence.end, "text": s.evidence.text}
                 for g in groups for n, s in enumerate(g.sides)]
        for start in range(0, len(sides), CHUNK):
            connection.execute(t.claim_group_sides.insert(), sides[start:start + CHUNK])


def read_claim_groups(connection: Connection, *, contradictions_only: bool = False,
                      fused_ids: Sequence[str] | None = None, article_ids: Sequence[str] | None = None,
                      limit: int | None = None) -> list[ClaimGroup]:
    """Claim groups, contradictions first, then the most sides first."""
    g, s = t.claim_groups, t.claim_group_sides
    query = select(g)
    if contradictions_only:
        query = query.where(g.c.contradiction.is_(True))
    if fused_ids is not None or article_ids is not None:
        wanted = []
        if fused_ids is not None:
            wanted.append(g.c.fused_id.in_(list(fused_ids)))
        if article_ids is not None:
            wanted.append(g.c.id.in_(select(s.c.group_id).where(s.c.article_id.in_(list(article_ids)))))
        query = query.where(or_(*wanted))
    query = query.order_by(g.c.contradiction.desc(), g.c.sides.desc(), g.c.about, g.c.id)
    if limit is not None:
        query = query.limit(limit)
    rows = connection.execute(query).mappings().all()
    ids = [r["id"] for r in rows]
    sides: dict[str, list] = {}
    for start in range(0, len(ids), CHUNK):
        for r in connection.execute(select(s).where(s.c.group_id.in_(ids[start:start + CHUNK]))
                                    .order_by(s.c.group_id, s.c.position)).mappings():
            sides.setdefault(r["group_id"], []).append(r)
    infos = article_infos(connection, {r["article_id"] for found in sides.values() for r in found})
    groups = []
    for row in rows:
        group_sides = tuple(ClaimSide(
            value=r["value"], unit=r["unit"], by=r["by"], article_id=r["article_id"],
            evidence=Span(r["start"], r["end"], r["text"]), qualifier=r["qualifier"],
            outlet=infos.get(r["article_id"], ArticleInfo(r["article_id"])).outlet,
            published=infos.get(r["article_id"], ArticleInfo(r["article_id"])).published,
            event_id=r["event_id"], claim_id=r["claim_id"], modality=r["modality"]) for r in sides.get(row["id"], ()))
        groups.append(ClaimGroup(id=row["id"], about=row["about"], unit=row["unit"], sides=group_sides,
                                 contradiction=bool(row["contradiction"]), category=row["category"],
                                 fused_event_id=row["fused_id"]))
    return groups
