"""The whole job on both stores: the seeds ingested, read, and the record queried back, on
SQLite and on PostgreSQL alike (CI runs the PostgreSQL half against a real server)."""

from __future__ import annotations

from datetime import date

import pytest


pytestmark = pytest.mark.slow


@pytest.fixture
def processed(store, seeds_dir):
    store.ingest([seeds_dir])
    first = store.extract()
    return store, first


def test_the_seed_record_reads_back_the_same_on_either_store(processed):
    store, first = processed
    assert first.articles == 2 and not first.failed
    # seed 004: "The latest update comes days after US forces departed the Bagram Airfield"
    bagram = store.events(place="Bagram")
    assert any(e.trigger.text.startswith("depart") for e in bagram)
    # seed 000: "Taliban fighters had arrived on Friday night in the village of Anabah" (2021-09-03)
    anabah = store.events(place="Anabah", since=date(2021, 9, 3), until=date(2021, 9, 3))
    assert anabah, "no event placed in Anabah on Friday 3 September"
    # Mutlaq bin Majed Al Qahtani, in both articles two months apart: one entity
    qahtani = [row for row in store.entities(name="Qahtani") if row.entity.kind == "person"]
    assert len(qahtani) == 1 and qahtani[0].articles == 2
    # Faizabad is the capital of Badakhshan (Afghanistan), not the town in Pakistan
    faizabad = store.places(name="Faizabad")
    assert faizabad and all(row.country_code == "AF" for row in faizabad)


def test_extracting_again_adds_nothing(processed):
    store, first = processed
    again = store.extract()
    assert again.articles == 0 and again.skipped == 2
    assert store.count_events() == first.events
