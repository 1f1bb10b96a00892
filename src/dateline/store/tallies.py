"""Event counts kept at write time: ``event_tallies`` (every event once, by start day, last day
and type) and ``event_country_tallies`` (every pair of an event and a country of its places once,
by country too), and ``place_points`` (how many place rows lie at each point: a box's points,
``store.filters``). Chart counts and list totals whose filter is only type, dates and country are
summed from them: a few hundred rows where counting the events reads tens of thousands (a month
of a million events: 0.6 s of CPU on SQLite; a common country's events: seconds).

Beside the day rows, the same counts by start month (``event_month_tallies``,
``event_country_month_tallies``, step 13): a range's whole months, or a whole country, are summed
from those (tens of rows), and only the partial months at the range's ends, and the events that
start before it and reach into it, from the day rows.

Every write of an article's events keeps them right: ``untally_articles`` before its rows go,
``tally_articles`` after its new rows are in, in the same transaction (``store.records``,
``store.bulk``). A store upgraded to step 9 (10 for the points) has them built from its rows by that step;
``rebuild_tallies`` builds them again from the events (the bench generator writes rows straight
into the tables).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from dateline.store import driver_sql
from dateline.store import tables as t

if TYPE_CHECKING:  # store.filters reads store.records, which writes through this module
    from dateline.store.filters import EventFilter

CHUNK = 500  # article ids in one IN list
# the filter fields and count keys the tallies can answer; any other filter counts the events
TALLIED_FILTERS = ("type", "country", "since", "until")
TALLIED_KEYS = ("day", "type", "country")


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def tally_key(date_start: date | None, day_end: date | None, kind: str, country: str | None = None) -> str:
    """The text key of a tally row (the same in the migration step that built the first rows)."""
    parts = [_day(date_start), _day(day_end), kind]
    return "|".join(parts if country is None else [country, *parts])


def month_key(month: date | None, kind: str, country: str | None = None) -> str:
    """The text key of a month row (the same in the migration step that built the first rows)."""
    parts = [_day(month), kind]
    return "|".join(parts if country is None else [country, *parts])


def month_of(day: date | None) -> date | None:
    """The first day of the day's month (the key of its month rows); None for an undated event."""
    return day.replace(day=1) if day is not None else None


def point_key(lat: float, lon: float) -> str:
    """The text key of a ``place_points`` row (exact: a float's repr reads back as itself)."""
    return f"{float(lat)!r}|{float(lon)!r}"


def article_tallies(connection: Connection, article_ids: Sequence[str]) -> Counter:
    """What these articles' stored events add to each tally row: {(table, row values): n}."""
    e = t.events.c
    found: Counter = Counter()
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start:start + CHUNK])
        rows = connection.execute(select(e.date_start, e.date_end, e.type, func.count())
                                  .where(e.article_id.in_(chunk)).group_by(e.date_start, e.date_end, e.type))
        for day, end, kind, n in rows:
            found[(t.event_tallies, (None, day, end if end is not None else day, kind))] += n
            found[(t.event_month_tallies, (None, month_of(day), kind))] += n
        # an event counts once in each country of its places (two places in one country: once)
        pairs = (select(e.id, e.date_start, e.date_end, e.type, t.places.c.country_code)
                 .select_from(t.events.join(t.event_places, t.event_places.c.event_id == e.id)
                              .join(t.places, t.places.c.id == t.event_places.c.place_id))
                 .where(e.article_id.in_(chunk), t.places.c.country_code.is_not(None)).distinct().subquery())
        p = pairs.c
        rows = connection.execute(select(p.country_code, p.date_start, p.date_end, p.type, func.count())
                                  .group_by(p.country_code, p.date_start, p.date_end, p.type))
        for country, day, end, kind, n in rows:
            found[(t.event_country_tallies, (country, day, end if end is not None else day, kind))] += n
            found[(t.event_country_month_tallies, (country, month_of(day), kind))] += n
        pl = t.places.c
        rows = connection.execute(select(pl.lat, pl.lon, func.count()).where(
            pl.article_id.in_(chunk), pl.lat.is_not(None), pl.lon.is_not(None)).group_by(pl.lat, pl.lon))
        for lat, lon, n in rows:
            found[(t.place_points, (lat, lon))] += n
    return found


