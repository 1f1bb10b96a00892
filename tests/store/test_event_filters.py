"""Event filters over hand-made records, on SQLite and PostgreSQL: periods that overlap a range,
long stretches, bounding boxes, actors by entity name or alias, words taken literally."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.ingest import content_id
from dateline.model import Actor, Article, ArticleEntity, ArticleRecords, Entity, Event, Place, Span
from dateline.store import FilterError, open_store

TEXT = ("Since January the siege of the port has cut supplies. On 3 May 50% of the flour mills "
        "were shelled near Fiji's capital by the Coastal Brigade.")
ARTICLE = Article(id=content_id(TEXT), text=TEXT, published=date(2024, 5, 4))


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


SUVA = Place(span=_span("Fiji"), name="Suva", lat=-18.14, lon=178.44, country_code="FJ",
             feature_code="PPLC", resolution="gazetteer", confidence=0.9)
BRIGADE = ArticleEntity(key=f"{ARTICLE.id[:16]}:0", article_id=ARTICLE.id, kind="military",
                        names=("Coastal Brigade",))
SIEGE = Event(id="ev-siege", article_id=ARTICLE.id, type="COERCE", trigger=_span("siege"), sentence=_span(TEXT[:52]),
              date_value="2024-01/2024-05-04", date_start=date(2024, 1, 1), date_end=date(2024, 5, 4))
SHELLING = Event(id="ev-shelling", article_id=ARTICLE.id, type="ASSAULT", trigger=_span("shelled"),
                 sentence=_span(TEXT[53:]), date_value="2024-05-03", date_start=date(2024, 5, 3),
                 date_end=date(2024, 5, 3), places=(SUVA,),
                 source_actor=Actor("Coastal Brigade", _span("Coastal Brigade"), BRIGADE.key, "source"),
                 target_actor=Actor("50% of the flour mills", _span("50% of the flour mills"), None, "target"))


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    opened.add_articles([ARTICLE])
    opened.save_extraction([ArticleRecords(article_id=ARTICLE.id, places=(SUVA,), entities=(BRIGADE,),
                                           events=(SIEGE, SHELLING))])
    opened.reduce_entities()
    yield opened
    opened.close()


def _ids(events) -> set[str]:
    return {e.id for e in events}


def test_a_period_overlapping_the_range_is_found_even_when_it_began_months_before(store):
    assert _ids(store.events(since=date(2024, 4, 20), until=date(2024, 4, 25))) == {"ev-siege"}
    assert _ids(store.events(since=date(2024, 5, 3))) == {"ev-siege", "ev-shelling"}
    assert _ids(store.events(until=date(2023, 12, 31))) == set()
    assert _ids(store.events(since=date(2024, 5, 5))) == set()


def test_bounding_boxes_including_one_across_the_date_line(store):
    assert _ids(store.events(bbox=(178.0, -19.0, 179.0, -18.0))) == {"ev-shelling"}
    assert _ids(store.events(bbox=(170.0, -25.0, -170.0, -10.0))) == {"ev-shelling"}  # west > east: across 180
    assert _ids(store.events(bbox=(-10.0, 40.0, 10.0, 50.0))) == set()
    assert _ids(store.events(country="fj")) == {"ev-shelling"}


def test_actors_by_their_canonical_entity_and_words_taken_literally(store):
    [brigade] = [s.entity for s in store.entities(name="coastal")]
    assert _ids(store.events(actor=brigade.id)) == {"ev-shelling"}
    assert _ids(store.events(actor="Coastal Brig")) == {"ev-shelling"}
    assert _ids(store.events(actor="50%")) == {"ev-shelling"}  # the percent sign is a character here
    assert _ids(store.events(actor="%%")) == set()  # no actor has two percent signs
    assert _ids(store.events(actor="_")) == set()
    shelling = store.event("ev-shelling")
    assert shelling.source_actor.entity_id == brigade.id  # read back with the canonical id


def test_filter_values_out_of_bounds(store):
    for bad in ({"limit": -1}, {"offset": -5}, {"min_confidence": 2.0}, {"place": "x" * 201},
                {"since": date(2024, 5, 1), "until": date(2024, 4, 1)}):
        with pytest.raises(FilterError):
            store.events(**bad)


def test_the_earliest_and_latest_days_a_calendar_has_are_filters_like_any_other(store):
    # the fuzzer's find: a since in the first month of year 1 ran the date arithmetic off the calendar
    assert _ids(store.events(since=date(1, 1, 1))) == {"ev-siege", "ev-shelling"}
    assert _ids(store.events(until=date(9999, 12, 31))) == {"ev-siege", "ev-shelling"}
    assert store.count_events(since=date(1, 1, 5)) == 2


@pytest.mark.parametrize("from_places", [frozenset(), frozenset({"country", "bbox"})])
def test_both_shapes_of_a_place_filter_find_the_same_events(store, from_places):
    """A country or box is checked per event (EXISTS) or its events are found from its places
    (IN), as the store's size makes faster: the events found are the same either way."""
    from sqlalchemy import func, select

    from dateline.store.filters import EventFilter, QueryHints, event_count, event_select

    hints = QueryHints(from_places=from_places)
    with store.engine.connect() as connection:
        def found(**filters):
            return {row.id for row in connection.execute(event_select(EventFilter(**filters), hints))}

        assert found(country="FJ") == {"ev-shelling"}
        assert found(bbox=(170.0, -25.0, -170.0, -10.0)) == {"ev-shelling"}  # across the date line
        assert found(bbox=(-10.0, 40.0, 10.0, 50.0)) == set()
        assert found(country="FJ", bbox=(178.0, -19.0, 179.0, -18.0), type="ASSAULT") == {"ev-shelling"}
        assert found(country="NZ") == set()
        assert connection.execute(event_count(EventFilter(country="FJ"), hints)).scalar_one() == 1
        assert connection.execute(select(func.count()).select_from(event_select(EventFilter(), hints).subquery())
                                  ).scalar_one() == 2


