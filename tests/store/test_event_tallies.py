"""The event counts kept at write time (store/tallies.py) equal a count of the events, after
articles are read, read again, dropped and loaded in bulk, on SQLite and on PostgreSQL; and the
counts and totals the API and the charts ask for come from them with the events' own answer.

The hand-made store: a report from Jalalabad (a raid on 2 March, placed in Jalalabad and
Peshawar, so in Afghanistan and Pakistan; talks on 3 March placed twice in Afghanistan; an
undated appeal with no place) and one from Quetta (a curfew over 1-4 March in Pakistan)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from dateline.ingest import content_id
from dateline.model import Article, ArticleRecords, Event, Place, Span
from dateline.store import EventFilter
from dateline.store import tables as t
from dateline.store.bulk import load_partition, partition_rows, stage_partition
from dateline.store.counts import event_counts_select
from dateline.store.filters import query_hints
from dateline.store.migrations import MIGRATIONS

RAID = "Gunmen raided a market in Jalalabad on Tuesday, and fighters crossed from Peshawar. " \
       "Elders held talks in Jalalabad and Kabul the next day. The council appealed for calm."
CURFEW = "Officials in Quetta imposed a curfew that lasted four days."


def _span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words), words)


def _place(text, words, country, nth=0):
    return Place(_span(text, words, nth), words, 30.0, 70.0, country, resolution="gazetteer")


def _event(article, n, kind, trigger, start=None, end=None, places=()):
    return Event(id=f"ev-tally-{article.id[:6]}-{n}", article_id=article.id, type=kind,
                 trigger=_span(article.text, trigger), sentence=Span(0, len(article.text), article.text),
                 date_value=start.isoformat() if start else None, date_start=start, date_end=end or start,
                 places=tuple(places))


def _articles():
    raid = Article(id=content_id(RAID), text=RAID, outlet="Frontier Post", published=date(2022, 3, 2))
    curfew = Article(id=content_id(CURFEW), text=CURFEW, outlet="Dawn", published=date(2022, 3, 4))
    jalalabad, peshawar = _place(RAID, "Jalalabad", "AF"), _place(RAID, "Peshawar", "PK")
    jalalabad2, kabul = _place(RAID, "Jalalabad", "AF", 1), _place(RAID, "Kabul", "AF")
    quetta = _place(CURFEW, "Quetta", "PK")
    raid_records = ArticleRecords(raid.id, places=(jalalabad, peshawar, jalalabad2, kabul), events=(
        _event(raid, 0, "ASSAULT", "raided", date(2022, 3, 1), places=(jalalabad, peshawar)),
        _event(raid, 1, "CONSULT", "talks", date(2022, 3, 2), places=(jalalabad2, kabul)),
        _event(raid, 2, "REQUEST", "appealed")))
    curfew_records = ArticleRecords(curfew.id, places=(quetta,), events=(
        _event(curfew, 0, "COERCE", "imposed", date(2022, 3, 1), date(2022, 3, 4), places=(quetta,)),))
    return raid, curfew, raid_records, curfew_records


QUESTIONS = [  # (filter, by): every shape the tallies answer
    (EventFilter(), ("type",)), (EventFilter(), ("day",)), (EventFilter(), ("country",)),
    (EventFilter(), ("day", "type")), (EventFilter(), ("country", "type")),
    (EventFilter(country="af"), ("type",)), (EventFilter(country="PK"), ("day",)),
    (EventFilter(since=date(2022, 3, 2)), ("type",)), (EventFilter(until=date(2022, 3, 1)), ("country",)),
    (EventFilter(type="coerce", since=date(2022, 3, 3), until=date(2022, 3, 3)), ("day",)),
    # ranges holding whole months (summed from the month rows, their ends from the day rows)
    (EventFilter(since=date(2022, 2, 15), until=date(2022, 4, 10)), ("type",)),
    (EventFilter(until=date(2022, 3, 31)), ("country",)), (EventFilter(since=date(2022, 3, 1)), ("type",)),
    (EventFilter(since=date(2022, 3, 2), until=date(2022, 4, 30)), ("type",)),
    (EventFilter(country="pk", since=date(2022, 3, 2), until=date(2022, 5, 31)), ("type",)),
    (EventFilter(type="assault", since=date(2022, 3, 1), until=date(2022, 3, 31)), ("country",)),
]


def _direct(store, query, by):
    """The count of the events themselves (the SQL the tallies stand in for)."""
    with store.engine.connect() as connection:
        hints = dataclasses.replace(query_hints(connection, query), from_places=frozenset({"country", "bbox"}))
        return [dict(r) for r in connection.execute(event_counts_select(query, by, hints)).mappings()]


def _points(store):
    """The points kept (``place_points``, rows at 0 dropped) and the places' own points."""
    pl, pp = t.places.c, t.place_points.c
    with store.engine.connect() as connection:
        kept = sorted(connection.execute(select(pp.lat, pp.lon, pp.n)).all())
        rows = sorted(connection.execute(select(pl.lat, pl.lon, func.count()).group_by(pl.lat, pl.lon)).all())
    return kept, rows


