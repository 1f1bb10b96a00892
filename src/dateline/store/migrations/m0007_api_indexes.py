"""Step 7: indexes for the API's filtered, paged event queries and chart counts on big stores
(measured with ``python -m dateline.bench.api``):

- ``event_places_by_place_event`` (place_id, event_id) and ``places_by_country_id``
  (country_code, id): country, place and bbox filters start from the places and reach the
  events through the indexes alone.

Frozen: never edit; change the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

NAME = "api_001_indexes"
INDEXES = {
    "event_places_by_place_event": "event_places (place_id, event_id)",
    "places_by_country_id": "places (country_code, id)",
}


def apply(connection: Connection) -> None:
    for name, columns in INDEXES.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
