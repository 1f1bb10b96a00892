"""dateline: a sourced, dated, geolocated record of events from news reports.

    import dateline
    store = dateline.open_store("crisis.db")
    store.ingest(["reports/"])
    store.extract()
    for event in store.events(type="ASSAULT", country="AF", limit=20):
        print(event.date_value, event.trigger.text, [p.name for p in event.places])
"""

from dateline.model import (
    Actor,
    Article,
    ArticleEntity,
    ArticleRecords,
    Attribution,
    Claim,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Role,
    SearchHit,
    Span,
    Timex,
)
from dateline.store import EventFilter, FilterError, Store, StoreError, open_store

__version__ = "0.2.0"

__all__ = [
    "Actor", "Article", "ArticleEntity", "ArticleRecords", "Attribution", "Claim", "Entity", "Event", "EventFilter",
    "FilterError", "Mention", "Place", "Quantity", "Role", "SearchHit", "Span", "Store", "StoreError", "Timex",
    "open_store",
]
