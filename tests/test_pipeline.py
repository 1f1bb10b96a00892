"""The pipeline over a store: incremental, repeatable, and robust to one broken article."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import create_engine

import dateline.pipeline as pipeline
from dateline.model import Article
from dateline.store import events as event_tables


class ListStore:
    """A stand-in for dateline.store's Store: an engine and the articles to read."""

    def __init__(self, path, articles):
        self.engine = create_engine(f"sqlite:///{path}")
        self.articles = list(articles)

    def iter_articles(self):
        return iter(self.articles)


ARTICLES = [
    Article(id="a" * 64, text="Government troops clashed with rebels near the border on Monday.", published=date(2021, 7, 6)),
    Article(id="b" * 64, text="The minister visited Kabul. Protesters demanded the release of the detainees.",
            published=date(2021, 7, 7)),
    Article(id="c" * 64, text="Nothing happened here at all.", published=date(2021, 7, 8)),
]


@pytest.fixture
def store(tmp_path):
    return ListStore(tmp_path / "events.db", ARTICLES)


def test_extract_then_nothing_left_to_do(store):
    first = pipeline.process(store)
    assert first.articles == 3 and first.events >= 3 and not first.failed
    again = pipeline.process(store)
    assert again.articles == 0 and again.skipped == 3
    assert len(event_tables.query_events(store.engine)) == first.events


def test_reprocessing_gives_the_same_records(store):
    pipeline.process(store)
    before = event_tables.query_events(store.engine)
    pipeline.process(store, reprocess=True)
    after = event_tables.query_events(store.engine)
    assert before == after


def test_one_broken_article_does_not_stop_the_batch(store, monkeypatch):
    real = pipeline.extract_events

    def broken_on_b(article, *args):
        if article.id.startswith("b"):
            raise ValueError("cannot read this one")
        return real(article, *args)

    monkeypatch.setattr(pipeline, "extract_events", broken_on_b)
    report = pipeline.process(store)
    assert report.articles == 2
    assert [reason for _, reason in report.failed] == ["ValueError: cannot read this one"]
    monkeypatch.setattr(pipeline, "extract_events", real)
    assert pipeline.process(store).articles == 0  # failed ones wait for retry_failed
    assert pipeline.process(store, retry_failed=True).articles == 1


def test_filters(store):
    pipeline.process(store)
    assert {e.type for e in event_tables.query_events(store.engine, type="assault")} == {"ASSAULT"}
    assert all(e.date_start >= date(2021, 7, 7) for e in event_tables.query_events(store.engine, since=date(2021, 7, 7)))
    rebels = event_tables.query_events(store.engine, actor="rebels")
    assert rebels and all("rebels" in (e.target_actor.text if e.target_actor else "") or
                          any("rebels" in a.text for a in e.other_actors) for e in rebels)