def _agree(store):
    kept, rows = _points(store)
    assert kept == rows
    for query, by in QUESTIONS:
        assert store.counts_are_kept(query)
        assert store.event_counts(query, by=by) == _direct(store, query, by), (query, by)
        assert store.count_events(query) == len(store.events(query)), query


@pytest.fixture
def tallied(store):
    raid, curfew, raid_records, curfew_records = _articles()
    store.add_articles([raid, curfew])
    store.save_extraction([raid_records, curfew_records])
    return store, raid_records, curfew_records


def test_tallies_count_what_the_fixture_says(tallied):
    store, _, _ = tallied
    _agree(store)
    # facts of the text: the raid is in Afghanistan and Pakistan, the talks twice in Afghanistan
    assert store.event_counts(by="country") == [{"country": "AF", "events": 2}, {"country": "PK", "events": 2}]
    # the undated appeal has a type, no day; the curfew starts on 1 March
    assert store.event_counts(by="day") == [{"day": date(2022, 3, 1), "events": 2}, {"day": date(2022, 3, 2), "events": 1}]
    assert store.count_events() == 4
    # the curfew's days (1-4 March) reach 3 March; the raid's and the talks' do not
    assert store.event_counts(by="type", since=date(2022, 3, 3)) == [{"type": "COERCE", "events": 1}]


def test_a_country_counted_by_country_counts_the_other_countries_of_its_events(tallied):
    store, _, _ = tallied
    # the raid (Jalalabad and Peshawar) and the talks (Jalalabad, Kabul) are Afghanistan's events;
    # the raid counts for Pakistan too, as it does with no country filter; the curfew (Quetta) is not one
    afghan = EventFilter(country="af")
    assert store.event_counts(afghan, by="country") == [{"country": "AF", "events": 2}, {"country": "PK", "events": 1}]
    assert store.event_counts(afghan, by=("country", "type")) == [
        {"country": "AF", "type": "ASSAULT", "events": 1}, {"country": "AF", "type": "CONSULT", "events": 1},
        {"country": "PK", "type": "ASSAULT", "events": 1}]
    # Pakistan's events: the raid (also in Afghanistan) and the curfew, as a chart asks for them
    rows, total = store.chart_counts(EventFilter(country="PK"), by="country")
    assert rows == [{"country": "PK", "events": 2}, {"country": "AF", "events": 1}] and total == 2


def test_tallies_follow_a_second_reading_and_a_dropped_article(tallied):
    store, raid_records, curfew_records = tallied
    raid_id = raid_records.article_id
    # read again: the talks are gone, the raid is now in Afghanistan only
    raid_place = raid_records.places[0]
    again = dataclasses.replace(raid_records, events=(
        dataclasses.replace(raid_records.events[0], places=(raid_place,)), raid_records.events[2]))
    store.save_extraction([again])
    _agree(store)
    assert store.event_counts(by="country") == [{"country": "AF", "events": 1}, {"country": "PK", "events": 1}]
    assert store.count_events(type="CONSULT") == 0
    # the article fails on a third reading: its events are gone from the counts
    store.save_extraction([], failures=[(raid_id, "a reader's error")])
    _agree(store)
    assert store.event_counts(by="type") == [{"type": "COERCE", "events": 1}]
    with store.engine.connect() as connection:  # no row is left at 0
        assert connection.execute(select(t.event_tallies.c.n)).scalars().all() == [1]


def test_tallies_follow_a_bulk_load_and_the_upgrade_step_builds_them(store, tmp_path):
    raid, curfew, raid_records, curfew_records = _articles()
    store.add_articles([raid, curfew])
    path = stage_partition(tmp_path, 1, partition_rows([raid_records, curfew_records]))
    load_partition(store.engine, path)
    load_partition(store.engine, path)  # loaded twice (a re-run): counted once
    _agree(store)
    assert store.count_events(country="PK") == 2
    # a store that had events before step 9: the step builds the tallies from its rows
    step = next(m for m in MIGRATIONS if m.name == "api_003_event_tallies")
    with store.engine.begin() as connection:
        before = {table.name: sorted(connection.execute(select(table)).all())
                  for table in (t.event_tallies, t.event_country_tallies)}
        for table in (t.event_tallies, t.event_country_tallies):
            connection.execute(delete(table))
        step.apply(connection)
        after = {table.name: sorted(connection.execute(select(table)).all())
                 for table in (t.event_tallies, t.event_country_tallies)}
    assert after == before and len(after["event_country_tallies"]) == 4  # AF raid, AF talks, PK raid, PK curfew


