"""How many events match a filter, counted by day, type, ACLED type, modality, outlet, country or
place, or by several of these at once (the timeline: day and type): what charts, maps and facet
lists need, counted in SQL so a large store is never read event by event. One function for the
web pages and the API alike. The filter's limit and offset do not apply: counts cover every
match (``limit`` here caps the number of rows).

An event counts once in each of its keys: an event placed in two countries counts once in each
(``count(DISTINCT id)``); an undated event has no day, an event with no outlet no outlet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from dateline.store import articles as article_tables
from dateline.store import tables as t
from dateline.store import tallies
from dateline.store.filters import EventFilter, FilterError, QueryHints, event_conditions, query_hints

COUNT_BY = ("day", "type", "acled_type", "modality", "outlet", "country", "place")


def _keys(by: str | Sequence[str]) -> tuple[str, ...]:
    keys = (by,) if isinstance(by, str) else tuple(by)
    unknown = [k for k in keys if k not in COUNT_BY]
    if not keys or unknown or len(set(keys)) != len(keys):
        shown = str(unknown[0] if unknown else by)[:40]
        raise FilterError(f"by: one of {', '.join(COUNT_BY)}, or several of them once each (got {shown!r})")
    if "country" in keys and "place" in keys:
        raise FilterError("by: country or place, not both (a place row carries its country)")
    return keys


def event_counts_select(query: EventFilter, by: str | Sequence[str], hints: QueryHints | None = None,
                        limit: int | None = None) -> Select:
    """Rows of the keys (``day``; ``type``; ``acled_type``; ``modality``; ``outlet``;
    ``country``; ``place``: ``name``, ``lat``, ``lon``, ``country`` of a point on the map) and
    ``events``, the largest first (with ``day`` among the keys: in date order). ``hints``: the
    store's ``query_hints`` for the filter (the fastest shape of its SQL)."""
    keys = _keys(by)
    e = t.events.c
    columns, group, present = [], [], []
    source = t.events
    distinct = False
    for key in keys:
        if key == "outlet":
            a = article_tables.articles
            source = source.join(a, a.c.id == e.article_id)
            columns.append(a.c.outlet.label("outlet"))
            group.append(a.c.outlet)
            present.append(a.c.outlet)
        elif key in ("country", "place"):
            # aliases: a place filter's EXISTS over places must not correlate with the places counted
            counted, link = t.places.alias("counted_places"), t.event_places.alias("counted_links")
            source = source.join(link, link.c.event_id == e.id).join(counted, counted.c.id == link.c.place_id)
            distinct = True  # an event with two places in one country counts once there
            p = counted.c
            if key == "country":
                columns.append(p.country_code.label("country"))
                group.append(p.country_code)
                present.append(p.country_code)
            else:
                columns += [p.name, p.lat, p.lon, p.country_code.label("country")]
                group += [p.name, p.lat, p.lon, p.country_code]
                present += [p.lat, p.lon]
        else:
            column = {"day": e.date_start, "type": e.type, "acled_type": e.acled_type, "modality": e.modality}[key]
            columns.append(column.label(key))
            group.append(column)
            present.append(column)
    events = (func.count(func.distinct(e.id)) if distinct else func.count()).label("events")
    conditions = [c.is_not(None) for c in present] + event_conditions(query, hints)
    statement = select(*columns, events).select_from(source).where(and_(*conditions)).group_by(*group)
    if "day" in keys:
        statement = statement.order_by(*group)
    else:
        statement = statement.order_by(events.desc(), *group)
    return statement.limit(limit) if limit is not None else statement


def event_counts(connection: Connection, query: EventFilter, by: str | Sequence[str],
                 limit: int | None = None, hints: QueryHints | None = None) -> list[dict]:
    """``event_counts_select``'s rows as dicts; summed from the tallies kept at write time when
    they hold the answer (``store.tallies``: filters of type, dates and country; counts by day,
    type or country). ``hints``: the filter's ``query_hints``, when the caller has them."""
    keys = _keys(by)
    if tallies.answerable(query, keys):
        return tallies.tallied_counts(connection, query, keys, limit, hints.starts_from if hints else None)
    # every match is counted, so no page stops early: a country or box always finds its events
    # from its places (a common country checked per event read all million events: 60 s)
    # (an entity's events come from its kept pairs, ``entity_events``, whatever the hints)
    hints = hints or query_hints(connection, query)
    hints = dataclasses.replace(hints, from_places=frozenset({"country", "bbox"}))
    result = connection.execute(event_counts_select(query, by, hints, limit))
    columns = list(result.keys())
    return [dict(zip(columns, row)) for row in result.all()]  # one fetch of every row, not one by one
