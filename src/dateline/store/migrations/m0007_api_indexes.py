"""Step 7: indexes for the API's filtered, paged event queries and chart counts on big stores
(measured with ``python -m dateline.bench.api``):

- ``events_by_type_date_end`` (type, date_end, date_start): a type and a date range, the ``since``
  side read from the index, ``until`` checked in it;
- ``events_by_date_end_start`` (date_end, date_start): a date range with no type;
- ``event_places_by_place_event`` (place_id, event_id) and ``places_by_country_id``
  (country_code, id): country, place and bbox filters start from the places and reach the
  events through the indexes alone.

Frozen: never edit; change the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

NAME = "api_001_indexes"
INDEXES = {
    "events_by_type_date_end": "events (type, date_end, date_start)",
    "events_by_date_end_start": "events (date_end, date_start)",
    "event_places_by_place_event": "event_places (place_id, event_id)",
    "places_by_country_id": "places (country_code, id)",
}


def apply(connection: Connection) -> None:
    for name, columns in INDEXES.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
