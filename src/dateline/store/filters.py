"""What a user can ask of the events in a store, checked once, for the CLI, the API and the
exports alike; and the SQL it becomes.

A user's words are always bound parameters, and LIKE's wildcards in them (``%``, ``_``) are
escaped: ``--actor "%"`` looks for a percent sign, it does not match every event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Date, Float, Integer, and_, bindparam, exists, func, literal, literal_column, or_, select, tuple_
from sqlalchemy.sql import Select

from dateline.store import articles as article_tables
from dateline.store import driver_sql
from dateline.store import tables as t
from dateline.store.records import LONG_STRETCH_DAYS

MAX_TEXT = 200  # characters of a text filter
MAX_LIMIT = 100_000  # events in one page
# the orders an event list can be sorted in: a column, "-" first for descending
SORTS = ("date", "-date", "confidence", "-confidence", "type", "-type")


class FilterError(ValueError):
    """A filter value a user gave that cannot be used; the message says which and why."""


def contains_pattern(words: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching the words anywhere, case-folded."""
    escaped = words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def is_text(value: str) -> bool:
    """False for a string holding lone surrogates: what Python makes of bytes in a command line
    that are not UTF-8 (surrogateescape); no database driver can take them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _checked_text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise FilterError(f"{name}: at most {MAX_TEXT} characters (got {len(value)})")
    if "\x00" in value:  # PostgreSQL refuses it in a text value; no name holds one
        raise FilterError(f"{name}: a NUL character cannot be in a filter")
    if not is_text(value):
        raise FilterError(f"{name}: not UTF-8 text (bytes that decode to no character)")
    return value


@dataclass(frozen=True)
class EventFilter:
    """Events matching every field given. ``since``/``until`` keep events whose days overlap the
    range; ``bbox`` is (west, south, east, north) in degrees and keeps events with a place inside;
    ``actor`` matches an actor's or the source's words, or a canonical entity's whole id or the
    words of its name or an alias; ``place`` a place's name or words, ``country`` a place's ISO
    country code, ``outlet`` the article's outlet (the whole name, case-folded)."""

    type: str | None = None
    acled_type: str | None = None
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    since: date | None = None
    until: date | None = None
    modality: str | None = None
    article_id: str | None = None
    outlet: str | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0
    sort: str = "date"  # one of SORTS; ties go by date, article and position

    def __post_init__(self) -> None:
        for name in ("type", "acled_type", "actor", "place", "country", "modality", "article_id", "outlet"):
            object.__setattr__(self, name, _checked_text(name, getattr(self, name)))
        if self.limit is not None and not 0 <= self.limit <= MAX_LIMIT:
            raise FilterError(f"limit: between 0 and {MAX_LIMIT} (got {self.limit})")
        if self.offset < 0:
            raise FilterError(f"offset: 0 or more (got {self.offset})")
        if self.since and self.until and self.since > self.until:
            raise FilterError(f"since {self.since} is after until {self.until}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise FilterError("bbox: west,south,east,north in degrees, south <= north")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise FilterError(f"min_confidence: between 0 and 1 (got {self.min_confidence})")
        if self.sort not in SORTS:
            raise FilterError(f"sort: one of {', '.join(SORTS)} (got {str(self.sort)[:40]!r})")


def _actor_condition(words: str, entity: str | None = None):
    """An actor's or the source's words, or a canonical entity whose id, name or alias holds them.
    The entities are found first (a small table), then their article entities by index, so a
    store of millions of actor rows is never scanned for a LIKE.

    ``entity``: the words are this canonical entity's whole id (``query_hints`` looked it up):
    the events are that entity's, from the pairs kept at write time (``entity_events``; no actor's
    words hold an id like "organisation:group-3"), so no actor row is read. (A page joins
    ``entity_events`` instead, to read it in list order: ``event_select``.)"""
    if entity is not None:
        pairs = t.entity_events.c
        return t.events.c.id.in_(select(pairs.event_id).where(pairs.entity_id == bindparam("entity", entity)))
    actor, source, link = t.event_actors, t.attributions, t.entity_links
    pattern = bindparam("actor_pattern", contains_pattern(words))
    e, alias = t.entities, t.entity_aliases
    # an id is matched whole (a part of "organisation:group-3" says nothing of "...group-31");
    # names and aliases by their words
    entity_ids = select(e.c.id).where(or_(
        e.c.id == bindparam("actor", words), func.lower(e.c.name).like(pattern, escape="\\"),
        e.c.id.in_(select(alias.c.entity_id).where(func.lower(alias.c.alias).like(pattern, escape="\\")))))
    keys = select(link.c.entity_key).where(link.c.entity_id.in_(entity_ids))
    by_actor = exists().where(and_(actor.c.event_id == t.events.c.id,
                                   or_(actor.c.entity_key.in_(keys), func.lower(actor.c.name).like(pattern, escape="\\"))))
    by_source = exists().where(and_(source.c.event_id == t.events.c.id,
                                    or_(source.c.entity_key.in_(keys), func.lower(source.c.source).like(pattern, escape="\\"))))
    return or_(by_actor, by_source)


# a box's (event, point) pairs within the filter's days, at most, for its events to be found from
# its points: past it they are dense enough in the date order for a page checked event by event to
# stop within 50 * (the days' events) / the cap events (about 700 for a month of a million events).
# When the box and the days are the whole filter, the page is sorted from the pairs' index rows
# (a few microseconds each); otherwise each pair's event is read to be checked (tens of
# microseconds on PostgreSQL), so the smaller cap.
BOX_COLLECT_CAP = 3_000
BOX_COLLECT_CHECKED_CAP = 1_000


@dataclass(frozen=True)
class QueryHints:
    """What the store knows that picks the fastest shape of a filter's SQL (``query_hints``
    reads it): the earliest start an event overlapping ``since`` can have (it bounds the date
    indexes), and which place filters (``country``, ``bbox``) are to find their events from their
    kept pairs (``country_events``, ``point_events``) rather than be checked for each event read
    in list order. (A country's page, with no entity to drive it, reads the country's pairs in
    list order whatever the hints: ``_driver``.)"""

    starts_from: date | None = None
    from_places: frozenset[str] = frozenset()
    actor_entity: str | None = None  # the actor filter is this canonical entity's whole id


def _checked_per_event(*conditions):
    """Whether a row meeting the conditions (correlated with the event) exists, asked of each
    event read: a scalar subquery, which PostgreSQL keeps per event where it turns an EXISTS into
    a hash join over every matching row (a box's 80,000 pairs hashed, then the month's 40,000
    events read and sorted, 0.5 s, for a page a walk in date order finds in 600 events)."""
    return select(literal(1)).where(*conditions).limit(1).scalar_subquery().is_not(None)


def _country_condition(country: str, from_places: bool, bounds: list):
    """Events with a place in the country, from the kept (country, event) pairs: collected from
    the country's pairs within the days (``bounds`` on their start), or checked by the pair's key."""
    pairs = t.country_events.c
    if from_places:
        return t.events.c.id.in_(select(pairs.event_id).where(pairs.country_code == bindparam("country", country),
                                                             *bounds))
    return _checked_per_event(pairs.country_code == bindparam("country", country), pairs.event_id == t.events.c.id)


def _box_condition(bbox: tuple[float, float, float, float], from_places: bool, bounds: list):
    """Events with a place in the box, from the kept (event, point) pairs: collected from the
    box's points (a few rows of ``place_points``), each a range read of its pairs within the days
    (``bounds`` on their start); or checked by the event's own pairs (its key's prefix)."""
    pairs = t.point_events
    if from_places:
        return t.events.c.id.in_(select(pairs.c.event_id).where(_bbox_points(bbox, pairs), *bounds))
    return _checked_per_event(pairs.c.event_id == t.events.c.id, *_bbox_conditions(bbox, pairs))


def _place_condition(*conditions, from_places: bool = False):
    if from_places:
        # few places match: their events by the (place, event) index, then each event by its id
        # (a country with 600 events of a million: 14 s scanning every event for an EXISTS)
        return t.events.c.id.in_(select(t.event_places.c.event_id).select_from(
            t.event_places.join(t.places, t.places.c.id == t.event_places.c.place_id)).where(*conditions))
    # a correlated EXISTS: with the events read in date order off the (type, date) or date index,
    # a page stops after its first matches; an IN over every event of a common country would
    # collect and sort hundreds of thousands first (2.4 s against 0.1 s on a million events)
    return exists().where(and_(t.event_places.c.event_id == t.events.c.id,
                               t.places.c.id == t.event_places.c.place_id, *conditions))


def _bbox_conditions(bbox: tuple[float, float, float, float], table=None) -> list:
    west, south, east, north = _box_values(bbox)
    c = (table if table is not None else t.places).c
    longitude = (c.lon.between(west, east) if bbox[0] <= bbox[2]
                 else or_(c.lon >= west, c.lon <= east))  # across the date line
    return [c.lat.between(south, north), longitude]


def _box_values(bbox: tuple[float, float, float, float]) -> list:
    # (typed: a statement kept for its shape must not cast a later box's degrees to the first one's type)
    return [bindparam(name, value, type_=Float) for name, value in zip(("west", "south", "east", "north"), bbox)]


def _bbox_points(bbox: tuple[float, float, float, float], table):
    """A box's rows of ``table`` found point by point: its points are a few rows of
    ``place_points`` (kept at write time), each point's rows an equality look-up of the table's
    (lat, lon, ...) index. (A range over the latitudes reads every row of them: 740,000 of a
    million in one 20-degree band holding a crowded point outside the box.)"""
    pp = t.place_points
    points = select(pp.c.lat, pp.c.lon).where(*_bbox_conditions(bbox, pp), pp.c.n > literal_column("0", Integer))
    return tuple_(table.c.lat, table.c.lon).in_(points)


def _pair_bounds(query: EventFilter, hints: QueryHints, pairs) -> list:
    """The filter's days as bounds on kept pairs' own start day: their (key, day) index is read
    from the earliest start on (the exact overlap is checked on the event)."""
    bounds = []
    if query.since and hints.starts_from is not None:
        bounds.append(pairs.c.date_start >= bindparam("starts_from", hints.starts_from))
    if query.until:
        bounds.append(pairs.c.date_start <= bindparam("until", query.until))
    return bounds


_ENTITY = select(t.entities.c.id).where(t.entities.c.id == bindparam("actor"))  # is the actor filter an entity's id?
_BOX_COUNTS: dict[tuple, Select] = {}


def _box_count(query: EventFilter, hints: QueryHints, cap: int) -> Select:
    """How many of a box's (event, point) pairs lie within the days, counted to ``cap + 1``:
    built once per shape (``query_hints``' values by name: ``filter_values``)."""
    shape = (cap, query.bbox[0] <= query.bbox[2], query.since is not None and hints.starts_from is not None,
             query.until is not None)
    statement = _BOX_COUNTS.get(shape)
    if statement is None:
        pairs = t.point_events
        some = select(pairs.c.event_id).where(_bbox_points(query.bbox, pairs), *_pair_bounds(query, hints, pairs)
                                              ).limit(literal_column(str(int(cap) + 1), Integer)).offset(
            literal_column("0", Integer)).subquery()
        statement = _BOX_COUNTS[shape] = select(func.count()).select_from(some)
    return statement


def is_entity(connection, actor: str) -> bool:
    """Whether the actor filter's words are a canonical entity's whole id."""
    return bool(driver_sql.rows(connection, driver_sql.compiled(connection, _ENTITY), {"actor": actor}))


def query_hints(connection, query: EventFilter) -> QueryHints:
    """The hints for this filter on this store: small indexed look-ups (a since's longest running
    stretch; a box's (event, point) pairs within the days, counted to its cap + 1), their SQL
    built once per shape and run on the driver's cursor."""
    starts_from = earliest_start(connection, query.since)
    selective = set()
    if query.bbox is not None:
        cap = BOX_COLLECT_CAP if pairs_hold(query) else BOX_COLLECT_CHECKED_CAP
        hints = QueryHints(starts_from)
        values = filter_values(query, hints)
        sql = driver_sql.compiled(connection, _box_count(query, hints, cap))
        wanted = {name: values[name] for name in ("west", "south", "east", "north", "starts_from", "until")
                  if name in values}
        if driver_sql.rows(connection, sql, wanted)[0][0] <= cap:
            selective.add("bbox")
    entity = None
    if query.actor and is_entity(connection, query.actor):
        entity = query.actor
    return QueryHints(starts_from, frozenset(selective), entity)


def event_conditions(query: EventFilter, hints: QueryHints | None = None, joined: str | None = None) -> list:
    """The WHERE conditions of the filter; ``joined``: "actor" or "country", the filter that is
    the join with its kept pairs (``_driver``), not a condition."""
    hints = hints or QueryHints()
    starts_from = hints.starts_from
    e = t.events.c
    conditions = []
    values = filter_values(query, hints)  # every value a bound parameter by name (``shaped_select``)
    if query.type:
        conditions.append(e.type == bindparam("type", values["type"]))
    if query.acled_type:
        conditions.append(func.lower(e.acled_type) == bindparam("acled_type", values["acled_type"]))
    if query.modality:
        conditions.append(e.modality == bindparam("modality", values["modality"]))
    if query.article_id:
        conditions.append(e.article_id == bindparam("article_id", values["article_id"]))
    if query.outlet:
        a = article_tables.articles
        conditions.append(exists().where(and_(a.c.id == e.article_id,
                                              func.lower(a.c.outlet) == bindparam("outlet", values["outlet"]))))
    if query.min_confidence is not None:
        conditions.append(e.confidence >= bindparam("min_confidence", values["min_confidence"], type_=Float))
    # (the driving pairs of an entity hold the days, checked on them: ``_driver_bounds``)
    dated_by_pairs = joined is not None and _held_by_pairs(_driver_pairs(query, hints)[0])
    if query.since and not dated_by_pairs:
        # an event overlaps the range when it ends on or after ``since``; it also starts on or
        # after ``starts_from`` (see ``earliest_start``), which bounds the (type, date) index
        conditions.append(func.coalesce(e.date_end, e.date_start) >= bindparam("since", query.since))
        if starts_from is not None:
            conditions.append(e.date_start >= bindparam("starts_from", starts_from))
    if query.until and not dated_by_pairs:
        conditions.append(e.date_start <= bindparam("until", query.until))
    if query.actor and joined != "actor":
        conditions.append(_actor_condition(query.actor, hints.actor_entity))
    if query.place:
        pattern = bindparam("place_pattern", values["place_pattern"])
        conditions.append(_place_condition(or_(func.lower(t.places.c.name).like(pattern, escape="\\"),
                                               func.lower(t.places.c.text).like(pattern, escape="\\"))))
    if query.country and joined != "country":
        conditions.append(_country_condition(query.country.upper(), "country" in hints.from_places,
                                             _pair_bounds(query, hints, t.country_events)))
    if query.bbox is not None:
        conditions.append(_box_condition(query.bbox, "bbox" in hints.from_places,
                                         _pair_bounds(query, hints, t.point_events)))
    return conditions


# ``earliest_start``'s two look-ups, built once (run on the driver's cursor: ``store.driver_sql``)
# (the long stretches in a subquery that is not merged: SQLite would otherwise find the min by
# reading every event in date order off the list-order index, 2.9 s at 1M events)
_LONG_ONES = (select(t.events.c.date_start).where(t.events.c.long_stretch.is_(True),
                                                   t.events.c.date_end >= bindparam("since", type_=Date))
              .limit(literal_column("1000000000", Integer)).offset(literal_column("0", Integer)).subquery())
_LONGEST_STRETCH = select(func.min(_LONG_ONES.c.date_start))
_TALLIES = t.event_tallies.c
_EARLIEST_SHORT = select(func.min(_TALLIES.date_start)).where(
    _TALLIES.date_start >= bindparam("month_before", type_=Date), _TALLIES.date_start <= bindparam("since", type_=Date),
    _TALLIES.day_end >= bindparam("since", type_=Date))


def earliest_start(connection, since: date | None) -> date | None:
    """The earliest day an event overlapping ``since`` starts: that of the longest stretch still
    running then (an indexed look-up over the few long stretches), or of the earliest shorter
    event reaching it (a month at most before it), or ``since``."""
    if since is None:
        return None
    # (a since within a month of year 1 has nothing before it to look for)
    month_before = since - timedelta(days=LONG_STRETCH_DAYS) if since > date.min + timedelta(days=LONG_STRETCH_DAYS) \
        else date.min
    stretch = driver_sql.rows(connection, driver_sql.compiled(connection, _LONGEST_STRETCH), {"since": since})[0][0]
    # within the month: the earliest start of an event reaching ``since``, from the counts kept
    # by (start, last day) (store/tallies.py: a few hundred index rows where the events of the
    # month before are tens of thousands; most events last a day, so this is usually ``since``)
    short = driver_sql.rows(connection, driver_sql.compiled(connection, _EARLIEST_SHORT),
                            {"since": since, "month_before": month_before})[0][0]
    starts = [driver_sql.as_date(day) for day in (stretch, short) if day is not None]
    return min(starts) if starts else since


def _driver(query: EventFilter, hints: QueryHints | None):
    """The kept pairs a page is read from in list order, when the filter has them: an actor
    filter that is a canonical entity's id (``entity_events``), else a country
    (``country_events``); the events joined with them (one row an event), the date bounds on
    the pairs' own ``date_start`` so their (key, list order) index is read from the first day
    on. Returns (what is joined, the join, the pairs' table), or Nones."""
    hints = hints or QueryHints()
    pairs, name = _driver_pairs(query, hints)
    if pairs is None:
        return None, None, None
    return name, t.events.join(pairs, and_(pairs.c.event_id == t.events.c.id, *_driver_bounds(query, hints, pairs))), pairs


def _driver_pairs(query: EventFilter, hints: QueryHints):
    """``_driver``'s kept pairs and what they stand for, or (None, None)."""
    if hints.actor_entity is not None:
        return t.entity_events, "actor"
    if query.country:
        return t.country_events, "country"
    return None, None


def _driver_bounds(query: EventFilter, hints: QueryHints | None, pairs) -> list:
    """The driving pairs' key (the entity or the country) and the days' bounds on their start;
    an entity's pairs also hold the event's last day (step 14), so a ``since`` is checked on
    them too (``_held_by_pairs``)."""
    hints = hints or QueryHints()
    if pairs is t.entity_events:
        key = pairs.c.entity_id == bindparam("entity", hints.actor_entity)
    else:
        key = pairs.c.country_code == bindparam("country", query.country.upper())
    bounds = [key, *_pair_bounds(query, hints, pairs)]
    if query.since and _held_by_pairs(pairs):
        bounds.append(pairs.c.day_end >= bindparam("since", query.since))
    return bounds


def _held_by_pairs(pairs) -> bool:
    """Whether the driving pairs hold the whole of a date filter (start and last day): the
    events' own date conditions are then left out, and a page of such pairs with no other
    filter reads their index rows alone (an entity's 50 events with a ``since``: 50 scattered
    event rows not read, each a random read of the events table when it is not in memory)."""
    return pairs is t.entity_events


def pairs_hold(query: EventFilter) -> bool:
    """Whether a box's kept (event, point) pairs hold the whole filter and its order: a box, the
    days, in date order either way."""
    others = [name for name in ("type", "acled_type", "actor", "place", "country", "modality", "article_id",
                                "outlet", "min_confidence") if getattr(query, name) is not None]
    return query.bbox is not None and not others and query.sort in ("date", "-date")


# a page read where a wait holds up other work (the API's event loop on SQLite, ``api.shortcut``)
# must stop after a bounded number of index rows: at most this many before and in the page
ONE_RANGE_ROWS = 2_000


def reads_one_range(query: EventFilter, entity: bool) -> bool:
    """Whether the filter's page is one range read of an index in list order that stops after
    its offset + limit + 1 rows (``event_select``), whatever the values: no filter or only the
    days (the date-order indexes), a type in date order (``events_by_type_date_order``), a
    country or an entity's events (their kept pairs; ``entity``: the actor filter is a
    canonical entity's id), a box in date order (its kept pairs, counted to a cap by
    ``query_hints``). Anything else may check event after event for rare matches, or sort every
    match (a type newest first, a sort by confidence), and takes what that takes.
    ``ONE_RANGE_ROWS`` bounds offset + limit."""
    if query.limit is None or query.offset + query.limit >= ONE_RANGE_ROWS:
        return False
    given = {name for name in ("type", "acled_type", "actor", "place", "country", "bbox", "modality", "article_id",
                               "outlet", "min_confidence") if getattr(query, name) is not None}
    either_way = query.sort in ("date", "-date")
    if not given or given == {"country"}:
        return either_way
    if given == {"actor"}:
        return entity and either_way
    if given in ({"type"}, {"bbox"}):
        return query.sort == "date"
    return False


def _box_page(query: EventFilter, hints: QueryHints, extra: int = 0, ids_only: bool = False) -> Select:
    """A box's page of a few days from its kept pairs alone, the events read by key after: the
    first offset + limit + 1 of them (a caller may read one more than the limit,
    ``Store.event_page``); an event at two of its points once. Few pairs in the box and days
    (``query_hints``): its points' index rows within the days, sorted. Many: the pairs in date
    order (``point_events_by_date_order``), each checked for the box in its index row, until the
    page is full: index rows read in a run, where a walk over the events reads an event row and
    a pair's key for each (hundreds of scattered pages when they are not in memory: 0.3-0.9 s)."""
    pairs = t.point_events
    p = pairs.c
    if "bbox" in hints.from_places:
        conditions = [_bbox_points(query.bbox, pairs)]
    else:  # (``+ 0``: the point is checked in the row, never looked up by the point's index)
        west, south, east, north = _box_values(query.bbox)
        lat, lon = p.lat + 0, p.lon + 0
        conditions = [lat.between(south, north),
                      lon.between(west, east) if query.bbox[0] <= query.bbox[2] else or_(lon >= west, lon <= east)]
    conditions += _pair_bounds(query, hints, pairs)
    if query.since:
        conditions.append(p.day_end >= bindparam("since", query.since))
    day = (p.date_start.desc() if query.sort == "-date" else p.date_start.asc()).nulls_last()
    page = select(p.date_start, p.article_id, p.trigger_start, p.event_id).where(*conditions).distinct()
    page = page.order_by(day, p.article_id, p.trigger_start, p.event_id)
    if query.limit is not None:
        page = page.limit(bindparam("box_limit", query.offset + query.limit + 1, type_=Integer))
    page = page.subquery("box_page")
    c = page.c
    day = (c.date_start.desc() if query.sort == "-date" else c.date_start.asc()).nulls_last()
    if ids_only:  # the pairs' index rows hold the page: no event row is read
        statement = select(c.event_id.label("id")).select_from(page)
    else:
        statement = select(t.events).select_from(t.events.join(page, page.c.event_id == t.events.c.id))
    statement = statement.order_by(day, c.article_id, c.trigger_start, c.event_id)
    return _paged(statement, query, extra)


def _paged(statement: Select, query: EventFilter, extra: int) -> Select:
    if query.offset:
        statement = statement.offset(bindparam("offset", query.offset, type_=Integer))
    if query.limit is not None:
        statement = statement.limit(bindparam("limit", query.limit + extra, type_=Integer))
    return statement


def event_select(query: EventFilter, hints: QueryHints | None = None, extra: int = 0,
                 ids_only: bool = False) -> Select:
    """The event rows matching the filter, in date order (undated last), then by article,
    position and id; paged by the filter's limit (``extra`` rows more: a caller that asks
    whether the list goes on) and offset. Every value is a bound parameter named in
    ``filter_values``: ``shaped_select`` builds this once per shape.

    ``ids_only``: each row is the event's ``id`` alone (what a page of kept documents needs,
    ``Store.event_page_documents``): the whole row (about 700 bytes, 40 columns made into Python
    values) is not read out, and a page that its kept pairs' index rows hold (a box and days; a
    country's or an entity's events filtered by nothing else) reads no event row at all."""
    # (newest first, a box of many pairs: no index holds the pairs in that order, so the events
    # are walked newest first, each checked)
    if hints is not None and pairs_hold(query) and ("bbox" in hints.from_places or query.sort == "date"):
        return _box_page(query, hints, extra, ids_only)
    joined, join, pairs = _driver(query, hints)
    conditions = event_conditions(query, hints, joined)
    if ids_only and pairs is not None and not conditions and query.sort in ("date", "-date"):
        # the pairs hold the key, the days' bounds and the list order: their index alone
        # (every pair's event exists: a foreign key, deleted with it)
        statement = select(pairs.c.event_id.label("id")).where(*_driver_bounds(query, hints, pairs))
        p = pairs.c
        day = (p.date_start.desc() if query.sort == "-date" else p.date_start.asc()).nulls_last()
        return _paged(statement.order_by(day, p.article_id, p.trigger_start, p.event_id), query, extra)
    statement = select(t.events.c.id) if ids_only else select(t.events)
    if join is not None:
        statement = statement.select_from(join)
    if conditions:
        statement = statement.where(and_(*conditions))
    e = t.events.c
    # the order's columns: an entity's or a country's events come in list order off its kept
    # pairs (the same values as the event's: a page stops after its rows instead of checking
    # events one by one or sorting all of the entity's)
    if pairs is not None:
        p = pairs.c
        day_column, ties = p.date_start, [p.article_id, p.trigger_start, p.event_id]
    else:
        day_column, ties = e.date_start, [e.article_id, e.trigger_start, e.id]
    # NULLS LAST, not "date_start IS NULL" first: the list-order indexes then deliver rows in
    # order (ascending, and newest first off the step 10 indexes), so a page stops after its first
    # rows instead of sorting every match (a common country, newest first: 0.6-1.8 s on
    # PostgreSQL at 1M events, where no index held that order)
    day = (day_column.desc() if query.sort == "-date" else day_column.asc()).nulls_last()
    order = [day, *ties]  # the id last: every order is total, so pages never overlap
    column = {"confidence": e.confidence, "type": e.type}.get(query.sort.lstrip("-"))
    if column is not None:
        order.insert(0, column.desc() if query.sort.startswith("-") else column)
    statement = statement.order_by(*order)
    return _paged(statement, query, extra)


def filter_values(query: EventFilter, hints: QueryHints | None = None, extra: int = 0) -> dict:
    """The value of each bound parameter the filter's statements name (``event_select``,
    ``event_count``), as the SQL compares them (case-folded, a LIKE pattern)."""
    hints = hints or QueryHints()
    values: dict = {}
    for name, fold in (("type", str.upper), ("acled_type", str.lower), ("modality", str.lower),
                       ("article_id", None), ("outlet", str.lower), ("country", str.upper)):
        value = getattr(query, name)
        if value:
            values[name] = fold(value) if fold else value
    if query.min_confidence is not None:
        values["min_confidence"] = query.min_confidence
    if query.since:
        values["since"] = query.since
        if hints.starts_from is not None:
            values["starts_from"] = hints.starts_from
    if query.until:
        values["until"] = query.until
    if query.actor:
        values["actor"], values["actor_pattern"] = query.actor, contains_pattern(query.actor)
        if hints.actor_entity is not None:
            values["entity"] = hints.actor_entity
    if query.place:
        values["place_pattern"] = contains_pattern(query.place)
    if query.bbox is not None:
        values.update(zip(("west", "south", "east", "north"), query.bbox))
    if query.offset:
        values["offset"] = query.offset
    if query.limit is not None:
        values["limit"] = query.limit + extra
        values["box_limit"] = query.offset + query.limit + 1
    return values


def _shape(query: EventFilter, hints: QueryHints, extra: int) -> tuple:
    """What ``event_select``'s SQL depends on besides its values: which filters are given, the
    order, a box across the date line, the hints' choices, paging."""
    given = tuple(name for name in ("type", "acled_type", "actor", "place", "country", "modality", "article_id",
                                    "outlet", "min_confidence", "since", "until", "bbox")
                  if getattr(query, name) is not None)
    return (given, query.sort, query.bbox is not None and query.bbox[0] <= query.bbox[2], hints.from_places,
            hints.actor_entity is not None, hints.starts_from is not None, query.limit is not None,
            bool(query.offset), extra)


_SHAPES: dict[tuple, Select] = {}
MAX_SHAPES = 4096  # far more than the filters' combinations a server meets; a bound on memory all the same


def shaped_select(query: EventFilter, hints: QueryHints, extra: int = 0,
                  ids_only: bool = False) -> tuple[Select, dict]:
    """``event_select`` built once per shape (``_shape``) and kept, with this filter's values to
    run it with: the statement object keeps its cache key and compiled SQL, so a request builds
    and keys no SQL (about 1-2 ms of CPU a page on this machine). Run it as
    ``connection.execute(statement, values)``: the values replace those it was built with."""
    shape = (*_shape(query, hints, extra), ids_only)
    statement = _SHAPES.get(shape)
    if statement is None:
        statement = event_select(query, hints, extra, ids_only)
        if len(_SHAPES) < MAX_SHAPES:
            _SHAPES[shape] = statement
    return statement, filter_values(query, hints, extra)


_SHAPED_SQL: dict[tuple, tuple[str, dict]] = {}


def shaped_ids_sql(connection, query: EventFilter, hints: QueryHints, extra: int = 0) -> tuple[str, dict]:
    """``shaped_select``'s ids-only statement as this dialect's SQL text, compiled once per shape
    and dialect, with this filter's values: for ``driver_sql.rows``, where SQLAlchemy's execute
    of a kept statement still looks it up in its compiled cache, makes an execution context and
    wraps each row (about 0.3 ms of CPU a page on this machine, for 51 one-column rows)."""
    statement, values = shaped_select(query, hints, extra, ids_only=True)
    key = (connection.dialect.name, *_shape(query, hints, extra))
    found = _SHAPED_SQL.get(key)
    if found is None:
        compiled = statement.compile(dialect=driver_sql.named_dialect(connection))
        # (the values SQLAlchemy adds itself, such as SQLite's OFFSET 0 after a LIMIT, go with it)
        found = str(compiled), {name: value for name, value in compiled.params.items() if name not in values}
        if len(_SHAPED_SQL) < MAX_SHAPES:
            _SHAPED_SQL[key] = found
    sql, constants = found
    return sql, {**constants, **values}


def event_count(query: EventFilter, hints: QueryHints | None = None, cap: int | None = None) -> Select:
    """How many events match (the filter's limit and offset aside); given ``cap``, counting
    stops at ``cap + 1``: "more than cap" costs what reading cap rows off an index costs, where
    an exact count of half a million matches reads them all."""
    joined, join, _ = _driver(query, hints)
    conditions = event_conditions(query, hints, joined)
    source = join if join is not None else t.events
    if cap is None:
        statement = select(func.count()).select_from(source)
        return statement.where(and_(*conditions)) if conditions else statement
    some = select(t.events.c.id).select_from(source)
    if conditions:
        some = some.where(and_(*conditions))
    return select(func.count()).select_from(some.limit(cap + 1).subquery())
