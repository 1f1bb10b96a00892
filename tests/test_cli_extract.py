"""`dateline ingest`, `dateline extract`, `dateline events` in a row, as the README tour runs them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


def test_ingest_extract_and_list_the_seed_events(tmp_path, seeds_dir):
    db = str(tmp_path / "tour.db")
    # the .txt reports only: gold.json beside them is annotations, and would be rejected (exit 1)
    assert runner.invoke(app, ["ingest", "--db", db, *map(str, sorted(seeds_dir.glob("*.txt")))]).exit_code == 0
    extracted = runner.invoke(app, ["extract", "--db", db])
    assert extracted.exit_code == 0, extracted.output
    assert "2 articles read" in extracted.output
    listed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--place", "Bagram"])
    assert listed.exit_code == 0, listed.output
    events = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    # seed 004: "US forces departed the Bagram Airfield"
    assert any("depart" in json.dumps(event).lower() for event in events)


def test_a_broken_entities_file_is_one_line_naming_it(tmp_path, seeds_dir):
    db = str(tmp_path / "tour.db")
    runner.invoke(app, ["ingest", "--db", db, str(seeds_dir)])
    broken = tmp_path / "my-entities.yaml"
    broken.write_text("entities: [name: : :\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--db", db, "--entities", str(broken)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "my-entities.yaml" in lines[0] and "Traceback" not in result.output


def test_min_sources_without_fused_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db"), "--min-sources", "2"])
    assert result.exit_code == 2
    assert "--min-sources" in result.output and "--fused" in result.output and "Traceback" not in result.output
