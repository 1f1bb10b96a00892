"""The two commands a newcomer types: dateline ingest, dateline articles."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()


def test_ingest_then_list_and_search_the_seeds(tmp_path, seeds_dir):
    db = str(tmp_path / "news.db")
    first = runner.invoke(app, ["ingest", "--db", db, *map(str, sorted(seeds_dir.glob("*.txt")))])
    assert first.exit_code == 0 and "2 read, 2 new, 0 duplicates, 0 rejected" in first.stdout
    again = runner.invoke(app, ["ingest", "--db", db, str(seeds_dir / "000_928372cbf91601d0.txt")])
    assert "1 read, 0 new, 1 duplicates, 0 rejected" in again.stdout

    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    rows = json.loads(listed.stdout)
    assert [(r["published"], r["outlet"]) for r in rows] == [("2021-09-04", "CNN"), ("2021-07-06", "Doha News")]
    assert rows[1]["published_source"] == "inferred"

    found = json.loads(runner.invoke(app, ["articles", "--db", db, "--search", "Hekmatyar Panjshir", "--json"]).stdout)
    assert [r["outlet"] for r in found] == ["CNN"]
    assert "[Panjshir]" in found[0]["snippet"] or "[Hekmatyar]" in found[0]["snippet"]

    table = runner.invoke(app, ["articles", "--db", db, "--limit", "1"])
    assert table.exit_code == 0 and "CNN" in table.stdout and "1 shown of 2 articles" in table.stdout


def test_stdin_and_max_bytes(tmp_path):
    db = str(tmp_path / "news.db")
    text = "Troops withdrew from the base on Friday, a spokesman said. " * 5
    small = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", "--db", db, "--max-bytes", "100", "-"],
                           input=text, capture_output=True, text=True)
    assert "0 read, 0 new, 0 duplicates, 1 rejected" in small.stdout and small.returncode == 1
    assert "rejected: <stdin>: article text is" in small.stderr
    ok = subprocess.run([sys.executable, "-m", "dateline.cli", "ingest", "--db", db, "-"], input=text, capture_output=True, text=True)
    assert "1 read, 1 new, 0 duplicates, 0 rejected" in ok.stdout


def test_bad_store_is_one_line(tmp_path):
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 2 and "does not exist" in result.output
    assert "Traceback" not in result.output