def apply_changes(connection: Connection, changes: Counter) -> None:
    """Add each change to its tally row (made when new), and drop rows that reach 0. Keys in
    sorted order: concurrent writers on PostgreSQL take the rows' locks in one order."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    by_table: dict = {}
    for (table, parts), n in changes.items():
        if not n:
            continue
        if table is t.place_points:
            lat, lon = parts
            values = {"key": point_key(lat, lon), "lat": lat, "lon": lon, "n": n}
        elif table is t.event_month_tallies or table is t.event_country_month_tallies:
            country, month, kind = parts
            values = {"key": month_key(month, kind, country), "month": month, "type": kind, "n": n}
            if country is not None:
                values["country_code"] = country
        else:
            country, day, end, kind = parts
            values = {"key": tally_key(day, end, kind, country), "date_start": day, "day_end": end, "type": kind,
                      "n": n}
            if country is not None:
                values["country_code"] = country
        by_table.setdefault(table, []).append(values)
    for table, rows in by_table.items():
        rows.sort(key=lambda r: r["key"])
        statement = insert(table)
        statement = statement.on_conflict_do_update(index_elements=[table.c.key],
                                                    set_={"n": table.c.n + statement.excluded.n})
        for start in range(0, len(rows), CHUNK):
            connection.execute(statement, rows[start:start + CHUNK])
        emptied = [r["key"] for r in rows if r["n"] < 0]
        for start in range(0, len(emptied), CHUNK):
            connection.execute(delete(table).where(table.c.key.in_(emptied[start:start + CHUNK]), table.c.n <= 0))


def tally_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """Count these articles' stored events in (after their rows are written)."""
    apply_changes(connection, article_tallies(connection, article_ids))


def untally_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """Count these articles' stored events out (before their rows are deleted)."""
    apply_changes(connection, Counter({k: -n for k, n in article_tallies(connection, article_ids).items()}))


def rebuild_tallies(connection: Connection) -> None:
    """The tallies (by day and by month) and the points built again from every stored event."""
    for table in (t.event_tallies, t.event_country_tallies, t.event_month_tallies, t.event_country_month_tallies):
        connection.execute(delete(table))
    connection.execute(delete(t.place_points))
    ids = [r[0] for r in connection.execute(select(t.events.c.article_id).union(select(t.places.c.article_id)))]
    for start in range(0, len(ids), 20 * CHUNK):
        tally_articles(connection, ids[start:start + 20 * CHUNK])


# --- reading ----------------------------------------------------------------------------------------


def answerable(query: EventFilter, by: Sequence[str] = ()) -> bool:
    """Whether the tallies hold the answer: a filter of type, dates and country only, counted by
    day, type or country; but not a country's events counted by country. Those are the events
    with a place in the country, and each counts in every country of its places (a raid placed
    on both sides of a border counts for both, as it does with no country filter and in the
    story page's country facet); the tallies keep each country's events on their own, not
    which countries an event shares, so they would give the filter's country alone."""
    others = [name for name in ("acled_type", "actor", "place", "bbox", "modality", "article_id", "outlet",
                                "min_confidence") if getattr(query, name) is not None]
    if query.country is not None and "country" in by:
        return False
    return not others and all(key in TALLIED_KEYS for key in by)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def whole_months(since: date | None, until: date | None) -> tuple[date | None, date | None] | None:
    """The first and the last month (their first days) wholly inside the range; None at an end
    the range leaves open; None for a range holding no whole month."""
    if since is not None and since.day != 1 and since >= date.max.replace(day=1):
        return None  # a start inside the calendar's last month: no whole month after it
    first = since if since is None or since.day == 1 else _next_month(since)
    # the month before the one holding the day after ``until``: until's month when until is its last day
    if until is None:
        last = None
    elif until == date.max:
        last = until.replace(day=1)  # the calendar's last day ends its month
    else:
        next_days_month = (until + timedelta(days=1)).replace(day=1)
        if next_days_month == date.min:
            return None  # no month ends by the calendar's first days
        last = (next_days_month - timedelta(days=1)).replace(day=1)
    if first is not None and last is not None and first > last:
        return None
    return first, last


# the columns a count is keyed by, in both the day and the month tables
_KEY_COLUMNS = {"day": "date_start", "type": "type", "country": "country_code"}
_SQL: dict[tuple, str] = {}


def _parts(day_table: str, month_table: str, shape: tuple) -> list[tuple[str, list[str]]]:
    """The tables one shape (see ``tallied_sql``) sums and the conditions on each: the day rows of
    the range; or, with months, the whole months' rows and the day rows of the range's ends."""
    keys, has_type, has_country, has_since, has_until, months, lower, upper = shape[:8]
    common = (["country_code = :country"] if has_country else []) + (["type = :type"] if has_type else [])
    if not months:  # the day rows of the range (an overlap: as the events' filter)
        conditions = list(common)
        if has_since:  # the earliest start of an event reaching ``since`` bounds the index
            conditions += ["day_end >= :since", "date_start >= :starts_from"]
        if has_until:
            conditions.append("date_start <= :until")
        if "day" in keys:
            conditions.append("date_start IS NOT NULL")
        return [(day_table, conditions)]
    parts = [(month_table, common + (["month >= :first_month"] if has_since else [])
              + (["month <= :last_month"] if has_until else []))]
    if lower:  # the partial month before the whole ones, and what starts before ``since`` and reaches it
        parts.append((day_table, [*common, "date_start >= :starts_from", "date_start < :first_month",
                                  "day_end >= :since"]))
    if upper:  # the partial month after them
        parts.append((day_table, [*common, "date_start >= :after_months", "date_start <= :until"]))
    return parts


