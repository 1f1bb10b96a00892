"""The one serialiser: records as JSON-ready dicts and back (through pydantic, so the API's
schema and the exports' are the records' own), and events as flat rows for CSV and tables.

    to_json(event)                    # dict of plain JSON values, every span included
    from_json(Event, data)            # the record again, equal to the one written
    event_row(event)                  # one flat row, the columns of EVENT_COLUMNS
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import TypeAdapter

from dateline.model import Event

T = TypeVar("T")


@lru_cache(maxsize=None)
def adapter(record_type: type) -> TypeAdapter:
    return TypeAdapter(record_type)


def to_json(record: Any) -> dict:
    """A record (any dataclass of model.py) as plain JSON values."""
    return adapter(type(record)).dump_python(record, mode="json")


def from_json(record_type: type[T], data: dict) -> T:
    return adapter(record_type).validate_python(data)


def json_schema(record_type: type) -> dict:
    return adapter(record_type).json_schema()


def to_jsonl(records: Iterable[Any]) -> str:
    return "".join(json.dumps(to_json(r), ensure_ascii=False, sort_keys=True) + "\n" for r in records)


# --- flat rows ------------------------------------------------------------------------------------

# the CSV columns, documented in the README
EVENT_COLUMNS = [
    "id", "article_id", "type", "acled_type", "acled_subtype", "trigger", "source", "source_entity_id", "target",
    "target_entity_id", "other_actors", "date", "date_start", "date_end", "date_inherited", "places", "countries",
    "latitude", "longitude", "quantities", "attribution", "channel", "modality", "hedged", "confidence", "notes",
    "sentence",
]


def _quantity_text(quantity) -> str:
    return f"{quantity.qualifier + ' ' if quantity.qualifier else ''}{quantity.value:g} {quantity.unit}"


def event_row(event: Event) -> dict:
    """One flat row per event: the first place gives the point; every list is joined by '; '."""
    point = next((p for p in event.places if p.lat is not None), None)
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": event.type,
        "acled_type": event.acled_type or "",
        "acled_subtype": event.acled_subtype or "",
        "trigger": event.trigger.text,
        "source": event.source_actor.text if event.source_actor else "",
        "source_entity_id": (event.source_actor.entity_id or "") if event.source_actor else "",
        "target": event.target_actor.text if event.target_actor else "",
        "target_entity_id": (event.target_actor.entity_id or "") if event.target_actor else "",
        "other_actors": "; ".join(f"{a.text} ({a.role})" for a in event.other_actors),
        "date": event.date_value or "",
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "date_inherited": event.date_inherited,
        "places": "; ".join(dict.fromkeys(p.name for p in event.places)),
        "countries": "; ".join(dict.fromkeys(p.country_code for p in event.places if p.country_code)),
        "latitude": point.lat if point else "",
        "longitude": point.lon if point else "",
        "quantities": "; ".join(_quantity_text(q) for q in event.quantities),
        "attribution": event.attribution.source if event.attribution else "",
        "channel": (event.attribution.channel or "") if event.attribution else "",
        "modality": event.modality + (" (hedged)" if event.hedged else ""),
        "hedged": event.hedged,
        "confidence": event.confidence,
        "notes": "; ".join(event.notes),
        "sentence": event.sentence.text,
    }


def events_to_csv(events: Iterable[Event]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(event))
    return buffer.getvalue()
