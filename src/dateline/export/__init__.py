"""Exports: a store's events, entities, places or claims in the formats analysts' tools read.

    from dateline.export import export
    with open("events.geojson", "wb") as out:
        export(store, out, what="events", format="geojson", query=EventFilter(country="AF"))

One writer per format (``csv_writer``, ``jsonl_writer``, ``geojson_writer``, ``parquet_writer``);
the rows come from ``columns`` (the column sets: ``dateline``, ``acled``, ``plover``). Events are
selected with the same ``EventFilter`` as ``dateline events``. The other records take the
filter's fields that apply to them: entities ``actor`` (words of the name), places ``place``
and ``country``, claims ``article_id``; all take ``limit`` (and entities and claims ``offset``).

Every format is written as the rows come, a batch at a time (``PAGE`` records: events streamed
by ``Store.iter_events``, entities and claims a page at a time; Parquet a row group a batch):
an export of any size holds one batch in memory, for the command and the API downloads alike.

- CSV: a header, then a row per record (an event: ``serialise.EVENT_COLUMNS`` by default).
- JSONL: the records as ``serialise.to_json`` writes them (every field with its evidence span);
  with ``columns`` given, the flat rows instead.
- GeoJSON (RFC 7946): events and places only; a Feature per placed event place (an event with
  two places is two Features), properties the flat row, with ``latitude``/``longitude`` of that
  Feature's point and ``point_name``/``point_country_code`` naming it.
- Parquet: the flat rows, typed (see ``columns.Column.kind``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from dateline.export.columns import (
    CLAIM_COLUMNS,
    COLUMN_SETS,
    ENTITY_COLUMNS,
    EVENT_COLUMN_SETS,
    EVENT_ROW_MAKERS,
    PLACE_COLUMNS,
    Column,
    Lookups,
    claim_row,
    entity_row,
    place_row,
    typed,
)
from dateline.export.csv_writer import write_csv
from dateline.export.geojson_writer import feature, write_geojson
from dateline.export.jsonl_writer import write_jsonl
from dateline.export.parquet_writer import write_parquet
from dateline.serialise import to_json
from dateline.store.filters import MAX_LIMIT, EventFilter

FORMATS = ("csv", "jsonl", "geojson", "parquet")
WHATS = ("events", "entities", "places", "claims")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}
PAGE = 2000  # events read from the store at a time

__all__ = ["COLUMN_SETS", "FORMATS", "MEDIA_TYPES", "WHATS", "ExportError", "ExportResult", "check_export", "columns_for",
           "export"]


class ExportError(ValueError):
    """An export that cannot be made as asked (a format for records it does not fit)."""


@dataclass(frozen=True)
class ExportResult:
    what: str
    format: str
    records: int  # rows, lines or features written


def columns_for(what: str, columns: str | None = None) -> list[Column]:
    """The columns of an export of ``what`` (events: in the ``columns`` set, dateline's by default)."""
    if what == "events":
        return EVENT_COLUMN_SETS[columns or "dateline"]
    if columns not in (None, "dateline"):
        raise ExportError(f"--columns {columns} is for events; {what} have one column set")
    return {"entities": ENTITY_COLUMNS, "places": PLACE_COLUMNS, "claims": CLAIM_COLUMNS}[what]


def _paged(read_page, limit: int | None, offset: int, size: int) -> Iterator:
    """Records a page at a time (entities and claims: small tables, read by OFFSET)."""
    given = 0
    while limit is None or given < limit:
        want = size if limit is None else min(size, limit - given)
        page = read_page(want, offset + given)
        yield from page
        given += len(page)
        if len(page) < want:
            return


def _records(store, what: str, query: EventFilter, size: int) -> Iterator:
    if what == "events":
        return store.iter_events(query, batch=size)
    if what == "entities":
        return _paged(lambda n, at: store.entities(name=query.actor, limit=n, offset=at), query.limit, query.offset,
                      size)
    if what == "places":  # one row per named place, counted in SQL
        return iter(store.places(name=query.place, country=query.country,
                                 limit=MAX_LIMIT if query.limit is None else query.limit))
    return _paged(lambda n, at: store.claims(article_id=query.article_id, limit=n, offset=at), query.limit,
                  query.offset, size)


def _batches(rows: Iterator[dict], size: int = PAGE) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    yield batch


def check_export(what: str, format: str, columns: str | None) -> None:
    """Raise ExportError when this export cannot be made (before a byte is written: the API
    answers it as an error, not as a file cut short)."""
    if what not in WHATS:
        raise ExportError(f"cannot export {what!r}: one of {', '.join(WHATS)}")
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}: one of {', '.join(FORMATS)}")
    if columns is not None and columns not in COLUMN_SETS:
        raise ExportError(f"unknown column set {columns!r}: one of {', '.join(COLUMN_SETS)}")
    if format == "geojson" and what not in ("events", "places"):
        raise ExportError(f"{what} have no place on a map: export them as csv, jsonl or parquet")
    columns_for(what, columns)


def export(store, out: BinaryIO, *, what: str = "events", format: str = "csv", query: EventFilter | None = None,
           columns: str | None = None, batch: int = PAGE) -> ExportResult:
    """Write the records of ``what`` matching ``query`` to ``out`` (a binary file) in ``format``,
    ``batch`` records at a time."""
    check_export(what, format, columns)
    query = query or EventFilter()
    column_list = columns_for(what, columns)
    lookups = Lookups(store)
    if what == "events":
        maker = EVENT_ROW_MAKERS[columns or "dateline"]

        def flat(record) -> dict:
            return typed(maker(record, lookups), column_list)
    else:
        row_of = {"entities": entity_row, "places": place_row, "claims": claim_row}[what]

        def flat(record) -> dict:
            return typed(row_of(record), column_list)

    records = _records(store, what, query, batch)
    if format == "jsonl":
        objects = (flat(r) for r in records) if columns is not None else (to_json(r) for r in records)
        return ExportResult(what, format, write_jsonl(out, objects))
    if format == "csv":
        return ExportResult(what, format, write_csv(out, column_list, (flat(r) for r in records)))
    if format == "parquet":
        return ExportResult(what, format, write_parquet(out, column_list, _batches((flat(r) for r in records), batch)))
    return ExportResult(what, format, write_geojson(out, _features(what, records, flat)))


def _features(what: str, records: Iterator, flat) -> Iterator[dict]:
    for record in records:
        row = flat(record)
        if what == "places":
            if record.lat is not None and record.lon is not None:
                yield feature(record.lon, record.lat, row)
            continue
        seen = set()
        for place in record.places:
            if place.lat is None or place.lon is None or (place.lat, place.lon) in seen:
                continue
            seen.add((place.lat, place.lon))
            properties = {**row, "point_name": place.name, "point_country_code": place.country_code}
            if "latitude" in properties:
                properties["latitude"], properties["longitude"] = place.lat, place.lon
            yield feature(place.lon, place.lat, properties)