def test_other_filters_count_the_events(tallied):
    store, _, _ = tallied
    assert not store.counts_are_kept(EventFilter(outlet="dawn"))
    assert store.event_counts(by="type", outlet="dawn") == [{"type": "COERCE", "events": 1}]
    # by place: every place of the events with a place in Pakistan (the raid's Jalalabad too)
    assert [r["name"] for r in store.event_counts(by="place", country="PK")] == ["Jalalabad", "Peshawar", "Quetta"]


def test_month_rows_count_whole_months_and_the_ends_come_from_the_days(tallied):
    """A third report: a siege of Kandahar from 28 January to 5 February, an ambush near it on
    15 April (both in Afghanistan). Whole months come from the month rows, the partial ones and
    an event reaching into the range from before it from the day rows."""
    store, _, _ = tallied
    text = "A siege of Kandahar began late in January and ended in February. A convoy was ambushed near Kandahar."
    article = Article(id=content_id(text), text=text, outlet="Pajhwok", published=date(2022, 4, 16))
    kandahar, kandahar2 = _place(text, "Kandahar", "AF"), _place(text, "Kandahar", "AF", 1)
    records = ArticleRecords(article.id, places=(kandahar, kandahar2), events=(
        _event(article, 0, "COERCE", "siege", date(2022, 1, 28), date(2022, 2, 5), places=(kandahar,)),
        _event(article, 1, "ASSAULT", "ambushed", date(2022, 4, 15), places=(kandahar2,))))
    store.add_articles([article])
    store.save_extraction([records])
    _agree(store)
    with store.engine.connect() as connection:  # one row a (month, type): January's siege, March's three, April's ambush
        months = sorted(connection.execute(select(t.event_month_tallies.c.month, t.event_month_tallies.c.type,
                                                  t.event_month_tallies.c.n)).all(), key=str)
    assert months == sorted([(date(2022, 1, 1), "COERCE", 1), (date(2022, 3, 1), "ASSAULT", 1),
                             (date(2022, 3, 1), "CONSULT", 1), (date(2022, 3, 1), "COERCE", 1),
                             (date(2022, 4, 1), "ASSAULT", 1), (None, "REQUEST", 1)], key=str)
    # February to April: the siege reaches 1-5 February from January; March whole; the ambush in April
    february_to_april = EventFilter(since=date(2022, 2, 1), until=date(2022, 4, 30))
    assert store.event_counts(february_to_april, by="type") == [
        {"type": "ASSAULT", "events": 2}, {"type": "COERCE", "events": 2}, {"type": "CONSULT", "events": 1}]
    # from 6 February: the siege is over; to 14 April: the ambush is still to come
    assert store.count_events(since=date(2022, 2, 6), until=date(2022, 4, 14)) == 3
    assert store.event_counts(by="type", country="AF", until=date(2022, 4, 14)) == [
        {"type": "ASSAULT", "events": 1}, {"type": "COERCE", "events": 1}, {"type": "CONSULT", "events": 1}]
    for query in (february_to_april, EventFilter(since=date(2022, 2, 6), until=date(2022, 4, 14)),
                  EventFilter(since=date(2022, 1, 31), until=date(2022, 4, 15)), EventFilter(country="af")):
        for by in (("type",), ("country",), ("country", "type")):
            assert store.event_counts(query, by=by) == _direct(store, query, by), (query, by)
        assert store.count_events(query) == len(store.events(query)), query


def test_the_month_rows_step_builds_them_from_the_day_rows(tallied):
    store, _, _ = tallied
    step = next(m for m in MIGRATIONS if m.name == "api_month_tallies")
    tables = (t.event_month_tallies, t.event_country_month_tallies)
    with store.engine.begin() as connection:
        before = {table.name: sorted(connection.execute(select(table)).all(), key=str) for table in tables}
        for table in tables:
            connection.execute(delete(table))
        step.apply(connection)
        after = {table.name: sorted(connection.execute(select(table)).all(), key=str) for table in tables}
    # March's raid in AF and PK, talks in AF, curfew in PK: four (country, month, type) rows
    assert after == before and len(after["event_country_month_tallies"]) == 4


def test_ranges_at_the_ends_of_the_calendar_are_answered(tallied):
    """The API takes any date (a fuzzer found /api/events?until=0001-01-01 failing): a range that
    ends in the calendar's first days or starts in its last month holds no whole month, and one
    that ends on its last day ends a month; the counts are the events' own."""
    from dateline.store.tallies import whole_months

    assert whole_months(None, date.min) is None
    assert whole_months(date(9999, 12, 2), None) is None
    assert whole_months(date(2022, 3, 1), date.max) == (date(2022, 3, 1), date(9999, 12, 1))
    store, _, _ = tallied
    for query in (EventFilter(until=date.min), EventFilter(since=date(9999, 12, 2)),
                  EventFilter(since=date(2022, 3, 2), until=date.max)):
        assert store.count_events(query) == len(list(store.events(dataclasses.replace(query, limit=None))))
        assert sum(r["events"] for r in store.event_counts(query, by="type")) >= 0
