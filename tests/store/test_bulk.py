"""The bulk write path (store/bulk.py) keeps the row path's guarantees, on SQLite and on
PostgreSQL (COPY): a partition's records load into the same rows the row path writes; a
partition is loaded whole or not at all; loading one twice gives its rows once; a partition
staged by a run killed before loading it is dropped and its articles read again."""

from __future__ import annotations

from sqlalchemy import func, select

from dateline.serialise import to_jsonl
from dateline.store import open_store
from dateline.store import tables as t
from dateline.store.bulk import PartitionWriter, load_partition, partition_rows, stage_partition


def _source(url):
    """The three hand-made reports (Kandahar attack, Mombasa floods, Doha talks) and the
    records the row path wrote for them."""
    with open_store(url, write=False) as source:
        articles = list(source.iter_articles())
        return articles, [source.article_records(a.id) for a in articles], to_jsonl(source.events())


def _count(store, table) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_partition_loads_the_rows_the_row_path_writes(store, hand_made_sqlite_url, tmp_path):
    articles, records, events = _source(hand_made_sqlite_url)
    assert len(articles) == 3 and all(r.events for r in records)
    store.add_articles(articles)
    writer = PartitionWriter(store.engine, size=2, folder=None)
    writer.start()
    writer.add(records[:1])
    assert _count(store, t.events) == 0, "a partition is loaded when it is full, not before"
    writer.add(records[1:])  # full: loaded
    writer.finish()
    assert store.count_extracted(("done",)) == 3
    # the events read back are those the row path writes from the same records, byte for byte
    with open_store(str(tmp_path / "rows.db")) as rows:
        rows.add_articles(articles)
        rows.save_extraction(records)
        expected = to_jsonl(rows.events())
    assert to_jsonl(store.events()) == expected
    assert "police checkpoint in Kandahar" in expected and "displaced 3,000 people" in expected
    assert not writer.folder.exists()


def test_loading_a_partition_twice_gives_its_rows_once(store, hand_made_sqlite_url, tmp_path):
    articles, records, _ = _source(hand_made_sqlite_url)
    store.add_articles(articles)
    path = stage_partition(tmp_path, 1, partition_rows(records))
    assert load_partition(store.engine, path) == 3
    once = {table.name: _count(store, table) for table in (t.events, t.event_actors, t.places, t.mentions, t.extractions)}
    assert once["events"] == sum(len(r.events) for r in records) and once["extractions"] == 3
    load_partition(store.engine, path)  # a run killed after the commit, before removing the folder, then re-run
    assert {table.name: _count(store, table) for table in (t.events, t.event_actors, t.places, t.mentions,
                                                           t.extractions)} == once


def test_a_partition_that_fails_to_load_leaves_nothing_of_itself(store, hand_made_sqlite_url, tmp_path):
    articles, records, _ = _source(hand_made_sqlite_url)
    store.add_articles(articles[:2])  # the third article is not in the store: its rows break the load
    path = stage_partition(tmp_path, 1, partition_rows(records))
    try:
        load_partition(store.engine, path)
    except Exception:
        pass
    else:
        raise AssertionError("rows of an article the store does not hold were loaded")
    assert _count(store, t.events) == 0 and _count(store, t.extractions) == 0  # not the first two either


def test_a_partition_staged_by_a_killed_run_is_dropped_and_its_articles_read_again(store, hand_made_sqlite_url):
    articles, records, _ = _source(hand_made_sqlite_url)
    store.add_articles(articles)
    writer = PartitionWriter(store.engine, size=10)
    left = stage_partition(writer.folder, 1, partition_rows(records[:2]))  # staged, never loaded: killed here
    assert left.exists() and store.count_pending() == 3
    writer.start()  # the next run
    assert not left.exists() and store.count_pending() == 3
