"""Hand-made event records for fusion tests: a short report of our own, and events read off it
by hand (the spans are found in the text, so every field has its words)."""

from __future__ import annotations

from datetime import date

from dateline.fuse.events import ArticleInfo
from dateline.model import Attribution, Event, Place, Quantity, Span

TOWNS = {  # name: (lat, lon, country, feature class, feature code)
    "Kirkuk": (35.47, 44.39, "IQ", "P", "PPLA"),
    "Mosul": (36.34, 43.13, "IQ", "P", "PPLA"),
    "Basra": (30.51, 47.81, "IQ", "P", "PPLA"),
}


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def report(article_id: str, text: str, trigger: str, day: date | None, town: str | None = None,
           toll: str | None = None, toll_value: float | None = None, qualifier: str | None = None,
           source: str | None = None, event_type: str = "ASSAULT") -> Event:
    places = ()
    if town:
        lat, lon, country, klass, code = TOWNS[town]
        places = (Place(span(text, town), town, lat, lon, country, feature_class=klass, feature_code=code,
                        resolution="gazetteer"),)
    quantities = ()
    if toll:
        quantities = (Quantity(toll_value, "people", span(text, toll), qualifier=qualifier, category="fatalities"),)
    return Event(id=f"{article_id}-{trigger}", article_id=article_id, type=event_type, trigger=span(text, trigger),
                 sentence=Span(0, len(text), text), date_value=day.isoformat() if day else None, date_start=day,
                 date_end=day, places=places, quantities=quantities,
                 attribution=Attribution(source, span(text, source)) if source else None)


MONDAY = date(2024, 2, 12)
KIRKUK = [
    ("a1", "Northern Wire", "A car bomb exploded at a market in Kirkuk on Monday, killing 12 people, police said.",
     "exploded", "12 people", 12, None, "police"),
    ("a2", "Gulf Courier", "At least 19 people died when a car bomb exploded near a Kirkuk market on Monday, doctors said.",
     "exploded", "At least 19 people", 19, "at least", "doctors"),
    ("a3", "Evening Ledger", "A car bomb exploded in a busy Kirkuk market on Monday and killed 25 people, a council member said.",
     "exploded", "25 people", 25, None, "a council member"),
]


def kirkuk_events() -> list[Event]:
    return [report(aid, text, trigger, MONDAY, "Kirkuk", toll, value, qualifier, source)
            for aid, _, text, trigger, toll, value, qualifier, source in KIRKUK]


def kirkuk_articles() -> dict[str, ArticleInfo]:
    return {aid: ArticleInfo(aid, outlet, date(2024, 2, 13)) for aid, outlet, *_ in KIRKUK}


def two_towns_events() -> list[Event]:
    mosul = "Gunmen attacked a police checkpoint in Mosul on Tuesday, the ministry said."
    basra = "Gunmen attacked a police checkpoint in Basra on Tuesday, the ministry said."
    tuesday = date(2024, 2, 13)
    return [report("b1", mosul, "attacked", tuesday, "Mosul"), report("b2", basra, "attacked", tuesday, "Basra")]


import pytest  # noqa: E402


@pytest.fixture
def handmade():
    """This module: the hand-made reports and their events."""
    import types

    return types.SimpleNamespace(**{name: value for name, value in globals().items() if not name.startswith("_")})
