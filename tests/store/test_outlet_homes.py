"""An outlet's home region kept in the store (migration step 15, store/outlets.py): learned in the
reduce step from the outlet's articles, kept between runs, and updated by each new batch without
reading the old articles again; a run stopped in the pass resumes. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

import dateline.pipeline as pipeline
from dateline.config import SETTINGS
from dateline.ingest import content_id
from dateline.model import Article
from dateline.store import open_store

OUTLET = "prairiepost.example"  # a made-up paper of the Nebraska plains
STATE_STORIES = [
    "A Nebraska trooper stopped a truck carrying stolen cattle on Monday.",
    "Nebraska lawmakers voted on Tuesday to fund two new bridges.",
    "Storms flattened corn across Nebraska on Wednesday, farmers said.",
    "Nebraska's wheat growers expect a smaller harvest this summer.",
]
# Columbus: Ohio's city alone, but a Nebraska paper's Columbus is its own
COLUMBUS = "Firefighters in Columbus put out a grain bin fire on Sunday night, the chief said."


def _add(store, texts, outlet: str = OUTLET) -> None:
    store.add_articles([Article(id=content_id(t), text=t, published=date(2024, 6, 3), outlet=outlet) for t in texts])


def _columbus_region(store) -> list[str]:
    return [p.admin1 for p in store.article_records(content_id(COLUMBUS)).places if p.span.text == "Columbus"]


def test_the_home_learned_is_kept_in_the_store_between_runs(store_url):
    with open_store(store_url) as store:
        _add(store, STATE_STORIES[:3])
        report = pipeline.process(store, fuse=False)
        assert report.home_reread == 0  # nothing there to read otherwise
    with open_store(store_url) as store:  # a later run finds it
        home = store.outlet_homes()[OUTLET]
        # three stories, each naming Nebraska
        assert (home.outlet, home.country, home.admin1, home.articles, home.share) == (OUTLET, "US", "Nebraska", 3, 1.0)
        assert home.updated is not None


def test_a_new_batch_reads_again_only_its_story_with_a_namesake_at_home(store_url):
    with open_store(store_url) as store:
        _add(store, STATE_STORIES[:3])
        pipeline.process(store, fuse=False)
        learned = store.outlet_homes()[OUTLET]
        _add(store, [STATE_STORIES[3], COLUMBUS])
        report = pipeline.process(store, fuse=False)
        assert report.articles == 2 and report.home_reread == 1  # the Columbus story, none of the old ones
        assert _columbus_region(store) == ["Nebraska"]
        home = store.outlet_homes()[OUTLET]
        assert home.articles == 4 and home.updated == learned.updated  # the same home, one more article of it


def test_a_home_learned_later_reads_again_the_outlets_earlier_namesake_story(store_url):
    with open_store(store_url) as store:
        # one story of a state fewer than a home needs (config: geo.home_region_min_articles): no home yet
        enough = SETTINGS.geo.home_region_min_articles
        _add(store, [COLUMBUS, *STATE_STORIES[:enough - 1]])
        assert pipeline.process(store, fuse=False).home_reread == 0
        assert store.outlet_homes() == {} and _columbus_region(store) != ["Nebraska"]
        _add(store, [STATE_STORIES[enough - 1]])  # the last one needed makes Nebraska home
        report = pipeline.process(store, fuse=False)
        assert report.home_reread == 1
        assert _columbus_region(store) == ["Nebraska"]


def test_an_outlet_of_another_state_keeps_its_reading(store_url):
    with open_store(store_url) as store:
        _add(store, STATE_STORIES[:3])
        _add(store, [COLUMBUS], outlet="buckeyebanner.example")  # a paper with no home learned
        assert pipeline.process(store, fuse=False).home_reread == 0
        assert _columbus_region(store) != ["Nebraska"]


def test_a_run_stopped_in_the_home_pass_resumes(store_url, monkeypatch):
    map_articles = pipeline.map_articles

    def stopping(articles, stages):
        if stages.home_regions:  # the second pass: the run stops here
            raise KeyboardInterrupt
        return map_articles(articles, stages)

    with open_store(store_url) as store:
        _add(store, [*STATE_STORIES[:3], COLUMBUS])
        monkeypatch.setattr(pipeline, "map_articles", stopping)
        with pytest.raises(KeyboardInterrupt):
            pipeline.process(store, fuse=False)
        assert store.needs_home_pass()
        monkeypatch.setattr(pipeline, "map_articles", map_articles)
        report = pipeline.process(store, fuse=False)  # nothing new to map: the pass goes on
        assert report.articles == 0 and report.home_reread == 1
        assert _columbus_region(store) == ["Nebraska"] and not store.needs_home_pass()


def test_without_the_pass_no_home_is_learned(store_url, monkeypatch):
    from dataclasses import replace

    from dateline.config import SETTINGS

    monkeypatch.setattr(pipeline, "SETTINGS", replace(SETTINGS, geo=replace(SETTINGS.geo, home_region_pass=False)))
    with open_store(store_url) as store:
        _add(store, [*STATE_STORIES[:3], COLUMBUS])
        assert pipeline.process(store, fuse=False).home_reread == 0
        assert store.outlet_homes() == {} and _columbus_region(store) != ["Nebraska"]


def test_the_outlets_command_lists_the_kept_homes(tmp_path):
    import json

    from typer.testing import CliRunner

    from dateline.cli import app

    db = tmp_path / "events.db"
    with open_store(str(db)) as store:
        _add(store, STATE_STORIES[:3])
        pipeline.process(store, fuse=False)
    result = CliRunner().invoke(app, ["outlets", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.strip())
    assert (row["outlet"], row["country"], row["admin1"], row["articles"]) == (OUTLET, "US", "Nebraska", 3)


def test_a_store_upgraded_to_step_15_counts_the_articles_it_read_before(store_url, monkeypatch):
    from dataclasses import replace

    from dateline.config import SETTINGS
    from dateline.store.migrations import MIGRATIONS

    step = next(m for m in MIGRATIONS if m.number == 15)
    with open_store(store_url) as store:
        # the articles are read as before step 15: no evidence of theirs is counted
        monkeypatch.setattr(pipeline, "SETTINGS", replace(SETTINGS, geo=replace(SETTINGS.geo, home_region_pass=False)))
        _add(store, [*STATE_STORIES[:3], COLUMBUS])
        pipeline.process(store, fuse=False)
        tables = [step.module.outlet_article_regions, step.module.outlet_articles, step.module.outlet_homes]
        with store.engine.begin() as connection:
            step.module.metadata.drop_all(connection, tables=tables)
            step.apply(connection)  # the step creates its tables empty
        assert store.outlet_homes() == {} and store.needs_home_pass()
        monkeypatch.setattr(pipeline, "SETTINGS", SETTINGS)
        report = pipeline.process(store, fuse=False)  # nothing new to map: the old articles are counted
        assert report.articles == 0 and report.home_reread == 1  # the Columbus story
        assert store.outlet_homes()[OUTLET].articles == 3  # the three stories that name Nebraska
        assert _columbus_region(store) == ["Nebraska"] and not store.needs_home_pass()
