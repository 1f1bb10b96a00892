"""How many events match a filter, counted by day and type, type, modality, outlet, country or
place: what charts, maps and facet lists need, counted in SQL so a large store never has to be
read event by event. The filter's limit and offset do not apply: counts cover every match."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from dateline.store import articles as article_tables
from dateline.store import tables as t
from dateline.store.filters import EventFilter, FilterError, event_conditions

COUNT_BY = ("day", "type", "modality", "outlet", "country", "place")


def _filtered(statement, query: EventFilter):
    conditions = event_conditions(query)
    return statement.where(and_(*conditions)) if conditions else statement


def event_counts(connection: Connection, query: EventFilter, by: str) -> list[dict]:
    """Rows of ``{"<key>": ..., "events": n}``, largest first (``day``: in date order, one row per
    day and type, dated events only, by their first day; ``place``: one row per point on the map,
    with its name, lat, lon and country)."""
    e = t.events.c
    events = func.count(func.distinct(e.id)).label("events")
    if by == "day":
        statement = (select(e.date_start.label("day"), e.type, events).where(e.date_start.is_not(None))
                     .group_by(e.date_start, e.type).order_by(e.date_start, e.type))
    elif by in ("type", "modality"):
        column = e.type if by == "type" else e.modality
        statement = select(column.label(by), events).group_by(column).order_by(events.desc(), column)
    elif by == "outlet":
        a = article_tables.articles
        statement = (select(a.c.outlet.label("outlet"), events).select_from(t.events.join(a, a.c.id == e.article_id))
                     .group_by(a.c.outlet).order_by(events.desc(), a.c.outlet))
    elif by in ("country", "place"):
        # aliases: a place filter's EXISTS over places must not correlate with the places counted
        counted_places, counted_links = t.places.alias("counted_places"), t.event_places.alias("counted_event_places")
        p = counted_places.c
        joined = t.events.join(counted_links, counted_links.c.event_id == e.id).join(
            counted_places, p.id == counted_links.c.place_id)
        if by == "country":
            statement = (select(p.country_code.label("country"), events).select_from(joined)
                         .where(p.country_code.is_not(None)).group_by(p.country_code)
                         .order_by(events.desc(), p.country_code))
        else:
            statement = (select(p.name, p.lat, p.lon, p.country_code.label("country"), events).select_from(joined)
                         .where(p.lat.is_not(None), p.lon.is_not(None))
                         .group_by(p.name, p.lat, p.lon, p.country_code).order_by(events.desc(), p.name))
    else:
        raise FilterError(f"by: one of {', '.join(COUNT_BY)} (got {by!r})")
    return [dict(row) for row in connection.execute(_filtered(statement, query)).mappings()]
