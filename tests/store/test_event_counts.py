"""Event counts for charts and facets, counted in the store: by day and type, type, modality,
outlet, country and place, under the same filters as ``events``."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.ingest import content_id
from dateline.model import Article, ArticleRecords, Event, Place, Span
from dateline.store import FilterError


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def _event(article: Article, n: int, kind: str, trigger: str, day: date, places=(), modality="reported") -> Event:
    return Event(id=f"ev-count-{article.id[:6]}-{n}", article_id=article.id, type=kind, trigger=_span(article.text, trigger),
                 sentence=Span(0, len(article.text), article.text), date_value=day.isoformat(), date_start=day,
                 date_end=day, places=places, modality=modality)


@pytest.fixture
def counted(store):
    one = Article(id=content_id(a := "Rockets hit Kandahar on Monday and protesters marched in Kandahar on Tuesday."),
                  text=a, outlet="Kabul Herald", published=date(2021, 8, 3))
    two = Article(id=content_id(b := "Officials in Herat said they had met elders on Tuesday."), text=b, outlet="CNN",
                  published=date(2021, 8, 4))
    kandahar = Place(_span(one.text, "Kandahar"), "Kandahar", 31.61, 65.71, "AF", resolution="gazetteer")
    herat = Place(_span(two.text, "Herat"), "Herat", 34.35, 62.20, "AF", resolution="gazetteer")
    store.add_articles([one, two])
    store.save_extraction([
        ArticleRecords(one.id, places=(kandahar,), events=(
            _event(one, 0, "ASSAULT", "hit", date(2021, 8, 2), (kandahar,)),
            _event(one, 1, "PROTEST", "marched", date(2021, 8, 3), (kandahar,), "claimed"))),
        ArticleRecords(two.id, places=(herat,), events=(_event(two, 0, "CONSULT", "met", date(2021, 8, 3), (herat,)),)),
    ])
    return store


def test_counts_by_each_key(counted):
    assert [(r["day"], r["type"], r["events"]) for r in counted.event_counts(by=("day", "type"))] == [
        (date(2021, 8, 2), "ASSAULT", 1), (date(2021, 8, 3), "CONSULT", 1), (date(2021, 8, 3), "PROTEST", 1)]
    assert counted.event_counts(by="day") == [{"day": date(2021, 8, 2), "events": 1}, {"day": date(2021, 8, 3), "events": 2}]
    assert {r["type"]: r["events"] for r in counted.event_counts(by="type")} == {"ASSAULT": 1, "PROTEST": 1, "CONSULT": 1}
    assert {r["modality"]: r["events"] for r in counted.event_counts(by="modality")} == {"reported": 2, "claimed": 1}
    assert {r["outlet"]: r["events"] for r in counted.event_counts(by="outlet")} == {"Kabul Herald": 2, "CNN": 1}
    assert counted.event_counts(by="country") == [{"country": "AF", "events": 3}]
    assert [(r["name"], r["events"]) for r in counted.event_counts(by="place")] == [("Kandahar", 2), ("Herat", 1)]


def test_counts_follow_the_filters(counted):
    assert [(r["name"], r["events"]) for r in counted.event_counts(by="place", place="kandahar")] == [("Kandahar", 2)]
    assert counted.event_counts(by="type", outlet="cnn") == [{"type": "CONSULT", "events": 1}]
    assert [r["type"] for r in counted.event_counts(by=("day", "type"), since=date(2021, 8, 3))] == ["CONSULT", "PROTEST"]
    # an event with two places in one country counts once there; the rows cap at the limit
    assert counted.event_counts(by=("country", "type")) == [{"country": "AF", "type": "ASSAULT", "events": 1},
                                                            {"country": "AF", "type": "CONSULT", "events": 1},
                                                            {"country": "AF", "type": "PROTEST", "events": 1}]
    assert counted.event_counts(by="place", limit=1) == [
        {"name": "Kandahar", "lat": 31.61, "lon": 65.71, "country": "AF", "events": 2}]
    assert counted.count_events(outlet="Kabul Herald") == 2


def test_an_unknown_count_is_a_filter_error(counted):
    with pytest.raises(FilterError, match="by: one of"):
        counted.event_counts(by="weather")
