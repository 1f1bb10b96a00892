"""The ingest benchmark's corpus is the same on every machine, and its plants are known."""

from __future__ import annotations

import json

import pytest

from dateline.bench.ingest import PLANT_SHARE, build_corpus


@pytest.mark.slow
def test_corpus_is_deterministic_with_a_known_share_of_plants(shared_dir, tmp_path):
    first = build_corpus(shared_dir, 200, tmp_path / "a")
    second = build_corpus(shared_dir, 200, tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first["planted"] == second["planted"] == int(200 * PLANT_SHARE)
    rows = [json.loads(line) for name in files for line in (tmp_path / "a" / name).read_text().splitlines()]
    texts = [r["text"] for r in rows if r["key"].startswith("a")]
    assert len(texts) == len(set(texts)) == 200  # distinct articles
    for key, entry in first["plan"].items():  # each plant names its original, which comes first
        assert entry["original"].startswith("a") and key.startswith("p")