def _from(table: str, conditions: list[str]) -> str:
    return table + (f" WHERE {' AND '.join(conditions)}" if conditions else "")


def _sql(day_table: str, month_table: str, shape: tuple) -> str:
    sql = _SQL.get((day_table, shape))
    if sql is not None:
        return sql
    keys, total, limited = shape[0], shape[8], shape[9]
    parts = _parts(day_table, month_table, shape)
    if len(parts) == 1:  # one table: summed straight off its index
        source = _from(*parts[0])
    else:
        columns = ", ".join([*(_KEY_COLUMNS[k] for k in keys), "n"])
        source = "(" + " UNION ALL ".join(f"SELECT {columns} FROM {_from(*part)}" for part in parts) + ") AS counted"
    if total:
        sql = f"SELECT COALESCE(SUM(n), 0) FROM {source}"
    else:
        group = ", ".join(_KEY_COLUMNS[k] for k in keys)
        named = ", ".join(f"{_KEY_COLUMNS[k]} AS {k}" for k in keys)
        order = group if "day" in keys else f"events DESC, {group}"
        sql = f"SELECT {named}, SUM(n) AS events FROM {source} GROUP BY {group} ORDER BY {order}"
        if limited:
            sql += " LIMIT :limit"
    _SQL[(day_table, shape)] = sql
    return sql


def tallied_sql(connection: Connection, query: EventFilter, by: Sequence[str], limit: int | None = None,
                starts_from: date | None = None, *, total: bool = False) -> tuple[str, dict]:
    """The SQL (built once per shape: which filters are given, which parts of the range are
    whole months, the keys) and its values for a count by ``by`` (``total``: the sum alone)
    from the tallies; only when ``answerable``. ``starts_from``: the filter's
    ``earliest_start``, when the caller has it already."""
    from dateline.store.filters import earliest_start

    keys = tuple(by)
    country = "country" in keys or query.country is not None
    day_table = "event_country_tallies" if country else "event_tallies"
    month_table = "event_country_month_tallies" if country else "event_month_tallies"
    values: dict = {}
    if query.country:
        values["country"] = query.country.upper()
    if query.type:
        values["type"] = query.type.upper()
    if query.since:
        values["since"] = query.since
        values["starts_from"] = starts_from or earliest_start(connection, query.since)
    if query.until:
        values["until"] = query.until
    months = None if "day" in keys else whole_months(query.since, query.until)
    lower = upper = False
    if months is not None:
        first, last = months
        if first is not None:
            values["first_month"] = first
            lower = values["starts_from"] < first
        if last is not None:
            values["last_month"] = last
            if last < date.max.replace(day=1):  # (no day follows the calendar's last month)
                values["after_months"] = _next_month(last)
                upper = values["after_months"] <= query.until
    if limit is not None and not total:
        values["limit"] = limit
    shape = (keys, query.type is not None, query.country is not None, query.since is not None,
             query.until is not None, months is not None, lower, upper, total, limit is not None and not total)
    return _sql(day_table, month_table, shape), values


def tallied_counts(connection: Connection, query: EventFilter, by: Sequence[str],
                   limit: int | None = None, starts_from: date | None = None) -> list[dict]:
    """The rows ``store.counts.event_counts_select`` gives (same keys, ``events``, same order),
    summed from the tallies; only when ``answerable``."""
    sql, values = tallied_sql(connection, query, by, limit, starts_from)
    keys = (*by, "events")
    found = driver_sql.rows(connection, sql, values)
    if "day" in by:  # (SQLite gives a date column as its text)
        at = by.index("day")
        found = [(*row[:at], driver_sql.as_date(row[at]), *row[at + 1:]) for row in found]
    # rows as tuples zipped with the keys: a year by day is 365 rows, and a mapping per row cost
    # more than summing them
    return [dict(zip(keys, (*row[:-1], int(row[-1])))) for row in found]


def tallied_total(connection: Connection, query: EventFilter, starts_from: date | None = None) -> int:
    """How many events match (only when ``answerable``)."""
    sql, values = tallied_sql(connection, query, (), starts_from=starts_from, total=True)
    return int(driver_sql.rows(connection, sql, values)[0][0])
