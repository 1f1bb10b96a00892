"""Step 8: covering indexes for counts by country or place on big stores (measured with
``python -m dateline.bench.api``):

- ``event_places_by_event_place`` (event_id, place_id): an event's places without reading the
  link rows;
- ``places_by_id_country`` (id, country_code): a place's country without reading the place row.

Frozen: never edit; change the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

NAME = "api_002_covering_place_indexes"
INDEXES = {
    "event_places_by_event_place": "event_places (event_id, place_id)",
    "places_by_id_country": "places (id, country_code)",
}


def apply(connection: Connection) -> None:
    for name, columns in INDEXES.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