def test_a_capped_count_stops_one_past_the_cap(store):
    assert store.count_events() == 2
    assert store.count_events(cap=5) == 2
    assert store.count_events(cap=1) == 2  # "more than one"
    assert store.count_events(cap=0) == 1  # "more than none"
    assert store.count_events(type="ASSAULT", cap=0) == 1


def test_undated_events_come_last_in_either_date_order(store):
    undated = Event(id="ev-undated", article_id=ARTICLE.id, type="STATEMENT", trigger=_span("supplies"),
                    sentence=_span(TEXT[:52]))
    store.save_extraction([ArticleRecords(article_id=ARTICLE.id, places=(SUVA,), entities=(BRIGADE,),
                                          events=(SIEGE, SHELLING, undated))])
    assert [e.id for e in store.events(sort="date")] == ["ev-siege", "ev-shelling", "ev-undated"]
    assert [e.id for e in store.events(sort="-date")] == ["ev-shelling", "ev-siege", "ev-undated"]


def test_a_statement_built_for_one_filter_runs_another_of_its_shape_with_that_ones_values():
    """``shaped_select`` keeps the first statement of each shape; run with a second filter's
    values it is the statement built for the second filter, bound values included (a value the
    SQL takes that ``filter_values`` did not name would keep the first filter's value)."""
    from sqlalchemy.dialects import postgresql, sqlite

    from dateline.store.filters import EventFilter, QueryHints, event_select, shaped_select

    pairs = [  # (first, second, hints): the same filters given, other values
        (dict(type="assault", since=date(2024, 1, 1), until=date(2024, 3, 31), limit=50),
         dict(type="Coerce", since=date(2023, 6, 1), until=date(2023, 6, 30), limit=20), QueryHints(date(2023, 5, 20))),
        (dict(country="fj", sort="-date", limit=50), dict(country="ke", sort="-date", limit=10), QueryHints()),
        (dict(bbox=(170.0, -20.0, 179.0, -10.0), since=date(2024, 5, 1), until=date(2024, 5, 31), limit=50, offset=50),
         dict(bbox=(-10.0, 30.0, 10.0, 50.0), since=date(2023, 2, 1), until=date(2023, 2, 28), limit=20, offset=5),
         QueryHints(date(2024, 4, 2), frozenset({"bbox"}))),
        (dict(bbox=(170, -20, 179, -10), type="assault", limit=50, offset=100),  # whole degrees first
         dict(bbox=(0.5, 0.25, 20.5, 20.75), type="protest", limit=5, offset=10), QueryHints()),
        (dict(actor="Coastal Brigade", place="port", outlet="Fiji Times", modality="asserted", min_confidence=0.5),
         dict(actor="%mills_", place="Suva", outlet="Fiji Sun", modality="reported", min_confidence=0.7), QueryHints()),
        (dict(actor="military:coastal-brigade", since=date(2024, 5, 1), limit=50),
         dict(actor="military:other-brigade", since=date(2023, 5, 1), limit=50), None),
        (dict(acled_type="Battles", article_id="a1", sort="-confidence", limit=50, offset=50),
         dict(acled_type="Riots", article_id="b2", sort="-confidence", limit=30, offset=60), QueryHints()),
    ]
    for first, second, hints in pairs:
        for extra in (0, 1):
            one, two = EventFilter(**first), EventFilter(**second)
            if hints is None:  # an entity's id: its events from the kept pairs
                hints_one = QueryHints(date(2024, 4, 1), actor_entity=one.actor)
                hints_two = QueryHints(date(2023, 4, 1), actor_entity=two.actor)
            else:
                hints_one = hints_two = hints
            shaped_select(one, hints_one, extra)  # kept for the shape
            statement, values = shaped_select(two, hints_two, extra)
            fresh = event_select(two, hints_two, extra)
            for dialect in (sqlite.dialect(), postgresql.psycopg.dialect()):  # (psycopg's SQL casts typed values)
                kept, built = statement.compile(dialect=dialect), fresh.compile(dialect=dialect)
                assert str(kept) == str(built)
                assert kept.construct_params(values) == built.construct_params(), (second, extra)
