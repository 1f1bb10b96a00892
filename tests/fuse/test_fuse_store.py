"""Fusion in the store, through the whole pipeline, on SQLite and PostgreSQL: hand-made reports
(tests/fixtures/fuse) and the seeds."""

from __future__ import annotations

import pytest



pytestmark = pytest.mark.slow


@pytest.fixture
def fused_store(store_url, fixtures_dir):  # noqa: F811
    from dateline.store import open_store

    store = open_store(store_url)
    store.ingest([str(fixtures_dir / "fuse")])
    store.extract()
    yield store
    store.close()


def test_one_bombing_in_three_outlets_is_one_event_with_three_sources_and_one_contradiction(fused_store):
    kirkuk = [f for f in fused_store.fused_events(place="Kirkuk") if f.sources > 1]
    assert len(kirkuk) == 1
    assert {r.outlet for r in kirkuk[0].reports} == {"Northern Wire", "Gulf Courier", "Evening Ledger"}
    contradictions = fused_store.claim_groups(contradictions_only=True)
    assert len(contradictions) == 1
    assert sorted(s.value for s in contradictions[0].sides) == [12, 19, 25]
    assert contradictions[0].fused_event_id == kirkuk[0].id


def test_like_attacks_in_two_towns_stay_two(fused_store):
    for fused in fused_store.fused_events(since=None, type="ASSAULT"):
        outlets_towns = {(r.outlet, r.place) for r in fused.reports}
        assert not ({p for _, p in outlets_towns if p and "Mosul" in p} and
                    {p for _, p in outlets_towns if p and "Basra" in p})


def test_fusing_again_changes_nothing_and_full_gives_the_same(fused_store):
    before = fused_store.fused_events()
    again = fused_store.fuse()
    assert again.reclustered == 0
    assert fused_store.fused_events() == before
    fused_store.fuse(full=True)
    assert fused_store.fused_events() == before


def test_events_fused_with_min_sources_lists_only_events_of_that_many_articles(fused_store, store_url):
    import json

    from typer.testing import CliRunner

    from dateline.cli import app

    result = CliRunner().invoke(app, ["events", "--db", store_url, "--fused", "--min-sources", "3", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    # the fixture's one story told by three outlets: the Kirkuk bombing
    assert rows and all(len({r["article_id"] for r in row["reports"]}) >= 3 for row in rows)
    assert any("Kirkuk" in json.dumps(row) for row in rows)


def test_fused_events_rebuilt_from_events_already_read_are_the_ones_read_afresh(fused_store):
    from dateline.store import fusion as fusion_tables

    with fused_store.engine.connect() as connection:
        ids = [row[0] for row in connection.execute(fusion_tables.fused_select(None))]
        afresh = fusion_tables.read_fused(connection, ids)
        events = fused_store.events()
        # every member known, or half of them (the others read from the store)
        assert fusion_tables.read_fused(connection, ids, {e.id: e for e in events}) == afresh
        assert fusion_tables.read_fused(connection, ids, {e.id: e for e in events[::2]}) == afresh
    assert any(f.sources > 1 for f in afresh)  # the three outlets' bombing among them
