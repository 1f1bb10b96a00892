"""`dateline extract --workers 2` and `--engine dask` from the command line: the same events
as a plain `dateline extract`, and usage errors in one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from corpus import CORPUS  # noqa: E402

from dateline.cli import app  # noqa: E402
from dateline.store import open_store  # noqa: E402

runner = CliRunner()


def _store(tmp_path, name: str) -> str:
    db = str(tmp_path / f"{name}.db")
    with open_store(db) as store:
        store.add_articles(CORPUS[:4])
    return db


def test_dask_options_without_the_dask_engine_are_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", "--db", str(tmp_path / "x.db"), "--partitions", "3"])
    assert result.exit_code == 2 and "--scheduler and --partitions go with --engine dask" in result.output


@pytest.mark.slow
def test_workers_and_dask_from_the_command_line_give_the_same_events(tmp_path):
    outputs = []
    for name, options in (("plain", []), ("workers", ["--workers", "2", "--batch-size", "1"]),
                          ("dask", ["--engine", "dask", "--workers", "1", "--partitions", "2"])):
        db = _store(tmp_path, name)
        extracted = runner.invoke(app, ["extract", "--db", db, *options])
        assert extracted.exit_code == 0, extracted.output
        assert "4 articles read" in extracted.output and "0 failed" in extracted.output
        listed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
        assert listed.exit_code == 0
        outputs.append(listed.output)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
